//! Property tests: on any text made of JSON-ish pieces, at any offset, completion, hover and
//! code actions never panic, and accepting a completion never adds syntax errors to a document
//! that had none.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::api;
use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::ide::complete::complete;
use devcontainer_doctor::syntax::parse;
use proptest::prelude::*;

/// Pieces users type in devcontainer.json, broken ones included.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\"image\"",
        "\"features\"",
        "\"forwardPorts\"",
        "\"waitFor\"",
        "\"${\"",
        "\"${localEnv:",
        "2345",
        "true",
        "null",
        "// c\n",
        "/*",
        "*/",
        "word",
        "😀",
        "é",
        "\"customizations\"",
        "\"vscode\"",
        "\"extensions\"",
        "\"ghcr.io/devcontainers/features/go:1\"",
        "'x'",
        "\\",
    ])
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// Valid documents with a place to complete: a root object of a few known members.
fn valid_document() -> impl Strategy<Value = String> {
    let member = prop::sample::select(vec![
        "\"image\": \"golang:1\"",
        "\"forwardPorts\": [2345, 8080]",
        "\"features\": {\"ghcr.io/devcontainers/features/go:1\": {}}",
        "\"customizations\": {\"vscode\": {\"extensions\": [\"golang.go\"], \"settings\": {}}}",
        "\"waitFor\": \"postCreateCommand\"",
        "\"containerEnv\": {\"A\": \"${localEnv:A}\"}",
        "\"mounts\": [{\"type\": \"bind\", \"target\": \"/x\"}]",
    ]);
    prop::collection::vec(member, 0..6).prop_map(|m| format!("{{\n  {}\n}}", m.join(",\n  ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics(text in document(), at in 0usize..400) {
        let units = text.encode_utf16().count();
        let offset = (at % (units + 2)) as u32;
        let _ = api::complete(&text, offset);
        let _ = api::hover(&text, offset);
        let _ = api::code_actions(&text, offset, offset + 3, &Default::default());
    }

    #[test]
    fn completion_ranges_hold_the_cursor_on_its_line(text in document(), at in 0usize..400) {
        let offset = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .nth(at % (text.chars().count() + 1))
            .unwrap_or(0);
        for item in complete(&text, offset) {
            let r = item.replace;
            prop_assert!(r.start <= offset && offset <= r.end,
                "{:?} replaces {}..{} but the cursor is at {} in\n{}", item.label, r.start, r.end, offset, text);
            let replaced = text.get(r.start..r.end).unwrap_or("\n");
            prop_assert!(!replaced.contains(['\n', '\r']),
                "{:?} replaces {:?}, off the cursor's line, at {} in\n{}", item.label, replaced, offset, text);
        }
    }

    /// The shapes fuzzing found: the cursor right after a colon, with the value after spaces
    /// on its line or on the next line (`"init": |\n  ??`, `"image":| "alpine"`).
    #[test]
    fn completion_ranges_hold_the_cursor_after_a_colon(
        key in prop::sample::select(vec!["init", "image", "waitFor", "shutdownAction", "privileged", "remoteUser"]),
        gap in prop::sample::select(vec!["", " ", "  ", "\n  ", " \n", "\r\n  "]),
        value in prop::sample::select(vec!["??", "\"alpine\"", "true", "word", "\"x", "12"]),
        spaces in 0usize..3,
    ) {
        let head = format!("{{\"image\": \"x\",\n  \"{key}\":");
        let text = format!("{head}{}{gap}{value}\n}}", " ".repeat(spaces));
        for offset in head.len()..=head.len() + spaces {
            for item in complete(&text, offset) {
                let r = item.replace;
                prop_assert!(r.start <= offset && offset <= r.end,
                    "{:?} replaces {}..{} but the cursor is at {} in\n{}", item.label, r.start, r.end, offset, text);
                let replaced = text.get(r.start..r.end).unwrap_or("\n");
                prop_assert!(!replaced.contains(['\n', '\r']),
                    "{:?} replaces {:?} at {} in\n{}", item.label, replaced, offset, text);
            }
        }
    }

    #[test]
    fn accepting_keeps_valid_documents_valid(text in valid_document(), at in 0usize..1000) {
        let offset = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .nth(at % (text.chars().count() + 1))
            .unwrap_or(0);
        prop_assume!(parse(&text).errors.is_empty());
        for item in complete(&text, offset) {
            let (after, _) = apply_edits(&text, &item.plain_edits());
            let errors = parse(&after).errors;
            prop_assert!(errors.is_empty(), "{:?} at {} gave {:?} in\n{}", item.label, offset, errors, after);
        }
    }
}
