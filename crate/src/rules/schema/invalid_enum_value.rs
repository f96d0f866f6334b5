//! `invalid-enum-value`: a string that is not one of the property's allowed values (some depend
//! on the configuration kind, like `shutdownAction`).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`invalid-enum-value/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::schema_walk::{describe, walk};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::suggest;
use crate::syntax::clip;

pub const INVALID_ENUM_VALUE: RuleInfo = RuleInfo {
    code: "invalid-enum-value",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A value that is not one of the property's allowed values.",
    why: "The property accepts a fixed list of values, some of them only for one kind of configuration (`shutdownAction`); the tools do not act on any other value (they fall back to the default or skip the setting), so it has no effect.",
    fix: FixSafety::Safe {
        reason: "Safe only when the letter case is all that differs; other close values are offered but not preferred.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[INVALID_ENUM_VALUE];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        let spec = visit.spec;
        if spec.enum_values.is_empty() {
            return;
        }
        let Some(value) = visit.node.as_str() else {
            return;
        };
        if has_variable(value) {
            return;
        }
        let allowed: Vec<&str> = spec.enum_values_for(cx.kind).map(|v| v.value).collect();
        if allowed.contains(&value) {
            return;
        }
        let range = visit.node.range();
        let mut words: Vec<String> = allowed.iter().map(|v| format!("\"{v}\"")).collect();
        // `gpu` also takes the booleans.
        if spec.accepts_type(crate::spec::JsonType::Boolean) {
            words.splice(0..0, ["true".to_string(), "false".to_string()]);
        }
        let list = words.join(", ");
        // Allowed in general, but not for this kind of configuration.
        if let Some(other) = spec.enum_values.iter().find(|v| v.value == value) {
            out.push(INVALID_ENUM_VALUE.at(range,
                format!(
                    "\"{value}\" is only valid in {} configurations; here {} must be one of {list}.",
                    other.kinds.describe(),
                    describe(visit)
                ),
            ));
            return;
        }
        let mut d = INVALID_ENUM_VALUE.at(
            range,
            format!(
                "\"{}\" is not a valid value for {}: use one of {list}.",
                clip(value),
                describe(visit)
            ),
        );
        if let Some(near) = suggest::closest(value, allowed.iter().copied()) {
            d.message = format!(
                "\"{}\" is not a valid value for {}: did you mean \"{near}\"? Allowed: {list}.",
                clip(value),
                describe(visit)
            );
            let edit = vec![Edit::replace(range, format!("\"{near}\""))];
            let title = format!("Change to \"{near}\"");
            // Only the letter case differs: the intent is unambiguous.
            d = d.with_fix_if(cx.wants_fixes(), || {
                if near.eq_ignore_ascii_case(value) {
                    Fix::safe(title, edit)
                } else {
                    Fix::unsafe_(title, edit)
                }
            });
        }
        out.push(d);
    });
}
