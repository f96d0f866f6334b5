//! The files one check sees: the main devcontainer.json plus the files it references, handed in
//! by the host. The core never reads a file: [`Project::wanted`] says which paths the
//! configuration names that the host has not supplied yet; the host reads them (or lists the
//! folder), adds them, and asks again until nothing new is wanted (a Compose file can name a
//! Dockerfile).
//!
//! Every other file is keyed by a normalized POSIX path relative to the folder of
//! devcontainer.json (`Dockerfile`, `../compose.yaml`, `.` for the folder itself). Paths are
//! resolved as the dev containers CLI does (devcontainers/cli):
//! - `build.dockerfile` / `dockerFile` relative to the devcontainer.json folder
//!   (`getDockerfilePath` -> `getConfigFilePath`, src/spec-configuration/configuration.ts);
//! - `build.context` / `context` relative to the same folder, defaulting to the Dockerfile's
//!   folder (`getDockerContextPath`, src/spec-node/utils.ts);
//! - each `dockerComposeFile` (string or array) relative to the devcontainer.json folder
//!   (`getDockerComposeFilePaths`, src/spec-configuration/configuration.ts);
//! - a Compose service's `build.context` (or `build: <context>`) relative to the folder of the
//!   first Compose file, its `build.dockerfile` (default `Dockerfile`) relative to that context
//!   (`getBuildInfoForService`, src/spec-node/dockerCompose.ts);
//! - local features `./name` relative to the devcontainer.json folder, each a folder with a
//!   `devcontainer-feature.json` (src/spec-configuration/containerFeaturesConfiguration.ts).
//!
//! `${localWorkspaceFolder}`, `${localWorkspaceFolderBasename}` and `${localEnv:NAME}` are
//! expanded when the host gave the values (`${localEnv:NAME:default}` falls back to its
//! default), as src/spec-common/variableSubstitution.ts does; a path with any other variable,
//! or an absolute path without a known devcontainer.json folder, is skipped rather than guessed.

use crate::diag::FileId;
use crate::sorted::{SortedMap, sort_dedup};
use crate::syntax::{self, Tree};
use serde::{Deserialize, Serialize};

mod build_context;
pub mod context_paths;
mod parsed;
mod paths;
mod reference;
mod references;
mod resolve;

use paths::found;
pub use paths::{file_name, join, normalize, parent};
pub use reference::{RefKind, Reference};

/// What the host found at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// Nothing there (or not readable, or not the kind of thing wanted).
    Missing,
    /// The names in a folder; sub-folders end with `/`.
    Folder(Vec<String>),
}

impl Entry {
    /// Whether this is what a want of `kind` finds: a file's text, or a folder's listing.
    pub fn is(&self, kind: WantKind) -> bool {
        matches!(
            (self, kind),
            (Entry::Text(_), WantKind::File) | (Entry::Folder(_), WantKind::Folder)
        )
    }
}

/// Whether a path is wanted as a file's text or as a folder's listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WantKind {
    File,
    Folder,
}

/// A path the host should read (a file) or list (a folder), relative to the devcontainer.json
/// folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Wanted {
    pub path: String,
    pub kind: WantKind,
}

pub const FEATURE_FILE: &str = "devcontainer-feature.json";

/// The main devcontainer.json and the other files of one configuration.
#[derive(Clone, Debug, Default)]
pub struct Project {
    main_path: String,
    main_text: String,
    /// `files[i]` is `FileId(i + 1)`.
    files: Vec<(String, Entry)>,
    /// What `files[i]` was parsed into, and the last merge (`project/parsed.rs`).
    parses: Vec<parsed::Parses>,
    kept: parsed::Kept,
    /// Checked without its folder (`check -`, `--isolated`): nothing is wanted, and the
    /// referenced files are not checked (one note says so).
    pub isolated: bool,
    /// The host folder `${localWorkspaceFolder}` stands for (POSIX separators).
    pub workspace_folder: Option<String>,
    /// The absolute host folder of devcontainer.json (POSIX separators), so that absolute paths
    /// can be made relative to it.
    pub config_folder: Option<String>,
    /// Values for `${localEnv:NAME}` the host chose to give.
    pub local_env: SortedMap<String, String>,
}

