//! The rule catalog as Markdown: one renderer for the CLI's `rules` command and for
//! docs/rules.md (whose test adds the examples it reads from the fixtures; the core reads no
//! file).

use super::{Domain, FixSafety, RuleInfo, catalog};
use std::fmt::Write as _;

/// Where each code is explained (an anchor per code in docs/rules.md).
pub const DOCS_BASE: &str =
    "https://github.com/devcontainer-doctor/devcontainer-doctor/blob/main/docs/rules.md";

pub fn docs_url(code: &str) -> String {
    format!("{DOCS_BASE}#{code}")
}

/// The catalog as a Markdown table, each code linking to `{anchor_prefix}#code`
/// (the CLI's `rules` output, docs/rules.md and the README share it).
pub fn markdown_table(anchor_prefix: &str) -> String {
    let mut out = String::from("| Code | Default severity | Summary |\n|---|---|---|\n");
    for r in catalog() {
        out.push_str(&format!(
            "| [`{0}`]({anchor_prefix}#{0}) | {1} | {2} |\n",
            r.code,
            r.severity.as_str(),
            r.summary.replace('|', "\\|")
        ));
    }
    out
}

/// How a code's default severity is chosen; every code in the catalog follows it, and a case
/// that needs another severity gets its own code.
pub const SEVERITY_POLICY: &str = "## Severity policy\n\n\
- **error**: the build, the start or the command fails for certain with what the config says, \
as the tools that run it show: an unknown dlv flag, `-race` with `CGO_ENABLED=0` (go refuses with \
\"-race requires cgo\"), a missing file, an undefined Compose service, a value the tools reject.\n\
- **warning**: very likely wrong, or without effect: a value the tools ignore (an unknown \
property, a size they cannot read, an option no install script reads), a version of a feature \
that does not exist in the dated catalog, a setting that works in one tool and fails in another.\n\
- **info** and **hint**: style, pinning and advice, including what matters only in some uses \
(Delve without `SYS_PTRACE` matters only to attach to a running process).\n\n\
A finding is an error only when the failure is certain from the files the check sees; when the \
outcome depends on something it cannot see (a Dockerfile's `USER`, an image's metadata, the \
host), it is at most a warning, or it is not reported.\n\n";

/// The whole rules document: an introduction, then `note` (may be empty), the table, and a
/// section per code with its severity, summary, why, fix safety and aliases, followed by
/// what `examples` gives for that code (Markdown, may be empty).
pub fn rules_markdown(note: &str, examples: &dyn Fn(&RuleInfo) -> String) -> String {
    let mut out = String::from("# Rules\n\n");
    if !note.is_empty() {
        out.push_str(note.trim_end());
        out.push_str("\n\n");
    }
    out.push_str(
        "Every finding of Devcontainer Doctor carries one of these codes. The severity is the \
         default (the `devcontainerDoctor.severityOverrides` setting changes it). A safe fix is \
         applied by `check --fix` and \"Fix all\"; an unsafe one is only offered as a quick fix, \
         because the author may have meant something else.\n\n",
    );
    out.push_str(SEVERITY_POLICY);
    out.push_str(&markdown_table(""));
    for r in catalog() {
        let _ = write!(
            out,
            "\n## {}\n\nDefault severity: **{}**. {}\n\n{}\n\n",
            r.code,
            r.severity.as_str(),
            r.summary,
            r.why
        );
        let _ = match r.fix {
            FixSafety::None => writeln!(out, "Fix: none.\n"),
            FixSafety::Safe { reason } => writeln!(out, "Fix: **safe**. {reason}\n"),
            FixSafety::Unsafe { reason } => {
                writeln!(
                    out,
                    "Fix: **unsafe** (offered, not applied by fix-all). {reason}\n"
                )
            }
        };
        if r.domain != Domain::Any {
            let _ = writeln!(
                out,
                "Checked in configurations that use {}.\n",
                domain_name(r.domain)
            );
        }
        if !r.aliases.is_empty() {
            let names: Vec<String> = r.aliases.iter().map(|a| format!("`{a}`")).collect();
            let _ = writeln!(
                out,
                "Also selected in settings by {} (the code it was split from).\n",
                names.join(", ")
            );
        }
        out.push_str(&examples(r));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn domain_name(domain: Domain) -> &'static str {
    match domain {
        Domain::Any => "anything",
        Domain::Go => "Go",
        Domain::Dockerfile => "a Dockerfile",
        Domain::Compose => "Docker Compose",
    }
}
