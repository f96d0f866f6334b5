//! `invalid-value`: a value of the right type that breaks the property's pattern or range:
//! sizes like `8gb`, counts of at least 1, extension ids, secret names, repository names.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`invalid-value/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::schema_walk::{Visit, describe, walk};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::{KeyCheck, OtherKeys, ValueCheck, matchers};
use crate::syntax::clip;

pub const INVALID_VALUE: RuleInfo = RuleInfo {
    code: "invalid-value",
    aliases: &[],
    severity: Severity::Error,
    summary: "A value that breaks the property's pattern or numeric range.",
    why: "The value breaks the property's pattern or range (sizes such as `8gb`, counts of at least 1, extension ids), so the tools reject it.",
    fix: FixSafety::Safe {
        reason: "Offered only where the meaning is unambiguous, such as a size's unit in upper case.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[INVALID_VALUE];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        check_value(visit, out);
        check_map_keys(visit, out);
        check_required(visit, out);
    });
}

fn check_value(visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let range = visit.node.range();
    match visit.spec.check {
        ValueCheck::None | ValueCheck::Uri => {}
        ValueCheck::Size => {
            let Some(value) = visit.node.as_str() else {
                return;
            };
            if value.contains("${") || matchers::is_size(value) {
                return;
            }
            let mut d = INVALID_VALUE.at(range,
                format!(
                    "\"{}\" is not a valid size for {}: write digits and an optional lowercase unit (tb, gb, mb, kb), e.g. \"8gb\".",
                    clip(value),
                    describe(visit)
                ),
            );
            if let Some(lower) = matchers::size_lowercase_fix(value) {
                d.message = format!(
                    "\"{}\" is not a valid size for {}: units must be lowercase, use \"{lower}\".",
                    clip(value),
                    describe(visit)
                );
                d = d.with_fix(Fix::safe(
                    format!("Change to \"{lower}\""),
                    vec![Edit::replace(range, format!("\"{lower}\""))],
                ));
            }
            out.push(d);
        }
        ValueCheck::MinInteger(min) => {
            let Some(n) = visit.node.as_f64() else {
                return;
            };
            if n < min as f64 {
                out.push(INVALID_VALUE.at(
                    range,
                    format!(
                        "{} must be at least {min}; remove it or give a number of {min} or more.",
                        describe(visit)
                    ),
                ));
            }
        }
        ValueCheck::ExtensionId => {
            let Some(value) = visit.node.as_str() else {
                return;
            };
            if value.contains("${") || matchers::is_extension_id(value) {
                return;
            }
            out.push(INVALID_VALUE.at(range,
                format!(
                    "\"{}\" is not an extension id: write `publisher.name` (e.g. \"golang.go\"), optionally with `@1.2.3` or `@prerelease`.",
                    clip(value)
                ),
            ));
        }
    }
}

fn check_map_keys(visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let Some(OtherKeys::Map { key: check, .. }) = visit.spec.object.map(|o| o.other_keys) else {
        return;
    };
    for member in visit.node.members() {
        let key = member.key();
        if key.contains("${") {
            continue;
        }
        let message = match check {
            KeyCheck::EnvName if !matchers::is_env_name(key) => format!(
                "Secret name \"{}\" is not a valid environment variable name: use letters, digits and `_`, not starting with a digit.",
                clip(key)
            ),
            KeyCheck::Repository if !matchers::is_repository(key) => format!(
                "\"{}\" is not a repository: write `owner/repo` (`*` may stand for every repo of the owner).",
                clip(key)
            ),
            _ => continue,
        };
        out.push(INVALID_VALUE.at(member.key_range(), message));
    }
}

/// An object without a property it must have (a mount object without `type` or `target`).
fn check_required(visit: &Visit<'_>, out: &mut Vec<Diagnostic>) {
    let Some(object) = visit.spec.object else {
        return;
    };
    if !visit.node.is_object() {
        return;
    }
    let missing: Vec<&str> = object
        .required
        .iter()
        .copied()
        .filter(|key| visit.node.member(key).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(" and ");
    out.push(INVALID_VALUE.at(
        visit.node.range(),
        format!(
            "This {} object lacks {list}: add {}.",
            visit.spec.name,
            if missing.len() == 1 { "it" } else { "them" }
        ),
    ));
}
