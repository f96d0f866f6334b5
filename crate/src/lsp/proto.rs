//! Protocol conversion: LSP positions (UTF-16 or UTF-8 columns, as negotiated) to byte offsets
//! and back, and the editor API's types (always UTF-16) to `lsp_types`. Nothing else in the
//! server counts columns.

use crate::api;
use crate::diag::Severity;
use crate::text::{self, LineIndex};
use lsp_types as lsp;
use std::str::FromStr;

/// How the client counts columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    pub fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        }
    }
}

/// One document's lines, for converting in the negotiated encoding.
pub struct Lines<'a> {
    index: LineIndex<'a>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        Self {
            index: LineIndex::new(text),
            encoding,
        }
    }

    /// Byte offset of an LSP position. A column past the line's end means the line's end, a
    /// line past the last means the text's end, and a column inside a character (a UTF-8 byte
    /// inside a sequence, a UTF-16 unit inside a surrogate pair) falls back to its start.
    pub fn offset(&self, position: lsp::Position) -> usize {
        match self.encoding {
            Encoding::Utf16 => self.index.offset(text::Position {
                line: position.line,
                character: position.character,
            }),
            Encoding::Utf8 => {
                let line = position.line as usize;
                if line >= self.index.line_count() {
                    return self.index.text().len();
                }
                let content = self.index.line_range(line);
                let offset = content.start + (position.character as usize).min(content.len());
                self.index.clamp(offset)
            }
        }
    }

    /// The LSP position of a byte offset (clamped into the text, onto a character boundary
    /// and out of line endings).
    pub fn position(&self, offset: usize) -> lsp::Position {
        match self.encoding {
            Encoding::Utf16 => {
                let p = self.index.position(offset);
                lsp::Position::new(p.line, p.character)
            }
            Encoding::Utf8 => {
                let offset = self.index.clamp(offset);
                let line = self.index.line_of(offset);
                let content = self.index.line_range(line);
                let offset = offset.min(content.end);
                lsp::Position::new(line as u32, (offset - content.start) as u32)
            }
        }
    }

    pub fn range(&self, range: text::TextRange) -> lsp::Range {
        lsp::Range::new(
            self.position(range.start),
            self.position(range.end.max(range.start)),
        )
    }

    /// Byte range of an LSP range (the end never before the start).
    pub fn text_range(&self, range: lsp::Range) -> text::TextRange {
        let start = self.offset(range.start);
        text::TextRange::new(start, self.offset(range.end).max(start))
    }

    /// The UTF-16 offset into the whole text that the editor API takes.
    pub fn api_offset(&self, position: lsp::Position) -> u32 {
        self.index.utf16_offset(self.offset(position)) as u32
    }

    /// An editor API range (UTF-16) in the negotiated encoding.
    pub fn from_api(&self, range: text::Range) -> lsp::Range {
        if self.encoding == Encoding::Utf16 {
            return lsp::Range::new(
                lsp::Position::new(range.start.line, range.start.character),
                lsp::Position::new(range.end.line, range.end.character),
            );
        }
        let start = self.index.offset(range.start);
        let end = self.index.offset(range.end).max(start);
        self.range(text::TextRange::new(start, end))
    }

    pub fn text_edit(&self, edit: &api::TextEdit) -> lsp::TextEdit {
        lsp::TextEdit::new(self.from_api(edit.range), edit.new_text.clone())
    }
}

/// Applies one `didChange` content change: a whole new text, or a ranged replacement.
pub fn apply_change(
    text: &mut String,
    change: lsp::TextDocumentContentChangeEvent,
    encoding: Encoding,
) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let range = Lines::new(text, encoding).text_range(range);
            text.replace_range(range.start..range.end, &change.text);
        }
    }
}

pub const SOURCE: &str = "devcontainer-doctor";

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(lines: &Lines, d: &api::Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lines.from_api(d.range),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.clone())),
        code_description: lsp::Uri::from_str(&crate::rules::docs_url(&d.code))
            .ok()
            .map(|href| lsp::CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        ..Default::default()
    }
}

