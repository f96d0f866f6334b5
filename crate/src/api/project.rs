//! The project half of the API: a configuration with the files its host read, in and out as
//! plain serde values (see `crate::project` for what is resolved and how).

use super::{AnalyzeOptions, CompletionItem, Diagnostic, Document, Hover, diagnostic_to_api};
use crate::diag::FileId;
use crate::project::{Entry, Project, Wanted};
use crate::sorted::SortedMap;
use crate::text::LineIndex;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;

/// What the host found at a path of a project.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum ProjectFileKind {
    /// A file, with its `text`.
    Text,
    /// Nothing there (or unreadable, or a folder where a file was wanted).
    Missing,
    /// A folder, with the names in it (`entries`; sub-folders end with `/`).
    Folder,
}

/// One file or folder the host supplies, by its path relative to the devcontainer.json folder.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ProjectFile {
    pub path: String,
    pub kind: ProjectFileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<String>>,
}

/// A configuration as a host hands it in: the main devcontainer.json and the files read so far.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectInput {
    /// The main file's path as the host names it (shown in reports).
    pub main_path: String,
    pub text: String,
    /// Checked without its folder: nothing is wanted, one note says the files were not checked.
    pub isolated: bool,
    /// What `${localWorkspaceFolder}` stands for (POSIX separators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_folder: Option<String>,
    /// The absolute folder of devcontainer.json (POSIX separators), for absolute paths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_folder: Option<String>,
    /// Values for `${localEnv:NAME}`.
    pub local_env: SortedMap<String, String>,
    pub files: Vec<ProjectFile>,
}

impl ProjectInput {
    pub fn to_project(&self) -> Project {
        let mut project = Project::new(self.main_path.clone(), self.text.clone());
        project.isolated = self.isolated;
        project.workspace_folder = self.workspace_folder.clone();
        project.config_folder = self.config_folder.clone();
        project.local_env = self.local_env.clone();
        for file in &self.files {
            let entry = match file.kind {
                ProjectFileKind::Text => Entry::Text(file.text.clone().unwrap_or_default()),
                ProjectFileKind::Missing => Entry::Missing,
                ProjectFileKind::Folder => Entry::Folder(file.entries.clone().unwrap_or_default()),
            };
            project.add(&file.path, entry);
        }
        project
    }
}

/// The diagnostics of one file of a project.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FileDiagnostics {
    /// The main file's path as the host gave it, else the project path (relative to the
    /// devcontainer.json folder).
    pub path: String,
    pub main: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Every file of a project that has a text, the main file first, each with its diagnostics
/// (possibly none, so a host can clear what it showed before).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ProjectResult {
    pub files: Vec<FileDiagnostics>,
}

/// The paths the host should read or list next; empty when it has everything.
pub fn project_wanted(input: &ProjectInput) -> Vec<Wanted> {
    input.to_project().wanted()
}

/// Every path the configuration needs read, whether the host supplied it or not: a host that
/// kept earlier reads hands in only these.
pub fn project_needed(input: &ProjectInput) -> Vec<Wanted> {
    let project = input.to_project();
    project.needed_with(&crate::syntax::parse(&input.text))
}

/// Checks a configuration with the files the host supplied.
pub fn analyze_project(input: &ProjectInput, options: &AnalyzeOptions) -> ProjectResult {
    analyze_project_in(&input.to_project(), options)
}

/// The same for a [`Project`] the host built directly (the CLI).
pub fn analyze_project_in(project: &Project, options: &AnalyzeOptions) -> ProjectResult {
    let analysis = crate::analysis::analyze_project(project);
    project_result(project, &analysis.diagnostics, options, None)
}

