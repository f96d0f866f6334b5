//! `textDocument/hover`: the property's or value's documentation, in Markdown.

use super::engine::Engine;
use super::proto::{self, Lines};
use super::{ResponseError, Server, to_value};
use lsp_types as lsp;
use serde_json::Value;

pub fn handle<E: Engine>(
    server: &mut Server<E>,
    params: lsp::HoverParams,
) -> Result<Value, ResponseError> {
    let at = params.text_document_position_params;
    let Some(doc) = server.document(&at.text_document.uri) else {
        return Ok(Value::Null);
    };
    if !server.settings.enable {
        return Ok(Value::Null);
    }
    let lines = Lines::new(&doc.text, server.client.encoding);
    // Compose services, Dockerfile stages and folder names come from the referenced files.
    let project = super::projects::project_for(server, at.text_document.uri.as_str());
    match server.engine.hover(
        project.as_ref(),
        doc.parsed(),
        lines.api_offset(at.position),
    ) {
        Some(hover) => to_value(proto::hover(&lines, &hover)),
        None => Ok(Value::Null),
    }
}
