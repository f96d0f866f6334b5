//! Lookups in the configuration shared by several rules: settings, extensions, features,
//! the image, whether the config is a Go one, and where a port is forwarded or published.

use crate::diag::{Edit, FileId};
use crate::docker::image::{is_devcontainers_go_image, is_golang_image};
use crate::docker::port::{port_spec_matches, publish_spec_matches};
use crate::rules::Context;
use crate::syntax::{MemberRef, NodeRef};
use crate::text::TextRange;

/// What rules read of `customizations.vscode`, with the deprecated top-level forms: found
/// once per analysis ([`Context::vscode`]); a dozen rules asked for it, each walking the tree.
#[derive(Default)]
pub struct VscodeParts<'a> {
    /// `customizations.vscode.settings` and the top-level `settings`, when they are objects.
    pub settings: Vec<NodeRef<'a>>,
    /// The items of `customizations.vscode.extensions` and of the top-level `extensions`.
    pub extensions: Vec<NodeRef<'a>>,
}

impl<'a> VscodeParts<'a> {
    pub fn of(root: Option<NodeRef<'a>>) -> Self {
        let Some(root) = root else {
            return Self::default();
        };
        let vscode = root.get("customizations").and_then(|c| c.get("vscode"));
        let mut parts = Self::default();
        let settings = [vscode.and_then(|v| v.get("settings")), root.get("settings")];
        parts
            .settings
            .extend(settings.into_iter().flatten().filter(|s| s.is_object()));
        for list in [
            vscode.and_then(|v| v.get("extensions")),
            root.get("extensions"),
        ]
        .into_iter()
        .flatten()
        {
            parts.extensions.extend(list.items());
        }
        parts
    }
}

/// The settings objects: `customizations.vscode.settings` and the deprecated top-level `settings`.
pub fn settings_objects<'c, 'a>(cx: &'c Context<'a>) -> &'c [NodeRef<'a>] {
    &cx.vscode().settings
}

/// The value of a setting, looked up in every settings object (first found wins).
pub fn setting<'a>(cx: &Context<'a>, key: &str) -> Option<NodeRef<'a>> {
    settings_objects(cx).iter().find_map(|s| s.get(key))
}

/// The extension id items: `customizations.vscode.extensions` and deprecated `extensions`.
pub fn extension_items<'c, 'a>(cx: &'c Context<'a>) -> &'c [NodeRef<'a>] {
    &cx.vscode().extensions
}

/// The Go extension, under its current id or an old one (ids are case-insensitive).
pub fn go_extension<'a>(cx: &Context<'a>) -> Option<NodeRef<'a>> {
    extension_items(cx).iter().copied().find(|item| {
        item.as_str().is_some_and(|id| {
            id.trim().eq_ignore_ascii_case("golang.go")
                || crate::features::extensions::renamed_to(id) == Some("golang.go")
        })
    })
}

/// A feature reference without its version or digest: `ghcr.io/x/go:1` -> `ghcr.io/x/go`.
pub fn feature_base(id: &str) -> &str {
    // Byte searches: `split`/`rfind` with a char set up a searcher per call, and this runs
    // for every feature key in several rules.
    let bytes = id.as_bytes();
    let id = match bytes.iter().position(|&b| b == b'@') {
        Some(at) => id.get(..at).unwrap_or(id),
        None => id,
    };
    let bytes = id.as_bytes();
    match bytes.iter().rposition(|&b| b == b':') {
        Some(colon) if !bytes[colon..].contains(&b'/') => id.get(..colon).unwrap_or(id),
        _ => id,
    }
}

/// The official Go feature (or the old short id the CLI maps to it).
pub fn is_go_feature(id: &str) -> bool {
    let base = feature_base(id);
    base.eq_ignore_ascii_case("ghcr.io/devcontainers/features/go")
        || base.eq_ignore_ascii_case("golang")
}

/// The `features` members of the root.
pub fn features<'a>(cx: &Context<'a>) -> Vec<MemberRef<'a>> {
    cx.root
        .and_then(|r| r.get("features"))
        .map(|f| f.members().collect())
        .unwrap_or_default()
}

pub(crate) fn find_go_feature<'a>(cx: &Context<'a>) -> Option<MemberRef<'a>> {
    features(cx).into_iter().find(|m| is_go_feature(m.key()))
}

/// The `image` value, when it is a string.
pub fn image<'a>(cx: &Context<'a>) -> Option<(&'a str, NodeRef<'a>)> {
    let node = cx.root?.get("image")?;
    Some((node.as_str()?, node))
}
/// The image the container is built on, where it is written, and whether a fix may rewrite it.
pub struct BaseImage<'c> {
    pub name: &'c str,
    pub file: FileId,
    /// The range to report at: the `image` literal (quotes included), the Dockerfile's `FROM`
    /// image word, or the Compose service's `image` value.
    pub range: TextRange,
    /// True when `range` holds the name exactly as JSON or as plain text, so a replacement
    /// keeps the file valid (`FROM ${BASE}` or a quoted YAML scalar is not plain).
    pub plain: bool,
}

