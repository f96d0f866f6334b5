//! Finds the devcontainer.json files under the paths given on the command line.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Folders never searched: version control, dependencies, and hidden folders other than
/// `.devcontainer` (editor state, caches).
fn skip_folder(name: &str) -> bool {
    name == "node_modules" || (name.starts_with('.') && name != ".devcontainer")
}

/// True for `.devcontainer.json`, `.devcontainer/devcontainer.json` and
/// `.devcontainer/<name>/devcontainer.json`, the places the dev container tools look.
fn is_config(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str());
    if name == Some(".devcontainer.json") {
        return true;
    }
    if name != Some("devcontainer.json") {
        return false;
    }
    let parent = path.parent();
    let parent_name = parent.and_then(|p| p.file_name()).and_then(|n| n.to_str());
    let grandparent_name = parent
        .and_then(Path::parent)
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str());
    parent_name == Some(".devcontainer") || grandparent_name == Some(".devcontainer")
}

/// Files given by name are taken as they are; folders are searched. The result is sorted and
/// without repeats. A path that does not exist or a folder that cannot be read is an error.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut found = BTreeSet::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| format!("{}: {}", path.display(), e))?;
        if meta.is_dir() {
            search_folder(path, &mut found)?;
        } else {
            found.insert(path.clone());
        }
    }
    Ok(found.into_iter().collect())
}

/// Walks a folder with an explicit stack (no recursion per level) and without following
/// symbolic links to folders, so a link loop cannot trap it.
fn search_folder(root: &Path, found: &mut BTreeSet<PathBuf>) -> Result<(), String> {
    let mut stack = vec![root.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            // The root must be readable; an unreadable folder below it is skipped.
            Err(e) if folder == root => return Err(format!("{}: {}", folder.display(), e)),
            Err(_) => continue,
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = display_path(root, entry.path());
            if kind.is_dir() {
                let name = entry.file_name();
                if !skip_folder(&name.to_string_lossy()) {
                    stack.push(path);
                }
            } else if is_config(&path) && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                found.insert(path);
            }
        }
    }
    Ok(())
}

/// Paths found under `.` are shown without the `./` prefix.
fn display_path(root: &Path, path: PathBuf) -> PathBuf {
    if root == Path::new(".")
        && let Ok(rest) = path.strip_prefix(".")
    {
        return rest.to_path_buf();
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_three_locations_only() {
        assert!(is_config(Path::new("a/.devcontainer.json")));
        assert!(is_config(Path::new("a/.devcontainer/devcontainer.json")));
        assert!(is_config(Path::new("a/.devcontainer/go/devcontainer.json")));
        assert!(!is_config(Path::new(
            "a/.devcontainer/go/x/devcontainer.json"
        )));
        assert!(!is_config(Path::new("a/devcontainer.json")));
        assert!(!is_config(Path::new("a/.devcontainer/other.json")));
    }

    #[test]
    fn skips_hidden_and_dependency_folders() {
        assert!(skip_folder(".git"));
        assert!(skip_folder("node_modules"));
        assert!(skip_folder(".vscode"));
        assert!(!skip_folder(".devcontainer"));
        assert!(!skip_folder("src"));
    }
}
