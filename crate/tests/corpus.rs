//! The whole engine over 414 real devcontainer.json files from public repositories
//! (`../shared/corpus/real`; skipped when absent, failing instead under `CI=true`). Nothing
//! panics, every range is inside its document, files from devcontainers/images and
//! devcontainers/templates (known to work) get no error, fixing every safe problem never
//! breaks a file, and every single fix is sound. Prints the diagnostics per
//! code; `cargo test --test corpus -- --nocapture` shows them, `SHOW_FINDINGS=1` each one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::api::{AnalyzeOptions, analyze};
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::fix::fix_all;
use devcontainer_doctor::{analysis, diag};
use std::collections::BTreeMap;
use support::corpus;
use support::range_in;

#[test]
fn real_corpus_has_no_false_errors_and_valid_ranges() {
    let Some(files) = corpus::load() else { return };
    let show = std::env::var_os("SHOW_FINDINGS").is_some();
    let mut per_code: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    let mut false_errors = Vec::new();
    let mut bad_ranges = Vec::new();
    for file in &files {
        let index = devcontainer_doctor::text::LineIndex::new(&file.text);
        for d in analyze(&file.text, &AnalyzeOptions::default()).diagnostics {
            *per_code
                .entry((d.code.clone(), d.severity.as_str()))
                .or_default() += 1;
            let place = format!(
                "{}:{}:{}",
                file.name,
                d.range.start.line + 1,
                d.range.start.character + 1
            );
            if show {
                println!(
                    "{place}: {} [{}] {}",
                    d.severity.as_str(),
                    d.code,
                    d.message
                );
            }
            if !range_in(&index, d.range) {
                bad_ranges.push(format!("{place}: {:?} {}", d.range, d.code));
            }
            if d.severity == Severity::Error && file.known_good() {
                false_errors.push(format!("{place} [{}] {}", d.code, d.message));
            }
        }
    }
    println!("diagnostics per code over {} corpus files:", files.len());
    for ((code, severity), count) in &per_code {
        println!("{count:>6}  {severity:<8} {code}");
    }
    assert!(
        bad_ranges.is_empty(),
        "ranges outside their document:\n{}",
        bad_ranges.join("\n")
    );
    assert!(
        false_errors.is_empty(),
        "errors on files known to work:\n{}",
        false_errors.join("\n")
    );
}

/// "Fix all" (the editor's action and `check --fix`) on every file: it adds no syntax error,
/// its edits against the original give the same text, and what it fixed is gone.
#[test]
fn fixing_every_safe_problem_keeps_each_file_valid() {
    let Some(files) = corpus::load() else { return };
    let syntax = |ds: &[diag::Diagnostic]| ds.iter().filter(|d| d.code == "syntax-error").count();
    let mut failures = Vec::new();
    let mut fixed_files = 0;
    for file in &files {
        let before = analysis::analyze(&file.text).diagnostics;
        let result = fix_all(&file.text);
        if result.applied == 0 {
            continue;
        }
        fixed_files += 1;
        let after = analysis::analyze(&result.text).diagnostics;
        if syntax(&after) > syntax(&before) {
            failures.push(format!(
                "{}: fixes added syntax errors:\n{}",
                file.name, result.text
            ));
        }
        if diag::apply_edits(&file.text, &result.edits).0 != result.text {
            failures.push(format!(
                "{}: the returned edits do not give the fixed text",
                file.name
            ));
        }
        let fixable =
            |ds: &[diag::Diagnostic]| ds.iter().filter(|d| d.fixes.iter().any(|f| f.safe)).count();
        if fixable(&after) >= fixable(&before) {
            failures.push(format!(
                "{}: {} safe fixes left of {}",
                file.name,
                fixable(&after),
                fixable(&before)
            ));
        }
    }
    println!(
        "fix-all changed {fixed_files} of {} corpus files",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fix offered on any corpus file, one at a time: it applies whole and adds no syntax
/// error; a safe one also removes its diagnostic (the check the rule fixtures get too).
#[test]
fn every_offered_fix_on_the_corpus_is_sound() {
    let Some(files) = corpus::load() else { return };
    let mut problems = Vec::new();
    let mut fixes = 0;
    for file in &files {
        let sources = support::fixtures::Fixture::single(&file.name, &file.text);
        let result = support::fixtures::analyze_fixture(&sources);
        fixes += result
            .found
            .iter()
            .map(|f| f.diagnostic.fixes.len())
            .sum::<usize>();
        problems.extend(support::fixtures::unsound_fixes(
            &file.name, &sources, &result,
        ));
    }
    println!("{fixes} fixes checked over {} corpus files", files.len());
    assert!(
        problems.is_empty(),
        "{}",
        support::golden::report(&problems, "fixes")
    );
}
