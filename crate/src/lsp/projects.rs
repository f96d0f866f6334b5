//! The configurations being checked. Each open devcontainer.json with a `file:` URI is checked
//! with the files it references (`project_files`): its findings in a Dockerfile or Compose file
//! are published on that file's URI. A change to one of those files (edited, saved, or seen by
//! the client's file watcher) re-checks every configuration that read it.

use super::engine::Engine;
use super::project_files::{self, FileRef};
use super::{Server, log, uri};
use crate::api;
use crate::project::{Project, WantKind};
use std::collections::HashMap;

/// The findings of one file of a checked configuration.
#[derive(Clone, Debug)]
pub struct FileResult {
    pub uri: String,
    /// The text the ranges count in.
    pub text: String,
    pub diagnostics: Vec<api::Diagnostic>,
}

/// One configuration as last checked.
pub struct Checked {
    pub project: Project,
    /// Every path it asked for, found or not.
    pub files: Vec<FileRef>,
    /// The main file first, then each other file with a text.
    pub results: Vec<FileResult>,
}

impl Checked {
    /// Where a project path of an edit lies: its URI and text (the main file by its own name).
    pub fn target(&self, main_uri: &str, file: &str) -> Option<(String, String)> {
        if file == self.project.main_path() {
            return Some((main_uri.to_string(), self.project.main_text().to_string()));
        }
        let path = crate::project::normalize(file);
        let id = self.project.id(&path)?;
        let text = self.project.text(id)?.to_string();
        let disk = self.files.iter().find(|f| f.path == path)?.disk.clone();
        let uri = self
            .results
            .iter()
            .find(|r| uri::to_path(&r.uri).as_deref() == Some(disk.as_str()))
            .map(|r| r.uri.clone())
            .unwrap_or_else(|| uri::from_path(&disk));
        Some((uri, text))
    }
}

#[derive(Default)]
pub struct Projects {
    by_main: HashMap<String, Checked>,
}

impl Projects {
    pub fn get(&self, main_uri: &str) -> Option<&Checked> {
        self.by_main.get(main_uri)
    }
    pub fn remove(&mut self, main_uri: &str) -> Option<Checked> {
        self.by_main.remove(main_uri)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Checked)> {
        self.by_main.iter()
    }

    /// The configurations that read `disk` (an absolute path), or listed its folder.
    pub fn dependents(&self, disk: &str) -> Vec<String> {
        let folder = disk.rsplit_once('/').map(|(f, _)| f).unwrap_or_default();
        self.by_main
            .iter()
            .filter(|(_, c)| {
                c.files.iter().any(|f| match f.kind {
                    WantKind::File => f.disk == disk,
                    WantKind::Folder => f.disk == disk || f.disk == folder,
                })
            })
            .map(|(main, _)| main.clone())
            .collect()
    }

    /// Every configuration's findings on a URI other than its main file, merged (two
    /// configurations may share a Dockerfile), duplicates once.
    pub fn merged(&self, file_uri: &str) -> Option<FileResult> {
        let mut out: Option<FileResult> = None;
        for (main, checked) in &self.by_main {
            for result in checked.results.iter().filter(|r| r.uri == file_uri) {
                if main == file_uri {
                    continue;
                }
                let merged = out.get_or_insert_with(|| FileResult {
                    diagnostics: Vec::new(),
                    ..result.clone()
                });
                for d in &result.diagnostics {
                    if !merged.diagnostics.contains(d) {
                        merged.diagnostics.push(d.clone());
                    }
                }
            }
        }
        out
    }

    /// The absolute paths the client should watch: the files read and the folders listed.
    pub fn watched(&self) -> Vec<String> {
        let mut globs: Vec<String> = self
            .by_main
            .values()
            .flat_map(|c| c.files.iter())
            .map(|f| match f.kind {
                WantKind::File => f.disk.clone(),
                WantKind::Folder => format!("{}/*", f.disk.trim_end_matches('/')),
            })
            .collect();
        globs.sort();
        globs.dedup();
        globs
    }
}

