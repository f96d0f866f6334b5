//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read. Regions are 1-based;
//! columns count UTF-16 code units, SARIF's default `columnKind`.

use super::Checked;
use devcontainer_doctor::api::{self, Diagnostic};
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::rules::{self, RuleInfo};
use devcontainer_doctor::text::Range;
use serde_json::{Value, json};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(checked: &[Checked]) -> String {
    let catalog: Vec<&RuleInfo> = rules::catalog().collect();
    let rules: Vec<Value> = catalog.iter().map(|r| rule(r)).collect();
    let results: Vec<Value> = checked
        .iter()
        .flat_map(|c| {
            let uri = artifact_uri(&relative_to_cwd(&c.file.display_path()));
            let catalog = &catalog;
            c.diagnostics.iter().map(move |d| result(d, &uri, catalog))
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "devcontainer-doctor",
                    "version": api::version(),
                    "semanticVersion": api::version(),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn rule(info: &RuleInfo) -> Value {
    json!({
        "id": info.code,
        "name": info.code,
        "shortDescription": { "text": info.summary },
        "helpUri": rules::docs_url(info.code),
        "defaultConfiguration": { "level": level(info.severity) },
    })
}

fn region(range: &Range) -> Value {
    json!({
        "startLine": range.start.line + 1,
        "startColumn": range.start.character + 1,
        "endLine": range.end.line + 1,
        "endColumn": range.end.character + 1,
    })
}

fn result(d: &Diagnostic, uri: &str, catalog: &[&RuleInfo]) -> Value {
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region(&d.range),
            }
        }],
    });
    if let Some(index) = catalog.iter().position(|r| r.code == d.code) {
        result["ruleIndex"] = json!(index);
    }
    if !d.fixes.is_empty() {
        let fixes: Vec<Value> = d
            .fixes
            .iter()
            .map(|f| {
                json!({
                    "description": { "text": f.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": f.edits.iter().map(|e| json!({
                            "deletedRegion": region(&e.range),
                            "insertedContent": { "text": e.new_text },
                        })).collect::<Vec<_>>(),
                    }],
                })
            })
            .collect();
        result["fixes"] = json!(fixes);
    }
    result
}

/// Code-scanning services resolve results against the checkout: an absolute path inside the
/// current folder is given relative to it.
pub(super) fn relative_to_cwd(path: &str) -> String {
    let absolute = std::path::Path::new(path);
    if !absolute.is_absolute() {
        return path.to_string();
    }
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            absolute
                .strip_prefix(&cwd)
                .ok()
                .map(|rest| rest.to_string_lossy().replace('\\', "/"))
        })
        .unwrap_or_else(|| path.to_string())
}

/// A relative URI reference for a path as shown (`/` separators); characters that URIs reserve
/// are percent-encoded. An absolute path becomes a `file://` URI.
fn artifact_uri(path: &str) -> String {
    let mut uri = String::new();
    if path.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            artifact_uri("a b/.devcontainer.json"),
            "a%20b/.devcontainer.json"
        );
        assert_eq!(artifact_uri("/x/é"), "file:///x/%C3%A9");
    }
}
