//! An empty document: whole starting configurations to pick from.

use super::{Insert, Item, Request, rank};
use crate::ide::complete::CompletionKind;

const GO_IMAGE: &str = "{\n\t\"name\": \"${1:Go}\",\n\t\"image\": \"mcr.microsoft.com/devcontainers/go:1\",\n\t\"forwardPorts\": [${2:2345}],\n\t\"postCreateCommand\": \"go mod download\",\n\t\"customizations\": {\n\t\t\"vscode\": {\n\t\t\t\"extensions\": [\"golang.go\"]\n\t\t}\n\t}\n}";

const DOCKERFILE: &str =
    "{\n\t\"name\": \"${1:Dev}\",\n\t\"build\": {\n\t\t\"dockerfile\": \"${2:Dockerfile}\"\n\t}\n}";

const COMPOSE: &str = "{\n\t\"name\": \"${1:Dev}\",\n\t\"dockerComposeFile\": \"${2:docker-compose.yml}\",\n\t\"service\": \"${3:app}\",\n\t\"workspaceFolder\": \"/workspaces/\\${localWorkspaceFolderBasename}\"\n}";

/// Offered only when the document holds no value at all (whitespace and comments only).
pub fn complete(req: &Request, items: &mut Vec<Item>) {
    if req.tree.root.is_some()
        || crate::ide::cursor::in_comment(req.text, req.tree, req.cursor.offset)
    {
        return;
    }
    for (i, (label, body, doc)) in [
        ("Go dev container (image)", GO_IMAGE, "The Go dev container image, Delve's port, dependencies fetched once, the Go extension."),
        ("Dockerfile dev container", DOCKERFILE, "Build the container from a Dockerfile next to this file."),
        ("Docker Compose dev container", COMPOSE, "Connect to one service of a Compose project."),
    ]
    .into_iter()
    .enumerate()
    {
        let mut item = req.item(label, CompletionKind::Snippet, Insert::Snippet(body.to_string()));
        item.documentation = Some(doc.to_string());
        item.sort_text = rank(0, i);
        items.push(item);
    }
}
