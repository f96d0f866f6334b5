//! `apt-get install` (or `apt install`) without `-y` in a Dockerfile: the build has no
//! terminal, so when apt asks "Do you want to continue? [Y/n]" it reads end of input and
//! aborts, and the `RUN` fails. Answered by `-y`, `--yes`, `--assume-yes`, `-qq` (quiet level 2
//! implies `-y`, apt-get(8)) or `-o APT::Get::Assume-Yes=true`; `DEBIAN_FRONTEND=noninteractive`
//! silences debconf questions but does not answer this one. A Dockerfile that sets
//! `Assume-Yes` in an apt configuration file anywhere is left alone.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-apt-install-without-yes/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::dockerfile::InstructionKind;

pub const APT_INSTALL_WITHOUT_YES: RuleInfo = RuleInfo {
    code: "dockerfile-apt-install-without-yes",
    aliases: &[],
    severity: Severity::Error,
    summary: "apt-get install without -y: the build aborts at apt's confirmation prompt.",
    why: "A Docker build has no terminal to answer apt's \"Do you want to continue? [Y/n]\", so apt-get reads end of input, prints \"Abort.\" and the RUN fails; `DEBIAN_FRONTEND=noninteractive` does not answer that prompt, only `-y` (or `--yes`, `-qq`) does.",
    fix: FixSafety::Safe {
        reason: "Adding `-y` after `install` answers the one prompt the build cannot answer and changes nothing else.",
    },
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[APT_INSTALL_WITHOUT_YES];

const SUBCOMMANDS: &[&str] = &[
    "install",
    "upgrade",
    "dist-upgrade",
    "full-upgrade",
    "remove",
    "purge",
    "autoremove",
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(text) = text_of(cx, view) else {
            continue;
        };
        if text.to_ascii_lowercase().contains("assume-yes") {
            continue;
        }
        for i in &view.parsed.instructions {
            if !matches!(i.kind, InstructionKind::Run(_)) {
                continue;
            }
            for command in instruction_commands(view, text, i) {
                if !matches!(program(command), Some("apt-get" | "apt")) {
                    continue;
                }
                let args = command.args();
                let Some(sub) = args.iter().find(|w| !w.text.starts_with('-')) else {
                    continue;
                };
                if !SUBCOMMANDS.contains(&sub.text.as_str())
                    || args.iter().any(|w| answers(&w.text))
                {
                    continue;
                }
                let frontend = command.assignments().any(|(n, _)| n == "DEBIAN_FRONTEND")
                    || text.contains("DEBIAN_FRONTEND");
                let note = if frontend {
                    " DEBIAN_FRONTEND=noninteractive does not answer this prompt."
                } else {
                    ""
                };
                let name = program(command).unwrap_or("apt-get");
                let mut d = APT_INSTALL_WITHOUT_YES
                    .at(
                        sub.range,
                        format!(
                            "`{name} {}` without -y: the build has no terminal, so apt's \"Do you want to continue? [Y/n]\" reads end of input and aborts, failing this RUN.{note} Add -y.",
                            sub.text
                        ),
                    )
                    .in_file(view.file);
                if let Some(r) = sub.sub_range(0, sub.text.len()) {
                    d = d.with_fix_if(cx.wants_fixes(), || {
                        Fix::safe(
                            format!("Add -y after {}", sub.text),
                            vec![Edit::insert(r.end, " -y").in_file(view.file)],
                        )
                    });
                }
                out.push(d);
            }
        }
    }
}

/// Whether an apt-get argument answers the prompt.
fn answers(word: &str) -> bool {
    match word {
        "--yes" | "--assume-yes" | "-qq" | "--quiet=2" | "-q=2" => true,
        w if w.starts_with("--") => w.to_ascii_lowercase().contains("assume-yes"),
        w if w.starts_with('-') => w.contains('y') || w.matches('q').count() >= 2,
        _ => false,
    }
}
