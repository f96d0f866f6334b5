//! The schema rules on every real devcontainer.json of `../shared/corpus/real`: prints a count per
//! code, and asserts that the files known to work (from devcontainers/images and
//! devcontainers/templates) get no error from these rules.

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::{Severity, apply_edits};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const SCHEMA_CODES: &[&str] = &[
    "unknown-property",
    "type-mismatch",
    "invalid-enum-value",
    "invalid-value",
    "deprecated-property",
    "missing-container-source",
    "mixed-container-sources",
    "compose-missing-property",
    "kind-mismatch-property",
];

const KNOWN_GOOD_REPOS: &[&str] = &["devcontainers/images", "devcontainers/templates"];

#[test]
fn schema_rules_on_the_real_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/real");
    let Ok(index) = fs::read_to_string(corpus.join("INDEX.tsv")) else {
        eprintln!(
            "skipped: {} not found (the shared corpus is not available)",
            corpus.display()
        );
        return;
    };
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut files = 0;
    for line in index.lines().skip(1) {
        let mut columns = line.split('\t');
        let (Some(file), Some(repo)) = (columns.next(), columns.next()) else {
            continue;
        };
        let Ok(bytes) = fs::read(corpus.join(file)) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        files += 1;
        let diagnostics = analyze(&text).diagnostics;
        check_fixes(file, &text, &diagnostics, &mut failures);
        for d in diagnostics {
            if !SCHEMA_CODES.contains(&d.code) {
                continue;
            }
            *counts.entry((d.code, d.severity)).or_default() += 1;
            if std::env::var_os("SHOW_CORPUS").is_some() {
                eprintln!("{file}: {} {}: {}", d.severity.as_str(), d.code, d.message);
            }
            if d.severity == Severity::Error && KNOWN_GOOD_REPOS.contains(&repo) {
                failures.push(format!("{file} ({repo}): {}: {}", d.code, d.message));
            }
        }
    }
    eprintln!("schema rules over {files} corpus files:");
    for ((code, severity), n) in &counts {
        eprintln!("  {n:5} {code} ({})", severity.as_str());
    }
    assert!(files > 0, "INDEX.tsv lists no readable file");
    assert!(
        failures.is_empty(),
        "errors on files known to work:\n{}",
        failures.join("\n")
    );
}

/// Applying the safe fixes of these rules must leave a file without syntax errors, and without
/// the deprecated properties that were fixed.
fn check_fixes(
    file: &str,
    text: &str,
    diagnostics: &[devcontainer_doctor::diag::Diagnostic],
    failures: &mut Vec<String>,
) {
    let edits: Vec<_> = diagnostics
        .iter()
        .filter(|d| SCHEMA_CODES.contains(&d.code))
        .flat_map(|d| d.fixes.iter().filter(|f| f.safe))
        .flat_map(|f| f.edits.clone())
        .collect();
    if edits.is_empty() {
        return;
    }
    let (fixed, _) = apply_edits(text, &edits);
    let before_errors = diagnostics
        .iter()
        .filter(|d| d.code == "syntax-error")
        .count();
    let after = analyze(&fixed).diagnostics;
    let after_errors = after.iter().filter(|d| d.code == "syntax-error").count();
    let fixable_left = after
        .iter()
        .filter(|d| d.code == "deprecated-property" && d.fixes.iter().any(|f| f.safe))
        .count();
    if after_errors > before_errors || fixable_left > 0 {
        failures.push(format!(
            "{file}: after the safe fixes: {after_errors} syntax errors, {fixable_left} fixable deprecations left:\n{fixed}"
        ));
    }
}
