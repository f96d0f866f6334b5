//! Cursor fixtures for completion and hover. `tests/fixtures/complete/NAME.jsonc` marks the
//! cursor with `|`; `NAME.expect` lists what must hold, one check per line:
//! `has: a, b` (labels offered), `not: c` (labels not offered), `first: a` (the best-sorted
//! label), `none` (nothing offered), `apply: a` (then `---` and the whole text after accepting
//! item `a`, snippet expanded). Hover fixtures (`tests/fixtures/hover/`) use `contains: text`
//! and `none`. Lines starting with `#` are comments.
//!
//! Beside each fixture, a generated `NAME.snap` pins the whole answer: every completion item in
//! the order the editor sorts them (label, kind, detail, the text it inserts and where), or the
//! hover's range and text. `UPDATE_EXPECT=1 cargo test --test ide_fixtures` regenerates the
//! snapshots and the text after `---` in `.expect` files; review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::ide::complete::{Item, complete};
use devcontainer_doctor::ide::hover::{HoverInfo, hover};
use devcontainer_doctor::text::{LineIndex, TextRange};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use support::fixtures::line_column;
use support::golden;

fn command() -> String {
    golden::update_command("ide_fixtures")
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut out: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "jsonc"));
    out.sort();
    out
}

/// The document without its `|` and the cursor's byte offset.
fn split_cursor(marked: &str) -> (String, usize) {
    let offset = marked.find('|').expect("fixture has a | cursor");
    assert_eq!(marked.matches('|').count(), 1, "exactly one | per fixture");
    (marked.replacen('|', "", 1), offset)
}

fn labels(list: &str) -> Vec<String> {
    list.split(", ").map(|s| s.trim().to_string()).collect()
}

/// A fixture's file name, its text (with the `|` cursor) and its `.expect` file.
fn read_fixture(path: &Path) -> (String, String, String) {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let marked = fs::read_to_string(path).unwrap_or_default();
    let expect = fs::read_to_string(path.with_extension("expect")).unwrap_or_default();
    (name, marked, expect)
}

/// `line:column-line:column`, 1-based as the CLI prints them.
fn span(index: &LineIndex, range: TextRange) -> String {
    let (l1, c1) = line_column(index, range.start);
    let (l2, c2) = line_column(index, range.end);
    format!("{l1}:{c1}-{l2}:{c2}")
}

/// Every item in the editor's order (sort text, then label), one line each.
fn completion_snapshot(text: &str, offset: usize, items: &[Item]) -> String {
    let index = LineIndex::new(text);
    let (line, column) = line_column(&index, offset);
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by(|a, b| (&a.sort_text, &a.label).cmp(&(&b.sort_text, &b.label)));
    let mut out = format!("cursor {line}:{column}, {} items\n", items.len());
    for item in sorted {
        let _ = write!(out, "{} ({:?})", item.label, item.kind);
        if let Some(detail) = &item.detail {
            let _ = write!(out, " {detail}");
        }
        let _ = write!(
            out,
            "\n    {} {:?} at {}",
            if item.is_snippet { "snippet" } else { "insert" },
            item.insert_text,
            span(&index, item.replace)
        );
        for edit in &item.additional_edits {
            let _ = write!(
                out,
                ", also {:?} at {}",
                edit.new_text,
                span(&index, edit.range)
            );
        }
        out.push('\n');
    }
    out
}

fn hover_snapshot(text: &str, offset: usize, result: Option<&HoverInfo>) -> String {
    let index = LineIndex::new(text);
    let (line, column) = line_column(&index, offset);
    match result {
        None => format!("cursor {line}:{column}, no hover\n"),
        Some(h) => format!(
            "cursor {line}:{column}, hover at {}\n{}\n",
            span(&index, h.range),
            h.contents.trim_end()
        ),
    }
}

