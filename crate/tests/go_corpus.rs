//! The Go rules on the real corpus (`../shared/corpus/real`): prints how often each Go code
//! fires (and every finding, with `--nocapture`) and requires zero errors of those codes on
//! the official configs of devcontainers/images and devcontainers/templates.

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::rules::catalog;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const OFFICIAL_REPOS: &[&str] = &["devcontainers/images", "devcontainers/templates"];

#[test]
fn go_rules_on_the_real_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/real");
    let Ok(index) = fs::read_to_string(corpus.join("INDEX.tsv")) else {
        eprintln!(
            "skipped: {} not found (the shared material is absent)",
            corpus.display()
        );
        return;
    };
    let go_codes: Vec<&str> = catalog()
        .map(|i| i.code)
        .filter(|c| c.starts_with("go-"))
        .collect();
    let mut counts: BTreeMap<&str, usize> = go_codes.iter().map(|c| (*c, 0)).collect();
    let mut official_errors = Vec::new();
    let mut files = 0;
    for line in index.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(repo)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let Ok(text) = fs::read_to_string(corpus.join(file)) else {
            continue;
        };
        files += 1;
        for d in analyze(&text).diagnostics {
            if !go_codes.contains(&d.code) {
                continue;
            }
            *counts.entry(d.code).or_default() += 1;
            println!(
                "{file} [{}] {} {}: {}",
                cols.get(4).unwrap_or(&"?"),
                d.severity.as_str(),
                d.code,
                d.message
            );
            if d.severity == Severity::Error && OFFICIAL_REPOS.contains(repo) {
                official_errors.push(format!("{file}: {}: {}", d.code, d.message));
            }
        }
    }
    println!("{files} corpus files; Go findings per code: {counts:?}");
    assert!(files > 0, "INDEX.tsv lists no readable file");
    assert!(
        official_errors.is_empty(),
        "errors on official configs:\n{}",
        official_errors.join("\n")
    );
}
