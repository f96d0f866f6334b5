//! Workspace folders: those named at `initialize` (or its root URI) and the changes the
//! client announces. A devcontainer.json is checked without them; a file opened on its own
//! looks for its configurations up to the folder holding it (`discover`).

use super::engine::Engine;
use super::{Server, log};
use lsp_types as lsp;

pub fn initial_folders(params: &lsp::InitializeParams) -> Vec<lsp::WorkspaceFolder> {
    if let Some(folders) = &params.workspace_folders {
        return folders.clone();
    }
    #[allow(deprecated)]
    let root = params.root_uri.clone();
    root.map(|uri| {
        let name = super::proto::file_name(uri.as_str()).to_string();
        vec![lsp::WorkspaceFolder { uri, name }]
    })
    .unwrap_or_default()
}

pub fn did_change_folders<E: Engine>(
    server: &mut Server<E>,
    params: lsp::DidChangeWorkspaceFoldersParams,
) {
    let lsp::WorkspaceFoldersChangeEvent { added, removed } = params.event;
    server
        .folders
        .retain(|f| !removed.iter().any(|r| r.uri == f.uri));
    for folder in added {
        if !server.folders.iter().any(|f| f.uri == folder.uri) {
            server.folders.push(folder);
        }
    }
    let names: Vec<&str> = server.folders.iter().map(|f| f.name.as_str()).collect();
    log("info", format!("workspace folders: {}", names.join(", ")));
}
