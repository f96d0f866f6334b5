//! Delve's flags in any command of the config (hooks, settings strings, exec-form arrays).
//!
//! - `--addr` is not a dlv flag (dlv refuses to start): the flag is `--listen`.
//! - `--listen` on all interfaces (`:2345`, `0.0.0.0:2345`) exposes a debugger that asks for
//!   no password. VS Code's port forwarding reaches the container's loopback, so
//!   `127.0.0.1:2345` + `forwardPorts` is enough; only a port published with `appPort` or
//!   `-p` needs all interfaces, and then the publishing itself is the exposure.
//! - Headless `--continue` without `--accept-multiclient`: dlv exits with an error.
//! - `--listen` on a loopback or named host whose port nothing forwards (`forwardPorts`,
//!   `appPort`, `runArgs -p`): a hint, since forwarding matters only to attach from outside
//!   the container (the Go extension inside it reaches the port directly). Under Compose the
//!   service's `ports:` count too, and nothing is said unless every Compose file was read.
//!
//! The same flags are checked in the `RUN`, `CMD` and `ENTRYPOINT` of the Dockerfiles the
//! configuration builds (`crate::container`), reported in the Dockerfile, and in the
//! `command`/`entrypoint` of the Compose services it starts (string and list form), reported
//! in the Compose file. Another service than the dev container's is judged only on the flags
//! that stop dlv: its debugger has to listen beyond its loopback to be reached at all.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-dlv-addr-flag/`,
//! `go-dlv-listen-all-interfaces/`, `go-dlv-continue-multiclient/`).

use super::dlv_port_not_forwarded::{GO_DLV_PORT_NOT_FORWARDED, not_forwarded};
use crate::diag::{Diagnostic, Edit, FileId, Fix, Severity};
use crate::rules::support::commands::root_key;
use crate::rules::support::compose_commands::service_commands;
use crate::rules::support::config::{is_forwarded, published_by};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::shell::{Command, Word, program_name};

pub const GO_DLV_ADDR_FLAG: RuleInfo = RuleInfo {
    code: "go-dlv-addr-flag",
    aliases: &[],
    severity: Severity::Error,
    summary: "dlv has no --addr flag; the listen address is set with --listen.",
    why: "dlv has no `--addr` flag and refuses to start with one; the listen address is `--listen` (`-l`).",
    fix: FixSafety::Safe {
        reason: "Renaming the flag keeps its value, which is what `--addr` was meant to set.",
    },
    domain: Domain::Go,
};

pub const GO_DLV_LISTEN_ALL_INTERFACES: RuleInfo = RuleInfo {
    code: "go-dlv-listen-all-interfaces",
    aliases: &[],
    severity: Severity::Warning,
    summary: "dlv listens on every interface, exposing a debugger without authentication.",
    why: "A headless dlv on `:2345` or `0.0.0.0:2345` accepts connections from anyone who reaches the port, with no authentication or encryption (dlv prints this warning itself). VS Code's port forwarding reaches the container's loopback, so `127.0.0.1` is enough.",
    fix: FixSafety::Safe {
        reason: "Safe only when the port is in `forwardPorts` and no Compose file may publish it; otherwise the loopback address is offered but not preferred, because a published port would stop working.",
    },
    domain: Domain::Go,
};

pub const GO_DLV_CONTINUE_MULTICLIENT: RuleInfo = RuleInfo {
    code: "go-dlv-continue-multiclient",
    aliases: &[],
    severity: Severity::Error,
    summary: "Headless dlv with --continue also needs --accept-multiclient.",
    why: "In headless mode dlv exits with an error when `--continue` is given without `--accept-multiclient`, so the debug server never starts.",
    fix: FixSafety::Safe {
        reason: "Adding `--accept-multiclient` is what dlv itself asks for and changes nothing else.",
    },
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[
    GO_DLV_ADDR_FLAG,
    GO_DLV_LISTEN_ALL_INTERFACES,
    GO_DLV_CONTINUE_MULTICLIENT,
    GO_DLV_PORT_NOT_FORWARDED,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.root.is_none() {
        return;
    }
    for command in cx.commands() {
        // initializeCommand runs on the host, where no forwarding applies.
        if root_key(cx, command.origin) == Some("initializeCommand") {
            continue;
        }
        if command.program().is_some_and(|p| program_name(p) == "dlv") {
            check_dlv(cx, command, true, out);
        }
    }
    compose_dlv(cx, out);
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(text) = crate::rules::support::dockerfile::text_of(cx, view) else {
            continue;
        };
        for i in &view.parsed.instructions {
            if i.command().is_none() || i.keyword == "SHELL" {
                continue;
            }
            for command in crate::rules::support::dockerfile::instruction_commands(view, text, i) {
                if crate::rules::support::dockerfile::program(command) != Some("dlv") {
                    continue;
                }
                let mut found = Vec::new();
                check_dlv(cx, command, true, &mut found);
                out.extend(found.into_iter().map(|d| in_command_file(d, view.file)));
            }
        }
    }
}

