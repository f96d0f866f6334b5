//! `duplicate-key`: a property written twice in one object (JSON readers keep the last).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/duplicate-key/`.

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::NodeKind;
use crate::text::TextRange;
use std::collections::HashMap;

pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "duplicate-key",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A property is written twice in one object; only the last one counts.",
    why: "JSON readers keep the last of two equal keys, so the first value is silently ignored; usually one of them is an edit that was meant to replace the other.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[DUPLICATE_KEY];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
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
                // The cached index: one per analysis, not one per duplicate (was quadratic).
                let line = cx.line_index().line_of(first.start) + 1;
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
