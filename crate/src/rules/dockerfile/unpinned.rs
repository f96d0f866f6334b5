//! Versions a rebuild may change without the Dockerfile changing: `go install pkg@latest`
//! resolves the newest release at build time, and a `FROM` image without a tag (or with
//! `:latest`) moves whenever the image is republished. Each rebuild of the dev container may
//! then get other tools than the last one. Stages named earlier in the file, `scratch`, and
//! images whose reference still holds an unresolved variable are not judged; a digest
//! (`@sha256:...`) pins the image.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-go-install-latest/`,
//! `crate/tests/fixtures/rules/dockerfile-from-unpinned/`.

use crate::diag::{Diagnostic, Severity};
use crate::docker::image::split_image;
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::dockerfile::InstructionKind;

pub const GO_INSTALL_LATEST: RuleInfo = RuleInfo {
    code: "dockerfile-go-install-latest",
    aliases: &[],
    severity: Severity::Hint,
    summary: "go install ...@latest in a Dockerfile: each rebuild may install another version.",
    why: "`@latest` is resolved when the image is built, so two rebuilds of the same Dockerfile can install different versions of the tool (and a new release may need a newer Go than the image has); a version such as `@v1.23.0` makes rebuilds repeatable.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const FROM_UNPINNED: RuleInfo = RuleInfo {
    code: "dockerfile-from-unpinned",
    aliases: &[],
    severity: Severity::Hint,
    summary: "FROM without a tag, or with :latest: each rebuild may start from another image.",
    why: "An image without a tag is `:latest`, which moves whenever the image is republished, so a rebuild can bring another OS release or toolchain; a version tag (or a digest) keeps rebuilds repeatable.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[GO_INSTALL_LATEST, FROM_UNPINNED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(text) = text_of(cx, view) else {
            continue;
        };
        let df = &view.parsed;
        for i in &df.instructions {
            match &i.kind {
                InstructionKind::From(from) => {
                    let Some(word) = &from.image else {
                        continue;
                    };
                    let Some(image) = df.expand_global(&word.text, &view.build_args) else {
                        continue;
                    };
                    let lower = image.to_ascii_lowercase();
                    let earlier_stage = df.stages[..from.stage]
                        .iter()
                        .any(|s| s.name.as_deref() == Some(lower.as_str()));
                    if earlier_stage
                        || lower == "scratch"
                        || image.contains('@')
                        || image.contains('$')
                        || image.trim().is_empty()
                    {
                        continue;
                    }
                    let (repo, tag) = split_image(&image);
                    let said = match &*tag {
                        "" => "has no tag, so it is `:latest`",
                        "latest" => "uses `:latest`",
                        _ => continue,
                    };
                    out.push(
                        FROM_UNPINNED
                            .at(
                                word.range,
                                format!(
                                    "`{}` {said}, which moves when the image is republished: each rebuild may start from another image. Pin a version tag (e.g. `{repo}:<version>`).",
                                    crate::syntax::clip(&image)
                                ),
                            )
                            .in_file(view.file),
                    );
                }
                InstructionKind::Run(_) => {
                    for command in instruction_commands(view, text, i) {
                        if program(command) != Some("go") {
                            continue;
                        }
                        let args = command.args();
                        if args.first().map(|w| w.text.as_str()) != Some("install") {
                            continue;
                        }
                        for w in args.iter().filter(|w| w.text.ends_with("@latest")) {
                            let package = w.text.trim_end_matches("@latest");
                            out.push(
                                GO_INSTALL_LATEST
                                    .at(
                                        w.range,
                                        format!(
                                            "`go install {}` takes whatever version is newest at build time, so each rebuild may install another one. Pin a version (`{package}@vX.Y.Z`).",
                                            crate::syntax::clip(&w.text)
                                        ),
                                    )
                                    .in_file(view.file),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
