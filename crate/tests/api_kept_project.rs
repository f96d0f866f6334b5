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

use support::{disk, shared};

use devcontainer_doctor::api::{self, *};
use devcontainer_doctor::project::{Entry, join, normalize};
use std::fs;
use std::path::{Path, PathBuf};

const MAIN: &str = "/w/.devcontainer/devcontainer.json";

fn text_file(path: &str, text: &str) -> ProjectFile {
    ProjectFile {
        path: path.into(),
        kind: ProjectFileKind::Text,
        text: Some(text.into()),
        entries: None,
    }
}

/// The configuration at `main` with every file it wants read from disk, as a host hands it in.
fn input_from_disk(main: &Path) -> ProjectInput {
    let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
    let mut input = ProjectInput {
        main_path: main.to_string_lossy().into_owned(),
        text: fs::read_to_string(main).unwrap(),
        config_folder: Some(folder.clone()),
        ..ProjectInput::default()
    };
    for _ in 0..8 {
        let wanted = api::project_wanted(&input);
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let on_disk = PathBuf::from(format!("/{}", normalize(&join(&folder, &want.path))));
            let (kind, text, entries) = match disk::read_entry(&on_disk, want.kind) {
                Entry::Text(text) => (ProjectFileKind::Text, Some(text), None),
                Entry::Folder(names) => (ProjectFileKind::Folder, None, Some(names)),
                Entry::Missing => (ProjectFileKind::Missing, None, None),
            };
            let file = ProjectFile {
                path: want.path.clone(),
                kind,
                text,
                entries,
            };
            input.files.push(file);
        }
    }
    input
}

/// Every devcontainer.json under `dir`, sorted.
fn configs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(list) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = list.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            configs(&path, out);
        } else if path.file_name().is_some_and(|n| n == "devcontainer.json") {
            out.push(path);
        }
    }
}

/// A small deterministic generator, so a failure replays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Deletes a character of `text`, or inserts one of the characters that change a
/// configuration's shape.
fn edit(text: &str, rng: &mut Lcg) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let mut out: Vec<char> = chars.clone();
    if rng.below(2) == 0 && at < chars.len() {
        out.remove(at);
    } else {
        const TYPED: &[char] = &['"', ',', '{', '}', ':', 'a', ' ', '/', '.', '\n', 'é'];
        out.insert(at, TYPED[rng.below(TYPED.len())]);
    }
    out.into_iter().collect()
}

fn assert_same(kept: &mut Kept, input: &ProjectInput, rng: &mut Lcg, what: &str) {
    let options = AnalyzeOptions::default();
    assert_eq!(
        kept.analyze_project(input.clone(), &options),
        api::analyze_project(input, &options),
        "analyze: {what}"
    );
    let units = input.text.encode_utf16().count();
    for _ in 0..3 {
        let offset = rng.below(units + 1) as u32;
        assert_eq!(
            kept.complete_project(input.clone(), offset),
            api::complete_project(input, offset),
            "complete at {offset}: {what}"
        );
        assert_eq!(
            kept.hover_project(input.clone(), offset),
            api::hover_project(input, offset),
            "hover at {offset}: {what}"
        );
    }
}

fn check_edits(main: &Path, rng: &mut Lcg, steps: usize) {
    let mut input = input_from_disk(main);
    let mut kept = Kept::default();
    let what = main.display().to_string();
    assert_same(&mut kept, &input, rng, &what);
    for step in 0..steps {
        // Mostly devcontainer.json, as typing goes; now and then another file with a text.
        let others: Vec<usize> = (0..input.files.len())
            .filter(|i| input.files[*i].text.is_some())
            .collect();
        if !others.is_empty() && rng.below(5) == 0 {
            let i = others[rng.below(others.len())];
            let file = &mut input.files[i];
            file.text = Some(edit(file.text.as_deref().unwrap_or(""), rng));
        } else {
            input.text = edit(&input.text, rng);
        }
        assert_same(&mut kept, &input, rng, &format!("{what}, step {step}"));
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
    for main in mains.iter().step_by(2) {
        check_edits(main, &mut rng, 12);
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
    for main in mains.iter().step_by(6) {
        check_edits(main, &mut rng, 8);
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
