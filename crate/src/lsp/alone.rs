//! A Dockerfile or Compose file opened without its devcontainer.json (Neovim opening
//! `.devcontainer/Dockerfile` on its own): the configurations that could reference it are found
//! on disk (`discover`), and each that does is checked as if it were open, except that it
//! publishes nothing on its own file and keeps only the results of open documents
//! (`projects::check_loaded`). Such a configuration stays in `server.projects` while an open
//! document needs it: it is re-checked when one of its files changes, like an open one, and
//! dropped once it serves no open document.

use super::engine::Engine;
use super::project_files::FileRef;
use super::{Server, diagnostics, discover, projects, proto, uri};
use crate::project::WantKind;

/// Whether `main_uri` is a configuration kept for other files, not open itself.
pub fn is_kept<E: Engine>(server: &Server<E>, main_uri: &str) -> bool {
    server.docs.get(main_uri).is_none() && server.projects.get(main_uri).is_some()
}

/// Finds and checks the configurations on disk that reference the open document `file_uri`
/// and are not checked yet; returns the URIs whose findings changed (the open documents the
/// new configurations read).
pub fn adopt<E: Engine>(server: &mut Server<E>, file_uri: &str) -> Vec<String> {
    if proto::is_devcontainer_json(file_uri) || server.docs.get(file_uri).is_none() {
        return Vec::new();
    }
    let Some(disk) = uri::to_path(file_uri) else {
        return Vec::new();
    };
    let roots: Vec<String> = server
        .folders
        .iter()
        .filter_map(|f| uri::to_path(f.uri.as_str()))
        .collect();
    let mut changed = Vec::new();
    for config in discover::configurations(&disk, &roots) {
        // An open one is checked already, under the URI the client spelled.
        if server.docs.by_path(&config).is_some() {
            continue;
        }
        let main_uri = uri::from_path(&config);
        if server.projects.get(&main_uri).is_some() {
            continue;
        }
        let Some(loaded) = projects::load(server, &main_uri) else {
            continue;
        };
        let reads = |f: &FileRef| f.kind == WantKind::File && f.disk == disk;
        if !loaded.files.iter().any(reads) {
            continue;
        }
        projects::check_loaded(server, &main_uri, loaded);
        let Some(checked) = server.projects.get(&main_uri) else {
            continue;
        };
        if checked.results.len() <= 1 {
            // It names the file but could not read it: nothing to show.
            server.projects.remove(&main_uri);
            continue;
        }
        changed.extend(checked.results.iter().skip(1).map(|r| r.uri.clone()));
    }
    changed.sort();
    changed.dedup();
    changed
}

/// A kept configuration is due: checks it again (its files or settings changed), publishes
/// what changed on open documents, and drops it once it serves none.
pub fn recheck<E: Engine>(server: &mut Server<E>, main_uri: &str) {
    let previous = match projects::check(server, main_uri) {
        Some(previous) => previous,
        // Gone from disk: what it found goes with it.
        None => server.projects.remove(main_uri),
    };
    let serves = server
        .projects
        .get(main_uri)
        .is_some_and(|c| c.results.len() > 1);
    let current = if serves {
        None
    } else {
        server.projects.remove(main_uri)
    };
    let mut files: Vec<String> = previous
        .iter()
        .chain(current.iter())
        .chain(server.projects.get(main_uri))
        .flat_map(|c| c.results.iter().skip(1).map(|r| r.uri.clone()))
        .collect();
    files.sort();
    files.dedup();
    if server.client.pull_diagnostics {
        return;
    }
    for file in files {
        diagnostics::republish(server, &file);
    }
}

/// The kept configurations, to re-check them all (after a settings change).
pub fn kept<E: Engine>(server: &Server<E>) -> Vec<String> {
    server
        .projects
        .iter()
        .map(|(main, _)| main.clone())
        .filter(|main| server.docs.get(main).is_none())
        .collect()
}
