//! The dev container folders of `../shared/corpus/folders` (INDEX.tsv: folder, repository,
//! commit, path of devcontainer.json, referenced files found and missing, kind, Go, notes), and
//! each configuration as a `Project` with the files it wants read from disk as the CLI reads
//! them. Shared by `tests/corpus_folders.rs` and `benches/analyze.rs`.

#![allow(dead_code)]

use devcontainer_doctor::project::{Entry, Project, WantKind, join, normalize};
use std::fs;
use std::path::{Path, PathBuf};

pub struct Folder {
    pub name: String,
    pub config: PathBuf,
    pub missing: Vec<String>,
    pub notes: String,
}

pub fn load() -> Option<Vec<Folder>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/folders");
    let Ok(index) = fs::read_to_string(dir.join("INDEX.tsv")) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is absent",
            dir.display()
        );
        eprintln!("skipped: {} is absent in this clone", dir.display());
        return None;
    };
    let folders: Vec<Folder> = index
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols.first()?.to_string();
            let config = dir.join(&name).join(cols.get(3)?);
            let missing = cols
                .get(5)
                .filter(|m| **m != "-")
                .map(|m| m.split(';').map(str::to_string).collect())
                .unwrap_or_default();
            let notes = cols.get(8).unwrap_or(&"").to_string();
            Some(Folder {
                name,
                config,
                missing,
                notes,
            })
        })
        .collect();
    assert!(folders.len() >= 70, "INDEX.tsv lists {}", folders.len());
    Some(folders)
}

/// The configuration at `main` with every file it wants read from disk, as the CLI reads them.
pub fn project(main: &Path) -> Project {
    let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
    let mut project = Project::new("devcontainer.json", fs::read_to_string(main).unwrap());
    for _ in 0..8 {
        let wanted = project.wanted();
        if wanted.is_empty() {
            break;
        }
        for want in wanted {
            let on_disk = PathBuf::from(format!("/{}", normalize(&join(&folder, &want.path))));
            let entry = match (
                want.kind,
                fs::read_to_string(&on_disk),
                fs::read_dir(&on_disk),
            ) {
                (WantKind::File, Ok(t), _) => Entry::Text(t),
                (WantKind::Folder, _, Ok(list)) => {
                    let mut names: Vec<String> = list
                        .flatten()
                        .map(|e| {
                            e.file_name().to_string_lossy().into_owned()
                                + if e.path().is_dir() { "/" } else { "" }
                        })
                        .collect();
                    names.sort();
                    Entry::Folder(names)
                }
                _ => Entry::Missing,
            };
            project.add(&want.path, entry);
        }
    }
    project
}
