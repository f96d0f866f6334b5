//! Every finding of the fuzzer, kept as a normal test: the inputs in `tests/fixtures/fuzz/<target>/`
//! go through the same checks the fuzz target runs (`fuzz/src/lib.rs`). The two quadratic
//! inputs of the first fuzzing run are rebuilt here at size and checked for the right answer;
//! their speed is the growth benchmark's to show (`cargo bench --bench growth`), not a test's.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "../../fuzz/src/lib.rs"]
mod checks;

use devcontainer_doctor::analysis::analyze;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The saved inputs of one target, sorted by name.
fn saved(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn run_saved(target: &str, check: fn(&[u8])) {
    for (name, data) in saved(target) {
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "tests/fixtures/fuzz/{target}/{name} fails its check again"
        );
    }
}

#[test]
fn saved_analyze_inputs() {
    run_saved("analyze", checks::check_analyze);
}

#[test]
fn saved_ide_inputs() {
    run_saved("ide", checks::check_ide);
}

#[test]
fn saved_fixes_inputs() {
    run_saved("fixes", checks::check_fixes);
}

#[test]
fn saved_parsers_inputs() {
    run_saved("parsers", checks::check_parsers);
}

#[test]
fn the_checks_catch_a_range_off_a_char_boundary() {
    let broken = std::panic::catch_unwind(|| {
        checks::check_range(
            "é",
            devcontainer_doctor::text::TextRange::new(0, 1),
            &"test",
        );
    });
    assert!(broken.is_err());
    checks::check_range(
        "é",
        devcontainer_doctor::text::TextRange::new(0, 2),
        &"test",
    );
}

#[test]
fn the_input_splits_at_0xff_into_three_texts() {
    let [main, dockerfile, compose] = checks::split(b"{}\xffFROM x\xffservices: {}\xffrest");
    assert_eq!(main, "{}");
    assert_eq!(dockerfile, "FROM x");
    assert_eq!(compose, "services: {}\u{fffd}rest");
    assert_eq!(
        checks::split(b"{}"),
        ["{}".to_string(), String::new(), String::new()]
    );
}

#[test]
fn debug_ranges_reads_every_range_of_a_parse() {
    let parsed = devcontainer_doctor::syntax::dockerfile::parse("FROM golang:1.22\nRUN go test\n");
    let ranges = checks::debug_ranges(&format!("{parsed:?}"));
    assert!(ranges.len() >= 4, "{ranges:?}");
    assert!(
        ranges.iter().any(|r| r.start == 0 && r.end == 16),
        "{ranges:?}"
    );
}

/// 160 KB of one key written again and again (the first run's slowest input: 1.6 s when each
/// duplicate rebuilt the line index). Each duplicate names the line of the one before it.
#[test]
fn many_duplicate_keys_each_name_the_line_before() {
    let mut text = String::from("{\n\"containerEnv\": {\n");
    let mut count = 0;
    while text.len() < 160 * 1024 {
        let _ = writeln!(text, "\"A\": \"{count}\",");
        count += 1;
    }
    text.push_str("\"A\": \"last\"}}\n");
    let lines = devcontainer_doctor::text::LineIndex::new(&text);
    let found: Vec<_> = analyze(&text)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "duplicate-key")
        .collect();
    assert_eq!(found.len(), count);
    for d in &found {
        // 1-based line of this duplicate is line_of + 1; the one before it is line_of.
        let before = lines.line_of(d.range.start);
        assert!(
            d.message
                .contains(&format!("already set on line {before};")),
            "{}",
            d.message
        );
    }
}

/// 287 KB of `go test -race` commands with `CGO_ENABLED=0` in `containerEnv` (1.6 s when each
/// finding rebuilt the line index): one finding per command, each naming line 2.
#[test]
fn many_race_commands_each_name_the_cgo_line() {
    let mut text =
        String::from("{\"image\": \"golang:1\",\n\"containerEnv\": {\"CGO_ENABLED\": \"0\"},\n");
    text.push_str("\"postCreateCommand\": {\n");
    let mut count = 0;
    while text.len() < 287 * 1024 {
        let _ = writeln!(text, "\"t{count}\": \"go test -race ./pkg{count}/...\",");
        count += 1;
    }
    text.push_str("\"last\": \"true\"}}\n");
    let found: Vec<_> = analyze(&text)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "go-race-without-cgo")
        .collect();
    assert_eq!(found.len(), count);
    assert!(
        found
            .iter()
            .all(|d| d.message.contains("in containerEnv (line 2)")),
        "{}",
        found[0].message
    );
}
