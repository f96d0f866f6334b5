//! A flat encoding of the results a host asks for on every keystroke (completion items, the
//! diagnostics of a document or a project), for the WASM boundary. serde-wasm-bindgen builds each
//! JS object field by field across the boundary: about 3.5 µs per completion item, most of a
//! completion's cost (issue 11). Here every string goes into one text and every number (with
//! each string's UTF-16 length) into one `u32` list, which the host reads out of memory
//! (`wasm::output`); the TypeScript side (`extension/src/flat.ts`) reads them back into the same
//! objects, in the same order as they are written here.
//!
//! Layout: a string is its UTF-16 length in `numbers` and its text in `strings`; an absent
//! optional string is the length [`ABSENT`]. A range is four numbers. A completion item's range
//! may be [`SAME_RANGE`] alone: the previous item's range (most items of a list share one).

use super::project::ProjectResult;
use super::{AnalyzeResult, CompletionItem, CompletionKind, Diagnostic, TextEdit};
use crate::diag::Severity;
use crate::project::{WantKind, Wanted};
use crate::text::{Range, utf16_len};

/// The length of an optional string that is absent.
pub const ABSENT: u32 = u32::MAX;
/// In place of a completion item's range: the same as the previous item's.
pub const SAME_RANGE: u32 = u32::MAX;

/// One encoded result: the texts of its strings, one after the other, and its numbers.
#[derive(Debug, Default, PartialEq)]
pub struct Flat {
    pub strings: String,
    pub numbers: Vec<u32>,
}

impl Flat {
    fn number(&mut self, n: u32) {
        self.numbers.push(n);
    }

    fn count(&mut self, n: usize) {
        self.number(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn string(&mut self, s: &str) {
        // Lengths in UTF-16 units: JS slices its string by them.
        let units = if s.is_ascii() { s.len() } else { utf16_len(s) };
        self.count(units);
        self.strings.push_str(s);
    }

    fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.number(ABSENT),
        }
    }

    fn range(&mut self, r: &Range) {
        self.numbers
            .extend([r.start.line, r.start.character, r.end.line, r.end.character]);
    }

    fn edits(&mut self, edits: &[TextEdit]) {
        self.count(edits.len());
        for edit in edits {
            self.range(&edit.range);
            self.string(&edit.new_text);
            self.optional(edit.file.as_deref());
        }
    }

    fn diagnostics(&mut self, diagnostics: &[Diagnostic]) {
        self.count(diagnostics.len());
        for d in diagnostics {
            self.string(&d.code);
            self.number(severity_number(d.severity));
            self.string(&d.message);
            self.range(&d.range);
            self.count(d.fixes.len());
            for fix in &d.fixes {
                self.string(&fix.title);
                self.number(u32::from(fix.is_preferred));
                self.edits(&fix.edits);
            }
        }
    }
}

/// Severities in the order `extension/src/flat.ts` names them.
pub fn severity_number(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
        Severity::Hint => 3,
    }
}

/// Completion kinds in the order `extension/src/flat.ts` names them.
pub fn kind_number(kind: CompletionKind) -> u32 {
    match kind {
        CompletionKind::Property => 0,
        CompletionKind::Value => 1,
        CompletionKind::Enum => 2,
        CompletionKind::Keyword => 3,
        CompletionKind::Snippet => 4,
        CompletionKind::Variable => 5,
        CompletionKind::Module => 6,
        CompletionKind::Constant => 7,
    }
}

/// `[count, per item: label, kind, detail?, documentation?, docId?, insertText, isSnippet,
/// range | SAME_RANGE, sortText, filterText?, additionalEdits]`.
pub fn completion_items(items: &[CompletionItem]) -> Flat {
    // About what a feature id item takes (the longest list), to grow once at most.
    let mut flat = Flat {
        strings: String::with_capacity(items.len() * 256),
        numbers: Vec::with_capacity(1 + items.len() * 14),
    };
    flat.count(items.len());
    let mut previous: Option<Range> = None;
    for item in items {
        flat.string(&item.label);
        flat.number(kind_number(item.kind));
        flat.optional(item.detail.as_deref());
        flat.optional(item.documentation.as_deref());
        flat.optional(item.doc_id.as_deref());
        flat.string(&item.insert_text);
        flat.number(u32::from(item.is_snippet));
        if previous == Some(item.range) {
            flat.number(SAME_RANGE);
        } else {
            flat.range(&item.range);
            previous = Some(item.range);
        }
        flat.string(&item.sort_text);
        flat.optional(item.filter_text.as_deref());
        flat.edits(&item.additional_edits);
    }
    flat
}

