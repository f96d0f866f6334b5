//! The boundary of issue 11: a kept document answers every call on one text as a fresh call
//! does, parsing it once; diagnostics can leave their fixes to code actions; completion in
//! `features` sends each item's documentation only when asked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "support/shared.rs"]
mod shared;

use devcontainer_doctor::api::{self, *};

const MAIN: &str = "/w/.devcontainer/devcontainer.json";
const COMPOSE_CONFIG: &str = "{ \"dockerComposeFile\": \"../c.yml\", \"service\": \"a\", \"workspaceFolder\": \"/w\", \"forwardPorts\": [\"8080\"] }";

fn input(text: &str, files: Vec<ProjectFile>) -> ProjectInput {
    ProjectInput {
        main_path: MAIN.into(),
        text: text.into(),
        files,
        ..ProjectInput::default()
    }
}

fn compose(text: &str) -> Vec<ProjectFile> {
    vec![ProjectFile {
        path: "../c.yml".into(),
        kind: ProjectFileKind::Text,
        text: Some(text.into()),
        entries: None,
    }]
}

fn lazy() -> AnalyzeOptions {
    AnalyzeOptions {
        omit_fixes: true,
        ..AnalyzeOptions::default()
    }
}

#[test]
fn one_text_is_parsed_once_for_every_call_and_answers_as_fresh_calls() {
    let mut kept = Kept::default();
    let options = AnalyzeOptions::default();
    let one = input(
        COMPOSE_CONFIG,
        compose("services:\n  a:\n    image: golang:1.22\n"),
    );
    assert_eq!(kept.project_wanted(one.clone()), api::project_wanted(&one));
    assert_eq!(
        kept.analyze_project(one.clone(), &options),
        api::analyze_project(&one, &options)
    );
    assert_eq!(
        kept.complete_project(one.clone(), 3),
        api::complete_project(&one, 3)
    );
    assert_eq!(
        kept.hover_project(one.clone(), 5),
        api::hover_project(&one, 5)
    );
    assert_eq!(kept.parses(), 1);

    // Other files with the same text: the findings follow the files.
    let two = input(
        COMPOSE_CONFIG,
        compose("services:\n  b:\n    image: golang:1.22\n"),
    );
    let fresh = api::analyze_project(&two, &options);
    assert_ne!(
        fresh,
        api::analyze_project(&one, &options),
        "the test needs a difference"
    );
    assert_eq!(kept.analyze_project(two, &options), fresh);
    assert_eq!(kept.parses(), 1);

    // A new text is parsed again, and the text-only calls agree with theirs.
    let text = "{ \"image\": \"golang:1.22\", 'name': \"é\", }";
    assert_eq!(
        kept.analyze(text.into(), &options),
        api::analyze(text, &options)
    );
    assert_eq!(kept.complete(text.into(), 2), api::complete(text, 2));
    assert_eq!(
        kept.code_actions(text.into(), 0, 40, &options),
        api::code_actions(text, 0, 40, &options)
    );
    assert_eq!(kept.parses(), 2);
}

#[test]
fn fixes_left_out_of_diagnostics_come_as_code_actions() {
    let mut kept = Kept::default();
    let one = input(
        COMPOSE_CONFIG,
        compose("services:\n  a:\n    image: golang:1.22\n"),
    );
    let full = api::analyze_project(&one, &AnalyzeOptions::default());
    let main = &full.files[0].diagnostics;
    let fixed: Vec<&Diagnostic> = main.iter().filter(|d| !d.fixes.is_empty()).collect();
    assert!(!fixed.is_empty(), "the test needs a fix: {main:?}");

    let light = kept.analyze_project(one.clone(), &lazy());
    assert!(
        light
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .all(|d| d.fixes.is_empty())
    );
    let stripped: Vec<(String, String)> = main
        .iter()
        .map(|d| (d.code.clone(), d.message.clone()))
        .collect();
    let light_main: Vec<(String, String)> = light.files[0]
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.message.clone()))
        .collect();
    assert_eq!(light_main, stripped);

    let end = COMPOSE_CONFIG.len() as u32;
    let actions = kept.code_actions_project(one.clone(), 0, end, &lazy());
    for d in &fixed {
        for fix in &d.fixes {
            assert!(
                actions.iter().any(|a| a.kind == "quickfix"
                    && a.title == fix.title
                    && a.edits == fix.edits
                    && a.diagnostic_codes == [d.code.clone()]),
                "{} missing from {actions:?}",
                fix.title
            );
        }
    }
    assert_eq!(kept.parses(), 1, "code actions reuse the kept analysis");

    // A rule turned off offers no quick fix.
    let code = fixed[0].code.clone();
    let mut off = lazy();
    off.severity_overrides
        .insert(code.clone(), SeverityOverride::Off);
    let without = kept.code_actions_project(one, 0, end, &off);
    assert!(
        !without
            .iter()
            .any(|a| a.kind == "quickfix" && a.diagnostic_codes.contains(&code))
    );
}

