//! The dev container configurations that could reference a file opened on its own: walking up
//! from the file's folder to the workspace folder holding it (or at most `MAX_LEVELS` folders
//! when none does), each folder is looked in where the tools look for a configuration:
//! `.devcontainer/devcontainer.json`, `.devcontainer.json`, then
//! `.devcontainer/<folder>/devcontainer.json`, exactly one folder deep
//! (`../shared/spec/NOTES.md`, from the dev containers spec and CLI).

use std::fs;

/// Folders walked up when the file is in no workspace folder.
const MAX_LEVELS: usize = 16;
/// Configurations looked at per file, nearest first.
const MAX_CONFIGS: usize = 32;

/// The absolute paths of the configurations that could reference `file` (an absolute POSIX
/// path), nearest folder first; `roots` are the workspace folders' paths.
pub fn configurations(file: &str, roots: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for here in folders(file, roots) {
        for found in in_folder(here) {
            if out.len() < MAX_CONFIGS && !out.contains(&found) {
                out.push(found);
            }
        }
    }
    out
}

/// Where a configuration that could reference `file` would appear, as watch globs (literal
/// paths, or a folder with `/*/devcontainer.json`): in each folder [`configurations`] looks
/// in, its `.devcontainer/devcontainer.json`, `.devcontainer.json` and
/// `.devcontainer/<folder>/devcontainer.json`. Watched, a configuration created after the file
/// was opened is found without reopening the file.
pub fn places(file: &str, roots: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for here in folders(file, roots) {
        let base = here.trim_end_matches('/');
        out.push(format!("{base}/.devcontainer/devcontainer.json"));
        out.push(format!("{base}/.devcontainer.json"));
        out.push(format!("{base}/.devcontainer/*/devcontainer.json"));
    }
    out
}

/// The folders looked in for `file`, nearest first: up to the workspace folder holding it, or
/// at most `MAX_LEVELS` when none does.
fn folders<'f>(file: &'f str, roots: &'f [String]) -> Vec<&'f str> {
    let root = roots
        .iter()
        .map(|r| r.trim_end_matches('/'))
        .filter(|r| within(file, r))
        .max_by_key(|r| r.len())
        .map(above_devcontainer);
    let mut out = Vec::new();
    let mut folder = parent(file);
    // Each step is a shorter path, so the walk ends at the root at the latest.
    while let Some(here) = folder {
        out.push(here);
        let at_root = match root {
            Some(root) => here.trim_end_matches('/') == root || !within(here, root),
            None => out.len() >= MAX_LEVELS,
        };
        if at_root {
            break;
        }
        folder = parent(here);
    }
    out
}

/// A workspace folder inside a `.devcontainer` folder (an editor that took the opened file's
/// folder as its root) is widened to the folder holding `.devcontainer`, where the
/// configurations are looked for.
fn above_devcontainer(root: &str) -> &str {
    let mut at = 0;
    while let Some(found) = root[at..].find("/.devcontainer") {
        let end = at + found + "/.devcontainer".len();
        if root[end..].is_empty() || root[end..].starts_with('/') {
            let head = &root[..at + found];
            return if head.is_empty() { "/" } else { head };
        }
        at = end;
    }
    root
}

/// The configurations kept directly in `folder`, in the tools' order.
fn in_folder(folder: &str) -> Vec<String> {
    let base = folder.trim_end_matches('/');
    let mut out = Vec::new();
    let dot = format!("{base}/.devcontainer");
    let first = format!("{dot}/devcontainer.json");
    if is_file(&first) {
        out.push(first);
    }
    let alone = format!("{base}/.devcontainer.json");
    if is_file(&alone) {
        out.push(alone);
    }
    let Ok(entries) = fs::read_dir(&dot) else {
        return out;
    };
    let mut named: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| {
            format!(
                "{dot}/{}/devcontainer.json",
                e.file_name().to_string_lossy()
            )
        })
        .filter(|p| is_file(p))
        .collect();
    named.sort();
    out.extend(named);
    out
}

fn is_file(path: &str) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Whether `path` is `folder` or below it.
fn within(path: &str, folder: &str) -> bool {
    folder.is_empty()
        || path == folder
        || path
            .strip_prefix(folder)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The folder of an absolute path; `None` above the root.
fn parent(path: &str) -> Option<&str> {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return None;
    }
    match trimmed.rsplit_once('/') {
        Some(("", _)) => Some("/"),
        Some((head, _)) => Some(head),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails by panicking")]
    use super::*;

    #[test]
    fn every_layout_is_found_up_to_the_workspace_folder() {
        let root = std::env::temp_dir().join(format!("dcd-discover-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let w = root.join("w");
        for dir in ["w/.devcontainer/go", "w/sub/deep", "w/.devcontainer/empty"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            ".devcontainer.json",
            "w/.devcontainer/devcontainer.json",
            "w/.devcontainer/go/devcontainer.json",
            "w/sub/.devcontainer.json",
        ] {
            fs::write(root.join(file), "{}").unwrap();
        }
        let w = w.display().to_string();
        let file = format!("{w}/sub/deep/Dockerfile");
        assert_eq!(
            configurations(&file, std::slice::from_ref(&w)),
            [
                format!("{w}/sub/.devcontainer.json"),
                format!("{w}/.devcontainer/devcontainer.json"),
                format!("{w}/.devcontainer/go/devcontainer.json"),
            ]
        );
        // A root inside `.devcontainer` is widened to the folder holding it.
        let dockerfile = format!("{w}/.devcontainer/go/Dockerfile");
        let inside = format!("{w}/.devcontainer/go");
        assert_eq!(
            configurations(&dockerfile, &[inside])[..2],
            [
                format!("{w}/.devcontainer/devcontainer.json"),
                format!("{w}/.devcontainer/go/devcontainer.json"),
            ]
        );
        // Without a workspace folder the walk goes on above `w`.
        let found = configurations(&file, &[]);
        assert!(found.contains(&format!("{}/.devcontainer.json", root.display())));
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn the_places_watched_are_those_looked_in() {
        let roots = ["/w".to_string()];
        // From the file's own folder up to the workspace folder, as the walk looks.
        assert_eq!(
            places("/w/sub/Dockerfile", &roots),
            [
                "/w/sub/.devcontainer/devcontainer.json",
                "/w/sub/.devcontainer.json",
                "/w/sub/.devcontainer/*/devcontainer.json",
                "/w/.devcontainer/devcontainer.json",
                "/w/.devcontainer.json",
                "/w/.devcontainer/*/devcontainer.json",
            ]
        );
        assert_eq!(places("/Dockerfile", &[])[1], "/.devcontainer.json");
    }

    #[test]
    fn paths_are_walked_without_panicking() {
        assert_eq!(parent("/a/b"), Some("/a"));
        assert_eq!(parent("/a"), Some("/"));
        assert_eq!(parent("/"), None);
        assert_eq!(parent("relative"), None);
        assert!(within("/a/b", "/a") && !within("/ab", "/a"));
        assert!(configurations("", &[]).is_empty());
        assert_eq!(above_devcontainer("/w/.devcontainer/go"), "/w");
        assert_eq!(above_devcontainer("/.devcontainer"), "/");
        assert_eq!(
            above_devcontainer("/w/.devcontainerx/a"),
            "/w/.devcontainerx/a"
        );
    }
}
