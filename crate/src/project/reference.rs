//! One path a configuration names (`Reference`), what it is for, and the paths the host is
//! asked for to check it.

use super::{FEATURE_FILE, WantKind, Wanted, join, normalize};
use crate::diag::FileId;
use crate::text::TextRange;

/// What a referenced path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefKind {
    /// `build.dockerfile`, `dockerFile`, or a Compose service's `build.dockerfile`.
    Dockerfile,
    /// `build.context`, `context`, or a Compose service's `build.context`.
    Context,
    /// An entry of `dockerComposeFile`.
    Compose,
    /// A local feature folder (`./name`); its `devcontainer-feature.json` must exist.
    Feature,
}

/// One path a configuration names, where it is written, and where it leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    /// The normalized path relative to the devcontainer.json folder.
    pub path: String,
    /// The value as written (before variables were expanded).
    pub written: String,
    /// The file that names it and the range of the value (or the feature key) there.
    pub file: FileId,
    pub range: TextRange,
    /// False for a default the configuration does not write (a Compose service's `Dockerfile`),
    /// so a fix must not rewrite `range`.
    pub explicit: bool,
    /// For a Dockerfile: the build context folder it is built with (project path).
    pub context: Option<String>,
}

impl Reference {
    /// The path the host is asked for: the feature's `devcontainer-feature.json`, else the path.
    pub fn target(&self) -> Wanted {
        match self.kind {
            RefKind::Feature => Wanted {
                path: join(&self.path, FEATURE_FILE),
                kind: WantKind::File,
            },
            RefKind::Context => Wanted {
                path: self.path.clone(),
                kind: WantKind::Folder,
            },
            RefKind::Dockerfile | RefKind::Compose => Wanted {
                path: self.path.clone(),
                kind: WantKind::File,
            },
        }
    }

    /// The target with `\` read as a folder separator, as a Windows host reads it; `None` when
    /// the path has no `\`.
    pub fn with_slashes(&self) -> Option<Wanted> {
        let target = self.target();
        target.path.contains('\\').then(|| Wanted {
            path: normalize(&target.path.replace('\\', "/")),
            kind: target.kind,
        })
    }
}
