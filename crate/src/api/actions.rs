//! Code actions for a devcontainer.json: the quick fixes of the findings in a range and "fix
//! all", both without the rules a user turned off.

use super::{AnalyzeOptions, CodeAction, Document, edits_to_api};
use crate::diag;

/// Quick fixes for the diagnostics touching the UTF-16 range `start..end`, plus "fix all". A
/// rule that `options` turns off offers neither, in any round of "fix all".
pub fn code_actions(text: &str, start: u32, end: u32, options: &AnalyzeOptions) -> Vec<CodeAction> {
    code_actions_document(&Document::new(text, 0), start, end, options)
}

pub fn code_actions_document(
    document: &Document,
    start: u32,
    end: u32,
    options: &AnalyzeOptions,
) -> Vec<CodeAction> {
    use crate::ide::code_actions::{FIX_ALL, FIX_ALL_TITLE, code_actions_for};
    let index = document.line_index();
    let start = index.offset_from_utf16(start as usize);
    let end = index.offset_from_utf16(end as usize).max(start);
    let range = crate::text::TextRange::new(start, end);
    let enabled = |d: &diag::Diagnostic| super::severity_for(options, d.code, d.severity).is_some();
    let diagnostics: Vec<diag::Diagnostic> =
        crate::analysis::check(None, document.text(), document.tree())
            .into_iter()
            .filter(enabled)
            .collect();
    let in_range: Vec<diag::Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.range.intersects(range))
        .cloned()
        .collect();
    // The core's own "fix all" re-analyses with every rule on: it is made here instead.
    let mut actions: Vec<CodeAction> = code_actions_for(document.text(), &in_range, range)
        .into_iter()
        .filter(|action| action.kind != FIX_ALL)
        .map(|action| CodeAction {
            title: action.title,
            kind: action.kind.to_string(),
            is_preferred: action.is_preferred,
            diagnostic_codes: action.diagnostic_codes,
            edits: edits_to_api(&index, &action.edits),
        })
        .collect();
    let all = crate::fix::fix_all_from(document.text(), &diagnostics, |t| {
        let mut next = crate::analysis::analyze(t).diagnostics;
        next.retain(enabled);
        next
    });
    if all.applied > 0 {
        actions.push(CodeAction {
            title: FIX_ALL_TITLE.to_string(),
            kind: FIX_ALL.to_string(),
            is_preferred: false,
            diagnostic_codes: all.codes.iter().map(|c| c.to_string()).collect(),
            edits: edits_to_api(&index, &all.edits),
        });
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::SeverityOverride;

    #[test]
    fn fix_all_leaves_a_rule_turned_off_alone_in_every_round() {
        // The unquoted key (syntax-error) and the port as a string (port-as-string) both have
        // safe fixes; with the port's rule off, "fix all" must not touch the port.
        let text = "{ forwardPorts: [\"8080\"] }";
        let fix_all = |options: &AnalyzeOptions| {
            code_actions(text, 0, 0, options)
                .into_iter()
                .find(|a| a.kind == "source.fixAll")
                .map(|a| a.diagnostic_codes)
        };
        let on = fix_all(&AnalyzeOptions::default()).expect("safe fixes");
        assert!(on.contains(&"port-as-string".to_string()), "{on:?}");
        let mut off = AnalyzeOptions::default();
        off.severity_overrides
            .insert("port-as-string".into(), SeverityOverride::Off);
        assert_eq!(fix_all(&off), Some(vec!["syntax-error".to_string()]));
        let quick = code_actions(text, 17, 17, &off);
        let port = "port-as-string".to_string();
        assert!(quick.iter().all(|a| !a.diagnostic_codes.contains(&port)));
    }
}
