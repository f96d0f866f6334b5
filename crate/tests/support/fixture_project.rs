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
    let devcontainer = path.join(".devcontainer");
    let main = std::iter::once(devcontainer.join("devcontainer.json"))
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
        });
    let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
    let text = fs::read_to_string(&main).unwrap();
    let mut project = Project::new("devcontainer.json", text.clone());
    // A `.isolated` marker checks the configuration as `check -` does, without its folder.
    project.isolated = path.join(".isolated").exists();
    super::disk::read_wanted(&mut project, &folder);
    (main, project)
}
