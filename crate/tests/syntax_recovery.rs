//! The parser reports every syntax error and keeps reading after each.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::syntax::{MAX_DEPTH, NodeKind, parse};

fn messages(text: &str) -> Vec<String> {
    parse(text)
        .errors
        .into_iter()
        .map(|e| format!("{}..{} {}", e.range.start, e.range.end, e.message))
        .collect()
}

#[test]
fn valid_jsonc_has_no_errors() {
    let tree = parse("// c\n{\"a\": [1, 2.5e3, -0], /* b */ \"b\": {\"c\": null, \"d\": true},}\n");
    assert!(tree.errors.is_empty(), "{:?}", tree.errors);
    assert_eq!(tree.trailing_commas.len(), 1);
    assert_eq!(tree.comments.len(), 2);
    let root = tree.root().unwrap();
    assert_eq!(
        root.get("b").unwrap().get("d").unwrap().as_bool(),
        Some(true)
    );
}

#[test]
fn every_error_is_reported_and_later_members_survive() {
    let text = r#"{"a": 1,, "b": , 'c': 0x1F, d: +1, "e": "ok"}"#;
    let tree = parse(text);
    let msgs = messages(text);
    assert!(msgs.len() >= 5, "{msgs:#?}");
    let root = tree.root().unwrap();
    assert_eq!(root.get("e").unwrap().as_str(), Some("ok"));
    assert!(root.member("b").unwrap().value.is_none());
    assert!(root.member("c").is_some(), "single-quoted key kept");
    assert!(root.member("d").is_some(), "unquoted key kept");
}

#[test]
fn missing_value_before_next_key_keeps_next_key() {
    let tree = parse("{\n  \"image\":\n  \"features\": {}\n}");
    let root = tree.root().unwrap();
    assert!(root.member("image").unwrap().value.is_none());
    assert!(root.get("features").unwrap().is_object());
    assert_eq!(tree.errors.len(), 1, "{:?}", tree.errors);
}

#[test]
fn unclosed_string_ends_at_its_line() {
    let tree = parse("{\n  \"image\": \"mcr.microsoft.com/devcontainers/go\n  \"b\": 1\n}");
    let root = tree.root().unwrap();
    assert_eq!(
        root.get("image").unwrap().as_str(),
        Some("mcr.microsoft.com/devcontainers/go")
    );
    assert_eq!(root.get("b").and_then(|b| b.as_i64()), Some(1));
}

#[test]
fn missing_comma_is_one_error() {
    let tree = parse("{\"a\": 1\n\"b\": 2}");
    assert_eq!(tree.errors.len(), 1, "{:?}", tree.errors);
    assert!(tree.errors[0].message.contains("','"));
    assert_eq!(tree.root().unwrap().get("b").unwrap().as_i64(), Some(2));
}

#[test]
fn unclosed_object_and_lone_brace() {
    for text in ["{", "{\"a\": [1, 2", "{\"a\": {\"b\": 1}", "[", "\u{feff}{"] {
        let tree = parse(text);
        assert!(!tree.errors.is_empty(), "{text}");
        assert!(tree.root().is_some());
    }
}

#[test]
fn mismatched_closer_closes_the_inner_container() {
    let tree = parse("{\"a\": [1, 2}, \"b\": 3}");
    let root = tree.root().unwrap();
    assert_eq!(root.get("a").unwrap().items().count(), 2);
}

#[test]
fn deep_nesting_is_reported_not_recursed() {
    let depth = 100_000;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let tree = parse(&text);
    assert!(
        tree.errors
            .iter()
            .any(|e| e.message.contains("Nested too deeply"))
    );
    assert!(tree.nodes.iter().all(|n| n.depth <= MAX_DEPTH));
    let text = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    assert!(
        parse(&text)
            .errors
            .iter()
            .any(|e| e.message.contains("Nested too deeply"))
    );
}

#[test]
fn bom_is_skipped_and_nul_is_an_error() {
    assert!(parse("\u{feff}{\"a\": 1}").errors.is_empty());
    let tree = parse("{\"a\": \0}");
    assert_eq!(tree.errors.len(), 1, "{:?}", tree.errors);
    assert!(matches!(
        tree.root().unwrap().get("a").unwrap().kind(),
        NodeKind::Invalid
    ));
}

#[test]
fn a_bare_word_reads_the_same_before_a_comma_or_a_space() {
    // A fuzz finding: removing the comma after a bare word changed its error, so a safe fix
    // seemed to add one.
    let strip = |msgs: Vec<String>| -> Vec<String> {
        msgs.into_iter()
            .map(|m| m.split_once(' ').unwrap().1.to_string())
            .collect()
    };
    for (tight, spaced) in [
        (r#"{"a": 1, user, "b": 2}"#, r#"{"a": 1, user , "b": 2}"#),
        (r#"{"a": user}"#, r#"{"a": user }"#),
        (r#"{"a": [1, nope]}"#, r#"{"a": [1, nope ]}"#),
        (r#"{"a": "x"über,}"#, r#"{"a": "x"über ,}"#),
    ] {
        let (a, b) = (strip(messages(tight)), strip(messages(spaced)));
        assert_eq!(a, b, "{tight} against {spaced}");
        assert!(!a.is_empty(), "{tight} has errors");
        assert!(
            a.iter().all(|m| !m.starts_with("Unexpected '")),
            "a bare word is reported as a word, not as junk: {a:?}"
        );
    }
    let key = parse(r#"{user, "b": 2}"#);
    let fix = key.errors.iter().find_map(|e| e.replacement.as_deref());
    assert_eq!(fix, Some("\"user\""), "{:?}", key.errors);
    // Junk with other characters, and a number cut short, keep their own messages.
    assert!(messages(r#"{"a": us.er,}"#)[0].contains("Unexpected 'us.er'"));
    assert!(messages(r#"{"a": +1,}"#)[0].contains("Invalid number"));
}