/// A flag as written: its name (`--listen`, `-l`), its value if any, and the word(s).
struct Flag<'w> {
    name: &'w str,
    value: Option<(&'w str, ValueAt<'w>)>,
    word: &'w Word,
}

/// Where a flag's value sits: in the flag's own word after `offset` bytes, or its own word.
#[derive(Clone, Copy)]
enum ValueAt<'w> {
    Inline(&'w Word, usize),
    Next(&'w Word),
}

impl ValueAt<'_> {
    fn source_range(self, from: usize, to: usize) -> Option<crate::text::TextRange> {
        match self {
            ValueAt::Inline(w, offset) => w.sub_range(offset + from, offset + to),
            ValueAt::Next(w) => w.sub_range(from, to),
        }
    }
}

/// dlv's flags up to `--` (after which words belong to the debugged program).
fn flags(command: &Command) -> Vec<Flag<'_>> {
    let args = command.args();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(word) = args.get(i) {
        i += 1;
        let w = word.text.as_str();
        if w == "--" {
            break;
        }
        if let Some(long) = w.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some((v, ValueAt::Inline(word, n.len() + 3)))),
                None => (long, None),
            };
            let takes_value = matches!(name, "listen" | "addr");
            let value = match value {
                None if takes_value => args.get(i).map(|next| {
                    i += 1;
                    (next.text.as_str(), ValueAt::Next(next))
                }),
                v => v,
            };
            let full = w.get(..name.len() + 2).unwrap_or(w);
            out.push(Flag {
                name: full,
                value,
                word,
            });
        } else if let Some(rest) = w.strip_prefix("-l") {
            let value = if rest.is_empty() {
                args.get(i).map(|next| {
                    i += 1;
                    (next.text.as_str(), ValueAt::Next(next))
                })
            } else {
                let skip = usize::from(rest.starts_with('='));
                rest.get(skip..)
                    .map(|v| (v, ValueAt::Inline(word, 2 + skip)))
            };
            out.push(Flag {
                name: "-l",
                value,
                word,
            });
        }
    }
    out
}

fn bool_flag(flags: &[Flag], name: &str) -> bool {
    flags
        .iter()
        .rev()
        .find(|f| f.name == name)
        .is_some_and(|f| f.value.is_none_or(|(v, _)| v != "false"))
}

/// The dlv rules on one command; `dev` is false for a Compose service other than the dev
/// container's, whose debugger must listen beyond its loopback for the dev container to reach
/// it, so only the flags that stop dlv are judged there.
fn check_dlv(cx: &Context, command: &Command, dev: bool, out: &mut Vec<Diagnostic>) {
    let flags = flags(command);
    for flag in &flags {
        match flag.name {
            // `--addr` means `--listen`: its address is judged as one too.
            "--addr" | "--listen" | "-l" => {
                if flag.name == "--addr" {
                    out.push(addr_flag(cx.wants_fixes(), flag));
                }
                if !dev {
                    continue;
                }
                match listen_all(cx, flag) {
                    Some(d) => out.push(d),
                    None if flag.name != "--addr" => out.extend(
                        flag.value
                            .and_then(|(value, _)| not_forwarded(cx, value, flag.word)),
                    ),
                    None => {}
                }
            }
            _ => {}
        }
    }
    let Some(cont) = flags.iter().find(|f| f.name == "--continue") else {
        return;
    };
    if !(bool_flag(&flags, "--headless")
        && bool_flag(&flags, "--continue")
        && !bool_flag(&flags, "--accept-multiclient"))
    {
        return;
    }
    let mut d = GO_DLV_CONTINUE_MULTICLIENT.at(cont.word.range,
        "dlv refuses to start with --continue unless --accept-multiclient is also given ('--continue requires --accept-multiclient'). Add --accept-multiclient.",
    );
    let edit = if command.exec_form {
        Some(Edit::insert(
            cont.word.range.end,
            ", \"--accept-multiclient\"",
        ))
    } else {
        cont.word
            .sub_range(0, cont.word.text.len())
            .map(|r| Edit::insert(r.end, " --accept-multiclient"))
    };
    if let Some(edit) = edit {
        d = d.with_fix_if(cx.wants_fixes(), || {
            Fix::safe("Add --accept-multiclient", vec![edit])
        });
    }
    out.push(d);
}

