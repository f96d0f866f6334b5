//! The public, editor-facing API: text in, plain serde values out. Every position here is a
//! 0-based line and UTF-16 column, every offset a UTF-16 code-unit offset, as VS Code counts.
//! The WASM facade and the CLI's JSON output use these types unchanged.

use crate::diag::{self, FileId, Severity};
use crate::sorted::SortedMap;
use crate::text::{LineIndex, Range, TextRange};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use crate::project::{WantKind, Wanted};

mod actions;
mod checked;
mod document;
pub mod flat;
mod kept;
mod project;
pub use actions::{code_actions, code_actions_document, code_actions_project};
pub use document::Document;
pub use kept::Kept;
pub use project::{
    FileDiagnostics, ProjectFile, ProjectFileKind, ProjectInput, ProjectResult, analyze_project,
    analyze_project_in, complete_project, hover_project, project_needed, project_wanted,
};

/// A user's choice of severity for one rule code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityOverride {
    Error,
    Warning,
    Info,
    Hint,
    Off,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AnalyzeOptions {
    /// Rule code -> severity ("off" drops the rule's diagnostics).
    pub severity_overrides: SortedMap<String, SeverityOverride>,
    /// Leaves every diagnostic's `fixes` empty: the host asks for code actions when the user
    /// does. Fixes were half of what crossed the WASM boundary on every keystroke (issue 11).
    pub omit_fixes: bool,
}

