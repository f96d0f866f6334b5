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
         default (the `devcontainerDoctor.severityOverrides` setting changes it): errors are what \
         breaks the dev container, warnings what its author would want to know, info and hints \
         matters of style. A safe fix is applied by `check --fix` and \"Fix all\"; an unsafe one \
         is only offered as a quick fix, because the author may have meant something else.\n\n",
    );
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
