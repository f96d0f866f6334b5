//! `${...}` variables in string values (and in the keys of `containerEnv` / `remoteEnv`):
//! misspelled names, the legacy `${env:X}`, a missing variable name, defaults cut at `:`,
//! `${containerEnv:X}` outside `remoteEnv`, and VS Code-only variables the tools leave as written.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`variable-misspelled/`,
//! `variable-legacy-env/`, `variable-missing-name/`, `variable-default-colon/`,
//! `variable-container-env-scope/`, `variable-editor-only/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::string_source::StringSource;
use crate::rules::support::variable_scan::{VariableRef, has_variable, scan};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeId, NodeRef, Value};
use crate::text::TextRange;

pub const VARIABLE_MISSPELLED: RuleInfo = RuleInfo {
    code: "variable-misspelled",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A `${...}` name close to a dev container variable: it is left unreplaced.",
    why: "The tools replace only the variables they know; a misspelled name such as `${localWorkspaceFolderBaseName}` is left in the value as written.",
    fix: FixSafety::Safe {
        reason: "Offered when one known variable is close to the name; the rename keeps the rest of the string.",
    },
    domain: Domain::Any,
};

pub const VARIABLE_LEGACY_ENV: RuleInfo = RuleInfo {
    code: "variable-legacy-env",
    aliases: &[],
    severity: Severity::Warning,
    summary: "`${env:X}` is the old spelling of `${localEnv:X}`.",
    why: "`${env:X}` is the old spelling of `${localEnv:X}`; the CLI still maps it, but the spec documents only the new one.",
    fix: FixSafety::Safe {
        reason: "The CLI treats both spellings the same, so the rename changes nothing.",
    },
    domain: Domain::Any,
};

pub const VARIABLE_MISSING_NAME: RuleInfo = RuleInfo {
    code: "variable-missing-name",
    aliases: &[],
    severity: Severity::Warning,
    summary: "`${localEnv}` or `${containerEnv}` without the name of an environment variable.",
    why: "`${localEnv}` and `${containerEnv}` need the name of an environment variable; without it nothing is replaced.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const VARIABLE_DEFAULT_COLON: RuleInfo = RuleInfo {
    code: "variable-default-colon",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A variable's default value holds `:`; the CLI keeps only the part before it.",
    why: "The CLI splits a variable on `:`, so a default value that holds a colon keeps only the part before it (devcontainers/cli#719).",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const VARIABLE_CONTAINER_ENV_SCOPE: RuleInfo = RuleInfo {
    code: "variable-container-env-scope",
    aliases: &[],
    severity: Severity::Hint,
    summary: "`${containerEnv:X}` is specified for `remoteEnv` only.",
    why: "The spec defines `${containerEnv:X}` for `remoteEnv` only, because the container's environment exists only once it runs.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const VARIABLE_EDITOR_ONLY: RuleInfo = RuleInfo {
    code: "variable-editor-only",
    aliases: &[],
    severity: Severity::Info,
    summary: "A VS Code variable that the dev container tools do not replace.",
    why: "Variables such as `${workspaceFolder}` are VS Code's; the dev container tools leave them as written, so the value differs outside VS Code.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    VARIABLE_MISSPELLED,
    VARIABLE_LEGACY_ENV,
    VARIABLE_MISSING_NAME,
    VARIABLE_DEFAULT_COLON,
    VARIABLE_CONTAINER_ENV_SCOPE,
    VARIABLE_EDITOR_ONLY,
];

/// Variables without arguments.
const PLAIN: &[&str] = &[
    "localWorkspaceFolder",
    "containerWorkspaceFolder",
    "localWorkspaceFolderBasename",
    "containerWorkspaceFolderBasename",
    "devcontainerId",
];
/// Variables that take an environment variable name and an optional default.
const WITH_NAME: &[&str] = &["localEnv", "containerEnv"];

/// VS Code's own variables and what the dev container spelling is.
const EDITOR_ONLY: &[(&str, &str)] = &[
    ("userHome", "${localEnv:HOME}"),
    (
        "workspaceFolder",
        "${localWorkspaceFolder} (host) or ${containerWorkspaceFolder} (container)",
    ),
    ("workspaceFolderBasename", "${localWorkspaceFolderBasename}"),
    ("workspaceRoot", "${localWorkspaceFolder}"),
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let top = TopLevel::new(cx);
    for (id, node) in cx.tree.nodes.iter().enumerate() {
        match cx.tree.value(&node.kind) {
            Value::String(value) if has_variable(value) => {
                let source = StringSource::new(cx.text, value, node.range);
                check_string(cx.wants_fixes(), &top, cx.tree.get(id), &source, out);
            }
            Value::Object(members)
                if matches!(top.key_of(id), Some("containerEnv" | "remoteEnv")) =>
            {
                for member in members {
                    let key = cx.tree.key(member);
                    if !has_variable(key) {
                        continue;
                    }
                    let source = StringSource::new(cx.text, key, member.key_range);
                    check_string(cx.wants_fixes(), &top, cx.tree.get(id), &source, out);
                }
            }
            _ => {}
        }
    }
}

/// Which top-level property each node sits under, found through parent links (the tree is at
/// most `MAX_DEPTH` deep) and one map of the root's members, so no sibling lists are searched.
struct TopLevel<'t> {
    tree: &'t crate::syntax::Tree,
    /// The root's members as (value, key): a handful, so a scan beats hashing.
    keys: Vec<(NodeId, &'t str)>,
}

impl<'t> TopLevel<'t> {
    fn new(cx: &Context<'t>) -> Self {
        let keys = cx
            .root
            .map(|root| {
                root.members()
                    .filter_map(|m| Some((m.value?.id, m.key())))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            tree: cx.tree,
            keys,
        }
    }

    /// The key of the root member whose value is `id`.
    fn key_of(&self, id: NodeId) -> Option<&'t str> {
        self.keys
            .iter()
            .find(|(value, _)| *value == id)
            .map(|(_, key)| *key)
    }

    /// The top-level property that `node` is or sits under.
    fn key_above(&self, node: NodeRef) -> Option<&'t str> {
        let mut current = node.id;
        loop {
            if let Some(key) = self.key_of(current) {
                return Some(key);
            }
            current = self.tree.nodes.get(current)?.parent?;
        }
    }
}

