//! Delve needs ptrace; a container gets it only when something grants `SYS_PTRACE`.
//!
//! Reported only when debugging is plausible: the Go extension is installed (its debug
//! adapter is Delve), `dlv` is run or installed somewhere, or the config uses Go and forwards
//! Delve's usual port 2345. A Go config that only builds and tests is left alone.
//! Only image-based configs on images known to carry no grants are judged (Docker Hub's
//! official images, the devcontainers base image): any other image, a Dockerfile's base image
//! and a compose file can grant ptrace where this file cannot see; a grant on the Compose
//! service (`cap_add`, `privileged`) counts. Under Compose, `runArgs` is ignored, so a grant
//! written there is reported as not taking effect.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-delve-ptrace/`).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::docker::image::{is_devcontainers_go_image, is_image_without_metadata_grants};
use crate::rules::support::commands::commands;
use crate::rules::support::config::{
    feature_base, features, go_extension, image, is_forwarded, published_by, uses_go,
};
use crate::rules::support::insert::{append_to_array, insert_root_member};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::shell::program_name;
use crate::text::TextRange;

pub const GO_DELVE_PTRACE: RuleInfo = RuleInfo {
    code: "go-delve-ptrace",
    aliases: &[],
    severity: Severity::Warning,
    summary: "The Go debugger (Delve) needs SYS_PTRACE, and nothing in the config grants it.",
    why: "Delve attaches to processes with ptrace, which a container gets only when `SYS_PTRACE` is granted (`capAdd`, `runArgs --cap-add`, or a feature such as the Go feature). Without it attaching fails with \"operation not permitted\" (delve#515).",
    fix: FixSafety::Safe {
        reason: "Adding `\"capAdd\": [\"SYS_PTRACE\"]` grants exactly what Delve needs and nothing else, and is inserted in the file's own layout.",
    },
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_DELVE_PTRACE];

/// Delve's customary headless port.
const DELVE_PORT: u16 = 2345;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.root.is_none() {
        return;
    }
    let Some(trigger) = debugging_trigger(cx) else {
        return;
    };
    if granted_outside_run_args(cx) {
        return;
    }
    let run_args_grant = run_args_grant(cx);
    match cx.kind {
        ConfigKind::Compose => {
            if let Some(range) = run_args_grant {
                let d = GO_DELVE_PTRACE.at(range,
                    "runArgs is ignored with dockerComposeFile, so this does not give Delve ptrace. \
                     Add \"capAdd\": [\"SYS_PTRACE\"] here (or cap_add: [SYS_PTRACE] on the service in the compose file).",
                );
                out.push(with_cap_add_fix(cx, d));
            }
        }
        ConfigKind::Image if run_args_grant.is_none() => {
            let Some((name, _)) = image(cx) else {
                return;
            };
            if is_devcontainers_go_image(name) || !is_image_without_metadata_grants(name) {
                return;
            }
            let d = GO_DELVE_PTRACE.at(trigger.0,
                format!(
                    "{}, but nothing gives the container SYS_PTRACE: the image {} carries no such setting, and there is no \
                     capAdd, privileged or Go feature. dlv then fails with 'operation not permitted' when it attaches to a \
                     process (and on older Docker or Podman setups even when it launches one). Add \"capAdd\": [\"SYS_PTRACE\"].",
                    trigger.1,
                    crate::syntax::clip(name)
                ),
            );
            out.push(with_cap_add_fix(cx, d));
        }
        _ => {}
    }
}

fn with_cap_add_fix(cx: &Context, d: Diagnostic) -> Diagnostic {
    let edits = match cx.root.and_then(|r| r.get("capAdd")) {
        Some(list) => append_to_array(cx, list, "\"SYS_PTRACE\""),
        None if cx.root.is_some_and(|r| r.member("capAdd").is_none()) => {
            insert_root_member(cx, "image", "capAdd", "[\"SYS_PTRACE\"]")
        }
        None => None,
    };
    match edits {
        Some(edits) => d.with_fix(Fix::safe("Add capAdd SYS_PTRACE", edits)),
        None => d,
    }
}

/// What makes debugging plausible, with its range and how to say it.
fn debugging_trigger(cx: &Context) -> Option<(TextRange, String)> {
    if let Some(ext) = go_extension(cx) {
        return Some((
            ext.range(),
            "The Go extension debugs with Delve".to_string(),
        ));
    }
    for command in commands(cx) {
        let dlv_run = command.program().filter(|p| program_name(p) == "dlv");
        let dlv_installed = command
            .words
            .iter()
            .find(|w| w.text.contains("github.com/go-delve/delve/cmd/dlv"));
        if let Some(word) = dlv_run.or(dlv_installed) {
            return Some((word.range, "This config uses Delve (dlv)".to_string()));
        }
    }
    if uses_go(cx) && (is_forwarded(cx, DELVE_PORT) || published_by(cx, DELVE_PORT).is_some()) {
        let range = cx
            .root
            .and_then(|r| r.member("forwardPorts").or_else(|| r.member("appPort")))
            .map(|m| m.key_range())?;
        return Some((range, "Port 2345 is Delve's port".to_string()));
    }
    None
}

fn is_ptrace_cap(value: &str) -> bool {
    let v = value.trim().to_ascii_uppercase();
    let v = v.strip_prefix("CAP_").unwrap_or(&v);
    v == "SYS_PTRACE" || v == "ALL"
}

/// Grants that work whatever the container source: capAdd, privileged, features that add it.
fn granted_outside_run_args(cx: &Context) -> bool {
    let Some(root) = cx.root else {
        return false;
    };
    let cap_add = root
        .get("capAdd")
        .is_some_and(|list| list.items().any(|i| i.as_str().is_some_and(is_ptrace_cap)));
    let privileged = root.get("privileged").and_then(|p| p.as_bool()) == Some(true);
    let feature = features(cx).iter().any(|m| {
        let base = feature_base(m.key()).to_ascii_lowercase();
        let short = base.rsplit('/').next().unwrap_or(&base).to_string();
        let official = base.starts_with("ghcr.io/devcontainers/features/") || !base.contains('/');
        official
            && matches!(
                short.as_str(),
                "go" | "golang" | "rust" | "docker-in-docker"
            )
    });
    // The Compose service's cap_add/privileged (crate::container) grant it too.
    let compose = cx.container().is_some_and(|c| {
        c.privileged.is_some()
            || c.cap_add
                .iter()
                .any(|s| s.source == crate::container::Source::Compose && is_ptrace_cap(&s.value))
    });
    cap_add || privileged || feature || compose
}

/// The `runArgs` item that grants ptrace (`--cap-add=SYS_PTRACE`, `--cap-add SYS_PTRACE`,
/// `--privileged`), if any.
fn run_args_grant(cx: &Context) -> Option<TextRange> {
    let items: Vec<_> = cx.root?.get("runArgs")?.items().collect();
    for (i, item) in items.iter().enumerate() {
        let Some(arg) = item.as_str() else {
            continue;
        };
        let arg = arg.trim();
        let grants = if arg == "--privileged" || arg == "--privileged=true" {
            true
        } else if let Some(value) = arg
            .strip_prefix("--cap-add=")
            .or_else(|| arg.strip_prefix("--cap-add "))
        {
            is_ptrace_cap(value)
        } else if arg == "--cap-add" {
            items
                .get(i + 1)
                .and_then(|n| n.as_str())
                .is_some_and(is_ptrace_cap)
        } else {
            false
        };
        if grants {
            return Some(item.range());
        }
    }
    None
}
