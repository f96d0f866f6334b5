//! A configuration checked without its folder (`check -` from standard input, `--isolated`)
//! cannot have its Dockerfile, Compose files or local features checked: one note says so, on
//! the first path it names, instead of a finding per file.

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const UNCHECKED: RuleInfo = RuleInfo {
    code: "file-references-unchecked",
    aliases: &[],
    severity: Severity::Info,
    summary: "Checked without its folder: the files the configuration references were not checked.",
    why: "From standard input or with --isolated there is no folder to read the Dockerfile, Compose files and local features from, so their checks did not run; one note says so instead of silence.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[UNCHECKED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if !cx.project.is_some_and(|p| p.isolated) {
        return;
    }
    let Some(first) = cx.references().first() else {
        return;
    };
    out.push(UNCHECKED.at(
        first.range,
        "Checked without its folder: the files this configuration references (Dockerfile, Compose files, local features) were not checked.",
    ));
}
