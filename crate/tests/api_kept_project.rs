//! Issue 11 on a whole dev container: a `Kept` sequence of calls while devcontainer.json (and
//! now and then a Compose file or Dockerfile) is edited answers exactly as fresh calls on the
//! same input, and the Dockerfiles and Compose files are parsed once per text, not once per
//! call or per keystroke in devcontainer.json.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use support::project_input::{Lcg, configs, edit, input_from_disk};
use support::shared;

use devcontainer_doctor::api::{self, *};
use std::fs;
use std::path::Path;

const MAIN: &str = "/w/.devcontainer/devcontainer.json";

fn text_file(path: &str, text: &str) -> ProjectFile {
    ProjectFile {
        path: path.into(),
        kind: ProjectFileKind::Text,
        text: Some(text.into()),
        entries: None,
    }
}

/// How the host hands the project in: whole with every call, or set once per change of the
/// other files and then the text alone (what the extension's `Engine` wrapper does).
#[derive(Clone, Copy)]
enum Calls {
    WholeInput,
    SetThenText,
}

fn assert_same(kept: &mut Kept, input: &ProjectInput, calls: Calls, rng: &mut Lcg, what: &str) {
    let options = AnalyzeOptions::default();
    let text = || input.text.clone();
    let analyzed = match calls {
        Calls::WholeInput => kept.analyze_project(input.clone(), &options),
        Calls::SetThenText => kept.analyze_project_text(text(), &options),
    };
    assert_eq!(
        analyzed,
        api::analyze_project(input, &options),
        "analyze: {what}"
    );
    let units = input.text.encode_utf16().count();
    for _ in 0..3 {
        let offset = rng.below(units + 1) as u32;
        let (completed, hovered) = match calls {
            Calls::WholeInput => (
                kept.complete_project(input.clone(), offset),
                kept.hover_project(input.clone(), offset),
            ),
            Calls::SetThenText => (
                kept.complete_project_text(text(), offset),
                kept.hover_project_text(text(), offset),
            ),
        };
        assert_eq!(
            completed,
            api::complete_project(input, offset),
            "complete at {offset}: {what}"
        );
        assert_eq!(
            hovered,
            api::hover_project(input, offset),
            "hover at {offset}: {what}"
        );
    }
    if let Calls::SetThenText = calls {
        assert_eq!(
            kept.project_wanted_text(text()),
            api::project_wanted(input),
            "wanted: {what}"
        );
        assert_eq!(
            kept.project_needed_text(text()),
            api::project_needed(input),
            "needed: {what}"
        );
    }
}

fn check_edits(main: &Path, calls: Calls, rng: &mut Lcg, steps: usize) {
    let mut input = input_from_disk(main);
    let mut kept = Kept::default();
    let what = main.display().to_string();
    kept.set_project(input.clone());
    assert_same(&mut kept, &input, calls, rng, &what);
    for step in 0..steps {
        // Mostly devcontainer.json, as typing goes; now and then another file with a text.
        let others: Vec<usize> = (0..input.files.len())
            .filter(|i| input.files[*i].text.is_some())
            .collect();
        if !others.is_empty() && rng.below(5) == 0 {
            let i = others[rng.below(others.len())];
            let file = &mut input.files[i];
            file.text = Some(edit(file.text.as_deref().unwrap_or(""), rng));
            // The one change the text-only calls must be told of.
            kept.set_project(input.clone());
        } else {
            input.text = edit(&input.text, rng);
        }
        assert_same(
            &mut kept,
            &input,
            calls,
            rng,
            &format!("{what}, step {step}"),
        );
    }
}

#[test]
fn kept_calls_while_editing_equal_fresh_ones_over_fixture_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut mains = Vec::new();
    for sub in ["complete_folders", "hover_folders", "rules"] {
        configs(&root.join(sub), &mut mains);
    }
    // The rule fixtures that are folders (a Dockerfile or a Compose file beside them).
    mains.retain(|m| {
        let folder = m.parent().unwrap();
        let beside = |dir: &Path| {
            fs::read_dir(dir).is_ok_and(|l| {
                l.flatten()
                    .any(|e| e.file_name().to_string_lossy() != "devcontainer.json")
            })
        };
        beside(folder) || folder.parent().is_some_and(beside)
    });
    assert!(mains.len() >= 20, "only {} fixture folders", mains.len());
    let mut rng = Lcg(11);
    for (n, main) in mains.iter().step_by(2).enumerate() {
        let calls = [Calls::WholeInput, Calls::SetThenText][n % 2];
        check_edits(main, calls, &mut rng, 12);
    }
}