fn check_string(
    fixes: bool,
    top: &TopLevel,
    node: NodeRef,
    source: &StringSource,
    out: &mut Vec<Diagnostic>,
) {
    for var in scan(source.value) {
        if PLAIN.contains(&var.name) || var.name == "templateOption" {
            continue;
        }
        let range = source.source_range(var.start, var.end);
        let written = crate::syntax::clip(source.value.get(var.start..var.end).unwrap_or(""));
        if WITH_NAME.contains(&var.name) {
            check_env_reference(top, node, &var, range, &written, out);
            continue;
        }
        if var.name == "env" {
            let message = format!(
                "`{written}` is the old spelling of `${{localEnv:...}}`; it still works in the CLI, but write `localEnv` so every tool understands it."
            );
            out.push(with_rename(
                fixes,
                VARIABLE_LEGACY_ENV.at(range, message),
                source,
                &var,
                "localEnv",
            ));
            continue;
        }
        if let Some(known) = misspelling_of(var.name, !var.args.is_empty()) {
            let case_only = if known.eq_ignore_ascii_case(var.name) {
                " (names are case-sensitive)"
            } else {
                ""
            };
            let message = format!(
                "`{written}` is not a dev container variable, so it stays as written. Did you mean `{known}`?{case_only}"
            );
            out.push(with_rename(
                fixes,
                VARIABLE_MISSPELLED.at(range, message),
                source,
                &var,
                known,
            ));
            continue;
        }
        // VS Code replaces its own variables in the settings it applies.
        let in_editor_settings = matches!(top.key_above(node), Some("customizations" | "settings"));
        if let Some((_, instead)) = EDITOR_ONLY.iter().find(|(n, _)| *n == var.name)
            && !in_editor_settings
        {
            out.push(VARIABLE_EDITOR_ONLY.at(range,
                format!(
                    "`{written}` is a VS Code variable: the dev container CLI and other tools leave it as written. Use {instead}."
                ),
            ));
        }
        // Anything else (`${PATH}`, `${HOME}`, shell `${VAR:-x}`) is for a shell or Docker to expand.
    }
}

