//! `textDocument/didOpen`, `didChange` (whole or ranged changes, in the negotiated encoding),
//! `didSave` and `didClose`. Every document the client opens is kept, since a devcontainer.json
//! reads its Dockerfile and Compose files from the open ones first; only devcontainer.json and
//! .devcontainer.json are checked, and a change to another file re-checks the configurations
//! that read it; another file opened or saved, or a configuration created on disk, looks for
//! the configurations on disk that read it (`alone`).

use super::engine::Engine;
use super::{Server, alone, diagnostics, log, proto, uri};
use lsp_types as lsp;
use std::collections::HashMap;
use std::time::Duration;

pub struct Document {
    pub text: String,
    pub version: i32,
    /// The parsed text of this version, made on the first request and dropped on a change.
    parsed: std::cell::OnceCell<crate::api::Document>,
}

impl Document {
    /// The parsed document of the current version (parsed once per version).
    pub fn parsed(&self) -> &crate::api::Document {
        self.parsed
            .get_or_init(|| crate::api::Document::new(self.text.clone(), self.version))
    }
}

#[derive(Default)]
pub struct Documents {
    by_uri: HashMap<String, Document>,
}

impl Documents {
    pub fn get(&self, uri: &str) -> Option<&Document> {
        self.by_uri.get(uri)
    }
    /// The open devcontainer.json files.
    pub fn configs(&self) -> impl Iterator<Item = &String> {
        self.by_uri
            .keys()
            .filter(|uri| proto::is_devcontainer_json(uri))
    }
    /// The open documents that are not configurations (Dockerfiles, Compose files, others).
    pub fn others(&self) -> impl Iterator<Item = &String> {
        self.by_uri
            .keys()
            .filter(|uri| !proto::is_devcontainer_json(uri))
    }
    /// The open document at an absolute path, whatever escapes its URI uses.
    pub fn by_path(&self, disk: &str) -> Option<(&String, &Document)> {
        self.by_uri
            .iter()
            .find(|(uri, _)| uri::to_path(uri).as_deref() == Some(disk))
    }
}

pub fn did_open<E: Engine>(server: &mut Server<E>, params: lsp::DidOpenTextDocumentParams) {
    let item = params.text_document;
    let uri = item.uri.as_str().to_string();
    server.docs.by_uri.insert(
        uri.clone(),
        Document {
            text: item.text,
            version: item.version,
            parsed: std::cell::OnceCell::new(),
        },
    );
    if proto::is_devcontainer_json(&uri) {
        server.pending.schedule(uri, Duration::ZERO);
    } else {
        // Its text may differ from the disk's that a configuration read.
        recheck_dependents(server, &uri, Duration::ZERO);
        look_for_configurations(server, uri);
    }
}

/// A file opened (or saved) on its own: the configurations on disk that read it are looked
/// for when its push is due (`alone::adopt`); a pulling client asks on its own.
fn look_for_configurations<E: Engine>(server: &mut Server<E>, uri: String) {
    if !server.client.pull_diagnostics {
        server.pending.schedule(uri, Duration::ZERO);
    }
}

pub fn did_change<E: Engine>(server: &mut Server<E>, params: lsp::DidChangeTextDocumentParams) {
    let uri = params.text_document.uri.as_str().to_string();
    let encoding = server.client.encoding;
    let Some(doc) = server.docs.by_uri.get_mut(&uri) else {
        log(
            "warn",
            format!("a change to a document that is not open: {uri}"),
        );
        return;
    };
    for change in params.content_changes {
        proto::apply_change(&mut doc.text, change, encoding);
    }
    doc.version = params.text_document.version;
    doc.parsed = std::cell::OnceCell::new();
    if proto::is_devcontainer_json(&uri) {
        server.pending.schedule(uri, diagnostics::DEBOUNCE);
    } else {
        recheck_dependents(server, &uri, diagnostics::DEBOUNCE);
    }
}

pub fn did_save<E: Engine>(server: &mut Server<E>, params: lsp::DidSaveTextDocumentParams) {
    let uri = params.text_document.uri.as_str().to_string();
    if !proto::is_devcontainer_json(&uri) {
        recheck_dependents(server, &uri, Duration::ZERO);
        look_for_configurations(server, uri);
    }
}

pub fn did_close<E: Engine>(server: &mut Server<E>, params: lsp::DidCloseTextDocumentParams) {
    let uri = params.text_document.uri.as_str().to_string();
    if server.docs.by_uri.remove(&uri).is_none() {
        return;
    }
    server.pending.cancel(&uri);
    if !proto::is_devcontainer_json(&uri) {
        // The configurations that read it read the disk again (one kept only for it goes).
        recheck_dependents(server, &uri, Duration::ZERO);
        if server.client.pull_diagnostics {
            // Nothing is due in pull mode: let go of those kept for it now.
            let disk = uri::to_path(&uri).unwrap_or_default();
            for main in server.projects.dependents(&disk) {
                if alone::is_kept(server, &main) {
                    alone::recheck(server, &main);
                }
            }
        }
        return;
    }
    let checked = server.projects.remove(&uri);
    // An open file it read is served by the configurations on disk from now on.
    for result in checked.iter().flat_map(|c| c.results.iter().skip(1)) {
        alone::adopt(server, &result.uri);
    }
    if server.client.pull_diagnostics {
        return;
    }
    // Closed files keep no findings in the editor, nor do the files only they referenced.
    diagnostics::publish_empty(server, &uri);
    for result in checked.iter().flat_map(|c| c.results.iter().skip(1)) {
        diagnostics::republish(server, &result.uri);
    }
}

/// `workspace/didChangeWatchedFiles`: a referenced file created, changed or deleted on disk.
pub fn did_change_watched<E: Engine>(
    server: &mut Server<E>,
    params: lsp::DidChangeWatchedFilesParams,
) {
    let mut configuration_appeared = false;
    for change in params.changes {
        recheck_dependents(server, change.uri.as_str(), Duration::ZERO);
        configuration_appeared |= proto::is_devcontainer_json(change.uri.as_str())
            && change.typ != lsp::FileChangeType::DELETED;
    }
    if configuration_appeared {
        adopt_new_configurations(server);
    }
}

/// A configuration was created or changed on disk (`watch` registers where one may appear):
/// each open file other than a configuration looks again for those that read it.
fn adopt_new_configurations<E: Engine>(server: &mut Server<E>) {
    let others: Vec<String> = server.docs.others().cloned().collect();
    if !server.client.pull_diagnostics {
        for uri in others {
            server.pending.schedule(uri, Duration::ZERO);
        }
        return;
    }
    let mut changed = false;
    for uri in others {
        changed |= !alone::adopt(server, &uri).is_empty();
    }
    if changed {
        diagnostics::ask_to_pull(server);
    }
}

/// Schedules every configuration that read the file at `file_uri` (or listed its folder).
fn recheck_dependents<E: Engine>(server: &mut Server<E>, file_uri: &str, delay: Duration) {
    let Some(disk) = uri::to_path(file_uri) else {
        return;
    };
    let mains = server.projects.dependents(&disk);
    if mains.is_empty() {
        return;
    }
    if server.client.pull_diagnostics {
        diagnostics::ask_to_pull(server);
        return;
    }
    for main in mains {
        server.pending.schedule(main, delay);
    }
}
