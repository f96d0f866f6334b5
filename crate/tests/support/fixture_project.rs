//! Fixture folders: a workspace whose devcontainer.json is checked with the files it
//! references, read from the folder the way the CLI reads them.

use devcontainer_doctor::analysis::{Analysis, analyze, analyze_project};
use devcontainer_doctor::project::Project;
use std::fs;
use std::path::{Path, PathBuf};

/// A fixture file is checked on its own; a fixture folder is a workspace: its
/// `.devcontainer/devcontainer.json` (or `.devcontainer/<name>/devcontainer.json`) is checked
/// with the files it references, read from the folder the way the CLI reads them.
#[allow(dead_code)] // not every test that includes this file uses both
pub fn analyze_fixture(path: &Path) -> (String, Analysis) {
    if path.is_file() {
        let text = fs::read_to_string(path).unwrap();
        let analysis = analyze(&text);
        return (text, analysis);
    }
    let (main, project) = fixture_project(path);
    let analysis = analyze_project(&project);
    (fs::read_to_string(main).unwrap(), analysis)
}

/// The main file of a fixture folder and its project, with the referenced files read.
pub fn fixture_project(path: &Path) -> (PathBuf, Project) {
    let main = main_file(path);
    let text = fs::read_to_string(&main).unwrap();
    // A `.isolated` marker checks the configuration as `check -` does, without its folder.
    let project = project_of(&main, text, path.join(".isolated").exists());
    (main, project)
}

/// `.devcontainer/devcontainer.json`, else the first `.devcontainer/<name>/devcontainer.json`.
pub fn main_file(path: &Path) -> PathBuf {
    let devcontainer = path.join(".devcontainer");
    std::iter::once(devcontainer.join("devcontainer.json"))
        .chain(
            fs::read_dir(&devcontainer)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path().join("devcontainer.json")),
        )
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{}: no .devcontainer/[<name>/]devcontainer.json",
                path.display()
            )
        })
}

/// The project of `main` with `text` as its content (a cursor fixture's, without its `|`),
/// the files it references read from beside it.
pub fn project_of(main: &Path, text: String, isolated: bool) -> Project {
    let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
    let mut project = Project::new("devcontainer.json", text);
    project.isolated = isolated;
    super::disk::read_wanted(&mut project, &folder);
    project
}