impl Project {
    /// A project with only its main file; `main_path` is the path as the host names it.
    pub fn new(main_path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            main_path: main_path.into(),
            main_text: text.into(),
            ..Self::default()
        }
    }

    pub fn main_path(&self) -> &str {
        &self.main_path
    }

    pub fn main_text(&self) -> &str {
        &self.main_text
    }

    /// Adds (or replaces) what the host found at `path` (normalized here); returns its id.
    pub fn add(&mut self, path: &str, entry: Entry) -> FileId {
        let path = normalize(path);
        let i = match self.files.iter().position(|(p, _)| *p == path) {
            Some(i) => {
                self.files[i].1 = entry;
                i
            }
            None => {
                self.files.push((path, entry));
                self.files.len() - 1
            }
        };
        self.forget_parses(i);
        file_id(i)
    }

    pub fn add_text(&mut self, path: &str, text: impl Into<String>) -> FileId {
        self.add(path, Entry::Text(text.into()))
    }

    /// What the host found at `path`, if it said.
    pub fn entry(&self, path: &str) -> Option<&Entry> {
        self.id(path).and_then(|id| self.entry_of(id))
    }

    pub fn id(&self, path: &str) -> Option<FileId> {
        self.files.iter().position(|(p, _)| p == path).map(file_id)
    }

    fn entry_of(&self, id: FileId) -> Option<&Entry> {
        let index = (id.0 as usize).checked_sub(1)?;
        self.files.get(index).map(|(_, e)| e)
    }

    /// The text of a file: the main file's for [`FileId::MAIN`].
    pub fn text(&self, id: FileId) -> Option<&str> {
        if id == FileId::MAIN {
            return Some(&self.main_text);
        }
        match self.entry_of(id)? {
            Entry::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The path of a file: the host's name for the main file, else the project path.
    pub fn path(&self, id: FileId) -> Option<&str> {
        if id == FileId::MAIN {
            return Some(&self.main_path);
        }
        let index = (id.0 as usize).checked_sub(1)?;
        self.files.get(index).map(|(p, _)| p.as_str())
    }

    /// Replaces the text of a file that has one (fix rounds); false when it has none.
    pub fn set_text(&mut self, id: FileId, text: String) -> bool {
        if id == FileId::MAIN {
            self.main_text = text;
            return true;
        }
        let Some(index) = (id.0 as usize).checked_sub(1) else {
            return false;
        };
        match self.files.get_mut(index) {
            Some((_, entry @ Entry::Text(_))) => {
                *entry = Entry::Text(text);
                self.forget_parses(index);
                true
            }
            _ => false,
        }
    }

    /// Every file with a text, the main file first.
    pub fn texts(&self) -> impl Iterator<Item = (FileId, &str, &str)> {
        std::iter::once((
            FileId::MAIN,
            self.main_path.as_str(),
            self.main_text.as_str(),
        ))
        .chain(
            self.files
                .iter()
                .enumerate()
                .filter_map(|(i, (p, e))| match e {
                    Entry::Text(t) => Some((file_id(i), p.as_str(), t.as_str())),
                    _ => None,
                }),
        )
    }

    /// The paths the configuration references that the host has not supplied yet, sorted.
    /// Empty when isolated. A missing file or folder also asks for its parent folder's listing,
    /// for a "did you mean"; a configuration that builds from files asks for the listing of `.`,
    /// for file-name completion.
    pub fn wanted(&self) -> Vec<Wanted> {
        if self.isolated {
            return Vec::new();
        }
        let tree = syntax::parse(&self.main_text);
        self.wanted_with(&tree)
    }

    /// The same with the main text already parsed.
    pub fn wanted_with(&self, tree: &Tree) -> Vec<Wanted> {
        self.not_supplied(self.needed_with(tree))
    }

    /// The same with the references already resolved (`Self::references` of `tree`).
    pub fn wanted_from(&self, tree: &Tree, references: &[Reference]) -> Vec<Wanted> {
        self.not_supplied(self.needed_from(tree, references))
    }

    /// The paths of `needed` the host has not supplied yet.
    fn not_supplied(&self, mut needed: Vec<Wanted>) -> Vec<Wanted> {
        needed.retain(|w| self.entry(&w.path).is_none());
        needed
    }

    /// Every path the configuration needs read, supplied or not, sorted: what [`Self::wanted_with`]
    /// would ask for with none of them supplied, and then with what those name. A host that
    /// keeps what it read before hands in only these (the rest no longer belongs to the
    /// configuration), and asks for what is absent.
    pub fn needed_with(&self, tree: &Tree) -> Vec<Wanted> {
        if self.isolated {
            return Vec::new();
        }
        self.needed_from(tree, &self.references(tree))
    }

    /// The same with the references already resolved (`Self::references` of `tree`).
    pub fn needed_from(&self, tree: &Tree, references: &[Reference]) -> Vec<Wanted> {
        if self.isolated {
            return Vec::new();
        }
        let mut out = Vec::new();
        self.context_wants(references, &mut out);
        for reference in references {
            // A value being typed that ends in `/` (`"docker/"`): completion lists that folder.
            if reference.file == FileId::MAIN
                && reference.written.ends_with('/')
                && reference.kind != RefKind::Context
            {
                out.push(Wanted {
                    path: reference.path.clone(),
                    kind: WantKind::Folder,
                });
            }
            let target = reference.target();
            // For `file-path-backslash`: the path as a Windows host reads it.
            if let Some(alt) = reference.with_slashes() {
                out.push(alt);
            }
            let listing = Wanted {
                path: parent(&reference.path),
                kind: WantKind::Folder,
            };
            match self.entry(&target.path) {
                // Not read yet: what it names comes once it is.
                None => {}
                // Missing, or not of its kind: the folder's listing, for a "did you mean".
                Some(entry) if !found(Some(entry), target.kind) => {
                    out.push(listing);
                }
                // A Dockerfile's folder is listed too: it is the default build context,
                // and may hold `<name>.dockerignore`.
                Some(_) if reference.kind == RefKind::Dockerfile => {
                    out.push(listing);
                }
                Some(_) => {}
            }
            out.push(target);
        }
        // File-name completion (`build.dockerfile`, `dockerComposeFile`) offers the names in
        // the devcontainer.json folder, so a configuration that builds from files lists it.
        if builds_from_files(tree) {
            out.push(Wanted {
                path: ".".to_string(),
                kind: WantKind::Folder,
            });
        }
        sort_dedup(&mut out);
        out
    }

    /// Every path the configuration names that can be resolved, in the order written: the main
    /// file's first, then those the Compose files name.
    pub fn references(&self, tree: &Tree) -> Vec<Reference> {
        let mut out = Vec::new();
        let Some(root) = tree.root().filter(|r| r.is_object()) else {
            return out;
        };
        self.main_references(root, &mut out);
        self.compose_references(root, &mut out);
        out
    }
}

fn file_id(index: usize) -> FileId {
    FileId(u32::try_from(index + 1).unwrap_or(u32::MAX))
}

/// Whether the configuration names a Dockerfile, a build context or Compose files (even an
/// empty one being typed), so that their names are worth listing.
fn builds_from_files(tree: &Tree) -> bool {
    tree.root().filter(|r| r.is_object()).is_some_and(|root| {
        ["build", "dockerFile", "dockerComposeFile", "context"]
            .iter()
            .any(|key| root.get(key).is_some())
    })
}

#[cfg(test)]
mod tests;
