//! `textDocument/didOpen`, `didChange` (whole or ranged changes, in the negotiated encoding)
//! and `didClose`. Only devcontainer.json and .devcontainer.json are kept; other files the
//! client may send are ignored.

use super::engine::Engine;
use super::{Server, diagnostics, log, proto};
use lsp_types as lsp;
use std::collections::HashMap;

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
    pub fn uris(&self) -> impl Iterator<Item = &String> {
        self.by_uri.keys()
    }
}

pub fn did_open<E: Engine>(server: &mut Server<E>, params: lsp::DidOpenTextDocumentParams) {
    let item = params.text_document;
    let uri = item.uri.as_str().to_string();
    if !proto::is_devcontainer_json(&uri) {
        log(
            "info",
            format!("not a devcontainer.json, not checked: {uri}"),
        );
        return;
    }
    server.docs.by_uri.insert(
        uri.clone(),
        Document {
            text: item.text,
            version: item.version,
            parsed: std::cell::OnceCell::new(),
        },
    );
    server.pending.schedule(uri, std::time::Duration::ZERO);
}

pub fn did_change<E: Engine>(server: &mut Server<E>, params: lsp::DidChangeTextDocumentParams) {
    let uri = params.text_document.uri.as_str().to_string();
    let encoding = server.client.encoding;
    let Some(doc) = server.docs.by_uri.get_mut(&uri) else {
        if proto::is_devcontainer_json(&uri) {
            log(
                "warn",
                format!("a change to a document that is not open: {uri}"),
            );
        }
        return;
    };
    for change in params.content_changes {
        proto::apply_change(&mut doc.text, change, encoding);
    }
    doc.version = params.text_document.version;
    doc.parsed = std::cell::OnceCell::new();
    server.pending.schedule(uri, diagnostics::DEBOUNCE);
}

pub fn did_close<E: Engine>(server: &mut Server<E>, params: lsp::DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    if server.docs.by_uri.remove(uri.as_str()).is_none() {
        return;
    }
    server.pending.cancel(uri.as_str());
    if !server.client.pull_diagnostics {
        // Closed files keep no findings in the editor.
        server.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics: Vec::new(),
            version: None,
        });
    }
}
