//! `textDocument/codeAction`: the quick fixes of the diagnostics in the range (safe ones
//! preferred) and "Fix all safe problems" as `source.fixAll`, filtered by the client's `only`.
//! In a devcontainer.json they come from the engine; in a Dockerfile or Compose file (and for
//! findings that need the other files) from the configurations checked with it. A fix that
//! edits another file of the configuration becomes a workspace edit on that file's URI.

use super::engine::Engine;
use super::projects::{Checked, FileResult};
use super::proto::{self, Lines};
use super::{ResponseError, Server, to_value};
use lsp_types as lsp;
use serde_json::Value;

const QUICK_FIX: &str = "quickfix";

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
    let uri = params.text_document.uri.as_str();
    if !server.settings.enable {
        return Ok(Value::Null);
    }
    let only = params.context.only.clone().unwrap_or_default();
    let wants = |kind: &str| only.is_empty() || only.iter().any(|k| kind_matches(kind, k.as_str()));
    let encoding = server.client.encoding;
    let mut actions: Vec<lsp::CodeActionOrCommand> = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    let checked = server.projects.get(uri).filter(|c| fresh(server, c));
    // A Dockerfile or Compose file has no engine actions of its own, only its findings' fixes.
    let config = server
        .docs
        .get(uri)
        .filter(|_| proto::is_devcontainer_json(uri));
    if let Some(doc) = config {
        let lines = Lines::new(&doc.text, encoding);
        let start = lines.api_offset(params.range.start);
        let end = lines.api_offset(params.range.end).max(start);
        let options = server.settings.analyze_options();
        let target = |file: &str| checked.and_then(|c| c.target(uri, file));
        for a in server
            .engine
            .code_actions(doc.parsed(), start, end, &options)
        {
            if !wants(&a.kind) {
                continue;
            }
            let Some(edit) =
                proto::workspace_edit((uri, doc.text.as_str()), &a.edits, encoding, &target)
            else {
                continue;
            };
            let resolves: Vec<lsp::Diagnostic> = params
                .context
                .diagnostics
                .iter()
                .filter(|_| a.kind == QUICK_FIX)
                .filter(|d| code_of(d).is_some_and(|c| a.diagnostic_codes.iter().any(|x| x == c)))
                .cloned()
                .collect();
            for code in &a.diagnostic_codes {
                seen.push((a.title.clone(), code.clone()));
            }
            let action = proto::code_action(&a.title, &a.kind, a.is_preferred, edit, resolves);
            actions.push(lsp::CodeActionOrCommand::CodeAction(action));
        }
    }
    if wants(QUICK_FIX) {
        for (main, checked) in server.projects.iter().filter(|(_, c)| fresh(server, c)) {
            for result in checked.results.iter().filter(|r| r.uri == uri) {
                let found = fixes_in(main, checked, result, &params, &mut seen, encoding);
                actions.extend(found.into_iter().map(lsp::CodeActionOrCommand::CodeAction));
            }
        }
    }
    if actions.is_empty() && server.docs.get(uri).is_none() {
        // A document we know nothing about: "nothing here", as for completion and hover.
        return Ok(Value::Null);
    }
    to_value(actions)
}

/// The quick fixes of a checked file's findings in the requested range, each once.
fn fixes_in(
    main: &str,
    checked: &Checked,
    result: &FileResult,
    params: &lsp::CodeActionParams,
    seen: &mut Vec<(String, String)>,
    encoding: proto::Encoding,
) -> Vec<lsp::CodeAction> {
    let lines = Lines::new(&result.text, encoding);
    let mut out = Vec::new();
    for d in &result.diagnostics {
        let range = lines.from_api(d.range);
        if range.end < params.range.start || range.start > params.range.end {
            continue;
        }
        for fix in &d.fixes {
            let key = (fix.title.clone(), d.code.clone());
            if seen.contains(&key) {
                continue;
            }
            let own = (result.uri.as_str(), result.text.as_str());
            let target = |file: &str| checked.target(main, file);
            let Some(edit) = proto::workspace_edit(own, &fix.edits, encoding, &target) else {
                continue;
            };
            seen.push(key);
            let resolves: Vec<lsp::Diagnostic> = params
                .context
                .diagnostics
                .iter()
                .filter(|c| code_of(c) == Some(d.code.as_str()) && c.range == range)
                .cloned()
                .collect();
            out.push(proto::code_action(
                &fix.title,
                QUICK_FIX,
                fix.is_preferred,
                edit,
                resolves,
            ));
        }
    }
    out
}

/// Whether a check saw the texts the editor has now (a fix for older text would misplace its
/// edits).
fn fresh<E: Engine>(server: &Server<E>, checked: &Checked) -> bool {
    checked
        .results
        .iter()
        .all(|r| match server.docs.get(&r.uri) {
            Some(doc) => doc.text == r.text,
            None => true,
        })
}

fn code_of(d: &lsp::Diagnostic) -> Option<&str> {
    match &d.code {
        Some(lsp::NumberOrString::String(code)) => Some(code),
        _ => None,
    }
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
