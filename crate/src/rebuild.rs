//! What a change to devcontainer.json takes to apply: nothing, a window reload, a container
//! restart, or a full rebuild. Users are asked to rebuild after every edit, although many
//! properties (ports, remote env, VS Code customizations, attach and start hooks) need no new
//! container; this compares the two texts property by property and says which is enough.

use crate::sorted::SortedMap;
use crate::syntax::{NodeRef, Value, json, parse};
use serde::{Deserialize, Serialize};

/// The least a change needs, from cheapest to dearest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ApplyBy {
    /// Nothing in the container or the editor reads the property (e.g. `name`).
    Nothing,
    /// Read when the editor connects: reload the window (reopen in the container).
    Reload,
    /// Read when the container starts: stop it and reopen.
    Restart,
    /// Read when the container is created: rebuild.
    Rebuild,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangedProperty {
    pub key: String,
    pub apply_by: ApplyBy,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RebuildAdvice {
    /// What the whole change needs: the dearest of its properties.
    pub apply_by: ApplyBy,
    /// The top-level properties added, removed or changed, in the new text's order.
    pub changed: Vec<ChangedProperty>,
    /// The new text has syntax errors: fix them before rebuilding.
    pub has_syntax_errors: bool,
}

/// How each top-level property is applied; anything not listed needs a rebuild.
fn apply_by(key: &str) -> ApplyBy {
    match key {
        "name" | "hostRequirements" | "secrets" | "$schema" => ApplyBy::Nothing,
        "customizations"
        | "extensions"
        | "settings"
        | "forwardPorts"
        | "portsAttributes"
        | "otherPortsAttributes"
        | "remoteEnv"
        | "remoteUser"
        | "userEnvProbe"
        | "postAttachCommand"
        // Dev Containers runs it on the host on every connection, a window reload included
        // (vscode-remote-release#2407, #8179), not only before a start.
        | "initializeCommand"
        | "waitFor"
        | "shutdownAction"
        | "devPort" => ApplyBy::Reload,
        "postStartCommand" => ApplyBy::Restart,
        _ => ApplyBy::Rebuild,
    }
}

pub fn advise(old_text: &str, new_text: &str) -> RebuildAdvice {
    let old = parse(old_text);
    let new = parse(new_text);
    let old_values = top_level_values(old.root());
    let new_values = top_level_values(new.root());
    let mut changed: Vec<ChangedProperty> = Vec::new();
    for (key, value) in &new_values {
        if old_values.get(key) != Some(value) {
            changed.push(ChangedProperty {
                key: key.clone(),
                apply_by: apply_by(key),
            });
        }
    }
    for key in old_values.keys().filter(|k| !new_values.contains_key(*k)) {
        changed.push(ChangedProperty {
            key: key.clone(),
            apply_by: apply_by(key),
        });
    }
    let apply_by = changed
        .iter()
        .map(|c| c.apply_by)
        .max()
        .unwrap_or(ApplyBy::Nothing);
    RebuildAdvice {
        apply_by,
        changed,
        has_syntax_errors: !new.errors.is_empty(),
    }
}

/// Each top-level property with its value in a canonical form (comments, spacing and key
/// order do not count as changes).
fn top_level_values(root: Option<NodeRef>) -> SortedMap<String, String> {
    let Some(root) = root else {
        return SortedMap::new();
    };
    root.members()
        .map(|member| {
            let mut canonical = String::new();
            if let Some(value) = member.value {
                write_canonical(value, &mut canonical);
            }
            (member.key().to_string(), canonical)
        })
        .collect()
}

/// Recursion here is bounded by the parser's nesting limit.
fn write_canonical(node: NodeRef, out: &mut String) {
    match node.value() {
        Value::Object(_) => {
            let mut members: Vec<_> = node.members().collect();
            crate::sorted::sort_stable_by_key(&mut members, |m| m.key());
            out.push('{');
            for m in members {
                out.push_str(&json::quote(m.key()));
                out.push(':');
                if let Some(v) = m.value {
                    write_canonical(v, out);
                }
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(_) => {
            out.push('[');
            for item in node.items() {
                write_canonical(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::String(s) => out.push_str(&json::quote(s)),
        Value::Number(raw) => out.push_str(raw),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Null => out.push_str("null"),
        Value::Invalid => out.push('?'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"{
  "image": "mcr.microsoft.com/devcontainers/go:1",
  "forwardPorts": [2345],
  "postStartCommand": "go version",
  "customizations": {"vscode": {"extensions": ["golang.go"]}}
}"#;

    #[test]
    fn comments_spacing_and_key_order_are_no_change() {
        let same = "// 注释\n{\"customizations\": {\"vscode\": {\"extensions\": [\"golang.go\"]}},\n \"postStartCommand\": \"go version\", \"forwardPorts\": [ 2345 ],\n \"image\": \"mcr.microsoft.com/devcontainers/go:1\"}";
        let advice = advise(BASE, same);
        assert_eq!(advice.apply_by, ApplyBy::Nothing);
        assert!(advice.changed.is_empty());
    }

    #[test]
    fn ports_and_customizations_need_only_a_reload() {
        let new = BASE
            .replace("[2345]", "[2345, 8080]")
            .replace("golang.go\"", "golang.go\", \"eamodio.gitlens\"");
        let advice = advise(BASE, &new);
        assert_eq!(advice.apply_by, ApplyBy::Reload);
        let keys: Vec<_> = advice.changed.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["customizations", "forwardPorts"]);
    }

    #[test]
    fn start_hook_needs_a_restart_and_image_a_rebuild() {
        let restart = advise(BASE, &BASE.replace("go version", "go env"));
        assert_eq!(restart.apply_by, ApplyBy::Restart);
        let rebuild = advise(BASE, &BASE.replace("go:1", "go:1.24"));
        assert_eq!(rebuild.apply_by, ApplyBy::Rebuild);
        let removed = advise(BASE, &BASE.replace("\"forwardPorts\": [2345],", ""));
        assert_eq!(removed.changed[0].key, "forwardPorts");
        assert_eq!(removed.apply_by, ApplyBy::Reload);
    }

    #[test]
    fn initialize_command_runs_again_on_a_reload() {
        let new = BASE.replace(
            "\"image\"",
            "\"initializeCommand\": \"docker pull golang\", \"image\"",
        );
        let advice = advise(BASE, &new);
        assert_eq!(advice.apply_by, ApplyBy::Reload);
        assert_eq!(advice.changed[0].key, "initializeCommand");
    }

    #[test]
    fn unknown_properties_and_broken_text_count_as_rebuild() {
        let advice = advise(
            BASE,
            &BASE.replace(
                "\"image\"",
                "\"features\": {\"ghcr.io/devcontainers/features/node:1\": {}}, \"image\"",
            ),
        );
        assert_eq!(advice.apply_by, ApplyBy::Rebuild);
        assert!(advise(BASE, "{\"image\": ").has_syntax_errors);
    }
}
