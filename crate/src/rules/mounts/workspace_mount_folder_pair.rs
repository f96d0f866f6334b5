//! `workspace-mount-folder-pair`: `workspaceMount` and `workspaceFolder` come together in image
//! and Dockerfile configurations.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/workspace-mount-folder-pair/`.

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::MemberRef;

pub const WORKSPACE_MOUNT_FOLDER_PAIR: RuleInfo = RuleInfo {
    code: "workspace-mount-folder-pair",
    aliases: &[],
    severity: Severity::Warning,
    summary: "`workspaceMount` without `workspaceFolder`, or the other way round.",
    why: "`workspaceMount` says where the source is mounted and `workspaceFolder` where the editor opens; setting one without the other opens a folder where the source is not.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[WORKSPACE_MOUNT_FOLDER_PAIR];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    if matches!(cx.kind, ConfigKind::Image | ConfigKind::Dockerfile) {
        pair(
            root.member("workspaceMount"),
            root.member("workspaceFolder"),
            out,
        );
    }
}

/// The reference says each of the two needs the other in image and Dockerfile configs.
fn pair(mount: Option<MemberRef>, folder: Option<MemberRef>, out: &mut Vec<Diagnostic>) {
    match (mount, folder) {
        (Some(m), None) => out.push(WORKSPACE_MOUNT_FOLDER_PAIR.at(m.key_range(),
            "`workspaceMount` is set without `workspaceFolder`, so the tools open the default folder, which may not be where this mount puts the code. Add `workspaceFolder` with the mount's target.",
        )),
        // Below /workspaces the default mount still holds the code (often the same folder).
        (None, Some(f)) if !f.value.and_then(|v| v.as_str()).is_some_and(|p| p.starts_with("/workspaces/")) => out.push(WORKSPACE_MOUNT_FOLDER_PAIR.at(f.key_range(),
            "`workspaceFolder` is set without `workspaceMount`, so the code is still mounted at the default path (/workspaces/<folder>), which may not be this folder. Add a `workspaceMount` whose target is this folder.",
        )),
        _ => {}
    }
}
