//! Feature ids under `features` (the Go feature first in a Go configuration), and the options
//! of a known feature with their proposed values.

use super::{Insert, Item, Request};
use crate::api::CompletionKind;

/// A well-known feature: id with its major version, what it installs, its options.
pub struct KnownFeature {
    pub id: &'static str,
    pub doc: &'static str,
    pub go: bool,
    /// (option, proposed values, what it sets)
    pub options: &'static [(&'static str, &'static [&'static str], &'static str)],
}

pub const KNOWN_FEATURES: &[KnownFeature] = &[
    KnownFeature {
        id: "ghcr.io/devcontainers/features/go:1",
        doc: "Installs Go with gopls, Delve and linters, and allows ptrace for debugging. Debian, Ubuntu and RHEL-family images; not Alpine.",
        go: true,
        options: &[
            (
                "version",
                &["latest", "none", "1.24", "1.23"],
                "The Go version to install (`none` keeps the image's Go).",
            ),
            (
                "golangciLintVersion",
                &["latest"],
                "The golangci-lint version to install.",
            ),
        ],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/common-utils:2",
        doc: "Common shell tools and a non-root user.",
        go: false,
        options: &[
            ("installZsh", &["true", "false"], "Install zsh."),
            (
                "username",
                &["vscode", "automatic", "none"],
                "The non-root user to create or reuse.",
            ),
        ],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/git:1",
        doc: "A recent git.",
        go: false,
        options: &[("version", &["latest", "os-provided"], "The git version.")],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/github-cli:1",
        doc: "The GitHub CLI (`gh`).",
        go: false,
        options: &[("version", &["latest"], "The gh version.")],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/docker-in-docker:2",
        doc: "A Docker engine inside the container.",
        go: false,
        options: &[("version", &["latest"], "The Docker version.")],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/docker-outside-of-docker:1",
        doc: "The Docker CLI, talking to the host's Docker engine.",
        go: false,
        options: &[("version", &["latest"], "The Docker CLI version.")],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/node:1",
        doc: "Node.js and npm.",
        go: false,
        options: &[(
            "version",
            &["lts", "latest", "none"],
            "The Node.js version.",
        )],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/python:1",
        doc: "Python and pip.",
        go: false,
        options: &[(
            "version",
            &["latest", "os-provided", "none"],
            "The Python version.",
        )],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/kubectl-helm-minikube:1",
        doc: "kubectl, Helm and minikube.",
        go: false,
        options: &[("version", &["latest"], "The kubectl version.")],
    },
    KnownFeature {
        id: "ghcr.io/devcontainers/features/terraform:1",
        doc: "Terraform.",
        go: false,
        options: &[("version", &["latest"], "The Terraform version.")],
    },
];

/// The id without its `:version` or `@digest`, lowercased.
pub fn base_id(id: &str) -> String {
    let id = id.to_ascii_lowercase();
    let slash = id.rfind('/').map_or(0, |s| s + 1);
    let end = id[slash..].find([':', '@']).map_or(id.len(), |i| slash + i);
    id[..end].to_string()
}

/// The known feature that `id` (with any version) refers to.
pub fn lookup(id: &str) -> Option<&'static KnownFeature> {
    let base = base_id(id);
    KNOWN_FEATURES.iter().find(|f| base_id(f.id) == base)
}

pub fn complete_keys(req: &Request, items: &mut Vec<Item>) {
    match req.keys().as_slice() {
        [Some("features")] => complete_ids(req, items),
        [Some("features"), Some(id)] => complete_options(req, id, items),
        _ => {}
    }
}

fn complete_ids(req: &Request, items: &mut Vec<Item>) {
    let present: Vec<String> = req.present_keys().iter().map(|k| base_id(k)).collect();
    let mut ordered: Vec<&KnownFeature> =
        KNOWN_FEATURES.iter().filter(|f| f.go && req.go).collect();
    ordered.extend(KNOWN_FEATURES.iter().filter(|f| !(f.go && req.go)));
    for (i, feature) in ordered.into_iter().enumerate() {
        if present.contains(&base_id(feature.id)) {
            continue;
        }
        let insert = req.key_insert(feature.id, "{$1}");
        let mut item = req.item(feature.id, CompletionKind::Module, insert);
        item.documentation = Some(feature.doc.to_string());
        item.sort_text = format!("0{i:03}");
        items.push(item);
    }
}

fn complete_options(req: &Request, id: &str, items: &mut Vec<Item>) {
    let Some(feature) = lookup(id) else {
        return;
    };
    let present = req.present_keys();
    for (name, values, doc) in feature.options {
        if present.contains(name) {
            continue;
        }
        let value = match *values {
            ["true", "false"] => "${1|true,false|}".to_string(),
            [] => "\"$1\"".to_string(),
            _ => format!("\"${{1|{}|}}\"", values.join(",")),
        };
        let insert = req.key_insert(name, &value);
        let mut item = req.item(*name, CompletionKind::Property, insert);
        item.documentation = Some(doc.to_string());
        items.push(item);
    }
}

/// Proposed values of a feature option.
pub fn complete_values(req: &Request, items: &mut Vec<Item>) {
    let keys = req.keys();
    let [Some("features"), Some(id)] = keys.as_slice() else {
        return;
    };
    let (Some(feature), Some(option)) = (lookup(id), req.value_key()) else {
        return;
    };
    let Some((_, values, _)) = feature.options.iter().find(|(n, _, _)| *n == option) else {
        return;
    };
    for value in *values {
        let item = if matches!(*value, "true" | "false") {
            req.item(
                *value,
                CompletionKind::Keyword,
                Insert::Plain(value.to_string()),
            )
        } else {
            req.string_item(value, CompletionKind::Value)
        };
        items.push(item);
    }
}
