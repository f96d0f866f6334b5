//! Reads from disk what a `Project` asks for, as the CLI does: files as text, folders as sorted
//! listings (sub-folders end in `/`), anything unreadable as missing. Shared by the fixture
//! harness, the corpus-folder test and the benchmark.

use devcontainer_doctor::project::{Entry, Project, WantKind, join, normalize};
use std::fs;
use std::path::{Path, PathBuf};

/// Answers the project's wants from `folder` (the devcontainer.json folder) until it wants
/// nothing more; a bounded number of rounds, as a referenced file may name further files.
pub fn read_wanted(project: &mut Project, folder: &str) {
    for _ in 0..8 {
        let wanted = project.wanted();
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let on_disk = PathBuf::from(format!("/{}", normalize(&join(folder, &want.path))));
            let entry = read_entry(&on_disk, want.kind);
            project.add(&want.path, entry);
        }
    }
}

/// One wanted path read as the CLI reads it: a file's text, a folder's sorted names (sub-folders
/// end in `/`), `Missing` when it cannot be read as that kind.
pub fn read_entry(on_disk: &Path, kind: WantKind) -> Entry {
    match kind {
        WantKind::File => fs::read_to_string(on_disk).map_or(Entry::Missing, Entry::Text),
        WantKind::Folder => fs::read_dir(on_disk).map_or(Entry::Missing, |list| {
            let mut names: Vec<String> = list
                .flatten()
                .map(|e| {
                    e.file_name().to_string_lossy().into_owned()
                        + if e.path().is_dir() { "/" } else { "" }
                })
                .collect();
            names.sort();
            Entry::Folder(names)
        }),
    }
}
