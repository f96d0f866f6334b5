//! Where the container comes from: exactly one of an image, a Dockerfile or Docker Compose.
//! `missing-container-source`, `mixed-container-sources`, `compose-missing-property` (no
//! `service`) and `compose-workspace-folder-missing`.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`missing-container-source/`,
//! `mixed-container-sources/`, `compose-missing-property/`, `compose-workspace-folder-missing/`).

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::{MemberRef, NodeRef};
use crate::text::TextRange;

pub const MISSING_CONTAINER_SOURCE: RuleInfo = RuleInfo {
    code: "missing-container-source",
    aliases: &[],
    severity: Severity::Warning,
    summary: "No `image`, Dockerfile or `dockerComposeFile`: the CLI and VS Code refuse it, Codespaces uses its default image.",
    why: "The dev containers CLI (and so VS Code) refuses a configuration without `image`, a Dockerfile or `dockerComposeFile` (devcontainers/cli `src/spec-node/configContainer.ts`: \"is missing one of ...\"), while GitHub Codespaces is reported to start it with its default image, `mcr.microsoft.com/devcontainers/universal` (loft-sh/devpod#395, coder/envbuilder#30). So it works in one place and fails in the others.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const MIXED_CONTAINER_SOURCES: RuleInfo = RuleInfo {
    code: "mixed-container-sources",
    aliases: &[],
    severity: Severity::Warning,
    summary: "More than one of `image`, a Dockerfile and `dockerComposeFile`.",
    why: "With more than one source the tools use one and silently ignore the others (a Dockerfile wins over `image`), so part of the file does nothing.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const COMPOSE_MISSING_PROPERTY: RuleInfo = RuleInfo {
    code: "compose-missing-property",
    aliases: &[],
    severity: Severity::Error,
    summary: "A Docker Compose configuration without `service`: the tools cannot start it.",
    why: "A Docker Compose configuration needs `service`, the service the editor connects to; without it the tools cannot start the container.",
    fix: FixSafety::None,
    domain: Domain::Compose,
};

pub const COMPOSE_WORKSPACE_FOLDER_MISSING: RuleInfo = RuleInfo {
    code: "compose-workspace-folder-missing",
    aliases: &["compose-missing-property"],
    severity: Severity::Warning,
    summary: "A Docker Compose configuration without `workspaceFolder`: the editor opens `/`.",
    why: "Under Docker Compose the tools do not know where the source is mounted, so without `workspaceFolder` the editor opens `/`.",
    fix: FixSafety::None,
    domain: Domain::Compose,
};

pub const CODES: &[RuleInfo] = &[
    MISSING_CONTAINER_SOURCE,
    MIXED_CONTAINER_SOURCES,
    COMPOSE_MISSING_PROPERTY,
    COMPOSE_WORKSPACE_FOLDER_MISSING,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    match cx.kind {
        ConfigKind::Missing => missing(cx, root, out),
        ConfigKind::Mixed => mixed(root, out),
        ConfigKind::Compose => compose(root, out),
        ConfigKind::Image | ConfigKind::Dockerfile => {}
    }
}

fn missing(cx: &Context, root: NodeRef<'_>, out: &mut Vec<Diagnostic>) {
    // An empty object is a file being started, and a broken file may hide its source.
    if root.members().next().is_none() || !cx.tree.errors.is_empty() {
        return;
    }
    let start = root.range().start;
    out.push(MISSING_CONTAINER_SOURCE.at(TextRange::new(start, start + 1),
        "This configuration does not say where its container comes from. The dev containers CLI and VS Code refuse it (\"missing one of image, dockerFile or dockerComposeFile\"); GitHub Codespaces starts it with its default image (mcr.microsoft.com/devcontainers/universal). Add \"image\" (an image to run), \"build\": {\"dockerfile\": ...} (a Dockerfile to build) or \"dockerComposeFile\" with \"service\" (Docker Compose); for the Codespaces behaviour everywhere, write \"image\": \"mcr.microsoft.com/devcontainers/universal:2\".",
    ));
}

/// The Dockerfile source: top-level `dockerFile` or `build.dockerfile`.
fn dockerfile_member(root: NodeRef<'_>) -> Option<MemberRef<'_>> {
    root.member("dockerFile").or_else(|| {
        root.get("build")
            .and_then(|build| build.member("dockerfile"))
    })
}

fn mixed(root: NodeRef<'_>, out: &mut Vec<Diagnostic>) {
    let image = root.member("image");
    let dockerfile = dockerfile_member(root);
    let compose = root.member("dockerComposeFile");
    let (range, message) = match (image, dockerfile, compose) {
        (Some(image), Some(_), None) => (
            image.key_range(),
            "This configuration names both an image (\"image\") and a Dockerfile to build: choose one. The tools build the Dockerfile and ignore \"image\"; to start from that image, put it in the Dockerfile's FROM line and remove \"image\".",
        ),
        (_, _, Some(compose)) => (
            compose.key_range(),
            "This configuration mixes Docker Compose (\"dockerComposeFile\") with an image or Dockerfile: choose one. The tools use the image or Dockerfile and ignore the Compose file; with Compose, set the image or build in the compose file and remove \"image\"/\"build\" here.",
        ),
        _ => return,
    };
    out.push(MIXED_CONTAINER_SOURCES.at(range, message));
}

fn compose(root: NodeRef<'_>, out: &mut Vec<Diagnostic>) {
    let Some(compose) = root.member("dockerComposeFile") else {
        return;
    };
    if root.member("service").is_none() {
        out.push(COMPOSE_MISSING_PROPERTY.at(compose.key_range(),
            "A Docker Compose configuration needs \"service\": the name of the service in the compose file that the editor connects to. Add it.",
        ));
    }
    if root.member("workspaceFolder").is_none() {
        out.push(COMPOSE_WORKSPACE_FOLDER_MISSING.at(compose.key_range(),
            "A Docker Compose configuration should set \"workspaceFolder\" (where the source is mounted in the service, e.g. \"/workspaces/app\"); without it the editor opens \"/\".",
        ));
    }
}
