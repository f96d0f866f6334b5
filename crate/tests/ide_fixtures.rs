//! Cursor fixtures for completion and hover. `tests/fixtures/complete/NAME.jsonc` marks the
//! cursor with `|`; `NAME.expect` lists what must hold, one check per line:
//! `has: a, b` (labels offered), `not: c` (labels not offered), `first: a` (the best-sorted
//! label), `none` (nothing offered), `apply: a` (then `---` and the whole text after accepting
//! item `a`, snippet expanded). Hover fixtures (`tests/fixtures/hover/`) use `contains: text`
//! and `none`. Lines starting with `#` are comments.

use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::ide::complete::{Item, complete};
use devcontainer_doctor::ide::hover::hover;
use std::fs;
use std::path::{Path, PathBuf};

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

fn check_completion(path: &Path, failures: &mut Vec<String>) {
    let (name, marked, expect) = read_fixture(path);
    if expect.trim().is_empty() {
        failures.push(format!("{name}: no .expect file"));
        return;
    }
    let (text, offset) = split_cursor(&marked);
    let items = complete(&text, offset);
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
                let expected = after.unwrap_or("");
                if result != expected {
                    failures.push(format!(
                        "{name}: after accepting {arg:?}\n--- got ---\n{result}\n--- expected ---\n{expected}"
                    ));
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
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn hover_fixtures() {
    let files = fixtures("hover");
    let mut failures = Vec::new();
    for path in &files {
        let (name, marked, expect) = read_fixture(path);
        let (text, offset) = split_cursor(&marked);
        let result = hover(&text, offset);
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
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
