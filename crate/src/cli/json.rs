//! `--format json`: one JSON document with every file and its diagnostics, in the editor
//! API's shape (0-based lines, UTF-16 columns).

use super::Checked;
use devcontainer_doctor::api::Diagnostic;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<FileReport<'a>>,
}

#[derive(Serialize)]
struct FileReport<'a> {
    path: String,
    diagnostics: &'a [Diagnostic],
}

pub fn render(checked: &[Checked]) -> String {
    let report = Report {
        files: checked
            .iter()
            .map(|c| FileReport {
                path: c.file.display_path(),
                diagnostics: &c.diagnostics,
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{\"files\":[]}".to_string())
}
