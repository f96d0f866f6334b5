//! Code actions for a range: the fixes of the diagnostics touching it (safe ones preferred),
//! and "Fix all safe problems" (see `crate::fix`), as edits against the original text.

use crate::analysis;
use crate::diag::{Diagnostic, Edit};
use crate::fix;
use crate::text::TextRange;

pub const QUICK_FIX: &str = "quickfix";
pub const FIX_ALL: &str = "source.fixAll";
pub const FIX_ALL_TITLE: &str = "Fix all safe problems";

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
    code_actions_for(text, &analysis.diagnostics, range)
}

/// The same from diagnostics already computed for `text` (a kept document).
pub fn code_actions_for(text: &str, diagnostics: &[Diagnostic], range: TextRange) -> Vec<Action> {
    let mut actions = Vec::new();
    for diagnostic in diagnostics {
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
    if let Some(all) = fix_all_from(text, diagnostics) {
        actions.push(all);
    }
    actions
}

/// The "fix all" action, when at least one safe fix exists.
pub fn fix_all(text: &str) -> Option<Action> {
    let analysis = analysis::analyze(text);
    fix_all_from(text, &analysis.diagnostics)
}

/// The "fix all" action from diagnostics already computed for `text`.
pub fn fix_all_from(text: &str, diagnostics: &[Diagnostic]) -> Option<Action> {
    let result = fix::fix_all_from(text, diagnostics, |t| analysis::analyze(t).diagnostics);
    (result.applied > 0).then(|| Action {
        title: FIX_ALL_TITLE.to_string(),
        kind: FIX_ALL,
        is_preferred: false,
        diagnostic_codes: result.codes.iter().map(|c| c.to_string()).collect(),
        edits: result.edits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_all_is_an_action_with_non_overlapping_edits() {
        let text = "{ unquoted: 1, 'single': 2 }";
        let action = fix_all(text).expect("safe fixes exist");
        assert_eq!(action.kind, FIX_ALL);
        assert_eq!(action.edits.len(), 2);
        assert!(action.edits[0].range.end <= action.edits[1].range.start);
        assert_eq!(action.diagnostic_codes, ["syntax-error"]);
        assert!(fix_all("{\"image\": \"x\"}").is_none());
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