impl BaseImage<'_> {
    /// The text a fix writes at `range` for a new image name.
    pub fn replacement(&self, image: &str) -> String {
        if self.file == FileId::MAIN {
            format!("\"{image}\"")
        } else {
            image.to_string()
        }
    }
}

/// The base image of the container: the `image` string of an image-based config, or, with the
/// container's files, the base image of the Dockerfile's built stage (`build.target`, else the
/// last, with `build.args` and `ARG` defaults applied) or the Compose service's `image`. The
/// one seam the image rules read.
pub fn base_image<'c>(cx: &'c Context<'_>) -> Option<BaseImage<'c>> {
    if cx.kind == crate::spec::ConfigKind::Image {
        return image(cx).map(|(name, node)| BaseImage {
            name,
            file: FileId::MAIN,
            range: node.range(),
            plain: true,
        });
    }
    let base = cx.container()?.base_image.as_ref()?;
    if base.place.file == FileId::MAIN {
        return None;
    }
    let text = cx.project.and_then(|p| p.text(base.place.file));
    let written = text.and_then(|t| t.get(base.place.range.start..base.place.range.end));
    Some(BaseImage {
        name: &base.value,
        file: base.place.file,
        range: base.place.range,
        plain: written == Some(base.value.as_str()),
    })
}

/// True when anything in the config says it is a Go environment.
pub fn uses_go(cx: &Context) -> bool {
    cx.go_feature().is_some()
        || image(cx).is_some_and(|(i, _)| is_golang_image(i) || is_devcontainers_go_image(i))
        || go_extension(cx).is_some()
        || settings_objects(cx)
            .iter()
            .any(|s| s.members().any(|m| m.key().starts_with("go.")))
}
/// True when `forwardPorts` forwards the container's `port` (a number or `localhost:N`).
pub fn is_forwarded(cx: &Context, port: u16) -> bool {
    let Some(list) = cx.root.and_then(|r| r.get("forwardPorts")) else {
        return false;
    };
    list.items().any(|item| {
        if let Some(n) = item.as_i64() {
            return n == i64::from(port);
        }
        item.as_str()
            .and_then(|s| s.split_once(':'))
            .is_some_and(|(host, p)| {
                (host == "localhost" || host == "127.0.0.1") && p.parse::<u16>() == Ok(port)
            })
    })
}

/// Where the container's `port` is published on the host, if it is: `appPort` or `runArgs -p`.
pub fn published_by(cx: &Context, port: u16) -> Option<&'static str> {
    let root = cx.root?;
    if let Some(app) = root.get("appPort") {
        let hit = if app.is_array() {
            app.items().any(|i| port_spec_matches(i, port))
        } else {
            port_spec_matches(app, port)
        };
        if hit {
            return Some("appPort");
        }
    }
    let args: Vec<&str> = root
        .get("runArgs")
        .map(|r| r.items().filter_map(|i| i.as_str()).collect())
        .unwrap_or_default();
    for (i, arg) in args.iter().enumerate() {
        let spec = match *arg {
            "-p" | "--publish" => args.get(i + 1).copied(),
            a => a
                .strip_prefix("--publish=")
                .or_else(|| a.strip_prefix("-p="))
                .or_else(|| a.strip_prefix("-p").filter(|s| !s.is_empty())),
        };
        if spec.is_some_and(|s| publish_spec_matches(s, port)) {
            return Some("runArgs -p");
        }
    }
    None
}
/// Deletes an array item with the comma that separates it from a neighbour; `None` when a
/// comment sits in between (deleting it would lose the author's words).
pub fn array_item_removal(cx: &Context, item: NodeRef) -> Option<Edit> {
    let array = item.parent()?;
    let items: Vec<_> = array.items().collect();
    let index = items.iter().position(|i| i.id == item.id)?;
    let range = match (
        items.get(index + 1),
        index.checked_sub(1).and_then(|p| items.get(p)),
    ) {
        (Some(next), _) => TextRange::new(item.range().start, next.range().start),
        (None, Some(prev)) => TextRange::new(prev.range().end, item.range().end),
        (None, None) => return None,
    };
    let commented = cx.tree.comments.iter().any(|c| range.intersects(*c));
    (!commented).then(|| Edit::delete(range))
}

/// The 1-based line of a byte offset, for messages.
pub fn line_number(cx: &Context, offset: usize) -> usize {
    cx.line_index().line_of(offset) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_features_are_recognised() {
        assert!(is_go_feature("ghcr.io/devcontainers/features/go:1"));
        assert!(is_go_feature(
            "ghcr.io/devcontainers/features/go@sha256:abc"
        ));
        assert!(!is_go_feature(
            "ghcr.io/devcontainers/features/golangci-lint:1"
        ));
    }
}
