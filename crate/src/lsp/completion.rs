//! `textDocument/completion`: property names, values, variables and snippets from the engine
//! (with the configuration's other files, for service and stage names); snippets stay snippets
//! only when the client supports them. The feature catalog's Markdown comes by
//! `completionItem/resolve` when the client asks for it that way (the item's `data` holds its
//! `docId`), else with the item.

use super::engine::Engine;
use super::proto::{self, Lines};
use super::{ResponseError, Server, to_value};
use crate::api;
use lsp_types as lsp;
use serde_json::Value;

pub fn handle<E: Engine>(
    server: &mut Server<E>,
    params: lsp::CompletionParams,
) -> Result<Value, ResponseError> {
    let at = params.text_document_position;
    let Some(doc) = server.document(&at.text_document.uri) else {
        return Ok(Value::Null);
    };
    if !server.settings.enable {
        return Ok(Value::Null);
    }
    let lines = Lines::new(&doc.text, server.client.encoding);
    // Compose services, Dockerfile stages and folder names come from the referenced files.
    let project = super::projects::project_for(server, at.text_document.uri.as_str());
    let mut found = server.engine.complete(
        project.as_ref(),
        doc.parsed(),
        lines.api_offset(at.position),
    );
    if !server.client.resolve_docs {
        for item in &mut found {
            if let Some(id) = item.doc_id.take() {
                item.documentation = api::completion_doc(&id);
            }
        }
    }
    let items = found
        .iter()
        .map(|item| proto::completion_item(&lines, item, server.client.snippets))
        .collect();
    to_value(lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: false,
        items,
    }))
}

/// `completionItem/resolve`: the item back with its documentation, from the `docId` in `data`.
pub fn resolve(mut item: lsp::CompletionItem) -> Result<Value, ResponseError> {
    let doc_id = item
        .data
        .as_ref()
        .and_then(|d| d.get(proto::DOC_ID))
        .and_then(Value::as_str);
    if let Some(markdown) = doc_id.and_then(api::completion_doc) {
        item.documentation = Some(lsp::Documentation::MarkupContent(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: markdown,
        }));
    }
    to_value(item)
}