/// The per-file result of findings already computed for `project` (a kept analysis), with the
/// main text's line index when a kept document has one.
pub(crate) fn project_result(
    project: &Project,
    diagnostics: &[crate::diag::Diagnostic],
    options: &AnalyzeOptions,
    main_index: Option<LineIndex<'_>>,
) -> ProjectResult {
    // A file's line index is made only when one of its findings is reported: most files of
    // most projects have none, and indexing every text on every keystroke cost 7% (issue 11).
    // The other files' indexes are kept by the project, which outlives the keystroke.
    let texts: Vec<(FileId, String, &str, OnceCell<LineIndex>)> = project
        .texts()
        .map(|(id, path, text)| (id, path.to_string(), text, OnceCell::new()))
        .collect();
    let index_of = |id: FileId| {
        let (_, _, text, index) = texts.iter().find(|t| t.0 == id)?;
        Some(index.get_or_init(|| {
            let kept = match id {
                FileId::MAIN => main_index.as_ref().map(LineIndex::view),
                _ => project.line_index(id),
            };
            kept.unwrap_or_else(|| LineIndex::new(text))
        }))
    };
    let path_of = |id: FileId| project.path(id).map(str::to_string);
    let files = texts
        .iter()
        .map(|(id, path, _, _)| FileDiagnostics {
            path: path.clone(),
            main: *id == FileId::MAIN,
            diagnostics: diagnostics
                .iter()
                .filter(|d| d.file == *id)
                .filter_map(|d| diagnostic_to_api(d, options, &index_of, &path_of))
                .collect(),
        })
        .collect();
    ProjectResult { files }
}

/// Completion at a UTF-16 offset of `input.text`, with the files the host read for it (the
/// same input it passed to [`analyze_project`], so nothing is read twice).
pub fn complete_project(input: &ProjectInput, offset: u32) -> Vec<CompletionItem> {
    let document = Document::new(input.text.as_str(), 0);
    super::complete_document_in(Some(&input.to_project()), &document, offset)
}

/// Hover at a UTF-16 offset of `input.text`, with the files the host read for it.
pub fn hover_project(input: &ProjectInput, offset: u32) -> Option<Hover> {
    let document = Document::new(input.text.as_str(), 0);
    super::hover_document_in(Some(&input.to_project()), &document, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::SeverityOverride;
    use crate::project::WantKind;

    #[test]
    fn project_results_per_file_with_paths() {
        let input = ProjectInput {
            main_path: "/w/.devcontainer/devcontainer.json".into(),
            text: "{ \"dockerComposeFile\": \"../c.yml\", \"service\": \"a\", \"workspaceFolder\": \"/w\" }".into(),
            ..ProjectInput::default()
        };
        assert_eq!(
            project_wanted(&input),
            vec![
                Wanted {
                    path: ".".into(),
                    kind: WantKind::Folder
                },
                Wanted {
                    path: "../c.yml".into(),
                    kind: WantKind::File
                }
            ]
        );
        let mut input = input;
        input.files.push(ProjectFile {
            path: "../c.yml".into(),
            kind: ProjectFileKind::Text,
            text: Some("services:\n  a:\n    build: .\n".into()),
            entries: None,
        });
        input.files.push(ProjectFile {
            path: ".".into(),
            kind: ProjectFileKind::Folder,
            text: None,
            entries: Some(vec!["devcontainer.json".into()]),
        });
        input.files.push(ProjectFile {
            path: "..".into(),
            kind: ProjectFileKind::Folder,
            text: None,
            entries: Some(vec!["c.yml".into(), "dockerfile".into()]),
        });
        input.files.push(ProjectFile {
            path: "../Dockerfile".into(),
            kind: ProjectFileKind::Missing,
            text: None,
            entries: None,
        });
        assert!(project_wanted(&input).is_empty());
        let result = analyze_project(&input, &AnalyzeOptions::default());
        assert_eq!(result.files.len(), 2);
        assert!(result.files[0].main && result.files[0].diagnostics.is_empty());
        assert_eq!(result.files[1].path, "../c.yml");
        let d = &result.files[1].diagnostics[0];
        assert_eq!(d.code, "file-dockerfile-missing");
        assert_eq!((d.range.start.line, d.range.start.character), (2, 4));
        assert!(
            d.message.contains("did you mean `dockerfile`?"),
            "{}",
            d.message
        );
        let mut off = AnalyzeOptions::default();
        off.severity_overrides
            .insert("file-dockerfile-missing".into(), SeverityOverride::Off);
        assert!(
            analyze_project(&input, &off).files[1]
                .diagnostics
                .is_empty()
        );
    }
}
