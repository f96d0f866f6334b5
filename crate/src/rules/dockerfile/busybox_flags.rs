//! `adduser`/`addgroup` on an Alpine base are busybox's, which know far fewer flags than the
//! Debian tools of the same name: busybox `adduser` takes `-h -g -s -G -S -D -H -u -k` (and
//! the long forms `--home --gecos --shell --ingroup --disabled-password --empty-password
//! --system --no-create-home --uid --skel`), `addgroup` takes `-g -S` (`--gid --system`)
//! [mirror/busybox `loginutils/adduser.c`, `loginutils/addgroup.c`, getopt32 strings]. Any
//! other flag stops the command with its usage text, so the `RUN` and the build fail.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-busybox-flag-unknown/`.

use crate::container::{OsFamily, os_family};
use crate::diag::{Diagnostic, Severity};
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::dockerfile::{BaseImage, InstructionKind};

pub const BUSYBOX_FLAG_UNKNOWN: RuleInfo = RuleInfo {
    code: "dockerfile-busybox-flag-unknown",
    aliases: &[],
    severity: Severity::Error,
    summary: "adduser/addgroup on an Alpine base is busybox's, which has no such flag.",
    why: "Alpine's `adduser` and `addgroup` come from busybox and accept only a few flags (`adduser -h -g -s -G -S -D -H -u -k`, `addgroup -g -S`); an unknown one such as Debian's `-m` or `-f` makes the command print its usage and fail, so the image does not build.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[BUSYBOX_FLAG_UNKNOWN];

/// (program, short flags without argument, short flags with one, long flags without, with).
struct Tool {
    name: &'static str,
    plain: &'static str,
    valued: &'static str,
    long_plain: &'static [&'static str],
    long_valued: &'static [&'static str],
    advice: &'static str,
}

const TOOLS: &[Tool] = &[
    Tool {
        name: "adduser",
        plain: "DSH",
        valued: "hgsGuk",
        long_plain: &[
            "disabled-password",
            "empty-password",
            "system",
            "no-create-home",
        ],
        long_valued: &["home", "gecos", "shell", "ingroup", "uid", "skel"],
        advice: "busybox adduser creates the home directory by default (-H turns that off), -D skips the password, -G sets the group",
    },
    Tool {
        name: "addgroup",
        plain: "S",
        valued: "g",
        long_plain: &["system"],
        long_valued: &["gid"],
        advice: "busybox addgroup knows only -g GID and -S; it fails anyway when the group exists",
    },
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(text) = text_of(cx, view) else {
            continue;
        };
        let df = &view.parsed;
        // The Alpine base of the stage last seen: a stage's RUN lines come one after another,
        // and resolving a base expands its ARGs (once per stage, not per RUN).
        let mut alpine: Option<(usize, Option<BaseImage>)> = None;
        for i in &df.instructions {
            if !matches!(i.kind, InstructionKind::Run(_)) {
                continue;
            }
            let Some(stage) = i.stage else {
                continue;
            };
            if alpine.as_ref().is_none_or(|(seen, _)| *seen != stage) {
                let base = df
                    .base_image(stage, &view.build_args)
                    .filter(|b| os_family(&b.image) == OsFamily::Alpine);
                alpine = Some((stage, base));
            }
            let Some((_, Some(base))) = &alpine else {
                continue;
            };
            for command in instruction_commands(view, text, i) {
                let Some(tool) = program(command).and_then(|p| TOOLS.iter().find(|t| t.name == p))
                else {
                    continue;
                };
                for (flag, range) in unknown_flags(tool, command) {
                    out.push(
                        BUSYBOX_FLAG_UNKNOWN
                            .at(
                                range,
                                format!(
                                    "`{}` on {} is busybox's and has no `{flag}` flag: it prints its usage and fails, so the build stops. {}.",
                                    tool.name,
                                    crate::syntax::clip(&base.image),
                                    tool.advice
                                ),
                            )
                            .in_file(view.file),
                    );
                }
            }
        }
    }
}

fn unknown_flags(
    tool: &Tool,
    command: &crate::syntax::shell::Command,
) -> Vec<(String, crate::text::TextRange)> {
    let mut out = Vec::new();
    let args = command.args();
    let mut i = 0;
    while let Some(word) = args.get(i) {
        i += 1;
        let w = word.text.as_str();
        if w == "--" {
            break;
        }
        if let Some(long) = w.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, _)) => (n, true),
                None => (long, false),
            };
            if tool.long_valued.contains(&name) {
                i += usize::from(!inline);
            } else if !tool.long_plain.contains(&name) {
                out.push((format!("--{name}"), word.range));
            }
            continue;
        }
        let Some(letters) = w.strip_prefix('-').filter(|l| !l.is_empty()) else {
            continue;
        };
        for (at, c) in letters.char_indices() {
            if tool.valued.contains(c) {
                // The rest of the word, or the next word, is the value.
                if at + c.len_utf8() == letters.len() {
                    i += 1;
                }
                break;
            }
            if !tool.plain.contains(c) {
                let range = word.range;
                out.push((format!("-{c}"), range));
                break;
            }
        }
    }
    out
}
