//! Delve and ptrace: `go-delve-ptrace` (attaching to a running process without `SYS_PTRACE`)
//! and `go-delve-ptrace-attach-only` (Delve is used, but only in ways that need no grant).
//!
//! The facts: Docker's default seccomp profile allows `ptrace` on kernels 4.8 and later, and on
//! any kernel once `CAP_SYS_PTRACE` is granted (moby/profiles `seccomp/default.json`). Tracing
//! one's own child needs no capability, so launching a program under dlv (the Go extension's
//! default "launch" and "debug test") works without a grant. Attaching to a process that is
//! not dlv's child is refused by Yama's `ptrace_scope=1` (the usual default) unless the
//! container has `CAP_SYS_PTRACE`; Delve's error then names `ptrace_scope`
//! (go-delve/delve `service/debugger/debugger_linux.go`).
//!
//! So the warning needs a visible attach: `dlv attach` in a command, or a Go launch
//! configuration in `customizations.vscode.settings.launch` with `"request": "attach"` in local
//! mode (the Go extension's default mode for attach) or with a `processId`. Any other sign of
//! Delve (the Go extension, dlv run or installed, Delve's port 2345) gets at most a hint that
//! says when the grant matters. Only image-based configs on images known to carry no grants
//! are judged (Docker Hub's official images, the devcontainers base image): any other image, a
//! Dockerfile's base image and a compose file can grant ptrace where this file cannot see.
//! A grant on the Compose service (`cap_add`, `privileged`) counts. Under Compose, `runArgs` is
//! ignored, so a grant written there is reported as doing nothing.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-delve-ptrace/`,
//! `go-delve-ptrace-attach-only/`).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::docker::image::{is_devcontainers_go_image, is_image_without_metadata_grants};
use crate::rules::support::config::{
    feature_base, features, go_extension, image, is_forwarded, published_by, setting, uses_go,
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
    summary: "Delve attaches to a running process here, which needs SYS_PTRACE, and nothing grants it.",
    why: "Attaching to a running process (`dlv attach`, a Go launch configuration with `\"request\": \"attach\"` in local mode) traces a process that is not Delve's child, which Yama's usual `ptrace_scope=1` refuses without `CAP_SYS_PTRACE` (Delve's error names `ptrace_scope`: go-delve/delve `service/debugger/debugger_linux.go`). Launching under dlv needs no grant, since Docker's default seccomp profile allows ptrace on kernels 4.8 and later (moby/profiles `seccomp/default.json`).",
    fix: FixSafety::Safe {
        reason: "Adding `\"capAdd\": [\"SYS_PTRACE\"]` grants exactly what attaching needs and nothing else, and is inserted in the file's own layout.",
    },
    domain: Domain::Go,
};

pub const GO_DELVE_PTRACE_ATTACH_ONLY: RuleInfo = RuleInfo {
    code: "go-delve-ptrace-attach-only",
    aliases: &["go-delve-ptrace"],
    severity: Severity::Hint,
    summary: "Delve is used without SYS_PTRACE: fine for launching programs, needed only to attach to a running one.",
    why: "Docker's default seccomp profile allows ptrace on kernels 4.8 and later (moby/profiles `seccomp/default.json`) and a tracer needs no capability for its own child, so launching or testing under dlv works without a grant. Attaching to a running process is refused by Yama's `ptrace_scope=1` without `CAP_SYS_PTRACE` (go-delve/delve `service/debugger/debugger_linux.go`), while Delve's FAQ still suggests `--security-opt=seccomp:unconfined` for Docker (`Documentation/faq.md`), advice from before the default profile allowed ptrace.",
    fix: FixSafety::Unsafe {
        reason: "`capAdd: [\"SYS_PTRACE\"]` is needed only if the author attaches to processes, which this file does not show.",
    },
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_DELVE_PTRACE, GO_DELVE_PTRACE_ATTACH_ONLY];

/// When the grant matters, said the same way in every message.
const WHEN_IT_MATTERS: &str = "Launching or testing a program under dlv (the Go extension's default) works without it on Docker with a kernel 4.8 or newer; attaching to a running process (dlv attach, a launch configuration with \"request\": \"attach\" and \"mode\": \"local\") fails with \"operation not permitted\" without it.";

