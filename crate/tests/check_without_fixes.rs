//! A check that skips fixes (the one behind an editor's diagnostics, `omitFixes`) finds exactly
//! what a full check finds, only without fixes: on every rule fixture (files and folders), every
//! corpus file and every corpus folder. A rule that let its message or its findings depend on
//! whether it built a fix, or that built a fix anyway, fails here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking"
)]

mod support;

use devcontainer_doctor::analysis::check;
use devcontainer_doctor::diag::Diagnostic;
use devcontainer_doctor::project::Project;
use devcontainer_doctor::rules::{Fixes, KeptForText, catalog};
use devcontainer_doctor::syntax::parse;
use proptest::prelude::*;
use support::{fixture_project, fixtures};

/// The differences between the two checks of one configuration, as readable lines.
fn differences(label: &str, project: Option<&Project>, text: &str) -> Vec<String> {
    let tree = parse(text);
    let full = check(project, text, &tree, KeptForText::default(), Fixes::Made);
    let lean = check(project, text, &tree, KeptForText::default(), Fixes::Skipped);
    let mut problems = Vec::new();
    for d in lean.iter().filter(|d| !d.fixes.is_empty()) {
        problems.push(format!(
            "{label}: {} built a fix in a check without fixes",
            d.code
        ));
    }
    let without_fixes = |d: &Diagnostic| Diagnostic {
        fixes: Vec::new(),
        ..d.clone()
    };
    let full: Vec<Diagnostic> = full.iter().map(without_fixes).collect();
    let lean: Vec<Diagnostic> = lean.iter().map(without_fixes).collect();
    if full != lean {
        problems.push(format!(
            "{label}: the findings differ\n  with fixes:    {full:?}\n  without fixes: {lean:?}"
        ));
    }
    problems
}

#[test]
fn rule_fixtures_find_the_same_without_fixes() {
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut with_fixes = 0;
    for info in catalog() {
        let dir = fixtures::rules_root().join(info.code);
        for path in ["invalid", "valid"]
            .iter()
            .flat_map(|kind| fixtures::list(&dir.join(kind)))
        {
            let label = path.display().to_string();
            if path.is_file() {
                let text = std::fs::read_to_string(&path).unwrap();
                problems.extend(differences(&label, None, &text));
                with_fixes += usize::from(text_has_fix(None, &text));
            } else {
                let (_, project) = fixture_project::fixture_project(&path);
                let text = project.main_text().to_string();
                problems.extend(differences(&label, Some(&project), &text));
                with_fixes += usize::from(text_has_fix(Some(&project), &text));
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} fixtures found");
    // The comparison means something only where full checks make fixes.
    assert!(with_fixes > 100, "only {with_fixes} fixtures have a fix");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn text_has_fix(project: Option<&Project>, text: &str) -> bool {
    let tree = parse(text);
    check(project, text, &tree, KeptForText::default(), Fixes::Made)
        .iter()
        .any(|d| !d.fixes.is_empty())
}

#[test]
fn corpus_files_find_the_same_without_fixes() {
    let Some(files) = support::corpus::load() else {
        return;
    };
    let problems: Vec<String> = files
        .iter()
        .flat_map(|f| differences(&f.name, None, &f.text))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn corpus_folders_find_the_same_without_fixes() {
    let Some(dir) = support::shared::dir("corpus/folders") else {
        return;
    };
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).unwrap();
    let mut problems = Vec::new();
    let mut checked = 0;
    // INDEX.tsv: the folder, then (fourth) the path of its devcontainer.json.
    for cols in index
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
    {
        let main = dir.join(cols[0]).join(cols[3]);
        let text = std::fs::read_to_string(&main).unwrap();
        let mut project = Project::new("devcontainer.json", text.clone());
        let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
        support::disk::read_wanted(&mut project, &folder);
        problems.extend(differences(cols[0], Some(&project), &text));
        checked += 1;
    }
    assert!(checked >= 70, "{checked} folders");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Rule fixtures as they are while being typed: a few characters inserted or removed.
fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        catalog()
            .flat_map(|info| {
                fixtures::list(&fixtures::rules_root().join(info.code).join("invalid"))
            })
            .filter(|p| p.is_file())
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edited_fixtures_find_the_same_without_fixes(
        pick in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), prop::sample::select(vec!["", "\"", ",", "{", "}", "x", "\n", "é"])), 1..5),
    ) {
        let seeds = seeds();
        let mut text = seeds[pick % seeds.len()].clone();
        for (at, insert) in &edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if insert.is_empty() {
                if let Some(c) = text[at..].chars().next() {
                    text.replace_range(at..at + c.len_utf8(), "");
                }
            } else {
                text.insert_str(at, insert);
            }
        }
        let problems = differences("edited fixture", None, &text);
        prop_assert!(problems.is_empty(), "{}\n{}", problems.join("\n"), text);
    }
}