#[test]
fn kept_calls_while_editing_equal_fresh_ones_over_corpus_folders() {
    let Some(dir) = shared::dir("corpus/folders") else {
        return;
    };
    let mut mains = Vec::new();
    configs(&dir, &mut mains);
    let mut rng = Lcg(8);
    for (n, main) in mains.iter().step_by(6).enumerate() {
        let calls = [Calls::WholeInput, Calls::SetThenText][n % 2];
        check_edits(main, calls, &mut rng, 8);
    }
}

const COMPOSE_CONFIG: &str =
    "{ \"dockerComposeFile\": \"../c.yml\", \"service\": \"a\", \"workspaceFolder\": \"/w\" }";

fn compose_project(config: &str, dockerfile: &str) -> ProjectInput {
    ProjectInput {
        main_path: MAIN.into(),
        text: config.into(),
        files: vec![
            text_file(
                "../c.yml",
                "services:\n  a:\n    build: .\n    user: dev\n  db:\n    image: postgres:16\n",
            ),
            text_file("../Dockerfile", dockerfile),
        ],
        ..ProjectInput::default()
    }
}

#[test]
fn one_analysis_parses_each_referenced_file_once() {
    let input = compose_project(COMPOSE_CONFIG, "FROM golang:1.22\nUSER dev\n");
    let project = input.to_project();
    devcontainer_doctor::analysis::analyze_project(&project);
    assert_eq!(
        project.file_parses(),
        2,
        "the Compose file and the Dockerfile"
    );
}

#[test]
fn typing_in_devcontainer_json_reuses_the_other_files_parses() {
    let options = AnalyzeOptions::default();
    let mut kept = Kept::default();
    let dockerfile = "FROM golang:1.22\nUSER dev\n";
    let config = COMPOSE_CONFIG;
    for typed in ["", " ", "  ", " \"", " \"r"] {
        let text = config.replacen('{', &format!("{{{typed}"), 1);
        let input = compose_project(&text, dockerfile);
        kept.project_wanted(input.clone());
        kept.analyze_project(input.clone(), &options);
        kept.complete_project(input.clone(), 3);
        kept.hover_project(input.clone(), 5);
        kept.code_actions_project(input, 0, 3, &options);
    }
    // Five versions of devcontainer.json, five parses of it; the others once each.
    assert_eq!(kept.parses(), 5);
    assert_eq!(kept.file_parses(), 2);

    // A new Dockerfile text is parsed again, the unchanged Compose file is not.
    let input = compose_project(COMPOSE_CONFIG, "FROM golang:1.23\nUSER dev\n");
    assert_eq!(
        kept.analyze_project(input.clone(), &options),
        api::analyze_project(&input, &options)
    );
    assert_eq!(kept.file_parses(), 3);
    assert_eq!(
        kept.complete_project(input.clone(), 3),
        api::complete_project(&input, 3)
    );
    assert_eq!(kept.file_parses(), 3);
}

#[test]
fn text_only_calls_keep_the_project_set_until_it_is_set_again() {
    let options = AnalyzeOptions::default();
    let mut kept = Kept::default();
    let first = compose_project(COMPOSE_CONFIG, "FROM golang:1.22\nUSER dev\n");
    kept.set_project(first.clone());
    assert_eq!(
        kept.analyze_project_text(COMPOSE_CONFIG.into(), &options),
        api::analyze_project(&first, &options)
    );
    // Setting an equal project again keeps the parses.
    kept.set_project(first.clone());
    kept.analyze_project_text(COMPOSE_CONFIG.into(), &options);
    assert_eq!((kept.parses(), kept.file_parses()), (1, 2));

    // Another Compose file (no service `a`): the text-only call sees it once it is set.
    let mut second = first.clone();
    second.files[0].text = Some("services:\n  b:\n    image: golang:1.22\n".into());
    kept.set_project(second.clone());
    let result = kept.analyze_project_text(COMPOSE_CONFIG.into(), &options);
    assert_eq!(result, api::analyze_project(&second, &options));
    assert_ne!(result, api::analyze_project(&first, &options));
    assert_eq!(kept.parses(), 1, "devcontainer.json did not change");
}
