//! Variables after `${` inside a string: `localEnv:`, `containerWorkspaceFolder`, ...

use super::{Item, Request, rank};
use crate::ide::complete::CompletionKind;
use crate::ide::cursor::Place;
use crate::text::TextRange;

/// (name, snippet after `${`, what it expands to)
const VARIABLES: &[(&str, &str, &str)] = &[
    (
        "containerWorkspaceFolder",
        "containerWorkspaceFolder",
        "The workspace folder's path inside the container.",
    ),
    (
        "localWorkspaceFolder",
        "localWorkspaceFolder",
        "The opened folder's path on the host.",
    ),
    (
        "containerWorkspaceFolderBasename",
        "containerWorkspaceFolderBasename",
        "The last part of the container workspace path.",
    ),
    (
        "localWorkspaceFolderBasename",
        "localWorkspaceFolderBasename",
        "The last part of the host folder's path.",
    ),
    (
        "localEnv:VAR",
        "localEnv:${1:VAR}",
        "An environment variable of the host; `${localEnv:VAR:default}` gives a fallback (without `:` in it).",
    ),
    (
        "containerEnv:VAR",
        "containerEnv:${1:VAR}",
        "An environment variable inside the running container (meant for `remoteEnv`).",
    ),
    (
        "devcontainerId",
        "devcontainerId",
        "A stable id of this dev container (not usable in image build settings).",
    ),
];

/// The variable items when the cursor follows an unclosed `${` in a string; `None` otherwise.
pub fn complete(req: &Request) -> Option<Vec<Item>> {
    let node = match req.cursor.place {
        Place::Value { member } => member.value?,
        Place::Item { node } => node?,
        _ => return None,
    };
    node.as_str()?;
    let literal = node.range();
    let offset = req.cursor.offset;
    let before = req.text.get(literal.start + 1..offset)?;
    let open = before.rfind("${")?;
    if before[open..].contains('}') {
        return None;
    }
    let start = literal.start + 1 + open + 2;
    // Replace the name typed so far and its rest up to a `}` or the string's end.
    let rest = req.text.get(offset..literal.end).unwrap_or("");
    let name_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_'))
        .unwrap_or(rest.len());
    let end = offset + name_len;
    let closed = req.text.get(end..).is_some_and(|t| t.starts_with('}'));
    let in_remote_env =
        req.path().first() == Some(&crate::syntax::PathSegment::Key("remoteEnv".to_string()));
    let items = VARIABLES
        .iter()
        .enumerate()
        .map(|(i, (label, snippet, doc))| {
            let insert = if closed {
                snippet.to_string()
            } else {
                format!("{snippet}\\}}")
            };
            let later = label.starts_with("containerEnv") && !in_remote_env;
            Item {
                label: label.to_string().into(),
                kind: CompletionKind::Variable,
                detail: Some(format!("${{{label}}}").into()),
                documentation: Some(doc.to_string()),
                doc_id: None,
                insert_text: insert,
                is_snippet: true,
                replace: TextRange::new(start, end),
                sort_text: rank(u8::from(later), i),
                filter_text: None,
                additional_edits: Vec::new(),
            }
        })
        .collect();
    Some(items)
}
