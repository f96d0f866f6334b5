//! The invariants the fuzz targets check, one function per target. `crate/tests/fuzz_regressions.rs`
//! includes this file and runs the same checks on every saved finding, so a crash found here
//! stays a normal test. Each check panics with what broke; it never returns an error.

use devcontainer_doctor::analysis;
use devcontainer_doctor::api;
use devcontainer_doctor::diag::{Diagnostic, Edit, FileId, apply_edits};
use devcontainer_doctor::fix;
use devcontainer_doctor::ide;
use devcontainer_doctor::project::{Entry, Project, WantKind};
use devcontainer_doctor::syntax;
use devcontainer_doctor::text::{LineIndex, Position, Range, TextRange, utf16_len};

/// The byte that splits an input into devcontainer.json, Dockerfile and Compose file. 0xFF is
/// never part of UTF-8, so the split does not depend on how the parts decode.
pub const SPLIT: u8 = 0xFF;

/// Up to three texts from one input: main, Dockerfile, Compose (missing ones are empty).
pub fn split(data: &[u8]) -> [String; 3] {
    let mut parts = data.splitn(3, |b| *b == SPLIT);
    let mut next = || String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    [next(), next(), next()]
}

/// A project whose main file is `main`; every file it asks for gets the Compose text when it
/// ends in `.yml`/`.yaml`, else the Dockerfile text; every folder lists both names.
pub fn project_for(main: &str, dockerfile: &str, compose: &str) -> Project {
    let mut project = Project::new(".devcontainer/devcontainer.json", main);
    // Each round may reveal more wants (a Compose file names its Dockerfile); a few suffice.
    for _ in 0..4 {
        let wanted = project.wanted();
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let entry = match want.kind {
                WantKind::File if want.path.ends_with(".yml") || want.path.ends_with(".yaml") => {
                    Entry::Text(compose.to_string())
                }
                WantKind::File => Entry::Text(dockerfile.to_string()),
                WantKind::Folder => Entry::Folder(vec!["Dockerfile".into(), "compose.yaml".into()]),
            };
            project.add(&want.path, entry);
        }
    }
    project
}

/// A byte range lies inside `text` and starts and ends on char boundaries.
pub fn check_range(text: &str, range: TextRange, what: &dyn std::fmt::Display) {
    assert!(
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end),
        "{what}: range {range:?} outside a text of {} bytes or off a char boundary",
        text.len()
    );
}

/// A UTF-16 position names a place inside `text`: the line exists, the column is in it.
fn position_in(index: &LineIndex, position: Position) -> bool {
    let line = position.line as usize;
    if line >= index.line_count() {
        return false;
    }
    let content = index.line_range(line);
    position.character as usize <= utf16_len(&index.text()[content.start..content.end])
}

pub fn check_position_range(index: &LineIndex, range: Range, what: &dyn std::fmt::Display) {
    assert!(
        range.start <= range.end
            && position_in(index, range.start)
            && position_in(index, range.end),
        "{what}: position range {range:?} outside the document"
    );
}

/// Every diagnostic and every fix edit points into the file it names.
fn check_diagnostics(project: &Project, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let text = project.text(d.file);
        let text = text.unwrap_or_else(|| panic!("{}: file {:?} has no text", d.code, d.file));
        check_range(text, d.range, &d.code);
        assert!(!d.message.is_empty(), "{}: empty message", d.code);
        for edit in d.fixes.iter().flat_map(|f| &f.edits) {
            let target = project.text(edit.file);
            let target =
                target.unwrap_or_else(|| panic!("{}: edit in a file without text", d.code));
            check_range(target, edit.range, &format_args!("fix of {}", d.code));
        }
    }
}

/// `analyze` target: the main file alone and with a Dockerfile and a Compose file.
pub fn check_analyze(data: &[u8]) {
    let [main, dockerfile, compose] = split(data);
    let alone = Project::new("devcontainer.json", main.as_str());
    let first = analysis::analyze(&main).diagnostics;
    assert!(
        first.iter().all(|d| d.file == FileId::MAIN),
        "a file alone reports elsewhere"
    );
    check_diagnostics(&alone, &first);
    assert_eq!(
        first,
        analysis::analyze(&main).diagnostics,
        "same input, other output"
    );

    let index = LineIndex::new(&main);
    for d in api::analyze(&main, &api::AnalyzeOptions::default()).diagnostics {
        check_position_range(&index, d.range, &d.code);
    }

    let project = project_for(&main, &dockerfile, &compose);
    let whole = analysis::analyze_project(&project).diagnostics;
    check_diagnostics(&project, &whole);
    let again = analysis::analyze_project(&project).diagnostics;
    assert_eq!(whole, again, "same project, other output");
}

/// Offsets (UTF-16, as hosts send them) from the first 4 bytes; the rest is the input.
fn offsets_and_rest(data: &[u8]) -> ([u32; 2], &[u8]) {
    let at = |i: usize| u32::from(u16::from_le_bytes([data[i], data[i + 1]]));
    if data.len() < 4 {
        return ([0, 0], data);
    }
    ([at(0), at(2)], &data[4..])
}