fn completion_kind(kind: api::CompletionKind) -> lsp::CompletionItemKind {
    use api::CompletionKind as K;
    match kind {
        K::Property => lsp::CompletionItemKind::PROPERTY,
        K::Value => lsp::CompletionItemKind::VALUE,
        K::Enum => lsp::CompletionItemKind::ENUM_MEMBER,
        K::Keyword => lsp::CompletionItemKind::KEYWORD,
        K::Snippet => lsp::CompletionItemKind::SNIPPET,
        K::Variable => lsp::CompletionItemKind::VARIABLE,
        K::Module => lsp::CompletionItemKind::MODULE,
        K::Constant => lsp::CompletionItemKind::CONSTANT,
    }
}

/// The key in a completion item's `data` that names its documentation for resolve.
pub const DOC_ID: &str = "docId";

/// A completion item; without the client's snippet support a snippet becomes the plain text
/// it would insert (placeholders keep their defaults, choices their first option).
pub fn completion_item(
    lines: &Lines,
    item: &api::CompletionItem,
    snippets: bool,
) -> lsp::CompletionItem {
    let as_snippet = item.is_snippet && snippets;
    let new_text = if item.is_snippet && !snippets {
        crate::ide::snippet::expand(&item.insert_text)
    } else {
        item.insert_text.clone()
    };
    lsp::CompletionItem {
        label: item.label.to_string(),
        kind: Some(completion_kind(item.kind)),
        detail: item.detail.as_deref().map(str::to_string),
        documentation: item.documentation.as_ref().map(|d| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: d.clone(),
            })
        }),
        sort_text: Some(item.sort_text.to_string()),
        filter_text: item.filter_text.clone(),
        insert_text_format: Some(if as_snippet {
            lsp::InsertTextFormat::SNIPPET
        } else {
            lsp::InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
            lines.from_api(item.range),
            new_text,
        ))),
        data: item
            .doc_id
            .as_ref()
            .map(|id| serde_json::json!({ DOC_ID: id })),
        additional_text_edits: (!item.additional_edits.is_empty()).then(|| {
            item.additional_edits
                .iter()
                .map(|e| lines.text_edit(e))
                .collect()
        }),
        ..Default::default()
    }
}

pub fn hover(lines: &Lines, hover: &api::Hover) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: hover.contents.clone(),
        }),
        range: Some(lines.from_api(hover.range)),
    }
}

/// An action's edits as one workspace edit. An edit with a `file` (a project path) goes to the
/// document `target` resolves it to (its URI and the text its ranges count in), any other to
/// `own` (URI, text). `None` when a file cannot be resolved: half an action is not applied.
pub fn workspace_edit(
    own: (&str, &str),
    edits: &[api::TextEdit],
    encoding: Encoding,
    target: &dyn Fn(&str) -> Option<(String, String)>,
) -> Option<lsp::WorkspaceEdit> {
    let mut groups: Vec<(String, String, Vec<&api::TextEdit>)> = Vec::new();
    for edit in edits {
        let (uri, text) = match &edit.file {
            Some(file) => target(file)?,
            None => (own.0.to_string(), own.1.to_string()),
        };
        match groups.iter_mut().find(|g| g.0 == uri) {
            Some(group) => group.2.push(edit),
            None => groups.push((uri, text, vec![edit])),
        }
    }
    let edits = |(uri, text, group): (String, String, Vec<&api::TextEdit>)| {
        let lines = Lines::new(&text, encoding);
        let edits: Vec<lsp::TextEdit> = group.iter().map(|e| lines.text_edit(e)).collect();
        lsp::Uri::from_str(&uri).ok().map(|uri| (uri, edits))
    };
    Some(lsp::WorkspaceEdit {
        // Built in place: clippy counts `Uri` a mutable key type in a named map.
        changes: Some(groups.into_iter().map(edits).collect::<Option<_>>()?),
        ..Default::default()
    })
}

/// A code action; `diagnostics` are the client's diagnostics it resolves.
pub fn code_action(
    title: &str,
    kind: &str,
    is_preferred: bool,
    edit: lsp::WorkspaceEdit,
    diagnostics: Vec<lsp::Diagnostic>,
) -> lsp::CodeAction {
    lsp::CodeAction {
        title: title.to_string(),
        kind: Some(lsp::CodeActionKind::from(kind.to_string())),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(edit),
        is_preferred: is_preferred.then_some(true),
        ..Default::default()
    }
}

/// The file name of a URI's path (the part after the last `/`, without query or fragment).
pub fn file_name(uri: &str) -> &str {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    path.rsplit('/').next().unwrap_or(path)
}

