//! The rule catalog is the one source of every code's facts: each diagnostic the engine
//! produces, over every fixture and the real corpus (`../shared/corpus/real`), carries a code
//! of the catalog at exactly the severity declared there, and offers only fixes its declared
//! fix safety allows. The declarations themselves are complete (a why, a reason for each fix).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use support::fixture_project;

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::rules::{FixSafety, RuleInfo, catalog, info};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every text file under `tests/fixtures` (rule and IDE fixtures, `.fixed` results included).
fn fixture_texts() -> Vec<(String, String)> {
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    let mut out = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = fs::read_to_string(&path) {
                // Cursor fixtures mark the cursor with `|`; the text around it is still checked.
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

/// What is wrong with the diagnostics of one text, measured against the catalog; `fixed`
/// collects the codes seen with a fix (`true`: a safe one).
fn check_text(
    name: &str,
    text: &str,
    problems: &mut Vec<String>,
    fixed: &mut BTreeSet<(&'static str, bool)>,
) {
    check_diagnostics(name, analyze(text).diagnostics, problems, fixed);
}

/// The same for diagnostics already computed (a fixture folder checked as a project).
fn check_diagnostics(
    name: &str,
    diagnostics: Vec<devcontainer_doctor::diag::Diagnostic>,
    problems: &mut Vec<String>,
    fixed: &mut BTreeSet<(&'static str, bool)>,
) {
    for d in diagnostics {
        for f in &d.fixes {
            fixed.insert((d.code, f.safe));
        }
        let Some(rule) = info(d.code) else {
            problems.push(format!("{name}: code {} is not in the catalog", d.code));
            continue;
        };
        if d.severity != rule.severity {
            problems.push(format!(
                "{name}: {} came out as {}, declared {}",
                d.code,
                d.severity.as_str(),
                rule.severity.as_str()
            ));
        }
        let any_fix = !d.fixes.is_empty();
        let safe_fix = d.fixes.iter().any(|f| f.safe);
        match rule.fix {
            FixSafety::None if any_fix => problems.push(format!(
                "{name}: {} declares no fix but offers {:?}",
                d.code,
                d.fixes.iter().map(|f| &f.title).collect::<Vec<_>>()
            )),
            FixSafety::Unsafe { .. } if safe_fix => problems.push(format!(
                "{name}: {} declares unsafe fixes but offers a safe one",
                d.code
            )),
            _ => {}
        }
    }
}

#[test]
fn every_diagnostic_matches_its_declaration_in_fixtures() {
    let mut problems = Vec::new();
    let texts = fixture_texts();
    assert!(texts.len() > 100, "only {} fixture files", texts.len());
    let mut fixed = BTreeSet::new();
    for (name, text) in &texts {
        check_text(name, text, &mut problems, &mut fixed);
    }
    // Fixture folders (`rules/<code>/<kind>/<name>/`) are checked with their files.
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    for code in fs::read_dir(&rules).into_iter().flatten().flatten() {
        for kind in ["invalid", "valid"] {
            for entry in fs::read_dir(code.path().join(kind))
                .into_iter()
                .flatten()
                .flatten()
            {
                if entry.path().is_dir() {
                    let (_, analysis) = fixture_project::analyze_fixture(&entry.path());
                    let name = entry.path().display().to_string();
                    check_diagnostics(&name, analysis.diagnostics, &mut problems, &mut fixed);
                }
            }
        }
    }
    // A declared fix is shown by some fixture.
    for r in catalog() {
        match r.fix {
            FixSafety::Safe { .. } if !fixed.contains(&(r.code, true)) => problems.push(format!(
                "{}: declares a safe fix, no fixture shows one",
                r.code
            )),
            FixSafety::Unsafe { .. } if !fixed.contains(&(r.code, false)) => problems.push(
                format!("{}: declares an unsafe fix, no fixture shows one", r.code),
            ),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_diagnostic_matches_its_declaration_in_the_corpus() {
    let Some(files) = support::corpus::load() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but the corpus (../shared/corpus/real) is absent"
        );
        return;
    };
    let mut problems = Vec::new();
    let mut fixed = BTreeSet::new();
    for file in &files {
        check_text(&file.name, &file.text, &mut problems, &mut fixed);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn sentences(text: &str) -> usize {
    text.split(". ").filter(|s| !s.trim().is_empty()).count()
}

#[test]
fn every_declaration_is_complete_and_codes_are_unique() {
    let rules: Vec<&RuleInfo> = catalog().collect();
    let codes: BTreeSet<&str> = rules.iter().map(|r| r.code).collect();
    assert_eq!(codes.len(), rules.len(), "a code is declared twice");
    for r in &rules {
        assert!(
            r.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: codes are kebab-case",
            r.code
        );
        assert!(!r.summary.is_empty(), "{}: no summary", r.code);
        assert!(
            r.why.ends_with('.') && (1..=3).contains(&sentences(r.why)),
            "{}: the why is one to three sentences: {:?}",
            r.code,
            r.why
        );
        if let Some(reason) = r.fix.reason() {
            assert!(reason.ends_with('.'), "{}: fix reason {reason:?}", r.code);
        }
        for alias in r.aliases {
            assert_ne!(*alias, r.code, "{}: alias of itself", r.code);
        }
    }
}

#[test]
fn a_split_code_follows_the_old_codes_setting() {
    use devcontainer_doctor::api::{AnalyzeOptions, SeverityOverride, analyze};
    let text = r#"{"dockerComposeFile": "compose.yml", "service": "app"}"#;
    let mut options = AnalyzeOptions::default();
    options
        .severity_overrides
        .insert("compose-missing-property".into(), SeverityOverride::Off);
    let codes: Vec<String> = analyze(text, &options)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(
        !codes
            .iter()
            .any(|c| c == "compose-workspace-folder-missing"),
        "{codes:?}"
    );
    let codes: Vec<String> = analyze(text, &AnalyzeOptions::default())
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(
        codes
            .iter()
            .any(|c| c == "compose-workspace-folder-missing"),
        "{codes:?}"
    );
}
