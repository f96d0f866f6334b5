//! The editor-facing IntelliSense API: UTF-16 offsets in and out, camelCase JSON, and code
//! actions whose "fix all" edit repairs every safe problem at once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::api::{self, CompletionKind};
use devcontainer_doctor::text::{LineIndex, Position};

/// UTF-16 offset of the `|` marker, and the text without it.
fn marked(text: &str) -> (String, u32) {
    let byte = text.find('|').expect("cursor marker");
    let units = text[..byte].encode_utf16().count() as u32;
    (text.replacen('|', "", 1), units)
}

#[test]
fn completion_ranges_count_utf16_units_after_emoji_and_cjk() {
    let (text, offset) = marked("{\n  \"name\": \"😀 开发\",\n  \"shutdownAction\": \"st|\"\n}");
    let items = api::complete(&text, offset);
    let stop = items
        .iter()
        .find(|i| i.label == "stopContainer")
        .expect("enum value offered");
    assert_eq!(stop.kind, CompletionKind::Enum);
    assert_eq!(stop.insert_text, "\"stopContainer\"");
    assert_eq!(stop.filter_text.as_deref(), Some("\"stopContainer\""));
    assert_eq!(
        stop.range.start,
        Position {
            line: 2,
            character: 20
        }
    );
    assert_eq!(
        stop.range.end,
        Position {
            line: 2,
            character: 24
        }
    );
}

#[test]
fn completion_on_an_emoji_line_uses_utf16_columns() {
    let (text, offset) = marked("{\"name\": \"😀\", \"waitFor\": \"|\"}");
    let items = api::complete(&text, offset);
    let item = items
        .iter()
        .find(|i| i.label == "postCreateCommand")
        .expect("waitFor values");
    // `{"name": "😀", "waitFor": ` is 26 UTF-16 units (the emoji counts two); the literal starts there.
    assert_eq!(item.range.start.character, 26);
    let json = serde_json::to_value(item).unwrap_or_default();
    assert!(json.get("insertText").is_some() && json.get("sortText").is_some());
}

#[test]
fn comma_before_is_an_additional_edit_in_utf16() {
    let (text, offset) = marked("{\n  \"name\": \"é\"\n\n  |\n}");
    let items = api::complete(&text, offset);
    let image = items
        .iter()
        .find(|i| i.label == "image")
        .expect("image key");
    assert_eq!(image.additional_edits.len(), 1);
    let edit = &image.additional_edits[0];
    assert_eq!(edit.new_text, ",");
    assert_eq!(
        edit.range.start,
        Position {
            line: 1,
            character: 13
        }
    );
}

#[test]
fn hover_range_and_contents() {
    let (text, offset) = marked("{\"name\": \"😀\", \"wait|For\": \"postStartCommand\"}");
    let hover = api::hover(&text, offset).expect("hover on waitFor");
    assert!(hover.contents.contains("waitFor"));
    assert!(hover.contents.contains("containers.dev"));
    assert_eq!(hover.range.start.character, 15);
    assert_eq!(hover.range.end.character, 24);
    assert!(api::hover(&text, 0).is_none());
}

#[test]
fn code_actions_offer_the_preferred_fix_and_a_fix_all_edit_list() {
    let text = "{\n  // 😀\n  unquoted: 1,\n  'single': \"x\"\n}";
    let index = LineIndex::new(text);
    let word = text.find("unquoted").unwrap_or(0);
    let start = index.utf16_offset(word) as u32;
    let actions = api::code_actions(text, start, start + 3, &Default::default());
    let quick = actions
        .iter()
        .find(|a| a.kind == "quickfix")
        .expect("quick fix on the unquoted key");
    assert!(quick.is_preferred);
    assert_eq!(quick.diagnostic_codes.len(), 1);
    let all = actions
        .iter()
        .find(|a| a.kind == "source.fixAll")
        .expect("fix all");
    assert_eq!(all.edits.len(), 2);
    // Apply the edits through UTF-16 positions, last first, and check the result parses cleanly.
    let mut fixed = text.to_string();
    for edit in all.edits.iter().rev() {
        let start = index.offset(edit.range.start);
        let end = index.offset(edit.range.end);
        fixed.replace_range(start..end, &edit.new_text);
    }
    assert!(
        devcontainer_doctor::syntax::parse(&fixed).errors.is_empty(),
        "{fixed}"
    );
    assert!(fixed.contains("\"unquoted\"") && fixed.contains("\"single\""));
}

#[test]
fn nothing_breaks_on_empty_or_odd_input() {
    for text in [
        "",
        "{",
        "[",
        "\"",
        "{\"",
        "{\"a\":",
        "{,}",
        "😀",
        "\u{feff}{",
    ] {
        let units = text.encode_utf16().count() as u32;
        for offset in 0..=units + 2 {
            let _ = api::complete(text, offset);
            let _ = api::hover(text, offset);
            let _ = api::code_actions(text, offset, units + 5, &Default::default());
        }
    }
}
