//! Runs every rule over the real devcontainer.json files in `../shared/corpus/real`: no panic,
//! counts per code of the semantic rules printed, and no error from these rules on the files
//! of `devcontainers/images` and `devcontainers/templates` (known to work).

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::{Diagnostic, Severity, apply_edits};
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

/// Code prefixes of the semantic rules (lifecycle hooks, ports, variables, mounts).
const SEMANTIC: &[&str] = &[
    "hook-",
    "wait-for-",
    "port",
    "duplicate-port",
    "variable-",
    "mount-",
    "workspace-mount-",
];

fn is_semantic(code: &str) -> bool {
    SEMANTIC.iter().any(|p| code.starts_with(p))
}

#[test]
fn semantic_rules_on_the_real_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/real");
    let Ok(index) = fs::read_to_string(corpus.join("INDEX.tsv")) else {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    };
    let known_good: HashSet<&str> = index
        .lines()
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let repo = cols.get(1)?;
            matches!(*repo, "devcontainers/images" | "devcontainers/templates").then(|| cols[0])
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut files = 0;
    for entry in fs::read_dir(&corpus).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "INDEX.tsv" || !path.is_file() {
            continue;
        }
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        files += 1;
        let analysis = analyze(&text);
        check_fixes_keep_syntax(&name, &text, &analysis.diagnostics);
        for d in analysis.diagnostics {
            if !is_semantic(d.code) {
                continue;
            }
            *counts.entry(d.code).or_default() += 1;
            if std::env::var_os("SHOW_SEMANTIC").is_some() {
                eprintln!("{name}: {} {}: {}", d.severity.as_str(), d.code, d.message);
            }
            if d.severity == Severity::Error && known_good.contains(name.as_str()) {
                errors.push(format!("{name}: {}: {}", d.code, d.message));
            }
        }
    }
    eprintln!("semantic rules over {files} corpus files:");
    for (code, n) in &counts {
        eprintln!("  {code:32} {n}");
    }
    assert!(files > 0, "no corpus files read");
    assert!(
        errors.is_empty(),
        "errors on files known to work:\n{}",
        errors.join("\n")
    );
}

/// Applying the safe fixes of the semantic rules must not add a syntax error, and the fixed
/// diagnostics must be gone.
fn check_fixes_keep_syntax(name: &str, text: &str, diagnostics: &[Diagnostic]) {
    let fixable: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| is_semantic(d.code) && d.fixes.iter().any(|f| f.safe))
        .collect();
    if fixable.is_empty() {
        return;
    }
    let edits: Vec<_> = fixable
        .iter()
        .flat_map(|d| d.fixes.iter().filter(|f| f.safe))
        .flat_map(|f| f.edits.clone())
        .collect();
    let (fixed, _) = apply_edits(text, &edits);
    let syntax = |ds: &[Diagnostic]| ds.iter().filter(|d| d.code == "syntax-error").count();
    let after = analyze(&fixed).diagnostics;
    assert_eq!(
        syntax(diagnostics),
        syntax(&after),
        "{name}: fixes changed the syntax errors"
    );
    let remaining = after
        .iter()
        .filter(|d| is_semantic(d.code) && d.fixes.iter().any(|f| f.safe))
        .count();
    assert!(
        remaining < fixable.len(),
        "{name}: fixes did not remove their diagnostics"
    );
}
