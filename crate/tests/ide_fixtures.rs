//! Cursor fixtures for completion and hover. `tests/fixtures/complete/NAME.jsonc` marks the
//! cursor with `|`; `NAME.expect` lists what must hold, one check per line:
//! `has: a, b` (labels offered), `not: c` (labels not offered), `first: a` (the best-sorted
//! label), `none` (nothing offered), `apply: a` (then `---` and the whole text after accepting
//! item `a`, snippet expanded). Hover fixtures (`tests/fixtures/hover/`) use `contains: text`
//! and `none`. Lines starting with `#` are comments.
//!
//! Folder fixtures (`complete_folders/NAME/`, `hover_folders/NAME/`) are workspaces: the
//! `.devcontainer/[<name>/]devcontainer.json` holds the `|`, and the Dockerfiles and Compose
//! files beside it are read the way the CLI reads them (`Project::wanted`, then the disk), so
//! completion and hover see the other files. `NAME.expect` and `NAME.snap` sit beside the folder.
//!
//! Beside each fixture, a generated `NAME.snap` pins the whole answer: every completion item in
//! the order the editor sorts them (label, kind, detail, the text it inserts and where), or the
//! hover's range and text. `UPDATE_EXPECT=1 cargo test --test ide_fixtures` regenerates the
//! snapshots and the text after `---` in `.expect` files; review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::ide::complete::{complete, complete_project_in};
use devcontainer_doctor::ide::hover::{hover, hover_project_in};
use devcontainer_doctor::project::Project;
use devcontainer_doctor::syntax;
use std::fs;
use std::path::{Path, PathBuf};
use support::fixture_project::{main_file, project_of};
use support::golden;
use support::ide_checks::{check_completion, check_hover, command, split_cursor};

fn fixture_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(fixture_dir(kind))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "jsonc"));
    out.sort();
    out
}

/// The workspace folders of a folder-fixture kind, sorted.
fn folder_fixtures(kind: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(fixture_dir(kind))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_dir());
    out.sort();
    out
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string()
}

/// A fixture's file name, its text (with the `|` cursor) and its `.expect` file.
fn read_fixture(path: &Path) -> (String, String, String) {
    let marked = fs::read_to_string(path).unwrap_or_default();
    let expect = fs::read_to_string(path.with_extension("expect")).unwrap_or_default();
    (name_of(path), marked, expect)
}

/// A folder fixture: its name, the main text without `|`, the cursor, the project (the other
/// files read from the folder) and the `.expect` beside the folder.
fn read_folder(folder: &Path) -> (String, String, usize, Project, String) {
    let main = main_file(folder);
    let (text, offset) = split_cursor(&fs::read_to_string(&main).unwrap());
    let project = project_of(&main, text.clone(), false);
    let expect = fs::read_to_string(folder.with_extension("expect")).unwrap_or_default();
    (name_of(folder), text, offset, project, expect)
}

#[test]
fn completion_fixtures() {
    let files = fixtures("complete");
    let mut failures = Vec::new();
    for path in &files {
        let (name, marked, expect) = read_fixture(path);
        let (text, offset) = split_cursor(&marked);
        let items = complete(&text, offset);
        check_completion(&name, path, (&text, offset), &items, &expect, &mut failures);
    }
    assert!(
        files.len() >= 60,
        "only {} completion fixtures",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "completion fixtures")
    );
}

#[test]
fn completion_folder_fixtures() {
    let folders = folder_fixtures("complete_folders");
    let mut failures = Vec::new();
    for folder in &folders {
        let (name, text, offset, project, expect) = read_folder(folder);
        let tree = syntax::parse(&text);
        let items = complete_project_in(Some(&project), &text, &tree, offset);
        check_completion(
            &name,
            folder,
            (&text, offset),
            &items,
            &expect,
            &mut failures,
        );
    }
    assert!(folders.len() >= 8, "only {} folder fixtures", folders.len());
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "completion folder fixtures")
    );
}

/// No snapshot is left without its fixture (a `.jsonc`, or a folder for the folder kinds).
#[test]
fn every_ide_snapshot_has_its_fixture() {
    let mut failures = Vec::new();
    for kind in ["complete", "hover", "complete_folders", "hover_folders"] {
        for entry in fs::read_dir(fixture_dir(kind))
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = entry.path();
            let has_fixture = if kind.ends_with("_folders") {
                path.with_extension("").is_dir()
            } else {
                path.with_extension("jsonc").is_file()
            };
            if path
                .extension()
                .is_some_and(|e| e == "snap" || e == "expect")
                && !has_fixture
                && let Err(e) = golden::check_stale(&path, &command())
            {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "snapshots")
    );
}

#[test]
fn hover_fixtures() {
    let files = fixtures("hover");
    let mut failures = Vec::new();
    for path in &files {
        let (name, marked, expect) = read_fixture(path);
        let (text, offset) = split_cursor(&marked);
        let result = hover(&text, offset);
        check_hover(
            &name,
            path,
            (&text, offset),
            result.as_ref(),
            &expect,
            &mut failures,
        );
    }
    assert!(!files.is_empty(), "no hover fixtures");
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "hover fixtures")
    );
}

#[test]
fn hover_folder_fixtures() {
    let folders = folder_fixtures("hover_folders");
    let mut failures = Vec::new();
    for folder in &folders {
        let (name, text, offset, project, expect) = read_folder(folder);
        let tree = syntax::parse(&text);
        let result = hover_project_in(Some(&project), &text, &tree, offset);
        check_hover(
            &name,
            folder,
            (&text, offset),
            result.as_ref(),
            &expect,
            &mut failures,
        );
    }
    assert!(folders.len() >= 2, "only {} hover folders", folders.len());
    assert!(
        failures.is_empty(),
        "{}",
        golden::report(&failures, "hover folder fixtures")
    );
}
