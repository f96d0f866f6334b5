//! `mount-malformed`: `mounts` items (strings in `docker run --mount` syntax, or objects) and
//! `workspaceMount` that Docker cannot read.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/mount-malformed/`.

use crate::diag::{Diagnostic, Severity};
use crate::docker::mount::{MountProblem, check_mount};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeRef, clip};

pub const MOUNT_MALFORMED: RuleInfo = RuleInfo {
    code: "mount-malformed",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A mount that Docker cannot read: a missing target, an unknown key or type, `-v` syntax.",
    why: "A mount string is read as `docker run --mount`, and Docker refuses the whole container for a missing target, an unknown key or type, or the `-v` short syntax; the tools give no hint which mount was wrong (devcontainers/spec#488).",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[MOUNT_MALFORMED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    if let Some(mounts) = root.get("mounts") {
        for item in mounts.items() {
            if item.is_object() {
                mount_object(item, out);
            } else if let Some(spec) = item.as_str() {
                mount_string(item, spec, "This mount", out);
            }
        }
    }
    let mount = root.member("workspaceMount");
    if let Some(spec) = mount
        .and_then(|m| m.value)
        .and_then(|v| v.as_str().map(|s| (v, s)))
    {
        mount_string(spec.0, spec.1, "`workspaceMount`", out);
    }
}

fn mount_string(node: NodeRef, spec: &str, what: &str, out: &mut Vec<Diagnostic>) {
    if let Some(problem) = check_mount(spec) {
        out.push(MOUNT_MALFORMED.at(
            node.range(),
            format!("{what} \"{}\" {}.", clip(spec), problem.explain()),
        ));
    }
}

fn mount_object(object: NodeRef, out: &mut Vec<Diagnostic>) {
    let kind = object.get("type").and_then(|t| t.as_str());
    // A missing `type` or `target` is `mount-missing-property` (an error: Docker refuses it).
    let problem = match kind {
        None => return,
        Some("bind" | "volume") => None,
        Some(other) => Some(format!(
            "has `\"type\": \"{}\"`; in object form the type must be `bind` or `volume`",
            clip(other)
        )),
    };
    let problem = problem.or_else(|| {
        let target = object.get("target").and_then(|t| t.as_str());
        (target == Some("")).then(|| {
            MountProblem::MissingTarget.explain().replace(
                "`target=/path/in/container`",
                "`\"target\": \"/path/in/container\"`",
            )
        })
    });
    if let Some(problem) = problem {
        out.push(MOUNT_MALFORMED.at(object.range(), format!("This mount {problem}.")));
    }
}