/// The project of a devcontainer.json, read now (open documents first, then disk): an open
/// one, or one on disk kept for a file opened on its own (`alone`); `None` for a document
/// that is not a `file:`, or a configuration that is neither open nor on disk.
pub fn load<E: Engine>(server: &Server<E>, main_uri: &str) -> Option<project_files::Loaded> {
    let main_disk = uri::to_path(main_uri)?;
    let text = match server.docs.get(main_uri) {
        Some(doc) => doc.text.clone(),
        None => project_files::read_text(&main_disk)?,
    };
    let open = |disk: &str| server.docs.by_path(disk).map(|(_, d)| d.text.clone());
    let mut loaded = project_files::load(&main_disk, &text, &open);
    if server.docs.get(main_uri).is_none() {
        // Read from disk, so a change there re-checks it.
        loaded.files.push(FileRef {
            path: loaded.project.main_path().to_string(),
            disk: main_disk,
            kind: WantKind::File,
        });
    }
    Some(loaded)
}

/// The project for a request on an open devcontainer.json: the one last checked when it saw
/// this text, else read now.
pub fn project_for<E: Engine>(server: &Server<E>, main_uri: &str) -> Option<Project> {
    let doc = server.docs.get(main_uri)?;
    match server.projects.get(main_uri) {
        Some(checked) if checked.project.main_text() == doc.text => Some(checked.project.clone()),
        _ => load(server, main_uri).map(|l| l.project),
    }
}

/// Checks one configuration with its files and keeps the result; `None` when `main_uri` is
/// not a `file:` devcontainer.json that is open or on disk. The previous result is returned
/// too, to clear what it published on files no longer referenced.
pub fn check<E: Engine>(server: &mut Server<E>, main_uri: &str) -> Option<Option<Checked>> {
    let loaded = load(server, main_uri)?;
    Some(check_loaded(server, main_uri, loaded))
}

/// [`check`] on a project already read. A configuration that is not open keeps only the
/// results of open documents: it is checked for them, and publishes nothing else.
pub fn check_loaded<E: Engine>(
    server: &mut Server<E>,
    main_uri: &str,
    loaded: project_files::Loaded,
) -> Option<Checked> {
    let options = server.settings.analyze_options();
    let kept_doc;
    let (doc, open) = match server.docs.get(main_uri) {
        Some(doc) => (doc.parsed(), true),
        None => {
            kept_doc = api::Document::new(loaded.project.main_text().to_string(), 0);
            (&kept_doc, false)
        }
    };
    let files = if server.settings.enable {
        server.engine.analyze(Some(&loaded.project), doc, &options)
    } else {
        Vec::new()
    };
    let main_text = loaded.project.main_text().to_string();
    let folder = loaded.project.config_folder.clone().unwrap_or_default();
    let mut results = vec![FileResult {
        uri: main_uri.to_string(),
        text: main_text,
        diagnostics: Vec::new(),
    }];
    for (_, path, text) in loaded.project.texts().skip(1) {
        let disk = project_files::disk_join(&folder, path);
        let uri = match server.docs.by_path(&disk) {
            Some((uri, _)) => uri.clone(),
            None => uri::from_path(&disk),
        };
        results.push(FileResult {
            uri,
            text: text.to_string(),
            diagnostics: Vec::new(),
        });
    }
    for file in files {
        let index = if file.main {
            Some(0)
        } else {
            let path = crate::project::normalize(&file.path);
            let disk = project_files::disk_join(&folder, &path);
            results
                .iter()
                .position(|r| uri::to_path(&r.uri).as_deref() == Some(disk.as_str()))
        };
        match index {
            Some(i) => results[i].diagnostics.extend(file.diagnostics),
            None => log(
                "warn",
                format!("findings for an unknown file {}", file.path),
            ),
        }
    }
    if !open {
        let docs = &server.docs;
        let mut index = 0;
        results.retain(|r| {
            index += 1;
            index == 1 || docs.get(&r.uri).is_some()
        });
    }
    let checked = Checked {
        project: loaded.project,
        files: loaded.files,
        results,
    };
    server
        .projects
        .by_main
        .insert(main_uri.to_string(), checked)
}
