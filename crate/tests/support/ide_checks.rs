//! The checks of a cursor fixture's `.expect` file and its `.snap` rendering, shared by single
//! files (`tests/fixtures/complete/NAME.jsonc`) and folders (`complete_folders/NAME/`).

use super::fixtures::line_column;
use super::golden;
use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::ide::complete::Item;
use devcontainer_doctor::ide::hover::HoverInfo;
use devcontainer_doctor::text::{LineIndex, TextRange};
use std::fmt::Write as _;
use std::path::Path;

pub fn command() -> String {
    golden::update_command("ide_fixtures")
}

/// The document without its `|` and the cursor's byte offset.
pub fn split_cursor(marked: &str) -> (String, usize) {
    let offset = marked.find('|').expect("fixture has a | cursor");
    assert_eq!(marked.matches('|').count(), 1, "exactly one | per fixture");
    (marked.replacen('|', "", 1), offset)
}

fn labels(list: &str) -> Vec<String> {
    list.split(", ").map(|s| s.trim().to_string()).collect()
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

/// Checks completion `items` at `offset` of `text` against `expect`; `golden` is the fixture
/// path whose `.snap` and `.expect` siblings hold the golden answers.
pub fn check_completion(
    name: &str,
    golden_path: &Path,
    (text, offset): (&str, usize),
    items: &[Item],
    expect: &str,
    failures: &mut Vec<String>,
) {
    if expect.trim().is_empty() {
        failures.push(format!("{name}: no .expect file"));
        return;
    }
    if let Err(e) = golden::check(
        &golden_path.with_extension("snap"),
        &completion_snapshot(text, offset, items),
        &command(),
    ) {
        failures.push(e);
    }
    let offered: Vec<&str> = items.iter().map(|i| i.label.as_ref()).collect();
    for item in items {
        if let Some(problem) = range_problem(text, offset, item) {
            failures.push(format!("{name}: {:?} {problem}", item.label));
        }
    }
    let (checks, after) = match expect.split_once("\n---\n") {
        Some((c, a)) => (c, Some(a)),
        None => (expect, None),
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
                if best.map(|i| i.label.as_ref()) != Some(arg) {
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
                let result = apply_edits(text, &item.plain_edits()).0;
                if after != Some(result.as_str())
                    && let Err(e) = golden::check(
                        &golden_path.with_extension("expect"),
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

/// Checks a hover answer against `expect` (`contains: text`, `none`) and its `.snap`.
pub fn check_hover(
    name: &str,
    golden_path: &Path,
    (text, offset): (&str, usize),
    result: Option<&HoverInfo>,
    expect: &str,
    failures: &mut Vec<String>,
) {
    if let Err(e) = golden::check(
        &golden_path.with_extension("snap"),
        &hover_snapshot(text, offset, result),
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
                match result {
                    Some(h) if h.contents.contains(want) => {}
                    Some(h) => failures.push(format!("{name}: {want:?} not in\n{}", h.contents)),
                    None => failures.push(format!("{name}: no hover, wanted {want:?}")),
                }
            }
            _ if line == "none" => {
                if let Some(h) = result {
                    failures.push(format!("{name}: expected no hover, got {}", h.contents));
                }
            }
            _ => failures.push(format!("{name}: unknown check {line:?}")),
        }
    }
}
