//! The listings a build context check needs (part of `Project::wanted`): for each Dockerfile the host supplied, the
//! context folder and the folders its `COPY`/`ADD` sources lead through (up to a wildcard),
//! plus the `.dockerignore` that applies when a listing shows one
//! (`context_paths` says which and why).

use super::context_paths::{
    SourceState, clean_source, folders_to_list, local_sources, source_state,
};
use super::{
    Entry, Project, RefKind, Reference, WantKind, Wanted, file_name, join, normalize, parent,
};
use crate::sorted::sort_dedup;

/// At most this many folders are listed for one configuration's `COPY` sources.
const MAX_FOLDERS: usize = 64;

impl Project {
    /// Kept for the same Dockerfiles and contexts until a file or listing changes: typing in
    /// devcontainer.json asks again on every keystroke.
    pub(super) fn context_wants(&self, references: &[Reference], out: &mut Vec<Wanted>) {
        let key: Vec<(String, Option<String>)> = references
            .iter()
            .filter(|r| r.kind == RefKind::Dockerfile)
            .map(|r| (r.path.clone(), r.context.clone()))
            .collect();
        if let Ok(kept) = self.kept.context_wants.lock()
            && let Some((kept_key, wants)) = kept.as_ref()
            && *kept_key == key
        {
            out.extend(wants.iter().cloned());
            return;
        }
        let mut wants = Vec::new();
        self.list_contexts(references, &mut wants);
        sort_dedup(&mut wants);
        out.extend(wants.iter().cloned());
        if let Ok(mut kept) = self.kept.context_wants.lock() {
            *kept = Some((key, wants));
        }
    }

    fn list_contexts(&self, references: &[Reference], out: &mut Vec<Wanted>) {
        let mut folders = Vec::new();
        for r in references.iter().filter(|r| r.kind == RefKind::Dockerfile) {
            let (Some(context), Some(parsed)) = (
                &r.context,
                self.id(&r.path).and_then(|id| self.dockerfile(id)),
            ) else {
                continue;
            };
            let sources: Vec<String> = parsed
                .instructions
                .iter()
                .flat_map(local_sources)
                .map(|w| clean_source(&w.value))
                .collect();
            if sources.is_empty() {
                continue;
            }
            for source in &sources {
                folders.extend(folders_to_list(context, source));
            }
            if self.missing_from_own_folder(context, &sources) {
                // For "set the context to `..`" when the file is in the folder above.
                folders.extend(sources.iter().flat_map(|s| folders_to_list("..", s)));
            }
            let ignore = join(context, ".dockerignore");
            let own = join(
                &parent(&r.path),
                &format!("{}.dockerignore", file_name(&r.path)),
            );
            for (folder, file) in [(context.clone(), ignore), (parent(&r.path), own)] {
                if let Some(Entry::Folder(names)) = self.entry(&folder)
                    && names.iter().any(|n| *n == file_name(&file))
                {
                    out.push(Wanted {
                        path: file,
                        kind: WantKind::File,
                    });
                }
            }
        }
        sort_dedup(&mut folders);
        for path in folders.into_iter().take(MAX_FOLDERS) {
            out.push(Wanted {
                path,
                kind: WantKind::Folder,
            });
        }
    }

    /// True when the context is the devcontainer.json folder (the default) and a source is
    /// not in it: the usual slip of a Dockerfile written for the project root.
    fn missing_from_own_folder(&self, context: &str, sources: &[String]) -> bool {
        let listing = |folder: &str| match self.entry(folder) {
            Some(Entry::Folder(names)) => Some(names.as_slice()),
            _ => None,
        };
        normalize(context) == "."
            && sources
                .iter()
                .any(|s| matches!(source_state(".", s, listing), SourceState::Missing { .. }))
    }
}