#[test]
fn feature_items_bring_their_documentation_only_when_asked() {
    let text = "{\n  \"features\": {\n    \"\"\n  }\n}";
    let offset = text.find("\"\"").unwrap() as u32 + 1;
    let items = api::complete(text, offset);
    assert!(items.len() > 50, "the catalog: {}", items.len());
    for item in &items {
        assert!(
            item.documentation.is_none(),
            "{} sends its docs",
            item.label
        );
        let id = item.doc_id.as_deref().expect("a doc id");
        let doc = api::completion_doc(id).expect("the id resolves");
        assert!(doc.contains(item.detail.as_deref().unwrap()), "{doc}");
    }
    assert_eq!(api::completion_doc("feature:no/such/feature"), None);
    assert_eq!(api::completion_doc("nonsense"), None);

    // Options of a feature resolve the same way, to the hover of the option.
    let go = items
        .iter()
        .find(|i| i.label.ends_with("/go:1"))
        .expect("go");
    let text = format!(
        "{{\n  \"features\": {{\n    \"{}\": {{ \"\" }}\n  }}\n}}",
        go.label
    );
    let offset = text.find("{ \"\"").unwrap() as u32 + 3;
    let options = api::complete(&text, offset);
    let version = options
        .iter()
        .find(|i| i.label == "version")
        .expect("version");
    let doc = api::completion_doc(version.doc_id.as_deref().unwrap()).unwrap();
    assert!(doc.starts_with("**version**"), "{doc}");
}

#[test]
fn kept_answers_equal_fresh_ones_over_corpus_files() {
    let Some(dir) = shared::dir("corpus/real") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut kept = Kept::default();
    for path in paths.iter().step_by(40) {
        let text = std::fs::read_to_string(path).unwrap();
        let one = input(&text, Vec::new());
        let units = text.encode_utf16().count() as u32;
        assert_eq!(
            kept.analyze_project(one.clone(), &lazy()),
            api::analyze_project(&one, &lazy()),
            "{}",
            path.display()
        );
        for offset in (0..units).step_by(97) {
            assert_eq!(
                kept.complete_project(one.clone(), offset),
                api::complete_project(&one, offset)
            );
        }
    }
}

#[test]
fn a_check_without_fixes_then_code_actions_on_the_same_text_give_the_fixes() {
    // A deprecated property: its move is the costliest fix, left out of a lean check.
    let text = "{ \"image\": \"golang:1.22\", \"extensions\": [\"golang.go\"] }";
    let full = api::analyze(text, &AnalyzeOptions::default());
    let moves: Vec<&Diagnostic> = full
        .diagnostics
        .iter()
        .filter(|d| d.code == "deprecated-property" && !d.fixes.is_empty())
        .collect();
    assert!(!moves.is_empty(), "the test needs a move: {full:?}");

    let mut kept = Kept::default();
    let light = kept.analyze(text.into(), &lazy());
    assert!(light.diagnostics.iter().all(|d| d.fixes.is_empty()));
    let actions = kept.code_actions(text.into(), 0, text.len() as u32, &lazy());
    assert_eq!(
        actions,
        api::code_actions(text, 0, text.len() as u32, &lazy())
    );
    assert!(
        actions
            .iter()
            .any(|a| a.title == moves[0].fixes[0].title && a.edits == moves[0].fixes[0].edits),
        "{actions:?}"
    );
    // The full check now kept serves a later check without fixes too.
    assert_eq!(kept.analyze(text.into(), &lazy()), light);
    assert_eq!(kept.parses(), 1);
}
