//! Runs the fixtures of every rule (`tests/fixtures/rules/<code>/{invalid,valid}/`): each
//! `invalid` fixture must produce a diagnostic with that code, each `valid` one none. Every
//! fixture's `NAME.snap` pins everything it produces (severity, code, place, message, each fix
//! and the lines it changes); an `invalid/NAME.jsonc.fixed` holds the text after that code's
//! safe fixes. Every code in the catalog needs an invalid fixture, and every fixture's fixes
//! must be sound (see `support::fixtures::unsound_fixes`).
//!
//! After an intended change, regenerate the golden files and review their diff:
//! `UPDATE_EXPECT=1 cargo test --test rule_fixtures`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::rules::catalog;
use std::fs;
use std::path::PathBuf;
use support::fixtures::{self, Fixture};
use support::golden;

fn command() -> String {
    golden::update_command("rule_fixtures")
}

/// Every fixture with the code it belongs to and whether it is an `invalid` one.
fn all_fixtures() -> Vec<(&'static str, bool, PathBuf)> {
    let mut out = Vec::new();
    for info in catalog() {
        let dir = fixtures::rules_root().join(info.code);
        for (kind, invalid) in [("invalid", true), ("valid", false)] {
            for path in fixtures::list(&dir.join(kind)) {
                out.push((info.code, invalid, path));
            }
        }
    }
    out
}

#[test]
fn every_rule_fixture_behaves() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for info in catalog() {
        let dir = fixtures::rules_root().join(info.code);
        if fixtures::list(&dir.join("invalid")).is_empty() {
            failures.push(format!(
                "{}: no invalid fixture in {}",
                info.code,
                golden::relative(&dir)
            ));
        }
    }
    for (code, invalid, path) in all_fixtures() {
        checked += 1;
        let fixture = fixtures::load(&path);
        let result = fixtures::analyze_fixture(&fixture);
        let hits = result
            .found
            .iter()
            .filter(|f| f.diagnostic.code == code)
            .count();
        let shown = golden::relative(&path);
        if invalid && hits == 0 {
            failures.push(format!("{shown}: expected a {code} diagnostic, got none"));
        }
        if !invalid && hits > 0 {
            failures.push(format!(
                "{shown}: expected no {code} diagnostic, got {hits}"
            ));
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "fixtures")
    );
}

fn check_golden_files(fixture: &Fixture, code: &str, invalid: bool, failures: &mut Vec<String>) {
    let result = fixtures::analyze_fixture(fixture);
    let snapshot = fixtures::snapshot(fixture, &result);
    if let Err(e) = golden::check(
        &fixtures::snapshot_path(&fixture.path),
        &snapshot,
        &command(),
    ) {
        failures.push(e);
    }
    let fixed = fixtures::fixed_path(&fixture.path);
    if invalid && fixed.is_file() {
        let text = fixtures::after_safe_fixes(fixture, &result, code);
        if let Err(e) = golden::check(&fixed, &text, &command()) {
            failures.push(e);
        }
    }
}

/// Each fixture's snapshot (and `.fixed`) matches what it produces now; no golden file is
/// left without its fixture.
#[test]
fn every_rule_fixture_matches_its_snapshot() {
    let mut failures = Vec::new();
    let all = all_fixtures();
    for (code, invalid, path) in &all {
        check_golden_files(&fixtures::load(path), code, *invalid, &mut failures);
    }
    for info in catalog() {
        for kind in ["invalid", "valid"] {
            let dir = fixtures::rules_root().join(info.code).join(kind);
            for golden_file in fixtures::golden_files(&dir) {
                if !fixtures::owner_exists(&golden_file)
                    && let Err(e) = golden::check_stale(&golden_file, &command())
                {
                    failures.push(e);
                }
            }
        }
    }
    eprintln!("{} rule fixtures have a snapshot", all.len());
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "snapshots")
    );
}

/// Every fix offered on any fixture applies whole and adds no syntax error; every safe one
/// also removes its diagnostic.
#[test]
fn every_fix_on_the_fixtures_is_sound() {
    let mut problems = Vec::new();
    let mut fixes = 0;
    for (_, _, path) in all_fixtures() {
        let fixture = fixtures::load(&path);
        let result = fixtures::analyze_fixture(&fixture);
        fixes += result
            .found
            .iter()
            .map(|f| f.diagnostic.fixes.len())
            .sum::<usize>();
        problems.extend(fixtures::unsound_fixes(
            &golden::relative(&path),
            &fixture,
            &result,
        ));
    }
    eprintln!("{fixes} fixes checked on the rule fixtures");
    assert!(fixes > 50, "only {fixes} fixes found");
    assert!(
        problems.is_empty(),
        "{}",
        golden::report(&problems, "fixes")
    );
}

#[test]
fn every_fixture_folder_names_a_known_code() {
    let known: Vec<_> = catalog().map(|i| i.code).collect();
    for entry in fs::read_dir(fixtures::rules_root()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            known.contains(&name.as_str()),
            "fixture folder {name} names no rule code"
        );
    }
}

/// The soundness check itself: a fix that leaves its diagnostic, one that breaks the syntax and
/// one whose edits overlap are each reported.
#[test]
fn the_soundness_check_reports_bad_fixes() {
    use devcontainer_doctor::diag::Edit;
    use devcontainer_doctor::text::TextRange;
    let text = "{\n  \"image\": \"x\",\n}\n";
    let fixture = fixtures::Fixture::single("t.jsonc", text);
    let good = fixtures::analyze_fixture(&fixture);
    assert!(fixtures::unsound_fixes("t", &fixture, &good).is_empty());
    let comma = text.find(",\n}").unwrap();
    let bad_fixes = [
        vec![Edit::insert(0, " ")],
        vec![Edit::replace(TextRange::new(comma, comma + 1), ",,")],
        vec![
            Edit::delete(TextRange::new(comma, comma + 1)),
            Edit::delete(TextRange::new(comma, comma + 2)),
        ],
    ];
    for (edits, want) in
        bad_fixes
            .into_iter()
            .zip(["leaves its diagnostic", "syntax error", "overlap"])
    {
        let mut checked = good.clone();
        let found = checked
            .found
            .iter_mut()
            .find(|f| f.diagnostic.code == "trailing-comma")
            .unwrap();
        found.diagnostic.fixes[0].edits = edits;
        let problems = fixtures::unsound_fixes("t", &fixture, &checked);
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want:?} not in {problems:?}"
        );
    }
}

/// `scripts/new-rule.sh` starts a rule with placeholders that work end to end; this fails
/// until they are replaced, so a scaffold cannot land as it is.
#[test]
fn no_rule_is_left_as_the_new_rule_placeholder() {
    let mut left = Vec::new();
    for info in catalog() {
        if info.summary.starts_with("TODO") || info.why.starts_with("TODO") {
            left.push(format!("{}: the summary or why is still TODO", info.code));
        }
        for kind in ["invalid", "valid"] {
            let dir = fixtures::rules_root().join(info.code).join(kind);
            if dir.join("placeholder.jsonc").exists() {
                left.push(format!(
                    "{}: replace the placeholder fixture {kind}/placeholder.jsonc",
                    info.code
                ));
            }
        }
    }
    assert!(left.is_empty(), "{}", left.join("\n"));
}
