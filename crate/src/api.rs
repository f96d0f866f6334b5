//! The public, editor-facing API: text in, plain serde values out. Every position here is a
//! 0-based line and UTF-16 column, every offset a UTF-16 code-unit offset, as VS Code counts.
//! The WASM facade and the CLI's JSON output use these types unchanged.

use crate::diag::{self, Severity};
use crate::text::{LineIndex, Range};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub severity_overrides: BTreeMap<String, SeverityOverride>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit {
    pub range: Range,
    pub new_text: String,
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
    pub label: String,
    pub kind: CompletionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    pub insert_text: String,
    /// When true, `insert_text` is a VS Code snippet (`$1`, `${1:x}`).
    pub is_snippet: bool,
    /// The text the item replaces.
    pub range: Range,
    pub sort_text: String,
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

/// Checks a devcontainer.json text.
pub fn analyze(text: &str, options: &AnalyzeOptions) -> AnalyzeResult {
    let analysis = crate::analysis::analyze(text);
    let index = LineIndex::new(text);
    let diagnostics = analysis
        .diagnostics
        .iter()
        .filter_map(|d| {
            let severity = match crate::rules::setting_for(&options.severity_overrides, d.code) {
                Some(SeverityOverride::Off) => return None,
                Some(SeverityOverride::Error) => Severity::Error,
                Some(SeverityOverride::Warning) => Severity::Warning,
                Some(SeverityOverride::Info) => Severity::Info,
                Some(SeverityOverride::Hint) => Severity::Hint,
                None => d.severity,
            };
            Some(Diagnostic {
                code: d.code.to_string(),
                severity,
                message: d.message.clone(),
                range: index.range(d.range),
                fixes: d.fixes.iter().map(|f| fix_to_api(&index, f)).collect(),
            })
        })
        .collect();
    AnalyzeResult { diagnostics }
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
        })
        .collect()
}

/// Completion items at a UTF-16 offset.
pub fn complete(text: &str, offset: u32) -> Vec<CompletionItem> {
    let index = LineIndex::new(text);
    let offset = index.offset_from_utf16(offset as usize);
    crate::ide::complete::complete(text, offset)
        .into_iter()
        .map(|item| CompletionItem {
            label: item.label,
            kind: item.kind.into(),
            detail: item.detail,
            documentation: item.documentation,
            insert_text: item.insert_text,
            is_snippet: item.is_snippet,
            range: index.range(item.replace),
            sort_text: item.sort_text,
            filter_text: item.filter_text,
            additional_edits: edits_to_api(&index, &item.additional_edits),
        })
        .collect()
}

/// Hover documentation at a UTF-16 offset.
pub fn hover(text: &str, offset: u32) -> Option<Hover> {
    let index = LineIndex::new(text);
    let offset = index.offset_from_utf16(offset as usize);
    crate::ide::hover::hover(text, offset).map(|h| Hover {
        contents: h.contents,
        range: index.range(h.range),
    })
}

/// Quick fixes for the diagnostics touching the UTF-16 range `start..end`, plus "fix all".
pub fn code_actions(text: &str, start: u32, end: u32) -> Vec<CodeAction> {
    let index = LineIndex::new(text);
    let start = index.offset_from_utf16(start as usize);
    let end = index.offset_from_utf16(end as usize).max(start);
    crate::ide::code_actions::code_actions(text, crate::text::TextRange::new(start, end))
        .into_iter()
        .map(|action| CodeAction {
            title: action.title,
            kind: action.kind.to_string(),
            is_preferred: action.is_preferred,
            diagnostic_codes: action.diagnostic_codes,
            edits: edits_to_api(&index, &action.edits),
        })
        .collect()
}

/// What the change from `old_text` to `new_text` takes to apply: nothing, a window reload, a
/// container restart or a rebuild, property by property.
pub fn rebuild_advice(old_text: &str, new_text: &str) -> crate::rebuild::RebuildAdvice {
    crate::rebuild::advise(old_text, new_text)
}

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