fn check_env_reference(
    top: &TopLevel,
    node: NodeRef,
    var: &VariableRef,
    range: TextRange,
    written: &str,
    out: &mut Vec<Diagnostic>,
) {
    let env_name = var.args.first().copied().unwrap_or("");
    if env_name.trim().is_empty() {
        out.push(VARIABLE_MISSING_NAME.at(range,
            format!(
                "`{written}` names no environment variable to read (the CLI stops with an error on `${{localEnv}}`). Write `${{{}:NAME}}` or `${{{}:NAME:default}}`.",
                var.name, var.name
            ),
        ));
        return;
    }
    if var.args.len() > 2 {
        let kept = var.args.get(1).copied().unwrap_or("");
        out.push(VARIABLE_DEFAULT_COLON.at(range,
            format!(
                "The default of `{written}` contains `:`; the CLI splits on `:` and uses only `{kept}`. Set the value elsewhere (e.g. in the environment) or choose a default without `:`."
            ),
        ));
    }
    if var.name == "containerEnv" && top.key_above(node) != Some("remoteEnv") {
        out.push(VARIABLE_CONTAINER_ENV_SCOPE.at(range,
            format!(
                "`{written}` reads the running container's environment; the spec defines it for `remoteEnv` values only, so other places may keep it unreplaced. Move it to `remoteEnv` if it does not work here."
            ),
        ));
    }
}

/// Adds a safe fix that replaces the variable's name when it is written without escapes.
fn with_rename(
    fixes: bool,
    d: Diagnostic,
    source: &StringSource,
    var: &VariableRef,
    name: &str,
) -> Diagnostic {
    let (start, end) = var.name_range();
    if !source.is_verbatim(start, end) {
        return d;
    }
    let edit = Edit::replace(source.source_range(start, end), name);
    d.with_fix_if(fixes, || {
        Fix::safe(format!("Replace with `{name}`"), vec![edit])
    })
}

/// The known variable a name was probably meant to be: same letters in another case, or at
/// most two typos in a name long enough for that to be telling.
fn misspelling_of(name: &str, has_args: bool) -> Option<&'static str> {
    // `${LOCAL_WORKSPACE_FOLDER}`, `${GOPATH}`: environment variables for a shell, not typos.
    if name.contains('_') || !name.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let candidates: &[&'static str] = if has_args {
        &["localEnv", "containerEnv", "templateOption"]
    } else {
        PLAIN
    };
    // Bounded at 2 and compared ignoring case in place: the full distance of lower-cased
    // copies cost about 16 K instructions per variable name.
    candidates
        .iter()
        .copied()
        .filter_map(|known| {
            let d = crate::suggest::edit_distance_ignoring_case_at_most(name, known, 2)?;
            Some((known, d))
        })
        .filter(|&(known, d)| d == 0 || (known.len() >= 8 && name.len() >= 6))
        .min_by_key(|&(_, d)| d)
        .map(|(known, _)| known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_found() {
        assert_eq!(
            misspelling_of("localWorkspaceFolderBaseName", false),
            Some("localWorkspaceFolderBasename")
        );
        assert_eq!(
            misspelling_of("containerWorkSpaceFolder", false),
            Some("containerWorkspaceFolder")
        );
        assert_eq!(misspelling_of("localenv", true), Some("localEnv"));
        assert_eq!(
            misspelling_of("templateOptions", true),
            Some("templateOption")
        );
        assert_eq!(
            misspelling_of("devcontainerID", false),
            Some("devcontainerId")
        );
        assert_eq!(misspelling_of("PATH", false), None);
        assert_eq!(misspelling_of("HOME", true), None);
        assert_eq!(misspelling_of("workspaceFolder", false), None);
        assert_eq!(misspelling_of("LOCAL_WORKSPACE_FOLDER", false), None);
        assert_eq!(misspelling_of("DEVCONTAINERID", false), None);
    }
}
