//! Code actions for a range: the fixes of the diagnostics touching it (safe ones preferred),
//! and "Fix all safe problems": every safe fix, re-analysed until nothing changes, returned as
//! non-overlapping edits against the original text.

use crate::analysis;
use crate::diag::{Diagnostic, Edit, apply_edits};
use crate::text::TextRange;

pub const QUICK_FIX: &str = "quickfix";
pub const FIX_ALL: &str = "source.fixAll";
pub const FIX_ALL_TITLE: &str = "Fix all safe problems";

/// Rounds of fixing before "fix all" gives up (each round re-analyses the fixed text).
const MAX_ROUNDS: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: &'static str,
    pub is_preferred: bool,
    pub diagnostic_codes: Vec<String>,
    pub edits: Vec<Edit>,
}

pub fn code_actions(text: &str, range: TextRange) -> Vec<Action> {
    let analysis = analysis::analyze(text);
    let mut actions = Vec::new();
    for diagnostic in &analysis.diagnostics {
        if !diagnostic.range.intersects(range) {
            continue;
        }
        for fix in &diagnostic.fixes {
            actions.push(Action {
                title: fix.title.clone(),
                kind: QUICK_FIX,
                is_preferred: fix.safe,
                diagnostic_codes: vec![diagnostic.code.to_string()],
                edits: fix.edits.clone(),
            });
        }
    }
    if let Some(all) = fix_all_from(text, &analysis.diagnostics) {
        actions.push(all);
    }
    actions
}

/// The "fix all" action, when at least one safe fix exists.
pub fn fix_all(text: &str) -> Option<Action> {
    let analysis = analysis::analyze(text);
    fix_all_from(text, &analysis.diagnostics)
}

fn fix_all_from(text: &str, diagnostics: &[Diagnostic]) -> Option<Action> {
    fix_all_with(text, diagnostics, |t| analysis::analyze(t).diagnostics)
}

/// "Fix all" with the analysis passed in (tests drive the rounds with a fake analyser).
fn fix_all_with(
    text: &str,
    diagnostics: &[Diagnostic],
    analyze: impl Fn(&str) -> Vec<Diagnostic>,
) -> Option<Action> {
    let mut codes: Vec<String> = Vec::new();
    let first_round = safe_edits(diagnostics, &mut codes);
    let mut edits = first_round.clone();
    let mut current = text.to_string();
    let mut rounds = 0;
    for _ in 0..MAX_ROUNDS {
        if edits.is_empty() {
            break;
        }
        let (next, applied) = apply_edits(&current, &edits);
        if applied == 0 || next == current {
            break;
        }
        rounds += 1;
        current = next;
        edits = safe_edits(&analyze(&current), &mut codes);
    }
    if current == text {
        return None;
    }
    // One round: its edits are already non-overlapping and against the original text.
    // More rounds: one edit spanning every change, computed against the original.
    let mut edits = if rounds == 1 {
        first_round
    } else {
        vec![diff(text, &current)]
    };
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    Some(Action {
        title: FIX_ALL_TITLE.to_string(),
        kind: FIX_ALL,
        is_preferred: false,
        diagnostic_codes: codes,
        edits,
    })
}

/// The edits of every safe fix that overlaps no fix taken before it (a fix is all or nothing).
fn safe_edits(diagnostics: &[Diagnostic], codes: &mut Vec<String>) -> Vec<Edit> {
    let mut taken: Vec<Edit> = Vec::new();
    for diagnostic in diagnostics {
        for fix in diagnostic.fixes.iter().filter(|f| f.safe) {
            let clashes = fix
                .edits
                .iter()
                .any(|e| taken.iter().any(|t| overlaps(t.range, e.range)))
                || fix.edits.iter().enumerate().any(|(i, a)| {
                    fix.edits
                        .iter()
                        .skip(i + 1)
                        .any(|b| overlaps(a.range, b.range))
                });
            if clashes {
                continue;
            }
            taken.extend(fix.edits.iter().cloned());
            if !codes.iter().any(|c| c == diagnostic.code) {
                codes.push(diagnostic.code.to_string());
            }
            break;
        }
    }
    taken
}

/// Two edits clash when their ranges overlap or even touch: a fix may rely on the text right
/// next to it (a comma another fix removes), so such a pair waits for the next round.
fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// One edit turning `old` into `new`: the span between their common prefix and suffix.
pub fn diff(old: &str, new: &str) -> Edit {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Edit::replace(
        TextRange::new(prefix, old.len() - suffix),
        &new[prefix..new.len() - suffix],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_is_one_minimal_edit_on_char_boundaries() {
        let old = "{\"a\": 'é'}";
        let new = "{\"a\": \"é\"}";
        let edit = diff(old, new);
        let (out, _) = apply_edits(old, std::slice::from_ref(&edit));
        assert_eq!(out, new);
        assert!(edit.range.len() < old.len());
        let same = diff("abc", "abc");
        assert!(same.range.is_empty() && same.new_text.is_empty());
        let (out, _) = apply_edits("aéé", &[diff("aéé", "aé")]);
        assert_eq!(out, "aé");
    }

    #[test]
    fn fix_all_repairs_every_safe_problem_in_one_edit() {
        let text = "{ unquoted: 1, 'single': 2 }";
        let action = fix_all(text).expect("safe fixes exist");
        assert_eq!(action.kind, FIX_ALL);
        // One round: one minimal edit per problem, none overlapping.
        assert_eq!(action.edits.len(), 2);
        assert!(action.edits[0].range.end <= action.edits[1].range.start);
        let (fixed, _) = apply_edits(text, &action.edits);
        assert!(crate::syntax::parse(&fixed).errors.is_empty(), "{fixed}");
    }

    #[test]
    fn fix_all_iterates_and_returns_one_edit_against_the_original() {
        use crate::diag::Fix;
        // A fake rule: every "aa" becomes "a", one pair per round, so it takes rounds.
        let rule = |t: &str| -> Vec<Diagnostic> {
            t.find("aa")
                .map(|i| {
                    let range = TextRange::new(i, i + 2);
                    vec![
                        Diagnostic::hint("pair", range, "pair")
                            .with_fix(Fix::safe("merge", vec![Edit::replace(range, "a")])),
                    ]
                })
                .unwrap_or_default()
        };
        let text = "x aaaa y";
        let action = fix_all_with(text, &rule(text), rule).expect("fixes");
        assert_eq!(action.edits.len(), 1);
        let (fixed, _) = apply_edits(text, &action.edits);
        assert_eq!(fixed, "x a y");
        assert_eq!(action.diagnostic_codes, ["pair"]);
    }

    #[test]
    fn quick_fixes_only_for_diagnostics_touching_the_range() {
        let text = "{ unquoted: 1,\n \"ok\": 2 }";
        let start = text.find("unquoted").unwrap_or(0);
        let on = code_actions(text, TextRange::new(start, start + 1));
        assert!(on.iter().any(|a| a.kind == QUICK_FIX && a.is_preferred));
        let off = code_actions(text, TextRange::empty(text.len() - 1));
        assert!(off.iter().all(|a| a.kind == FIX_ALL));
    }
}
