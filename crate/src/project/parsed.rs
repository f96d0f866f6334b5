//! The other files of a project parsed on first use and kept with their text: each Compose file
//! and Dockerfile is parsed once per text, however many times the references, the container
//! view, the rules, completion and hover read it, and the merge of the Compose files is kept
//! for the last list of files asked. Replacing a file's text (`Project::add`, `set_text`)
//! drops its parse; [`Project::keep_parses_of`] carries the parses of unchanged texts over
//! from an earlier project (a host handing in the same Dockerfile on every keystroke).

use super::{Entry, Project, Wanted};
use crate::diag::FileId;
use crate::syntax::compose::{self, ComposeFile, MergedCompose};
use crate::syntax::dockerfile::{self, DockerfileFile};
use crate::text::LineIndex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The parses of one file, each made when first asked for.
#[derive(Clone, Debug, Default)]
pub(super) struct Parses {
    compose: OnceLock<Arc<ComposeFile>>,
    dockerfile: OnceLock<Arc<DockerfileFile>>,
    /// Line starts and whether the text is ASCII (see [`Project::line_index`]).
    lines: OnceLock<(Vec<usize>, bool)>,
}

/// What the project keeps besides the parses of each file.
#[derive(Debug, Default)]
pub(super) struct Kept {
    /// How many files were parsed (a test proves reuse with it).
    parses: AtomicUsize,
    /// The last merge: the Compose files in order, and their merged services.
    merged: Mutex<Option<(Vec<FileId>, Arc<MergedCompose>)>>,
    /// The last build-context listings (`build_context.rs`): the Dockerfiles with their
    /// contexts, and the paths they need.
    pub(super) context_wants: Mutex<Option<ContextWants>>,
}

/// The Dockerfiles (path, context) a build-context listing was made for, and what it needs.
pub(super) type ContextWants = (Vec<(String, Option<String>)>, Vec<Wanted>);

impl Clone for Kept {
    fn clone(&self) -> Self {
        let merged = self.merged.lock().ok().and_then(|m| m.clone());
        let context_wants = self.context_wants.lock().ok().and_then(|c| c.clone());
        Self {
            parses: AtomicUsize::new(self.parses.load(Ordering::Relaxed)),
            merged: Mutex::new(merged),
            context_wants: Mutex::new(context_wants),
        }
    }
}

impl Kept {
    /// Forgets the merge and the context listings (a file's text or a listing changed); the
    /// count stays.
    fn forget_merge(&mut self) {
        if let Ok(merged) = self.merged.get_mut() {
            *merged = None;
        }
        if let Ok(wants) = self.context_wants.get_mut() {
            *wants = None;
        }
    }
}

impl Project {
    /// The file's text parsed as a Compose file; `None` when it has no text.
    pub fn compose_file(&self, id: FileId) -> Option<&Arc<ComposeFile>> {
        let (text, parses) = self.text_and_parses(id)?;
        Some(parses.compose.get_or_init(|| {
            self.kept.parses.fetch_add(1, Ordering::Relaxed);
            Arc::new(compose::parse(text))
        }))
    }

    /// The file's text parsed as a Dockerfile; `None` when it has no text.
    pub fn dockerfile(&self, id: FileId) -> Option<&Arc<DockerfileFile>> {
        let (text, parses) = self.text_and_parses(id)?;
        Some(parses.dockerfile.get_or_init(|| {
            self.kept.parses.fetch_add(1, Ordering::Relaxed);
            Arc::new(dockerfile::parse(text))
        }))
    }

    /// The Compose files `ids` (those without a text are skipped) merged in order, as
    /// `docker compose -f a -f b` does; made once for the same list.
    pub fn merged_compose(&self, ids: &[FileId]) -> Arc<MergedCompose> {
        if let Ok(kept) = self.kept.merged.lock()
            && let Some((kept_ids, merged)) = kept.as_ref()
            && kept_ids == ids
        {
            return Arc::clone(merged);
        }
        let files: Vec<&Arc<ComposeFile>> =
            ids.iter().filter_map(|id| self.compose_file(*id)).collect();
        let merged = Arc::new(compose::merge(files.iter().map(|f| &***f)));
        if let Ok(mut kept) = self.kept.merged.lock() {
            *kept = Some((ids.to_vec(), Arc::clone(&merged)));
        }
        merged
    }

    /// Line starts of another file's text (not the main file's), made once per text: a
    /// Dockerfile's findings are positioned again on every keystroke in devcontainer.json.
    pub fn line_index(&self, id: FileId) -> Option<LineIndex<'_>> {
        let (text, parses) = self.text_and_parses(id)?;
        let (starts, ascii) = parses
            .lines
            .get_or_init(|| LineIndex::new(text).into_parts());
        Some(LineIndex::from_line_starts(text, starts, *ascii))
    }

    /// How many of the other files' texts were parsed so far, counting those carried over by
    /// [`Project::keep_parses_of`].
    pub fn file_parses(&self) -> usize {
        self.kept.parses.load(Ordering::Relaxed)
    }

    /// Takes over the parses `old` made of every file that has the same path and text here,
    /// and its parse count.
    pub fn keep_parses_of(&mut self, old: &Project) {
        for (i, (path, entry)) in self.files.iter().enumerate() {
            let Entry::Text(text) = entry else {
                continue;
            };
            let Some(j) = old.files.iter().position(|(p, _)| p == path) else {
                continue;
            };
            if matches!(&old.files[j].1, Entry::Text(t) if t == text)
                && let (Some(slot), Some(kept)) = (self.parses.get_mut(i), old.parses.get(j))
            {
                *slot = kept.clone();
            }
        }
        self.kept.parses.store(old.file_parses(), Ordering::Relaxed);
        let same_files = self.files == old.files;
        if same_files
            && let Ok(merged) = old.kept.merged.lock()
            && let Ok(mine) = self.kept.merged.get_mut()
        {
            *mine = merged.clone();
        }
        if same_files
            && let Ok(wants) = old.kept.context_wants.lock()
            && let Ok(mine) = self.kept.context_wants.get_mut()
        {
            *mine = wants.clone();
        }
    }

    /// Drops what was parsed of the file at `index` (its entry was just replaced) and the
    /// merge, which may have read it.
    pub(super) fn forget_parses(&mut self, index: usize) {
        self.kept.forget_merge();
        if self.parses.len() <= index {
            self.parses.resize_with(index + 1, Parses::default);
        }
        if let Some(parses) = self.parses.get_mut(index) {
            *parses = Parses::default();
        }
    }

    fn text_and_parses(&self, id: FileId) -> Option<(&str, &Parses)> {
        let index = (id.0 as usize).checked_sub(1)?;
        match self.files.get(index)? {
            (_, Entry::Text(text)) => Some((text, self.parses.get(index)?)),
            _ => None,
        }
    }
}
