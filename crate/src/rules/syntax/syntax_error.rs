//! Reports what the parser found: `syntax-error` and `trailing-comma`.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`syntax-error/`, `trailing-comma/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::text::TextRange;

pub const SYNTAX_ERROR: RuleInfo = RuleInfo {
    code: "syntax-error",
    aliases: &[],
    severity: Severity::Error,
    summary: "The text is not valid JSON with comments.",
    why: "The dev container tools refuse a file they cannot parse, and every other check here reads only what the parser recovered. The error points at the first token the parser could not place.",
    fix: FixSafety::Safe {
        reason: "Offered only where the parser knows the one character that was meant (a single quote for a double one, a missing comma), so the result is the text the author meant.",
    },
    domain: Domain::Any,
};

pub const TRAILING_COMMA: RuleInfo = RuleInfo {
    code: "trailing-comma",
    aliases: &[],
    severity: Severity::Hint,
    summary: "A comma before a closing bracket: accepted by the tools, but not JSON.",
    why: "The dev container tools read JSON with comments and trailing commas, but strict JSON readers (`jq`, most schema validators, other editors) stop at them.",
    fix: FixSafety::Safe {
        reason: "Deleting the comma changes no value and keeps comments and layout.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[SYNTAX_ERROR, TRAILING_COMMA];

/// More syntax errors than this in one file are summarised, not listed.
const MAX_SYNTAX_ERRORS: usize = 200;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let errors = &cx.tree.errors;
    for (i, error) in errors.iter().enumerate() {
        // Past the listed ones only the errors with a fix are given: "fix all" sees them at
        // once instead of two per round (a fuzz finding needed more than 64 rounds).
        if i >= MAX_SYNTAX_ERRORS && error.replacement.is_none() {
            continue;
        }
        let mut d = SYNTAX_ERROR.at(error.range, error.message.clone());
        if let Some(replacement) = &error.replacement {
            d = d.with_fix_if(cx.wants_fixes(), || {
                Fix::safe(
                    format!("Replace with {}", crate::syntax::clip(replacement)),
                    vec![Edit::replace(error.range, replacement.clone())],
                )
            });
        }
        out.push(d);
    }
    if let Some(first_unlisted) = errors.get(MAX_SYNTAX_ERRORS) {
        out.push(SYNTAX_ERROR.at(
            first_unlisted.range,
            "More syntax errors follow from here; only those with a quick fix are listed. Fix the ones above first.",
        ));
    }
    for &comma in &cx.tree.trailing_commas {
        let range = TextRange::new(comma, comma + 1);
        out.push(
            TRAILING_COMMA.at(range,
                "Trailing comma: the dev container tools accept it, but strict JSON readers do not. Remove it.",
            )
            .with_fix_if(cx.wants_fixes(), || Fix::safe("Remove the trailing comma", vec![Edit::delete(range)])),
        );
    }
}
