//! Code actions across the boundary, made when the editor asks for them rather than sent with
//! every diagnostic (see `AnalyzeOptions::omit_fixes`): the quick fixes of the findings that
//! touch a range, and "fix all", from the findings kept for the document version. A rule the
//! user turned off offers neither, in any round of "fix all".

use super::{AnalyzeOptions, CodeAction, Document, TextEdit, edits_to_api, severity_for};
use crate::diag::{self, FileId};
use crate::ide::code_actions::{self as ide_actions, Action};
use crate::project::Project;
use crate::text::{LineIndex, TextRange};

/// Quick fixes for the diagnostics touching the UTF-16 range `start..end`, plus "fix all".
pub fn code_actions(text: &str, start: u32, end: u32, options: &AnalyzeOptions) -> Vec<CodeAction> {
    code_actions_document(&Document::new(text, 0), start, end, options)
}

pub fn code_actions_document(
    document: &Document,
    start: u32,
    end: u32,
    options: &AnalyzeOptions,
) -> Vec<CodeAction> {
    let index = document.line_index();
    let range = byte_range(&index, start, end);
    let enabled = enabled_in(document.checked(crate::rules::Fixes::Made), options);
    let mut actions: Vec<CodeAction> = Vec::new();
    for action in ide_actions::code_actions_for(document.text(), &enabled, range) {
        if action.kind == ide_actions::QUICK_FIX {
            actions.push(to_api(action, &|edits| edits_to_api(&index, edits)));
        }
    }
    actions.extend(fix_all(document, options, &index));
    actions
}

/// The same in a project: quick fixes from the findings of the main file with the other files
/// (a fix may edit those: its edits then name their file), leaving out rules turned off, and
/// "fix all" of the main file on its own, as the text-only call makes it.
pub fn code_actions_project(
    project: &Project,
    document: &Document,
    diagnostics: &[diag::Diagnostic],
    start: u32,
    end: u32,
    options: &AnalyzeOptions,
) -> Vec<CodeAction> {
    let index = document.line_index();
    let range = byte_range(&index, start, end);
    let mains: Vec<diag::Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.file == FileId::MAIN && severity_for(options, d.code, d.severity).is_some())
        .cloned()
        .collect();
    // Only the files a fix edits need their line index.
    let others: Vec<(FileId, &str)> = project
        .texts()
        .filter(|(id, ..)| *id != FileId::MAIN)
        .filter(|(id, ..)| mains.iter().any(|d| edits_file(d, *id)))
        .map(|(id, _, text)| (id, text))
        .collect();
    let indexes: Vec<(FileId, LineIndex)> = others
        .iter()
        .map(|(id, text)| (*id, LineIndex::new(text)))
        .collect();
    let convert = |edits: &[diag::Edit]| -> Vec<TextEdit> {
        edits
            .iter()
            .filter_map(|e| {
                if e.file == FileId::MAIN {
                    return Some(TextEdit {
                        range: index.range(e.range),
                        new_text: e.new_text.clone(),
                        file: None,
                    });
                }
                let (_, other) = indexes.iter().find(|(id, _)| *id == e.file)?;
                Some(TextEdit {
                    range: other.range(e.range),
                    new_text: e.new_text.clone(),
                    file: project.path(e.file).map(str::to_string),
                })
            })
            .collect()
    };
    let mut actions: Vec<CodeAction> = Vec::new();
    for action in ide_actions::code_actions_for(document.text(), &mains, range) {
        if action.kind == ide_actions::QUICK_FIX {
            actions.push(to_api(action, &convert));
        }
    }
    actions.extend(fix_all(document, options, &index));
    actions
}

/// The findings of rules `options` leaves on.
fn enabled_in(diagnostics: &[diag::Diagnostic], options: &AnalyzeOptions) -> Vec<diag::Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| severity_for(options, d.code, d.severity).is_some())
        .cloned()
        .collect()
}

/// "Fix all" of the main file on its own, without the rules turned off in any round (the
/// core's own re-analyses with every rule on, so the rounds are filtered here).
fn fix_all(document: &Document, options: &AnalyzeOptions, index: &LineIndex) -> Option<CodeAction> {
    let start = enabled_in(document.checked(crate::rules::Fixes::Made), options);
    let all = crate::fix::fix_all_from(document.text(), &start, |t| {
        enabled_in(&crate::analysis::analyze(t).diagnostics, options)
    });
    (all.applied > 0).then(|| CodeAction {
        title: ide_actions::FIX_ALL_TITLE.to_string(),
        kind: ide_actions::FIX_ALL.to_string(),
        is_preferred: false,
        diagnostic_codes: all.codes.iter().map(|c| c.to_string()).collect(),
        edits: edits_to_api(index, &all.edits),
    })
}

fn edits_file(d: &diag::Diagnostic, id: FileId) -> bool {
    d.fixes.iter().flat_map(|f| &f.edits).any(|e| e.file == id)
}

fn byte_range(index: &LineIndex, start: u32, end: u32) -> TextRange {
    let start = index.offset_from_utf16(start as usize);
    let end = index.offset_from_utf16(end as usize).max(start);
    TextRange::new(start, end)
}

fn to_api(action: Action, convert: &dyn Fn(&[diag::Edit]) -> Vec<TextEdit>) -> CodeAction {
    CodeAction {
        title: action.title,
        kind: action.kind.to_string(),
        is_preferred: action.is_preferred,
        diagnostic_codes: action.diagnostic_codes,
        edits: convert(&action.edits),
    }
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
