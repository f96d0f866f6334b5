//! Reads the files a configuration references from disk: asks the core what it wants
//! (`Project::wanted`), reads or lists each path relative to the devcontainer.json folder, and
//! repeats until nothing new is wanted (a Compose file can name a Dockerfile).

use super::source::SourceFile;
use devcontainer_doctor::project::{self, Entry, Project, WantKind};
use std::fs;
use std::path::{Path, PathBuf};

/// Rounds of reading; each round follows one more level of references (three suffice today).
const MAX_ROUNDS: usize = 8;

/// A devcontainer.json with everything it references, as read.
pub struct Loaded {
    pub project: Project,
    /// The main file (BOM and display path).
    pub main: SourceFile,
    /// Files read, by project path: the display path and whether they had a BOM.
    pub read: Vec<(String, PathBuf, bool)>,
}

impl Loaded {
    /// Where a project path lies, as shown and written.
    pub fn disk_path(&self, project_path: &str) -> Option<&Path> {
        self.read
            .iter()
            .find(|(p, _, _)| p == project_path)
            .map(|(_, d, _)| d.as_path())
    }
}

/// Builds the project of one devcontainer.json and reads what it references.
pub fn load(main: SourceFile, isolated: bool) -> Loaded {
    let mut project = Project::new(main.display_path(), main.text.clone());
    project.isolated = isolated;
    let folder = main
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let absolute = fs::canonicalize(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &folder
    })
    .ok();
    project.config_folder = absolute.as_deref().map(posix);
    project.workspace_folder = absolute
        .as_deref()
        .and_then(workspace_of)
        .map(|w| posix(&w));
    project.local_env = std::env::vars().collect();
    let mut read = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let wanted = project.wanted();
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let on_disk = disk_join(&folder, &want.path);
            let entry = match want.kind {
                WantKind::File => read_file(&on_disk, &want.path, &mut read),
                WantKind::Folder => list_folder(&on_disk),
            };
            project.add(&want.path, entry);
        }
    }
    Loaded {
        project,
        main,
        read,
    }
}

fn read_file(path: &Path, project_path: &str, read: &mut Vec<(String, PathBuf, bool)>) -> Entry {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        _ => return Entry::Missing,
    }
    match fs::read(path) {
        Ok(bytes) => {
            let file = SourceFile::from_text(
                path.to_path_buf(),
                String::from_utf8_lossy(&bytes).into_owned(),
            );
            read.push((project_path.to_string(), path.to_path_buf(), file.bom));
            Entry::Text(file.text)
        }
        Err(_) => Entry::Missing,
    }
}

fn list_folder(path: &Path) -> Entry {
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

/// The devcontainer.json folder joined with a project path, shown without `./` and `x/..`.
pub fn disk_join(folder: &Path, project_path: &str) -> PathBuf {
    let folder = folder.to_string_lossy().replace('\\', "/");
    let absolute = folder.starts_with('/');
    let joined = project::normalize(&project::join(&folder, project_path));
    if absolute {
        PathBuf::from(format!("/{joined}"))
    } else {
        PathBuf::from(joined)
    }
}

/// The workspace folder of a configuration folder: the folder holding `.devcontainer` (for
/// `.devcontainer/` and `.devcontainer/<name>/`), else the folder itself (`.devcontainer.json`).
fn workspace_of(config_folder: &Path) -> Option<PathBuf> {
    let mut folder = config_folder;
    for _ in 0..2 {
        if folder.file_name().is_some_and(|n| n == ".devcontainer") {
            return folder.parent().map(Path::to_path_buf);
        }
        match folder.parent() {
            Some(up) => folder = up,
            None => break,
        }
    }
    Some(config_folder.to_path_buf())
}

fn posix(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_finds_the_workspace() {
        assert_eq!(
            disk_join(Path::new(".devcontainer"), "../Dockerfile"),
            PathBuf::from("Dockerfile")
        );
        assert_eq!(
            disk_join(Path::new("/w/.devcontainer"), "x"),
            PathBuf::from("/w/.devcontainer/x")
        );
        assert_eq!(disk_join(Path::new(""), "x"), PathBuf::from("x"));
        assert_eq!(
            workspace_of(Path::new("/w/.devcontainer/go")),
            Some(PathBuf::from("/w"))
        );
        assert_eq!(
            workspace_of(Path::new("/w/.devcontainer")),
            Some(PathBuf::from("/w"))
        );
        assert_eq!(workspace_of(Path::new("/w")), Some(PathBuf::from("/w")));
    }
}
