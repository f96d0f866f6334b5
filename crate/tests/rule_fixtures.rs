//! Runs the fixtures of every rule: `tests/fixtures/rules/<code>/invalid/*` must each produce a
//! diagnostic with that code, `valid/*` none. An `invalid/NAME.fixed` file beside `NAME` holds
//! the expected text after applying that code's safe fixes. Every code in the catalog must have
//! at least one invalid fixture, so a rule without tests fails here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::rules::catalog;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file() && p.extension().is_none_or(|e| e != "fixed"));
    out.sort();
    out
}

#[test]
fn every_rule_fixture_behaves() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for info in catalog() {
        let dir = fixture_root().join(info.code);
        let invalid = files(&dir.join("invalid"));
        if invalid.is_empty() {
            failures.push(format!(
                "{}: no invalid fixture in {}",
                info.code,
                dir.display()
            ));
        }
        for path in invalid {
            checked += 1;
            let text = fs::read_to_string(&path).unwrap();
            let analysis = analyze(&text);
            let hits: Vec<_> = analysis
                .diagnostics
                .iter()
                .filter(|d| d.code == info.code)
                .collect();
            if hits.is_empty() {
                failures.push(format!(
                    "{}: expected a {} diagnostic, got {:?}",
                    path.display(),
                    info.code,
                    analysis
                        .diagnostics
                        .iter()
                        .map(|d| (d.code, &d.message))
                        .collect::<Vec<_>>()
                ));
                continue;
            }
            let fixed_path = path.with_file_name(format!(
                "{}.fixed",
                path.file_name().unwrap().to_string_lossy()
            ));
            if let Ok(expected) = fs::read_to_string(&fixed_path) {
                let edits: Vec<_> = hits
                    .iter()
                    .flat_map(|d| d.fixes.iter().filter(|f| f.safe))
                    .flat_map(|f| f.edits.clone())
                    .collect();
                let (fixed, _) = apply_edits(&text, &edits);
                if fixed != expected {
                    failures.push(format!(
                        "{}: after fixes\n--- got ---\n{fixed}\n--- expected ---\n{expected}",
                        path.display()
                    ));
                }
            }
        }
        for path in files(&dir.join("valid")) {
            checked += 1;
            let text = fs::read_to_string(&path).unwrap();
            let bad: Vec<_> = analyze(&text)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == info.code)
                .collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "{}: expected no {} diagnostic, got {:?}",
                    path.display(),
                    info.code,
                    bad.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 0);
}

#[test]
fn every_fixture_folder_names_a_known_code() {
    let known: Vec<_> = catalog().map(|i| i.code).collect();
    for entry in fs::read_dir(fixture_root()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            known.contains(&name.as_str()),
            "fixture folder {name} names no rule code"
        );
    }
}
