//! Checks shared by the robustness tests.

#![allow(dead_code)]

pub mod corpus;
pub mod disk;
pub mod dockerfile;
pub mod fixture_project;
pub mod fixtures;
pub mod golden;
pub mod ide_checks;
pub mod project_input;
pub mod shared;

use devcontainer_doctor::api::{self, AnalyzeOptions};
use devcontainer_doctor::text::{LineIndex, Position, Range, utf16_len};

/// True when `position` names a place inside `text` (line exists, column within the line).
pub fn position_in(index: &LineIndex, position: Position) -> bool {
    let line = position.line as usize;
    if line >= index.line_count() {
        return false;
    }
    let content = index.line_range(line);
    position.character as usize <= utf16_len(&index.text()[content.start..content.end])
}

pub fn range_in(index: &LineIndex, range: Range) -> bool {
    range.start <= range.end && position_in(index, range.start) && position_in(index, range.end)
}

/// Runs every API call on `text` (at a few offsets) and returns the problems with their ranges.
pub fn check_all_calls(text: &str, offsets: &[u32]) -> Vec<String> {
    let index = LineIndex::new(text);
    let mut problems = Vec::new();
    let result = api::analyze(text, &AnalyzeOptions::default());
    for d in &result.diagnostics {
        if !range_in(&index, d.range) {
            problems.push(format!("diagnostic {} range {:?}", d.code, d.range));
        }
        if d.message.is_empty() {
            problems.push(format!("diagnostic {} has no message", d.code));
        }
        for fix in &d.fixes {
            for edit in &fix.edits {
                if !range_in(&index, edit.range) {
                    problems.push(format!("fix of {} range {:?}", d.code, edit.range));
                }
            }
        }
    }
    for &offset in offsets {
        for item in api::complete(text, offset) {
            if !range_in(&index, item.range) {
                problems.push(format!("completion {} range {:?}", item.label, item.range));
            }
        }
        if let Some(hover) = api::hover(text, offset)
            && !range_in(&index, hover.range)
        {
            problems.push(format!("hover range {:?}", hover.range));
        }
        for action in api::code_actions(text, offset, offset.saturating_add(3), &Default::default())
        {
            for edit in &action.edits {
                if !range_in(&index, edit.range) {
                    problems.push(format!("action {} range {:?}", action.title, edit.range));
                }
            }
        }
    }
    problems
}