fn check_completion(path: &Path, failures: &mut Vec<String>) {
    let (name, marked, expect) = read_fixture(path);
    if expect.trim().is_empty() {
        failures.push(format!("{name}: no .expect file"));
        return;
    }
    let (text, offset) = split_cursor(&marked);
    let items = complete(&text, offset);
    if let Err(e) = golden::check(
        &path.with_extension("snap"),
        &completion_snapshot(&text, offset, &items),
        &command(),
    ) {
        failures.push(e);
    }
    let offered: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    for item in &items {
        if let Some(problem) = range_problem(&text, offset, item) {
            failures.push(format!("{name}: {:?} {problem}", item.label));
        }
    }
    let (checks, after) = match expect.split_once("\n---\n") {
        Some((c, a)) => (c, Some(a)),
        None => (expect.as_str(), None),
    };
    for line in checks.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (verb, arg) = line.split_once(':').unwrap_or((line, ""));
        let arg = arg.trim();
        match verb {
            "has" => {
                for label in labels(arg) {
                    if !offered.contains(&label.as_str()) {
                        failures.push(format!("{name}: {label:?} missing from {offered:?}"));
                    }
                }
            }
            "not" => {
                for label in labels(arg) {
                    if offered.contains(&label.as_str()) {
                        failures.push(format!("{name}: {label:?} offered but should not be"));
                    }
                }
            }
            "first" => {
                let best = items.iter().min_by(|a, b| a.sort_text.cmp(&b.sort_text));
                if best.map(|i| i.label.as_str()) != Some(arg) {
                    failures.push(format!(
                        "{name}: first is {:?}, expected {arg:?}",
                        best.map(|i| &i.label)
                    ));
                }
            }
            "none" => {
                if !items.is_empty() {
                    failures.push(format!("{name}: expected nothing, got {offered:?}"));
                }
            }
            "apply" => {
                let Some(item) = items.iter().find(|i| i.label == arg) else {
                    failures.push(format!("{name}: cannot apply {arg:?}, not in {offered:?}"));
                    continue;
                };
                let result = accept(&text, item);
                if after != Some(result.as_str())
                    && let Err(e) = golden::check(
                        &path.with_extension("expect"),
                        &format!("{checks}\n---\n{result}"),
                        &command(),
                    )
                {
                    failures.push(format!("{name}: after accepting {arg:?}: {e}"));
                }
            }
            other => failures.push(format!("{name}: unknown check {other:?}")),
        }
    }
}

/// Editors drop an item whose replace range leaves the cursor's line or does not hold the
/// cursor (VS Code does), so every item's range must do both.
fn range_problem(text: &str, offset: usize, item: &Item) -> Option<String> {
    let r = item.replace;
    if !(r.start <= offset && offset <= r.end) {
        return Some(format!(
            "replaces {}..{}, which does not hold the cursor at {offset}",
            r.start, r.end
        ));
    }
    let replaced = text.get(r.start..r.end).unwrap_or("\n");
    replaced
        .contains(['\n', '\r'])
        .then(|| format!("replaces {replaced:?}, which leaves the cursor's line"))
}

fn accept(text: &str, item: &Item) -> String {
    apply_edits(text, &item.plain_edits()).0
}

#[test]
fn completion_fixtures() {
    let files = fixtures("complete");
    let mut failures = Vec::new();
    for path in &files {
        check_completion(path, &mut failures);
    }
    assert!(
        files.len() >= 60,
        "only {} completion fixtures",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "completion fixtures")
    );
}

/// No snapshot is left without its fixture.
#[test]
fn every_ide_snapshot_has_its_fixture() {
    let mut failures = Vec::new();
    for kind in ["complete", "hover"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(kind);
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e == "snap" || e == "expect")
                && !path.with_extension("jsonc").is_file()
                && let Err(e) = golden::check_stale(&path, &command())
            {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "snapshots")
    );
}

#[test]
fn hover_fixtures() {
    let files = fixtures("hover");
    let mut failures = Vec::new();
    for path in &files {
        let (name, marked, expect) = read_fixture(path);
        let (text, offset) = split_cursor(&marked);
        let result = hover(&text, offset);
        if let Err(e) = golden::check(
            &path.with_extension("snap"),
            &hover_snapshot(&text, offset, result.as_ref()),
            &command(),
        ) {
            failures.push(e);
        }
        for line in expect.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once(':') {
                Some(("contains", want)) => {
                    let want = want.trim();
                    match &result {
                        Some(h) if h.contents.contains(want) => {}
                        Some(h) => {
                            failures.push(format!("{name}: {want:?} not in\n{}", h.contents))
                        }
                        None => failures.push(format!("{name}: no hover, wanted {want:?}")),
                    }
                }
                _ if line == "none" => {
                    if let Some(h) = &result {
                        failures.push(format!("{name}: expected no hover, got {}", h.contents));
                    }
                }
                _ => failures.push(format!("{name}: unknown check {line:?}")),
            }
        }
    }
    assert!(!files.is_empty(), "no hover fixtures");
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "hover fixtures")
    );
}
