//! Values of `image`: the dev container images for Go first in a Go configuration, then the
//! general ones. The devcontainers images carry their own settings (user, tools) in a label.

use super::{Item, Request, rank};
use crate::ide::complete::CompletionKind;

/// (image, what it brings, for Go)
const IMAGES: &[(&str, &str, bool)] = &[
    (
        "mcr.microsoft.com/devcontainers/go:1",
        "Go with its tools, a `vscode` user and ptrace for Delve already set up by the image's metadata.",
        true,
    ),
    (
        "mcr.microsoft.com/devcontainers/go:1-bookworm",
        "The Go dev container image on Debian bookworm.",
        true,
    ),
    (
        "golang:1",
        "The plain Go image: no non-root user, no editor settings; add features for the tools.",
        true,
    ),
    (
        "mcr.microsoft.com/devcontainers/base:ubuntu",
        "Ubuntu with common tools and a `vscode` user; add languages as features.",
        false,
    ),
    (
        "mcr.microsoft.com/devcontainers/base:debian",
        "Debian with common tools and a `vscode` user.",
        false,
    ),
    (
        "mcr.microsoft.com/devcontainers/universal:2",
        "A large image with many languages, as Codespaces uses by default.",
        false,
    ),
];

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    if !req.path().is_empty() || req.value_key() != Some("image") {
        return;
    }
    for (i, (image, doc, go)) in IMAGES.iter().enumerate() {
        let mut item = req.string_item(image, CompletionKind::Value);
        item.documentation = Some(doc.to_string());
        // Go images lead only when the file already points at Go.
        let group = u8::from(*go != req.go);
        item.sort_text = rank(group, i);
        items.push(item);
    }
}
