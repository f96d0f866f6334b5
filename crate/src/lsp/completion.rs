//! `textDocument/completion`: property names, values, variables and snippets from the engine
//! (with the configuration's other files, for service and stage names);
//! snippets stay snippets only when the client supports them.

use super::engine::Engine;
use super::proto::{self, Lines};
use super::{ResponseError, Server, to_value};
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
    let items = server
        .engine
        .complete(
            project.as_ref(),
            doc.parsed(),
            lines.api_offset(at.position),
        )
        .iter()
        .map(|item| proto::completion_item(&lines, item, server.client.snippets))
        .collect();
    to_value(lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: false,
        items,
    }))
}
