//! Where the cursor is, for marked documents (`|`).

use super::*;
use crate::syntax::parse;

/// The cursor at `|`, described as "place path replace comma_before comma_after".
fn describe(marked: &str) -> String {
    let offset = marked.find('|').unwrap_or(0);
    let text = marked.replacen('|', "", 1);
    let tree = parse(&text);
    let cursor = locate(&text, &tree, offset);
    let place = match cursor.place {
        Place::Key { member: Some(_) } => "key",
        Place::Key { member: None } => "new-key",
        Place::Value { .. } => "value",
        Place::Item { node: Some(_) } => "item",
        Place::Item { node: None } => "new-item",
        Place::None => "none",
    };
    let path: Vec<String> = cursor
        .full_path()
        .iter()
        .map(|s| match s {
            PathSegment::Key(k) => k.clone(),
            PathSegment::Index(i) => i.to_string(),
        })
        .collect();
    format!(
        "{place} {} {:?} {:?} {}",
        path.join(">"),
        cursor.replaced(&text),
        cursor.comma_before,
        cursor.comma_after
    )
}

#[test]
fn keys_values_and_items_with_their_paths() {
    assert_eq!(
        describe(r#"{"features": {"ghcr.io/devcontainers/features/go:1": {"ver|": 1}}}"#),
        r#"key features>ghcr.io/devcontainers/features/go:1>ver "\"ver\"" None false"#
    );
    assert_eq!(
        describe(r#"{"waitFor": "po|st"}"#),
        r#"value waitFor "\"post\"" None false"#
    );
    assert_eq!(
        describe(r#"{"forwardPorts": [80, 90|]}"#),
        r#"item forwardPorts>1 "90" None false"#
    );
    assert_eq!(
        describe(r#"{"forwardPorts": [80 | 90]}"#),
        r#"new-item forwardPorts>1 "" Some(20) true"#
    );
}

#[test]
fn commas_around_a_new_member() {
    assert_eq!(
        describe("{\"a\": 1 | \"b\": 2}"),
        "new-key  \"\" Some(7) true"
    );
    assert_eq!(
        describe("{\"a\": 1, |, \"b\": 2}"),
        "new-key  \"\" None false"
    );
    assert_eq!(describe("{| \"b\": 2}"), "new-key  \"\" None true");
}

#[test]
fn half_typed_documents() {
    assert_eq!(describe("{|"), "new-key  \"\" None false");
    assert_eq!(describe("{\n \"ima|\n}"), "key ima \"\\\"ima\" None false");
    assert_eq!(describe("{\"a\": |"), "value a \"\" None false");
    assert_eq!(describe("{\"a\": |\n \"b\": 1}"), "value a \"\" None true");
    assert_eq!(
        describe("{\"a\": {\"b\": [|"),
        "new-item a>b>0 \"\" None false"
    );
    assert_eq!(describe("{\"a\" | : 1}"), "none  \"\" None false");
    assert_eq!(describe("{} |"), "none  \"\" None false");
    // The object lacks its `}` but the array around it is closed: the cursor is outside.
    assert_eq!(
        describe("{\"a\": [{\"b\": 1 ] |}"),
        "new-key  \"\" Some(16) false"
    );
    assert_eq!(describe("{ // x|\n}"), "none  \"\" None false");
}
