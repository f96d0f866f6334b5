//! `project_needed`: a host that keeps what it read for a configuration starts the next load
//! from those files, reads what is needed and absent, and keeps only what is needed. That must
//! give the files a load from nothing gives, whatever the edit did to the references (issue
//! 11: starting from nothing made every keystroke hand the core a new project twice).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking"
)]

mod support;

use devcontainer_doctor::api::{self, AnalyzeOptions, ProjectFile, ProjectInput};
use std::collections::BTreeMap;
use std::path::Path;
use support::project_input::{Lcg, configs, edit, input_from_disk, read_file};
use support::shared;

/// The load of `input` starting from `kept` (what the last load ended with).
fn load_from(kept: &[ProjectFile], mut input: ProjectInput) -> ProjectInput {
    let folder = input.config_folder.clone().unwrap();
    input.files = kept.to_vec();
    for _ in 0..8 {
        let needed = api::project_needed(&input);
        let absent: Vec<_> = needed
            .iter()
            .filter(|w| !input.files.iter().any(|f| f.path == w.path))
            .collect();
        if absent.is_empty() {
            input
                .files
                .retain(|f| needed.iter().any(|w| w.path == f.path));
            break;
        }
        for want in absent {
            input.files.push(read_file(&folder, want));
        }
    }
    input
}

/// The files by path, so two loads compare whatever order they read in.
fn by_path(input: &ProjectInput) -> BTreeMap<String, ProjectFile> {
    input
        .files
        .iter()
        .map(|f| (f.path.clone(), f.clone()))
        .collect()
}

fn check_folder(main: &Path, rng: &mut Lcg, steps: usize) -> usize {
    let mut kept = input_from_disk(main);
    // Loading by `needed` from nothing reads what loading by `wanted` reads.
    let by_needed = load_from(
        &[],
        ProjectInput {
            files: Vec::new(),
            ..kept.clone()
        },
    );
    assert_eq!(by_path(&by_needed), by_path(&kept), "{}", main.display());
    let fresh_text = kept.text.clone();
    let mut pruned = 0;
    for step in 0..steps {
        // Now and then back to the text on disk, so references come back too.
        let text = if step % 4 == 3 {
            fresh_text.clone()
        } else {
            edit(&kept.text, rng)
        };
        let mut fresh = input_from_disk(main);
        fresh.text = text.clone();
        let fresh = load_from(&[], fresh);
        let next = load_from(
            &kept.files,
            ProjectInput {
                text,
                ..kept.clone()
            },
        );
        let what = format!("{}, step {step}", main.display());
        assert_eq!(by_path(&next), by_path(&fresh), "files: {what}");
        // The same files give the same findings per file.
        let options = AnalyzeOptions::default();
        let mut ours = api::analyze_project(&next, &options).files;
        let mut theirs = api::analyze_project(&fresh, &options).files;
        ours.sort_by(|a, b| a.path.cmp(&b.path));
        theirs.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(ours, theirs, "findings: {what}");
        pruned += usize::from(next.files.len() < kept.files.len());
        // What is absent after a load is exactly what `wanted` still asks for: nothing.
        assert!(api::project_wanted(&next).is_empty(), "wanted left: {what}");
        kept = next;
    }
    pruned
}

#[test]
fn a_load_from_the_last_reads_equals_a_load_from_nothing_over_fixture_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut mains = Vec::new();
    for sub in ["complete_folders", "hover_folders", "rules"] {
        configs(&root.join(sub), &mut mains);
    }
    let mut rng = Lcg(5);
    let pruned: usize = mains
        .iter()
        .step_by(3)
        .map(|m| check_folder(m, &mut rng, 8))
        .sum();
    assert!(
        pruned > 0,
        "no edit dropped a file: the pruning went untested"
    );
}

#[test]
fn a_load_from_the_last_reads_equals_a_load_from_nothing_over_corpus_folders() {
    let Some(dir) = shared::dir("corpus/folders") else {
        return;
    };
    let mut mains = Vec::new();
    configs(&dir, &mut mains);
    let mut rng = Lcg(21);
    for main in mains.iter().step_by(3) {
        check_folder(main, &mut rng, 6);
    }
}

#[test]
fn needed_names_what_was_supplied_and_stops_at_what_is_no_longer_referenced() {
    let mut input = ProjectInput {
        main_path: "/w/.devcontainer/devcontainer.json".into(),
        text: r#"{ "build": { "dockerfile": "Dockerfile" } }"#.into(),
        config_folder: Some("/w/.devcontainer".into()),
        ..ProjectInput::default()
    };
    input.files.push(ProjectFile {
        path: "Dockerfile".into(),
        kind: api::ProjectFileKind::Text,
        text: Some("FROM golang:1.22\n".into()),
        entries: None,
    });
    let paths = |input: &ProjectInput| -> Vec<String> {
        api::project_needed(input)
            .into_iter()
            .map(|w| w.path)
            .collect()
    };
    assert_eq!(paths(&input), [".", "Dockerfile"]);
    assert_eq!(api::project_wanted(&input).len(), 1, "the listing of `.`");
    input.text = r#"{ "image": "golang:1.22" }"#.into();
    assert!(paths(&input).is_empty(), "{:?}", paths(&input));
}