impl AnalyzeOptions {
    /// Whether the check behind these results makes fixes: not when they are left out.
    pub fn fixes(&self) -> crate::rules::Fixes {
        if self.omit_fixes {
            crate::rules::Fixes::Skipped
        } else {
            crate::rules::Fixes::Made
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit {
    pub range: Range,
    pub new_text: String,
    /// The project path of the file this edit changes, when it is not the file of the
    /// diagnostic (or document) it comes with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub title: String,
    /// Safe fixes are preferred in the editor and applied by `check --fix`.
    pub is_preferred: bool,
    pub edits: Vec<TextEdit>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub range: Range,
    pub fixes: Vec<Fix>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeResult {
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum CompletionKind {
    Property,
    Value,
    Enum,
    Keyword,
    Snippet,
    Variable,
    Module,
    Constant,
}

impl From<crate::ide::complete::CompletionKind> for CompletionKind {
    fn from(kind: crate::ide::complete::CompletionKind) -> Self {
        use crate::ide::complete::CompletionKind as K;
        match kind {
            K::Property => Self::Property,
            K::Value => Self::Value,
            K::Enum => Self::Enum,
            K::Keyword => Self::Keyword,
            K::Snippet => Self::Snippet,
            K::Variable => Self::Variable,
            K::Module => Self::Module,
            K::Constant => Self::Constant,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CompletionItem {
    /// Borrowed from the static spec and catalog where it can be (as `detail`, `doc_id` and
    /// `sort_text`): long lists then copy little.
    pub label: Cow<'static, str>,
    pub kind: CompletionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Cow<'static, str>>,
    /// Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    /// Given instead of `documentation` when that is left out to keep the list small: the
    /// host asks [`completion_doc`] for it when the item is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<Cow<'static, str>>,
    pub insert_text: String,
    /// When true, `insert_text` is a VS Code snippet (`$1`, `${1:x}`).
    pub is_snippet: bool,
    /// The text the item replaces.
    pub range: Range,
    pub sort_text: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_text: Option<String>,
    /// Extra edits elsewhere, e.g. a comma after the previous member.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_edits: Vec<TextEdit>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Hover {
    /// Markdown.
    pub contents: String,
    pub range: Range,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CodeAction {
    pub title: String,
    /// "quickfix" or "source.fixAll".
    pub kind: String,
    pub is_preferred: bool,
    /// Codes of the diagnostics this action resolves.
    pub diagnostic_codes: Vec<String>,
    pub edits: Vec<TextEdit>,
}

/// Checks a devcontainer.json text on its own.
pub fn analyze(text: &str, options: &AnalyzeOptions) -> AnalyzeResult {
    analyze_document(&Document::new(text, 0), options)
}

/// Checks a kept document on its own.
pub fn analyze_document(document: &Document, options: &AnalyzeOptions) -> AnalyzeResult {
    let checked = document.checked(options.fixes());
    if checked.is_empty() {
        return AnalyzeResult {
            diagnostics: Vec::new(),
        };
    }
    let index = document.line_index();
    let diagnostics = checked
        .iter()
        .filter_map(|d| diagnostic_to_api(d, options, &|_| Some(&index), &|_| None))
        .collect();
    AnalyzeResult { diagnostics }
}

/// The severity a user chose for a code, `None` for "off".
fn severity_for(options: &AnalyzeOptions, code: &str, default: Severity) -> Option<Severity> {
    match crate::rules::setting_for(&options.severity_overrides, code) {
        Some(SeverityOverride::Off) => None,
        Some(SeverityOverride::Error) => Some(Severity::Error),
        Some(SeverityOverride::Warning) => Some(Severity::Warning),
        Some(SeverityOverride::Info) => Some(Severity::Info),
        Some(SeverityOverride::Hint) => Some(Severity::Hint),
        None => Some(default),
    }
}

pub(crate) type IndexOf<'i> = dyn Fn(FileId) -> Option<&'i LineIndex<'i>> + 'i;
pub(crate) type PathOf<'i> = dyn Fn(FileId) -> Option<String> + 'i;

pub(crate) fn diagnostic_to_api<'i>(
    d: &diag::Diagnostic,
    options: &AnalyzeOptions,
    index_of: &IndexOf<'i>,
    path_of: &PathOf<'i>,
) -> Option<Diagnostic> {
    let severity = severity_for(options, d.code, d.severity)?;
    let index = index_of(d.file)?;
    let fixes = d
        .fixes
        .iter()
        .filter(|_| !options.omit_fixes)
        .map(|f| Fix {
            title: f.title.clone(),
            is_preferred: f.safe,
            edits: f
                .edits
                .iter()
                .filter_map(|e| {
                    let edit_index = index_of(e.file)?;
                    Some(TextEdit {
                        range: edit_index.range(e.range),
                        new_text: e.new_text.clone(),
                        file: (e.file != d.file).then(|| path_of(e.file)).flatten(),
                    })
                })
                .collect(),
        })
        .collect();
    Some(Diagnostic {
        code: d.code.to_string(),
        severity,
        message: d.message.clone(),
        range: index.range(d.range),
        fixes,
    })
}

pub fn fix_to_api(index: &LineIndex, fix: &diag::Fix) -> Fix {
    Fix {
        title: fix.title.clone(),
        is_preferred: fix.safe,
        edits: edits_to_api(index, &fix.edits),
    }
}

pub fn edits_to_api(index: &LineIndex, edits: &[diag::Edit]) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|e| TextEdit {
            range: index.range(e.range),
            new_text: e.new_text.clone(),
            file: None,
        })
        .collect()
}

/// Completion items at a UTF-16 offset.
pub fn complete(text: &str, offset: u32) -> Vec<CompletionItem> {
    complete_document(&Document::new(text, 0), offset)
}

pub fn complete_document(document: &Document, offset: u32) -> Vec<CompletionItem> {
    complete_document_in(None, document, offset)
}

/// Completion in a kept document, with the other files of its project when given (Compose
/// services, Dockerfile stages, names from folder listings).
pub fn complete_document_in(
    project: Option<&crate::project::Project>,
    document: &Document,
    offset: u32,
) -> Vec<CompletionItem> {
    let index = document.line_index();
    let offset = index.offset_from_utf16(offset as usize);
    // Most items of a list replace the same text: its position is found once.
    let mut last: Option<(TextRange, Range)> = None;
    let mut range_of = |replace: TextRange| match last {
        Some((seen, range)) if seen == replace => range,
        _ => {
            let range = index.range(replace);
            last = Some((replace, range));
            range
        }
    };
    crate::ide::complete::complete_project_in(project, document.text(), document.tree(), offset)
        .into_iter()
        .map(|item| CompletionItem {
            label: item.label,
            kind: item.kind.into(),
            detail: item.detail,
            documentation: item.documentation,
            doc_id: item.doc_id,
            insert_text: item.insert_text,
            is_snippet: item.is_snippet,
            range: range_of(item.replace),
            sort_text: item.sort_text,
            filter_text: item.filter_text,
            additional_edits: edits_to_api(&index, &item.additional_edits),
        })
        .collect()
}

/// The documentation of a completion item given with a `doc_id` instead.
pub fn completion_doc(doc_id: &str) -> Option<String> {
    crate::ide::complete::features::resolve_doc(doc_id)
}

/// Hover documentation at a UTF-16 offset.
pub fn hover(text: &str, offset: u32) -> Option<Hover> {
    hover_document(&Document::new(text, 0), offset)
}

pub fn hover_document(document: &Document, offset: u32) -> Option<Hover> {
    hover_document_in(None, document, offset)
}

/// Hover in a kept document, with the other files of its project when given (a Compose
/// service's image or build, a Dockerfile stage's `FROM` line).
pub fn hover_document_in(
    project: Option<&crate::project::Project>,
    document: &Document,
    offset: u32,
) -> Option<Hover> {
    let index = document.line_index();
    let offset = index.offset_from_utf16(offset as usize);
    let (text, tree) = (document.text(), document.tree());
    crate::ide::hover::hover_project_in(project, text, tree, offset).map(|h| Hover {
        contents: h.contents,
        range: index.range(h.range),
    })
}

/// What the change from `old_text` to `new_text` takes to apply: nothing, a window reload, a
/// container restart or a rebuild, property by property.
pub fn rebuild_advice(old_text: &str, new_text: &str) -> crate::rebuild::RebuildAdvice {
    crate::rebuild::advise(old_text, new_text)
}

/// One rule code, as the extension and the CLI's JSON list them.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RuleEntry {
    pub code: String,
    pub severity: Severity,
    pub summary: String,
    pub docs_url: String,
}

/// Every rule code with its default severity, summary and docs link.
pub fn rules() -> Vec<RuleEntry> {
    crate::rules::catalog()
        .map(|r| RuleEntry {
            code: r.code.to_string(),
            severity: r.severity,
            summary: r.summary.to_string(),
            docs_url: crate::rules::docs_url(r.code),
        })
        .collect()
}

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_document_answers_like_the_text_calls() {
        let text = "{ \"image\": \"golang:1.22\", 'name': \"é\", }";
        let document = Document::new(text, 7);
        assert_eq!(document.version(), 7);
        let options = AnalyzeOptions::default();
        assert_eq!(
            analyze_document(&document, &options),
            analyze(text, &options)
        );
        assert_eq!(complete_document(&document, 2), complete(text, 2));
        assert_eq!(hover_document(&document, 4), hover(text, 4));
        assert_eq!(
            code_actions_document(&document, 0, 40, &options),
            code_actions(text, 0, 40, &options)
        );
    }
}
