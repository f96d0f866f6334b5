//! `build.target` (or a Compose service's `build.target`) must name a stage of the Dockerfile:
//! `docker build --target` stops with "target stage ... could not be found" otherwise. Stage
//! names compare case-insensitively, as BuildKit compares them.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-target-undefined/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const TARGET_UNDEFINED: RuleInfo = RuleInfo {
    code: "dockerfile-target-undefined",
    aliases: &[],
    severity: Severity::Error,
    summary: "build.target names no stage of the Dockerfile.",
    why: "The build is run with `--target`, and BuildKit stops with \"target stage could not be found\" when no `FROM ... AS <name>` has that name, so the container never builds.",
    fix: FixSafety::Unsafe {
        reason: "The nearest stage name is a guess: the stage may be meant to be added to the Dockerfile.",
    },
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[TARGET_UNDEFINED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    for view in &container.dockerfiles {
        let Some(target) = &view.target else {
            continue;
        };
        if view.stage.is_some() || view.parsed.stages.is_empty() || target.value.contains('$') {
            continue;
        }
        let names: Vec<&str> = view
            .parsed
            .stages
            .iter()
            .filter_map(|s| s.name.as_deref())
            .collect();
        let known = if names.is_empty() {
            "it names no stage (no `FROM ... AS <name>`)".to_string()
        } else {
            format!(
                "its stages are {}",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let suggestion = crate::suggest::closest(&target.value, names.iter().copied());
        let mut message = format!(
            "The target stage `{}` is not in {}: {known}. The build stops with \"target stage could not be found\".",
            target.value, view.path
        );
        if let Some(s) = suggestion {
            message.push_str(&format!(" Did you mean `{s}`?"));
        }
        let mut d = TARGET_UNDEFINED
            .at(target.place.range, message)
            .in_file(target.place.file);
        if let Some(s) = suggestion
            && target.place.file == crate::diag::FileId::MAIN
        {
            d = d.with_fix_if(cx.wants_fixes(), || {
                Fix::unsafe_(
                    format!("Use `{s}`"),
                    vec![Edit::replace(
                        target.place.range,
                        crate::syntax::json::quote(s),
                    )],
                )
            });
        }
        out.push(d);
    }
}