/// `ide` target: completion, hover and code actions at two offsets (one may lie past the end).
pub fn check_ide(data: &[u8]) {
    let ([a, b], rest) = offsets_and_rest(data);
    let [main, dockerfile, compose] = split(rest);
    let utf16 = utf16_len(&main) as u32;
    let offsets = [a % (utf16 + 1), b % (utf16 + 8)];
    let index = LineIndex::new(&main);
    for &offset in &offsets {
        let items = api::complete(&main, offset);
        for item in &items {
            check_position_range(
                &index,
                item.range,
                &format_args!("completion {}", item.label),
            );
            for edit in &item.additional_edits {
                check_position_range(&index, edit.range, &"completion edit");
            }
        }
        assert_eq!(
            items,
            api::complete(&main, offset),
            "completion differs on the same input"
        );
        let hover = api::hover(&main, offset);
        if let Some(h) = &hover {
            check_position_range(&index, h.range, &"hover");
        }
        assert_eq!(
            hover,
            api::hover(&main, offset),
            "hover differs on the same input"
        );
        let end = offset.max(offsets[0]);
        for action in api::code_actions(
            &main,
            offset.min(offsets[0]),
            end,
            &api::AnalyzeOptions::default(),
        ) {
            for edit in &action.edits {
                check_position_range(&index, edit.range, &format_args!("action {}", action.title));
            }
        }
    }
    // With the project's files: completion and hover read Compose services and stages.
    let project = project_for(&main, &dockerfile, &compose);
    let tree = syntax::parse(&main);
    for &offset in &offsets {
        let offset = index.offset_from_utf16(offset as usize);
        for item in ide::complete::complete_project_in(Some(&project), &main, &tree, offset) {
            check_range(
                &main,
                item.replace,
                &format_args!("completion {}", item.label),
            );
            for edit in &item.additional_edits {
                check_range(&main, edit.range, &"completion edit");
            }
        }
        if let Some(h) = ide::hover::hover_project_in(Some(&project), &main, &tree, offset) {
            check_range(&main, h.range, &"hover");
        }
    }
}

fn syntax_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.code == "syntax-error")
        .count()
}

fn applied(text: &str, edits: &[Edit], what: &str) -> String {
    let (new_text, count) = apply_edits(text, edits);
    assert_eq!(
        count,
        edits.len(),
        "{what}: some of its edits overlap or fall outside"
    );
    new_text
}

/// `fixes` target: every fix applied on its own, then "fix all" and its invariants.
pub fn check_fixes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let diagnostics = analysis::analyze(&text).diagnostics;
    let before = syntax_errors(&diagnostics);
    for d in &diagnostics {
        for f in &d.fixes {
            let what = format!("{} fix {:?}", d.code, f.title);
            let main: Vec<Edit> = f
                .edits
                .iter()
                .filter(|e| e.file == FileId::MAIN)
                .cloned()
                .collect();
            let fixed = applied(&text, &main, &what);
            let after = syntax_errors(&analysis::analyze(&fixed).diagnostics);
            if f.safe {
                assert!(
                    after <= before,
                    "{what}: {before} syntax errors became {after}"
                );
            }
        }
    }
    let all = fix::fix_all(&text);
    assert!(
        syntax_errors(&analysis::analyze(&all.text).diagnostics) <= before,
        "fix all added syntax errors"
    );
    assert_eq!(
        applied(&text, &all.edits, "fix all"),
        all.text,
        "fix-all edits miss changes"
    );
    let twice = fix::fix_all(&all.text);
    assert_eq!(
        twice.text, all.text,
        "fix all is not idempotent: a second run changed more"
    );
    let action = ide::code_actions::code_actions_for(&text, &diagnostics, TextRange::new(0, 0));
    if let Some(fix_all) = action.iter().find(|a| a.kind == ide::code_actions::FIX_ALL) {
        assert_eq!(applied(&text, &fix_all.edits, "fix-all action"), all.text);
    }
}

/// Every `TextRange { start: a, end: b }` in a value's debug form, so that a parser's whole
/// output is checked without listing its fields here.
pub fn debug_ranges(debug: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let number = |s: &str| -> Option<(usize, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        Some((s.get(..digits)?.parse().ok()?, digits))
    };
    let mut rest = debug;
    while let Some(at) = rest.find("TextRange { start: ") {
        rest = &rest[at + "TextRange { start: ".len()..];
        let Some((start, n)) = number(rest) else {
            continue;
        };
        rest = &rest[n..];
        let Some(tail) = rest.strip_prefix(", end: ") else {
            continue;
        };
        let Some((end, n)) = number(tail) else {
            continue;
        };
        rest = &tail[n..];
        out.push(TextRange::new(start, end));
    }
    out
}

/// `parsers` target: the Dockerfile and Compose readers on any text.
pub fn check_parsers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let dockerfile = format!("{:?}", syntax::dockerfile::parse(&text));
    assert_eq!(
        dockerfile,
        format!("{:?}", syntax::dockerfile::parse(&text))
    );
    for range in debug_ranges(&dockerfile) {
        check_range(&text, range, &"Dockerfile");
    }
    let compose = format!("{:?}", syntax::compose::parse(&text));
    assert_eq!(compose, format!("{:?}", syntax::compose::parse(&text)));
    for range in debug_ranges(&compose) {
        check_range(&text, range, &"Compose");
    }
}