/// `[diagnostics]`, each `code, severity, message, range, fixes: [title, isPreferred, edits]`.
pub fn analyze_result(result: &AnalyzeResult) -> Flat {
    let mut flat = Flat::default();
    flat.diagnostics(&result.diagnostics);
    flat
}

/// `[count, per file: path, main, diagnostics]`.
pub fn project_result(result: &ProjectResult) -> Flat {
    let mut flat = Flat::default();
    flat.count(result.files.len());
    for file in &result.files {
        flat.string(&file.path);
        flat.number(u32::from(file.main));
        flat.diagnostics(&file.diagnostics);
    }
    flat
}

/// `[count, per path: kind (0 file, 1 folder), path]`: what a host reads before each check.
pub fn wanted(paths: &[Wanted]) -> Flat {
    let mut flat = Flat::default();
    flat.count(paths.len());
    for want in paths {
        flat.number(match want.kind {
            WantKind::File => 0,
            WantKind::Folder => 1,
        });
        flat.string(&want.path);
    }
    flat
}

#[cfg(test)]
mod tests {
    //! A decoder written as `extension/src/flat.ts` reads (strings sliced by UTF-16 units), so
    //! that a round trip through it gives back the values serde would have sent.
    use super::*;
    use crate::api::{self, AnalyzeOptions, Fix, ProjectInput};
    use crate::text::Position;