/// The documents this server checks: `devcontainer.json` and `.devcontainer.json`, anywhere.
pub fn is_devcontainer_json(uri: &str) -> bool {
    matches!(file_name(uri), "devcontainer.json" | ".devcontainer.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position::new(line, character)
    }

    #[test]
    fn utf16_and_utf8_columns_across_cjk_emoji_crlf_and_bom() {
        let text = "\u{feff}{\r\n  \"注\": \"😀x\"\r\n}";
        let x = text.find('x').unwrap();
        let u16 = Lines::new(text, Encoding::Utf16);
        let u8 = Lines::new(text, Encoding::Utf8);
        // Line 1: two spaces, quote, 注 (1 unit / 3 bytes), quote, colon, space, quote, 😀 (2 / 4).
        assert_eq!(u16.position(x), pos(1, 2 + 1 + 1 + 1 + 1 + 1 + 1 + 2));
        assert_eq!(u8.position(x), pos(1, 2 + 1 + 3 + 1 + 1 + 1 + 1 + 4));
        assert_eq!(u16.offset(u16.position(x)), x);
        assert_eq!(u8.offset(u8.position(x)), x);
        // The BOM is one UTF-16 unit and three UTF-8 bytes.
        assert_eq!(u16.position(3), pos(0, 1));
        assert_eq!(u8.position(3), pos(0, 3));
        // Inside the emoji: back to its start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(u16.offset(pos(1, 9)), emoji);
        assert_eq!(u8.offset(pos(1, 11)), emoji);
        // Past the line's end: the line's end (before \r\n); past the last line: the end.
        assert_eq!(u8.offset(pos(0, 99)), text.find('\r').unwrap());
        assert_eq!(u16.offset(pos(9, 0)), text.len());
        // An offset inside \r\n belongs to the end of its line.
        assert_eq!(u8.position(text.find('\n').unwrap()), pos(0, 4));
    }

    #[test]
    fn ranged_changes_apply_in_either_encoding() {
        let change = |range, text: &str| lsp::TextDocumentContentChangeEvent {
            range: Some(range),
            range_length: None,
            text: text.to_string(),
        };
        let edit = |t: &mut String, range: [u32; 4], text: &str, encoding| {
            let range = lsp::Range::new(pos(range[0], range[1]), pos(range[2], range[3]));
            apply_change(t, change(range, text), encoding);
        };
        let mut t = String::from("{\"a😀\": 1}\r\n");
        // UTF-16 column 4 lies inside the surrogate pair of 😀: the insertion lands before it.
        edit(&mut t, [0, 4, 0, 4], "-", Encoding::Utf16);
        assert_eq!(t, "{\"a-😀\": 1}\r\n");
        edit(&mut t, [0, 3, 0, 4], "", Encoding::Utf16);
        edit(&mut t, [0, 5, 0, 5], "é", Encoding::Utf16);
        assert_eq!(t, "{\"a😀é\": 1}\r\n");
        // UTF-8: bytes 2..9 are `a😀é`.
        edit(&mut t, [0, 2, 0, 9], "b", Encoding::Utf8);
        assert_eq!(t, "{\"b\": 1}\r\n");
        apply_change(
            &mut t,
            change(lsp::Range::new(pos(1, 0), pos(1, 0)), "// 末"),
            Encoding::Utf8,
        );
        assert_eq!(t, "{\"b\": 1}\r\n// 末");
    }

    #[test]
    fn api_ranges_convert_to_utf8() {
        let text = "{\"注\": 1}";
        let u8 = Lines::new(text, Encoding::Utf8);
        let range = text::Range {
            start: text::Position {
                line: 0,
                character: 1,
            },
            end: text::Position {
                line: 0,
                character: 4,
            },
        };
        assert_eq!(u8.from_api(range), lsp::Range::new(pos(0, 1), pos(0, 6)));
        assert_eq!(u8.api_offset(pos(0, 6)), 4);
    }

    #[test]
    fn file_names() {
        assert!(is_devcontainer_json(
            "file:///w/.devcontainer/devcontainer.json"
        ));
        assert!(is_devcontainer_json("file:///w/.devcontainer.json?x#y"));
        assert!(!is_devcontainer_json("file:///w/package.json"));
        assert!(!is_devcontainer_json("file:///w/devcontainer.json.bak"));
    }
}
