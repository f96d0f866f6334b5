//! Reports what the parser found: syntax errors, trailing commas, and duplicate keys.
//!
//! Invalid: `{"image": "x",, }` (a doubled comma). `{"image": "a", "image": "b"}` (a duplicate).
//! Valid: `{"image": "x", // comment
//! }` (comments and a trailing comma are accepted).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::NodeKind;
use crate::text::TextRange;
use std::collections::HashMap;

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

pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "duplicate-key",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A property is written twice in one object; only the last one counts.",
    why: "JSON readers keep the last of two equal keys, so the first value is silently ignored; usually one of them is an edit that was meant to replace the other.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[SYNTAX_ERROR, TRAILING_COMMA, DUPLICATE_KEY];

/// More syntax errors than this in one file are summarised, not listed.
const MAX_SYNTAX_ERRORS: usize = 200;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for error in cx.tree.errors.iter().take(MAX_SYNTAX_ERRORS) {
        let mut d = SYNTAX_ERROR.at(error.range, error.message.clone());
        if let Some(replacement) = &error.replacement {
            d = d.with_fix(Fix::safe(
                format!("Replace with {}", crate::syntax::clip(replacement)),
                vec![Edit::replace(error.range, replacement.clone())],
            ));
        }
        out.push(d);
    }
    if cx.tree.errors.len() > MAX_SYNTAX_ERRORS {
        let last = &cx.tree.errors[MAX_SYNTAX_ERRORS];
        out.push(SYNTAX_ERROR.at(
            last.range,
            "More syntax errors follow from here; they are not listed. Fix the ones above first.",
        ));
    }
    for &comma in &cx.tree.trailing_commas {
        let range = TextRange::new(comma, comma + 1);
        out.push(
            TRAILING_COMMA.at(range,
                "Trailing comma: the dev container tools accept it, but strict JSON readers do not. Remove it.",
            )
            .with_fix(Fix::safe("Remove the trailing comma", vec![Edit::delete(range)])),
        );
    }
    duplicate_keys(cx, out);
}

fn duplicate_keys(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, TextRange> = HashMap::new();
    for node in &cx.tree.nodes {
        let NodeKind::Object(members) = &node.kind else {
            continue;
        };
        if members.len() < 2 {
            continue;
        }
        seen.clear();
        for member in members {
            if let Some(first) = seen.insert(member.key.as_str(), member.key_range) {
                let line = crate::text::LineIndex::new(cx.text)
                    .position(first.start)
                    .line
                    + 1;
                out.push(DUPLICATE_KEY.at(member.key_range,
                    format!(
                        "\"{}\" is already set on line {line}; only this last value counts. Remove one of them.",
                        crate::syntax::clip(&member.key)
                    ),
                ));
            }
        }
    }
}
