//! `type-mismatch`: a value of the wrong JSON type for its property.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`type-mismatch/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::schema_walk::{describe, json_type, walk};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::JsonType;

pub const TYPE_MISMATCH: RuleInfo = RuleInfo {
    code: "type-mismatch",
    aliases: &[],
    severity: Severity::Error,
    summary: "A value of the wrong JSON type for its property.",
    why: "A value of the wrong JSON type is rejected by the tools or ignored, depending on the property.",
    fix: FixSafety::Safe {
        reason: "Offered only where the value converts without loss (a number in quotes to the number).",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[TYPE_MISMATCH];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        let Some(actual) = json_type(visit.node) else {
            return;
        };
        if visit.spec.accepts_type(actual) {
            return;
        }
        let range = visit.node.range();
        let mut d = TYPE_MISMATCH.at(
            range,
            format!(
                "{} must be {}, not {}. Change the value to {}.",
                describe(visit),
                with_article(&visit.spec.types_text()),
                with_article(actual.name()),
                with_article(&visit.spec.types_text()),
            ),
        );
        // A quoted number or boolean where only the bare one is accepted: unquote it.
        if let Some(text) = visit.node.as_str() {
            let unquoted = match text.trim() {
                t @ ("true" | "false") if visit.spec.accepts_type(JsonType::Boolean) => {
                    Some(t.to_string())
                }
                t if visit.spec.accepts_type(JsonType::Integer)
                    && !t.is_empty()
                    && t.len() < 16
                    && t.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Some(t.to_string())
                }
                _ => None,
            };
            if let Some(new_text) = unquoted {
                d = d.with_fix_if(cx.wants_fixes(), || {
                    Fix::safe(
                        format!("Write {new_text} without quotes"),
                        vec![Edit::replace(range, new_text)],
                    )
                });
            }
        }
        out.push(d);
    });
}

/// "an integer", "a string or array".
fn with_article(words: &str) -> String {
    let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    if words == "null" || words == "any value" {
        return words.to_string();
    }
    format!("{article} {words}")
}