    struct Reader<'f> {
        units: Vec<u16>,
        at_unit: usize,
        numbers: std::slice::Iter<'f, u32>,
        previous_range: Option<Range>,
    }

    impl<'f> Reader<'f> {
        fn new(flat: &'f Flat) -> Self {
            Reader {
                units: flat.strings.encode_utf16().collect(),
                at_unit: 0,
                numbers: flat.numbers.iter(),
                previous_range: None,
            }
        }
        fn number(&mut self) -> u32 {
            *self.numbers.next().expect("a number past the end")
        }
        fn flag(&mut self) -> bool {
            self.number() == 1
        }
        fn text(&mut self, units: u32) -> String {
            let end = self.at_unit + units as usize;
            let text = String::from_utf16(&self.units[self.at_unit..end]).expect("whole UTF-16");
            self.at_unit = end;
            text
        }
        fn string(&mut self) -> String {
            let units = self.number();
            self.text(units)
        }
        fn optional(&mut self) -> Option<String> {
            match self.number() {
                ABSENT => None,
                units => Some(self.text(units)),
            }
        }
        fn range_from(&mut self, first: u32) -> Range {
            Range {
                start: Position {
                    line: first,
                    character: self.number(),
                },
                end: Position {
                    line: self.number(),
                    character: self.number(),
                },
            }
        }
        fn range(&mut self) -> Range {
            let first = self.number();
            self.range_from(first)
        }
        fn edits(&mut self) -> Vec<TextEdit> {
            (0..self.number())
                .map(|_| TextEdit {
                    range: self.range(),
                    new_text: self.string(),
                    file: self.optional(),
                })
                .collect()
        }
        fn diagnostics(&mut self) -> Vec<Diagnostic> {
            let severities = [
                Severity::Error,
                Severity::Warning,
                Severity::Info,
                Severity::Hint,
            ];
            (0..self.number())
                .map(|_| Diagnostic {
                    code: self.string(),
                    severity: severities[self.number() as usize],
                    message: self.string(),
                    range: self.range(),
                    fixes: (0..self.number())
                        .map(|_| Fix {
                            title: self.string(),
                            is_preferred: self.flag(),
                            edits: self.edits(),
                        })
                        .collect(),
                })
                .collect()
        }
        fn completion_items(&mut self) -> Vec<CompletionItem> {
            let kinds = [
                CompletionKind::Property,
                CompletionKind::Value,
                CompletionKind::Enum,
                CompletionKind::Keyword,
                CompletionKind::Snippet,
                CompletionKind::Variable,
                CompletionKind::Module,
                CompletionKind::Constant,
            ];
            (0..self.number())
                .map(|_| {
                    let label = self.string();
                    let kind = kinds[self.number() as usize];
                    let (detail, documentation, doc_id) =
                        (self.optional(), self.optional(), self.optional());
                    let (insert_text, is_snippet) = (self.string(), self.flag());
                    let range = match self.number() {
                        SAME_RANGE => self.previous_range.expect("a range before"),
                        first => self.range_from(first),
                    };
                    self.previous_range = Some(range);
                    CompletionItem {
                        label: label.into(),
                        kind,
                        detail: detail.map(Into::into),
                        documentation,
                        doc_id: doc_id.map(Into::into),
                        insert_text,
                        is_snippet,
                        range,
                        sort_text: self.string().into(),
                        filter_text: self.optional(),
                        additional_edits: self.edits(),
                    }
                })
                .collect()
        }
        fn done(&mut self) -> bool {
            self.numbers.next().is_none() && self.at_unit == self.units.len()
        }
    }

    const FEATURES: &str = "{\r\n  // 注释 🚀\r\n  \"image\": \"mcr.microsoft.com/devcontainers/go:1\",\r\n  \"features\": {\r\n    \"\"\r\n  }\r\n}";

    #[test]
    fn completion_items_come_back_equal_at_every_offset() {
        let mut lists = 0;
        for offset in 0..=FEATURES.encode_utf16().count() as u32 {
            let items = api::complete(FEATURES, offset);
            let flat = completion_items(&items);
            let mut reader = Reader::new(&flat);
            assert_eq!(reader.completion_items(), items, "at {offset}");
            assert!(reader.done(), "at {offset}: values left over");
            lists += usize::from(items.len() > 20);
        }
        assert!(lists > 0, "no offset completed the feature ids");
    }

    #[test]
    fn a_shared_range_is_sent_once() {
        // Inside the empty key of `features`: every feature id, each replacing the same quotes.
        let byte = FEATURES.find("\"\"\r\n  }").unwrap() + 1;
        let offset = FEATURES[..byte].encode_utf16().count() as u32;
        let items = api::complete(FEATURES, offset);
        let flat = completion_items(&items);
        let same = flat.numbers.iter().filter(|n| **n == SAME_RANGE).count();
        assert!(items.len() > 20, "{} items", items.len());
        assert!(
            same >= items.len() - 2,
            "{same} of {} items shared a range",
            items.len()
        );
    }

    #[test]
    fn diagnostics_with_fixes_and_non_ascii_come_back_equal() {
        let text = "{\"image\": \"golang:1.22\", \"forwardPorts\": [\"2345\"], \"名前\": 1,\n \"runArgs\": [\"--cap-add=SYS_PTRACE\"], \"remoteEnv\": {\"GOFLAGS\": \"-race\"},}";
        let result = api::analyze(text, &AnalyzeOptions::default());
        assert!(
            result.diagnostics.iter().any(|d| !d.fixes.is_empty()),
            "no fix to encode"
        );
        let flat = analyze_result(&result);
        let mut reader = Reader::new(&flat);
        assert_eq!(reader.diagnostics(), result.diagnostics);
        assert!(reader.done());
    }

    #[test]
    fn wanted_paths_come_back_equal() {
        let paths = vec![
            Wanted {
                path: "../docker/Dockerfile".into(),
                kind: WantKind::File,
            },
            Wanted {
                path: "构建/".into(),
                kind: WantKind::Folder,
            },
        ];
        let flat = wanted(&paths);
        let mut reader = Reader::new(&flat);
        let kinds = [WantKind::File, WantKind::Folder];
        let back: Vec<Wanted> = (0..reader.number())
            .map(|_| {
                let kind = kinds[reader.number() as usize];
                Wanted {
                    path: reader.string(),
                    kind,
                }
            })
            .collect();
        assert_eq!(back, paths);
        assert!(reader.done());
        assert_eq!(wanted(&[]).numbers, vec![0]);
    }

    #[test]
    fn project_results_come_back_equal() {
        let input = ProjectInput {
            main_path: "/w/.devcontainer/devcontainer.json".into(),
            text: "{ \"build\": { \"dockerfile\": \"Dockerfile\" } }".into(),
            files: vec![api::ProjectFile {
                path: "Dockerfile".into(),
                kind: api::ProjectFileKind::Text,
                text: Some("FROM golang:1.22 AS 构建\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCOPY nope/ /x\n".into()),
                entries: None,
            }],
            ..ProjectInput::default()
        };
        let result = api::analyze_project(&input, &AnalyzeOptions::default());
        assert_eq!(result.files.len(), 2);
        let flat = project_result(&result);
        let mut reader = Reader::new(&flat);
        let files: Vec<(String, bool, Vec<Diagnostic>)> = (0..reader.number())
            .map(|_| (reader.string(), reader.flag(), reader.diagnostics()))
            .collect();
        let expected: Vec<_> = result
            .files
            .iter()
            .map(|f| (f.path.clone(), f.main, f.diagnostics.clone()))
            .collect();
        assert_eq!(files, expected);
        assert!(reader.done());
    }
}
