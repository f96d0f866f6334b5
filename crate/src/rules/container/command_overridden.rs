//! A Dockerfile `CMD` or `ENTRYPOINT` that starts something (a `dlv` debug server, a web
//! server) does not run in a dev container while `overrideCommand` is in effect (the default
//! for image and Dockerfile configurations): the dev containers CLI starts the container with
//! `--entrypoint /bin/sh` and its own keep-alive loop, and passes the image's entrypoint and
//! command only when `overrideCommand` is false [devcontainers/cli
//! `src/spec-node/singleContainer.ts`]. Keep-alive commands (`sleep`, `tail -f`, a bare
//! shell) are not reported: losing them changes nothing.
//!
//! Fixtures: `crate/tests/fixtures/rules/container-command-overridden/`.

use crate::diag::{Diagnostic, Fix, Severity};
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::support::insert::insert_root_member;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const COMMAND_OVERRIDDEN: RuleInfo = RuleInfo {
    code: "container-command-overridden",
    aliases: &[],
    severity: Severity::Warning,
    summary: "The Dockerfile's CMD/ENTRYPOINT does not run: overrideCommand replaces it.",
    why: "With `overrideCommand` true (the default unless Compose is used) the dev containers CLI starts the container with its own `/bin/sh` keep-alive loop instead of the image's ENTRYPOINT and CMD, so a debug server or app started there never runs.",
    fix: FixSafety::Unsafe {
        reason: "With `\"overrideCommand\": false` the container lives only as long as that command: if it exits or fails, the container stops and VS Code cannot connect. Starting it from `postStartCommand` is often what was meant.",
    },
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[COMMAND_OVERRIDDEN];

/// Commands whose loss does not matter: they only keep the container alive.
const KEEP_ALIVE: &[&str] = &[
    "sleep",
    "tail",
    "sh",
    "bash",
    "zsh",
    "ash",
    "dash",
    "cat",
    "true",
    "tini",
    "dumb-init",
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    if !container.start.override_command {
        return;
    }
    let Some(view) = container.dockerfile() else {
        return;
    };
    let Some(text) = text_of(cx, view) else {
        return;
    };
    for ix in [container.start.entrypoint, container.start.cmd]
        .into_iter()
        .flatten()
    {
        let Some(i) = view.parsed.instructions.get(ix) else {
            continue;
        };
        let commands = instruction_commands(view, text, i);
        let Some(first) = commands.first() else {
            continue;
        };
        let Some(name) = program(first) else {
            continue;
        };
        if KEEP_ALIVE.contains(&name) && !commands.iter().any(|c| program(c) == Some("dlv")) {
            continue;
        }
        let why = match container.start.override_written {
            Some(_) => "\"overrideCommand\": true",
            None => "overrideCommand (true by default for image and Dockerfile configurations)",
        };
        let what = if commands.iter().any(|c| program(c) == Some("dlv")) {
            "the dlv debug server here never starts"
        } else {
            "what it starts never runs"
        };
        let mut d = COMMAND_OVERRIDDEN
            .at(
                i.range,
                format!(
                    "This {} does not run in the dev container: {why} makes the CLI start the container with its own keep-alive command, so {what}. Start it from postStartCommand, or set \"overrideCommand\": false (the container then stops when this command exits).",
                    i.keyword
                ),
            )
            .in_file(view.file);
        if container.start.override_written.is_none()
            && cx.wants_fixes()
            && let Some(edits) = insert_root_member(cx, "build", "overrideCommand", "false")
        {
            d = d.with_fix(Fix::unsafe_("Set \"overrideCommand\": false", edits));
        }
        out.push(d);
    }
}
