//! `duplicate-key`: a property written twice in one object (JSON readers keep the last).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/duplicate-key/`.

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{Member, Value};
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

/// Up to this many members, each key is compared with the ones before it: cheaper than
/// hashing every key of every object, and most objects are this small.
const SCAN_UP_TO: usize = 16;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, TextRange> = HashMap::new();
    for node in &cx.tree.nodes {
        let Value::Object(members) = cx.tree.value(&node.kind) else {
            continue;
        };
        if members.len() < 2 {
            continue;
        }
        if members.len() <= SCAN_UP_TO {
            for (i, member) in members.iter().enumerate() {
                let key = cx.tree.key(member);
                let before = members[..i].iter().rev();
                if let Some(first) = before
                    .map(|m| (cx.tree.key(m), m.key_range))
                    .find(|(k, _)| *k == key)
                {
                    report(cx, member, first.1, out);
                }
            }
            continue;
        }
        seen.clear();
        seen.reserve(members.len());
        for member in members {
            if let Some(first) = seen.insert(cx.tree.key(member), member.key_range) {
                report(cx, member, first, out);
            }
        }
    }
}

/// `member` repeats the key set at `earlier` (the closest one before it).
fn report(cx: &Context, member: &Member, earlier: TextRange, out: &mut Vec<Diagnostic>) {
    // The cached index: one per analysis, not one per duplicate (was quadratic).
    let line = cx.line_index().line_of(earlier.start) + 1;
    out.push(DUPLICATE_KEY.at(member.key_range,
        format!(
            "\"{}\" is already set on line {line}; only this last value counts. Remove one of them.",
            crate::syntax::clip(cx.tree.key(member))
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages of `duplicate-key` for an object of `filler` distinct keys plus `"a"` three
    /// times, one member per line.
    fn findings(filler: usize) -> Vec<(usize, String)> {
        let mut lines = vec!["{".to_string()];
        for i in 0..filler {
            lines.push(format!("\"k{i}\": {i},"));
            if i % 3 == 0 {
                lines.push("\"a\": 1,".to_string());
            }
        }
        lines.push("\"a\": 2".to_string());
        lines.push("}".to_string());
        let text = lines.join("\n");
        let tree = crate::syntax::parse(&text);
        let mut diagnostics = Vec::new();
        crate::rules::run_all(&text, &tree, &mut diagnostics);
        let index = crate::text::LineIndex::new(&text);
        diagnostics
            .iter()
            .filter(|d| d.code == DUPLICATE_KEY.code)
            .map(|d| (index.line_of(d.range.start) + 1, d.message.clone()))
            .collect()
    }

    #[test]
    fn small_and_large_objects_name_the_closest_earlier_key() {
        // 6 filler keys: 9 members, scanned; 30: 41 members, hashed.
        for filler in [6, 30] {
            let found = findings(filler);
            let a_lines: Vec<usize> = (0..filler)
                .filter(|i| i % 3 == 0)
                .map(|i| 2 + i + i / 3 + 1)
                .collect();
            let expected: Vec<usize> = a_lines[1..]
                .iter()
                .copied()
                .chain([filler + a_lines.len() + 2])
                .collect();
            assert_eq!(
                found.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
                expected,
                "{filler}"
            );
            for ((_, message), earlier) in found.iter().zip(&a_lines) {
                assert!(message.contains(&format!("line {earlier};")), "{message}");
            }
        }
    }
}
