//! What the other files of a project tell IntelliSense: the services of the Compose files
//! (merged in order, as `docker compose -f a -f b` merges them), the stages of the Dockerfile
//! that `build.dockerfile` names, and the folder listings the host supplied. Only files the
//! host already handed in are read; nothing here asks for more.

use crate::diag::FileId;
use crate::project::{Entry, Project, RefKind, Reference};
use crate::syntax::Tree;
use crate::syntax::compose::MergedCompose;
use crate::syntax::dockerfile::DockerfileFile;
use std::sync::Arc;

/// The merged Compose files of `dockerComposeFile`, with their project paths in order
/// (`Service::file` and `Origin::file` index into them). `None` when none has a text.
pub fn compose(project: &Project, tree: &Tree) -> Option<(Arc<MergedCompose>, Vec<String>)> {
    let mut paths = Vec::new();
    let mut ids = Vec::new();
    for reference in main_refs(project, tree, RefKind::Compose) {
        let Some(id) = project
            .id(&reference.path)
            .filter(|id| project.text(*id).is_some())
        else {
            continue;
        };
        ids.push(id);
        paths.push(reference.path);
    }
    if ids.is_empty() {
        return None;
    }
    Some((project.merged_compose(&ids), paths))
}

/// The Dockerfile that `build.dockerfile` (or `dockerFile`) names, with its path and text.
pub fn dockerfile<'p>(
    project: &'p Project,
    tree: &Tree,
) -> Option<(String, &'p str, &'p DockerfileFile)> {
    let reference = main_refs(project, tree, RefKind::Dockerfile)
        .into_iter()
        .next()?;
    let id = project.id(&reference.path)?;
    let text = project.text(id)?;
    let file = project.dockerfile(id)?;
    Some((reference.path, text, file))
}

/// The names the host listed in `folder` (a project path); sub-folders end with `/`.
pub fn listing<'p>(project: &'p Project, folder: &str) -> Option<&'p [String]> {
    match project.entry(folder)? {
        Entry::Folder(names) => Some(names),
        _ => None,
    }
}

fn main_refs(project: &Project, tree: &Tree, kind: RefKind) -> Vec<Reference> {
    project
        .references(tree)
        .into_iter()
        .filter(|r| r.kind == kind && r.file == FileId::MAIN)
        .collect()
}
