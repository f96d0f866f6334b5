//! The files one devcontainer.json references, as the server finds them: the core says what it
//! wants (`Project::wanted`), and each path is taken from an open document first (the editor's
//! unsaved text is what the user sees), else read or listed on disk; repeated until nothing new
//! is wanted, as `cli/files.rs` does for `check`.

use crate::project::{self, Entry, Project, WantKind};
use std::fs;

/// Rounds of reading; each follows one more level of references (a Compose file naming a
/// Dockerfile needs two).
const MAX_ROUNDS: usize = 8;

/// One path of a project as found on this machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    /// The project path (relative to the devcontainer.json folder).
    pub path: String,
    /// The absolute POSIX path.
    pub disk: String,
    pub kind: WantKind,
}

pub struct Loaded {
    pub project: Project,
    /// Every path asked for, found or not: a change to any of them can change the findings.
    pub files: Vec<FileRef>,
}

/// The project of the devcontainer.json at `main_disk` (an absolute POSIX path) with `text`;
/// `open` gives an open document's text by absolute path.
pub fn load(main_disk: &str, text: &str, open: &dyn Fn(&str) -> Option<String>) -> Loaded {
    let folder = parent_of(main_disk);
    let mut project = Project::new(main_disk, text);
    project.config_folder = Some(folder.clone());
    project.workspace_folder = Some(workspace_of(&folder));
    project.local_env = std::env::vars().collect();
    let mut files = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let wanted = project.wanted();
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let disk = disk_join(&folder, &want.path);
            let entry = match want.kind {
                WantKind::File => open(&disk).map(Entry::Text).unwrap_or_else(|| read(&disk)),
                WantKind::Folder => list(&disk),
            };
            project.add(&want.path, entry);
            files.push(FileRef {
                path: project::normalize(&want.path),
                disk,
                kind: want.kind,
            });
        }
    }
    Loaded { project, files }
}

/// The absolute path of a project path.
pub fn disk_join(folder: &str, project_path: &str) -> String {
    let joined = project::normalize(&project::join(folder, project_path));
    if folder.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The folder of an absolute path (`/` for a top-level one).
fn parent_of(path: &str) -> String {
    match path.trim_end_matches('/').rsplit_once('/') {
        Some(("", _)) => "/".to_string(),
        Some((head, _)) => head.to_string(),
        None => ".".to_string(),
    }
}

/// The text of a file on disk, or `None` when it cannot be read.
pub fn read_text(path: &str) -> Option<String> {
    match read(path) {
        Entry::Text(text) => Some(text),
        _ => None,
    }
}

fn read(path: &str) -> Entry {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        _ => return Entry::Missing,
    }
    match fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The core counts columns from the first character the editor shows.
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            Entry::Text(text)
        }
        Err(_) => Entry::Missing,
    }
}

fn list(path: &str) -> Entry {
    let Ok(entries) = fs::read_dir(path) else {
        return Entry::Missing;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect();
    names.sort();
    Entry::Folder(names)
}

/// What `${localWorkspaceFolder}` stands for: the folder holding `.devcontainer` (for
/// `.devcontainer/devcontainer.json` and `.devcontainer/<name>/devcontainer.json`), else the
/// configuration's own folder (`.devcontainer.json`), as the dev containers CLI finds it.
fn workspace_of(config_folder: &str) -> String {
    let mut folder = config_folder.to_string();
    for _ in 0..2 {
        if project::file_name(&folder) == ".devcontainer" {
            return parent_of(&folder);
        }
        folder = parent_of(&folder);
    }
    config_folder.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_the_workspace_is_found() {
        assert_eq!(
            disk_join("/w/.devcontainer", "../Dockerfile"),
            "/w/Dockerfile"
        );
        assert_eq!(disk_join("/w/.devcontainer", "."), "/w/.devcontainer");
        assert_eq!(workspace_of("/w/.devcontainer/go"), "/w");
        assert_eq!(workspace_of("/w/.devcontainer"), "/w");
        assert_eq!(workspace_of("/w"), "/w");
    }

    #[test]
    fn an_open_document_wins_over_the_disk() {
        let main = "/nonexistent-dcd/.devcontainer/devcontainer.json";
        let text = r#"{ "build": { "dockerfile": "Dockerfile" } }"#;
        let loaded = load(main, text, &|p| {
            (p == "/nonexistent-dcd/.devcontainer/Dockerfile").then(|| "FROM x\n".to_string())
        });
        let id = loaded.project.id("Dockerfile").expect("asked for");
        assert_eq!(loaded.project.text(id), Some("FROM x\n"));
        assert!(
            loaded
                .files
                .iter()
                .any(|f| f.kind == WantKind::Folder && f.path == ".")
        );
    }
}