/// Delve's customary headless port.
const DELVE_PORT: u16 = 2345;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.root.is_none() {
        return;
    }
    let attach = attach_use(cx);
    let Some(trigger) = attach.clone().or_else(|| debugging_trigger(cx)) else {
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
                    format!(
                        "runArgs is ignored with dockerComposeFile, so this does not give the container SYS_PTRACE. \
                         Add \"capAdd\": [\"SYS_PTRACE\"] here (or cap_add: [SYS_PTRACE] on the service in the compose file). {WHEN_IT_MATTERS}"
                    ),
                );
                out.push(with_cap_add_fix(cx, d, true));
            }
        }
        ConfigKind::Image if run_args_grant.is_none() => {
            let Some((name, _)) = image(cx) else {
                return;
            };
            if is_devcontainers_go_image(name) || !is_image_without_metadata_grants(name) {
                return;
            }
            let name = crate::syntax::clip(name);
            let d = if attach.is_some() {
                GO_DELVE_PTRACE.at(trigger.0,
                    format!(
                        "{}, but nothing gives the container SYS_PTRACE: the image {name} carries no such setting, and there is no \
                         capAdd, privileged or Go feature. Attaching to a process that dlv did not start is then refused \
                         (\"operation not permitted\", ptrace_scope). Add \"capAdd\": [\"SYS_PTRACE\"].",
                        trigger.1,
                    ),
                )
            } else {
                GO_DELVE_PTRACE_ATTACH_ONLY.at(trigger.0,
                    format!(
                        "{}, and nothing gives the container SYS_PTRACE (the image {name} carries no such setting). {WHEN_IT_MATTERS} \
                         Add \"capAdd\": [\"SYS_PTRACE\"] only if you attach.",
                        trigger.1,
                    ),
                )
            };
            out.push(with_cap_add_fix(cx, d, attach.is_some()));
        }
        _ => {}
    }
}

/// Where the file shows an attach to a running process: `dlv attach` in a command, or a Go
/// launch configuration with `"request": "attach"` that is local (`"mode"` absent or
/// `"local"`, or a `processId`).
fn attach_use(cx: &Context) -> Option<(TextRange, String)> {
    for command in cx.commands() {
        let Some(index) = command.program_index() else {
            continue;
        };
        if program_name(&command.words[index]) != "dlv" {
            continue;
        }
        let sub = command.words[index + 1..]
            .iter()
            .find(|w| !w.text.starts_with('-'));
        if let Some(word) = sub.filter(|w| w.text == "attach") {
            return Some((
                word.range,
                "dlv attach traces a running process".to_string(),
            ));
        }
    }
    let configurations = setting(cx, "launch")?.get("configurations")?;
    for config in configurations.items() {
        let field = |key: &str| config.get(key).and_then(|v| v.as_str());
        if field("type") != Some("go") || field("request") != Some("attach") {
            continue;
        }
        let local = matches!(field("mode"), None | Some("local"));
        if local || config.get("processId").is_some() {
            let range = config
                .member("request")
                .map_or(config.range(), |m| m.range());
            return Some((
                range,
                "This Go launch configuration attaches to a running process (\"request\": \"attach\", local mode)"
                    .to_string(),
            ));
        }
    }
    None
}

/// `safe`: whether the grant is surely needed (an attach is visible), else only offered.
fn with_cap_add_fix(cx: &Context, d: Diagnostic, safe: bool) -> Diagnostic {
    if !cx.wants_fixes() {
        return d;
    }
    let edits = match cx.root.and_then(|r| r.get("capAdd")) {
        Some(list) => append_to_array(cx, list, "\"SYS_PTRACE\""),
        None if cx.root.is_some_and(|r| r.member("capAdd").is_none()) => {
            insert_root_member(cx, "image", "capAdd", "[\"SYS_PTRACE\"]")
        }
        None => None,
    };
    match edits {
        Some(edits) if safe => d.with_fix(Fix::safe("Add capAdd SYS_PTRACE", edits)),
        Some(edits) => d.with_fix(Fix::unsafe_(
            "Add capAdd SYS_PTRACE (needed to attach)",
            edits,
        )),
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
    for command in cx.commands() {
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
