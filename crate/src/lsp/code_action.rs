//! `textDocument/codeAction`: the quick fixes of the diagnostics in the range (safe ones
//! preferred) and "Fix all safe problems" as `source.fixAll`, filtered by the client's `only`.

use super::engine::Engine;
use super::proto::{self, Lines};
use super::{ResponseError, Server, to_value};
use lsp_types as lsp;
use serde_json::Value;

/// True when `kind` is `wanted` or below it (`source.fixAll` is below `source`).
fn kind_matches(kind: &str, wanted: &str) -> bool {
    kind == wanted
        || kind
            .strip_prefix(wanted)
            .is_some_and(|rest| rest.starts_with('.'))
}

pub fn handle<E: Engine>(
    server: &mut Server<E>,
    params: lsp::CodeActionParams,
) -> Result<Value, ResponseError> {
    let uri = params.text_document.uri;
    let Some(doc) = server.document(&uri) else {
        return Ok(Value::Null);
    };
    if !server.settings.enable {
        return Ok(Value::Null);
    }
    let lines = Lines::new(&doc.text, server.client.encoding);
    let start = lines.api_offset(params.range.start);
    let end = lines.api_offset(params.range.end).max(start);
    let only = params.context.only.unwrap_or_default();
    let settings = &server.settings;
    let actions: Vec<lsp::CodeActionOrCommand> = server
        .engine
        .code_actions(doc.parsed(), start, end)
        .iter()
        .filter(|a| only.is_empty() || only.iter().any(|k| kind_matches(&a.kind, k.as_str())))
        // A rule turned off offers no quick fix either.
        .filter(|a| {
            a.kind != lsp::CodeActionKind::QUICKFIX.as_str()
                || !a.diagnostic_codes.iter().all(|c| settings.is_off(c))
        })
        .map(|a| {
            let resolves: Vec<lsp::Diagnostic> = params
                .context
                .diagnostics
                .iter()
                .filter(|_| a.kind == lsp::CodeActionKind::QUICKFIX.as_str())
                .filter(|d| match &d.code {
                    Some(lsp::NumberOrString::String(code)) => a.diagnostic_codes.contains(code),
                    _ => false,
                })
                .cloned()
                .collect();
            lsp::CodeActionOrCommand::CodeAction(proto::code_action(&lines, &uri, a, resolves))
        })
        .collect();
    to_value(actions)
}

#[cfg(test)]
mod tests {
    #[test]
    fn kinds_match_hierarchically() {
        assert!(super::kind_matches("source.fixAll", "source"));
        assert!(super::kind_matches("quickfix", "quickfix"));
        assert!(!super::kind_matches("sourcefix", "source"));
        assert!(!super::kind_matches("quickfix", "source"));
    }
}
