//! `invalid-value`: a value of the right type that breaks the property's pattern or range
//! (sizes like `8GB`, counts below 1, extension ids, secret names, repository names), and
//! `mount-missing-property`: a mount object without `type` or `target`.
//!
//! Each pattern is judged by what the tools do with a value that breaks it, not by the schema
//! alone: the dev containers CLI reads a size it cannot parse as no requirement
//! (`parseBytes` in devcontainers/cli `src/spec-node/imageMetadata.ts`), VS Code installs
//! `.vsix` paths (vscode-remote-release#8827) and leaves out `-publisher.name`
//! (vscode-remote-release#9177), and Codespaces ignores secret and repository names that cannot
//! exist. None of these stops a container, so they are warnings; a mount object without `type`
//! or `target` becomes `--mount type=undefined` or `dst=undefined`
//! (`generateMountCommand` in `src/spec-node/dockerfileUtils.ts`), which Docker refuses.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`invalid-value/`,
//! `mount-missing-property/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::schema_walk::{Visit, describe, walk};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::{KeyCheck, OtherKeys, ValueCheck, matchers};
use crate::syntax::clip;

pub const INVALID_VALUE: RuleInfo = RuleInfo {
    code: "invalid-value",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A value that breaks the property's pattern or numeric range, so the tools ignore it.",
    why: "The value breaks the schema's pattern or range, and the tools then ignore it rather than fail: the dev containers CLI reads a size it cannot parse (`8GB`) or a count below 1 as no requirement (`parseBytes` in devcontainers/cli `src/spec-node/imageMetadata.ts`), and VS Code skips an extension id it cannot find. `.vsix` paths (vscode-remote-release#8827) and `-publisher.name` opt-outs (vscode-remote-release#9177) are accepted, so they are not reported.",
    fix: FixSafety::Safe {
        reason: "Offered only where the meaning is unambiguous, such as a size's unit in upper case.",
    },
    domain: Domain::Any,
};

pub const MOUNT_MISSING_PROPERTY: RuleInfo = RuleInfo {
    code: "mount-missing-property",
    aliases: &["invalid-value"],
    severity: Severity::Error,
    summary: "A mount object without `type` or `target`: Docker refuses the container.",
    why: "The CLI turns a mount object into `--mount type=...,src=...,dst=...` without checking it (`generateMountCommand` in devcontainers/cli `src/spec-node/dockerfileUtils.ts`), so a missing `type` or `target` becomes the word `undefined` and Docker refuses to create the container.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[INVALID_VALUE, MOUNT_MISSING_PROPERTY];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        check_value(cx.wants_fixes(), visit, out);
        check_map_keys(visit, out);
        check_required(visit, out);
    });
}

fn check_value(fixes: bool, visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let range = visit.node.range();
    match visit.spec.check {
        ValueCheck::None | ValueCheck::Uri => {}
        ValueCheck::Size => {
            let Some(value) = visit.node.as_str() else {
                return;
            };
            if has_variable(value) || matchers::is_size(value) {
                return;
            }
            let mut d = INVALID_VALUE.at(range,
                format!(
                    "\"{}\" is not a size the tools read for {}: the dev containers CLI reads it as no requirement at all. Write digits and an optional lowercase unit (tb, gb, mb, kb), e.g. \"8gb\".",
                    clip(value),
                    describe(visit)
                ),
            );
            if let Some(lower) = matchers::size_lowercase_fix(value) {
                d.message = format!(
                    "\"{}\" is not a size the tools read for {}: units must be lowercase, and the dev containers CLI reads this as no requirement at all. Use \"{lower}\".",
                    clip(value),
                    describe(visit)
                );
                d = d.with_fix_if(fixes, || {
                    Fix::safe(
                        format!("Change to \"{lower}\""),
                        vec![Edit::replace(range, format!("\"{lower}\""))],
                    )
                });
            }
            out.push(d);
        }
        ValueCheck::MinInteger(min) => {
            let Some(n) = visit.node.as_f64() else {
                return;
            };
            if n < min as f64 {
                out.push(INVALID_VALUE.at(
                    range,
                    format!(
                        "{} must be at least {min}: a smaller number asks for nothing (the dev containers CLI reads it as no requirement). Remove it or give a number of {min} or more.",
                        describe(visit)
                    ),
                ));
            }
        }
        ValueCheck::ExtensionId => {
            let Some(value) = visit.node.as_str() else {
                return;
            };
            if has_variable(value) || is_accepted_extension_entry(value) {
                return;
            }
            out.push(INVALID_VALUE.at(range,
                format!(
                    "\"{}\" is not an extension id, so VS Code cannot find it and starts without it. Write `publisher.name` (e.g. \"golang.go\"), optionally with `@1.2.3` or `@prerelease`; `-publisher.name` to leave out an extension that a feature or the image adds; or the path of a `.vsix` file inside the container.",
                    clip(value)
                ),
            ));
        }
    }
}

/// What VS Code accepts in `customizations.vscode.extensions` besides a plain id: a `.vsix`
/// file's path (vscode-remote-release#8827) and `-publisher.name`, which leaves out an extension
/// a feature or the image would add (vscode-remote-release#9177).
fn is_accepted_extension_entry(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    lower.ends_with(".vsix")
        || matchers::is_extension_id(value)
        || value
            .strip_prefix('-')
            .is_some_and(|id| !id.contains('@') && matchers::is_extension_id(id))
}

fn check_map_keys(visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let Some(OtherKeys::Map { key: check, .. }) = visit.spec.object.map(|o| o.other_keys) else {
        return;
    };
    for member in visit.node.members() {
        let key = member.key();
        if has_variable(key) {
            continue;
        }
        let message = match check {
            KeyCheck::EnvName if !matchers::is_env_name(key) => format!(
                "Secret name \"{}\" cannot be the name of a Codespaces secret (letters, digits and `_`, not starting with a digit), so this recommendation never matches a secret. Rename it.",
                clip(key)
            ),
            KeyCheck::Repository if !matchers::is_repository(key) => format!(
                "\"{}\" is not a repository name, so this permission applies to no repository: write `owner/repo` (`*` may stand for every repo of the owner).",
                clip(key)
            ),
            _ => continue,
        };
        out.push(INVALID_VALUE.at(member.key_range(), message));
    }
}

/// An object without a property it must have (a mount object without `type` or `target`).
fn check_required(visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let Some(object) = visit.spec.object else {
        return;
    };
    if !visit.node.is_object() {
        return;
    }
    let missing: Vec<&str> = object
        .required
        .iter()
        .copied()
        .filter(|key| visit.node.member(key).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(" and ");
    out.push(MOUNT_MISSING_PROPERTY.at(
        visit.node.range(),
        format!(
            "This {} object lacks {list}, so the tools pass `undefined` to docker run --mount and Docker refuses the container: add {}.",
            visit.spec.name,
            if missing.len() == 1 { "it" } else { "them" }
        ),
    ));
}
