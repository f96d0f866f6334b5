//! Runs the feature rules over the real devcontainer.json files in ../shared/corpus/real:
//! prints how often each feature code fires and every finding (read them with
//! `cargo test --test features_corpus -- --nocapture`), and requires zero errors of the
//! feature codes on the files of devcontainers/images and devcontainers/templates.

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::text::LineIndex;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Repositories whose files must get no error from the feature rules.
const TRUSTED_REPOS: &[&str] = &["devcontainers/images", "devcontainers/templates"];

#[test]
fn feature_rules_on_the_real_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/real");
    let Ok(index) = fs::read_to_string(corpus.join("INDEX.tsv")) else {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    };
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut trusted_errors = Vec::new();
    let mut files = 0;
    for line in index.lines().skip(1) {
        let mut fields = line.split('\t');
        let (Some(file), Some(repo)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(text) = fs::read_to_string(corpus.join(file)) else {
            continue;
        };
        files += 1;
        let lines = LineIndex::new(&text);
        for d in analyze(&text).diagnostics {
            if !d.code.starts_with("feature-") {
                continue;
            }
            *counts.entry(d.code).or_default() += 1;
            let line_no = lines.position(d.range.start).line + 1;
            eprintln!(
                "{file}:{line_no}: {} {}: {}",
                d.severity.as_str(),
                d.code,
                d.message
            );
            if d.severity == Severity::Error && TRUSTED_REPOS.contains(&repo) {
                trusted_errors.push(format!("{file}:{line_no}: {}", d.message));
            }
        }
    }
    eprintln!("{files} files; findings per code: {counts:?}");
    assert!(files > 0, "INDEX.tsv lists no readable file");
    assert!(
        trusted_errors.is_empty(),
        "feature errors on files of {TRUSTED_REPOS:?}:\n{}",
        trusted_errors.join("\n")
    );
}