/// dlv in the `command`/`entrypoint` of a started Compose service, reported in the Compose
/// file. Items of a YAML list get no inserted item (its layout is not known here).
fn compose_dlv(cx: &Context, out: &mut Vec<Diagnostic>) {
    for sc in service_commands(cx) {
        if sc
            .command
            .program()
            .is_none_or(|p| program_name(p) != "dlv")
        {
            continue;
        }
        let mut found = Vec::new();
        check_dlv(cx, &sc.command, sc.dev, &mut found);
        out.extend(found.into_iter().map(|mut d| {
            if sc.list && d.code == GO_DLV_CONTINUE_MULTICLIENT.code {
                d.fixes.clear();
            }
            in_command_file(d, sc.file)
        }));
    }
}

/// A finding on a command of `file` (a Dockerfile or a Compose file): its range and the edits
/// on the command's words are in `file`. Forwarding the port edits `forwardPorts` in
/// devcontainer.json, so those edits stay in the main file (found by fuzzing twice, for the
/// Dockerfile and then for Compose: the edit pointed past the end of the command's file).
fn in_command_file(mut d: Diagnostic, file: FileId) -> Diagnostic {
    if d.code != GO_DLV_PORT_NOT_FORWARDED.code {
        for edit in d.fixes.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            edit.file = file;
        }
    }
    d.in_file(file)
}

fn addr_flag(fixes: bool, flag: &Flag) -> Diagnostic {
    let d = GO_DLV_ADDR_FLAG.at(flag.word.range,
        "dlv has no --addr flag and stops with 'unknown flag'. Use --listen (for example --listen=127.0.0.1:2345).",
    );
    match flag.word.sub_range(0, "--addr".len()) {
        Some(range) => d.with_fix_if(fixes, || {
            Fix::safe(
                "Replace --addr with --listen",
                vec![Edit::replace(range, "--listen")],
            )
        }),
        None => d,
    }
}

fn listen_all(cx: &Context, flag: &Flag) -> Option<Diagnostic> {
    let (value, at) = flag.value?;
    if value.starts_with("unix:") {
        return None;
    }
    let colon = value.rfind(':')?;
    let host = value.get(..colon)?;
    if !matches!(host, "" | "0.0.0.0" | "::" | "[::]") {
        return None;
    }
    let port_text = value.get(colon + 1..)?;
    let port: Option<u16> = port_text.parse().ok();
    let range = match at {
        ValueAt::Inline(..) => flag.word.range,
        ValueAt::Next(w) => crate::text::TextRange::new(flag.word.range.start, w.range.end),
    };
    let loopback = format!("127.0.0.1:{port_text}");
    let fix_edit = at
        .source_range(0, host.len())
        .map(|r| Edit::replace(r, "127.0.0.1"));
    let published = port.and_then(|p| published_by(cx, p));
    let forwarded = port.is_some_and(|p| is_forwarded(cx, p));
    let d = if let Some(how) = published {
        return Some(GO_DLV_LISTEN_ALL_INTERFACES.at(range,
            format!(
                "dlv listens on every interface ({value}) and {how} publishes port {port_text} on the host: \
                 anyone who reaches the host can run code in the container through this debugger, which has no \
                 authentication. Stop publishing the port; forward it with forwardPorts and listen on {loopback}."
            ),
        ));
    } else if forwarded {
        GO_DLV_LISTEN_ALL_INTERFACES.at(range,
            format!(
                "dlv listens on every interface ({value}), exposing a debugger without authentication. \
                 forwardPorts reaches the container's loopback, so listen on {loopback}."
            ),
        )
    } else {
        GO_DLV_LISTEN_ALL_INTERFACES.at(range,
            format!(
                "dlv listens on every interface ({value}), exposing a debugger without authentication. \
                 Listen on {loopback} and add the port to forwardPorts: VS Code forwarding reaches the container's loopback."
            ),
        )
    };
    // Under Compose the compose file may publish the port, which a loopback address would break.
    let compose = cx.kind == ConfigKind::Compose;
    let d = if compose {
        let message = format!(
            "{} If the compose file publishes this port (ports:), that publishing is what exposes it.",
            d.message
        );
        Diagnostic { message, ..d }
    } else {
        d
    };
    let safe = forwarded && !compose;
    Some(match fix_edit {
        Some(edit) if safe => d.with_fix_if(cx.wants_fixes(), || {
            Fix::safe(format!("Listen on {loopback}"), vec![edit])
        }),
        Some(edit) => d.with_fix_if(cx.wants_fixes(), || {
            Fix::unsafe_(format!("Listen on {loopback}"), vec![edit])
        }),
        None => d,
    })
}
