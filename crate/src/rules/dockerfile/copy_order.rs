//! `COPY . .` (the whole build context) before `go mod download` in the same stage: Docker
//! caches a layer until one of its inputs changes, and every source change is an input of
//! that `COPY`, so the module download after it runs again on each rebuild. Copying
//! `go.mod` and `go.sum` first, downloading, then copying the rest keeps the download cached.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-copy-before-mod-download/`.

use crate::diag::{Diagnostic, Severity};
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::dockerfile::InstructionKind;

pub const COPY_BEFORE_MOD_DOWNLOAD: RuleInfo = RuleInfo {
    code: "dockerfile-copy-before-mod-download",
    aliases: &[],
    severity: Severity::Hint,
    summary: "COPY . . before go mod download: every source change downloads the modules again.",
    why: "A layer is rebuilt when anything it copies changes, so after `COPY . .` every edit invalidates the `go mod download` that follows; copy `go.mod` and `go.sum` first, download, then copy the rest.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[COPY_BEFORE_MOD_DOWNLOAD];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(text) = text_of(cx, view) else {
            continue;
        };
        let df = &view.parsed;
        for stage in &df.stages {
            let mut copy_all = None;
            for i in &df.instructions[stage.from..stage.end] {
                match &i.kind {
                    InstructionKind::Copy(t) | InstructionKind::Add(t)
                        if i.flag("from").is_none()
                            && t.sources
                                .iter()
                                .any(|s| matches!(s.value.as_str(), "." | "./")) =>
                    {
                        copy_all.get_or_insert(i.range);
                    }
                    InstructionKind::Run(_) if copy_all.is_some() => {
                        let downloads = instruction_commands(view, text, i).iter().any(|c| {
                            program(c) == Some("go")
                                && c.args().first().is_some_and(|w| w.text == "mod")
                                && c.args().get(1).is_some_and(|w| w.text == "download")
                        });
                        if let (true, Some(range)) = (downloads, copy_all) {
                            out.push(
                                COPY_BEFORE_MOD_DOWNLOAD
                                    .at(
                                        range,
                                        format!(
                                            "This copies the whole context before `go mod download` (line {}), so every source change downloads the modules again. Copy go.mod and go.sum first, run go mod download, then COPY . .",
                                            crate::rules::support::dockerfile::line_of(cx, view.file, i.range.start)
                                        ),
                                    )
                                    .in_file(view.file),
                            );
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
