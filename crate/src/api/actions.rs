//! Code actions across the boundary, made when the editor asks for them rather than sent with
//! every diagnostic (see `AnalyzeOptions::omit_fixes`): the quick fixes of the findings that
//! touch a range, and "fix all", from the findings kept for the document version.

use super::{AnalyzeOptions, CodeAction, Document, TextEdit, edits_to_api, severity_for};
use crate::diag::{self, FileId};
use crate::ide::code_actions::{self as ide_actions, Action};
use crate::project::Project;
use crate::text::{LineIndex, TextRange};

/// Quick fixes for the diagnostics touching the UTF-16 range `start..end`, plus "fix all".
pub fn code_actions(text: &str, start: u32, end: u32) -> Vec<CodeAction> {
    code_actions_document(&Document::new(text, 0), start, end)
}

pub fn code_actions_document(document: &Document, start: u32, end: u32) -> Vec<CodeAction> {
    let index = document.line_index();
    let range = byte_range(&index, start, end);
    ide_actions::code_actions_for(document.text(), document.checked(), range)
        .into_iter()
        .map(|action| to_api(action, &|edits| edits_to_api(&index, edits)))
        .collect()
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
    if let Some(all) = ide_actions::fix_all_from(document.text(), document.checked()) {
        actions.push(to_api(all, &|edits| edits_to_api(&index, edits)));
    }
    actions
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
