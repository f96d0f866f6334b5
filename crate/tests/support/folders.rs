//! The dev container folders of `../shared/corpus/folders` (INDEX.tsv: folder, repository,
//! commit, path of devcontainer.json, referenced files found and missing, kind, Go, notes), and
//! each configuration as a `Project` with the files it wants read from disk as the CLI reads
//! them. Shared by `tests/corpus_folders.rs` and `benches/analyze.rs`.

#![allow(dead_code)]

#[path = "disk.rs"]
mod disk;

use devcontainer_doctor::project::Project;
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
    disk::read_wanted(&mut project, &folder);
    project
}
