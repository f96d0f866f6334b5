//! The feature diagnostics point at the part of the key or value that is wrong.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;

/// The text under the first diagnostic with `code`.
fn underlined(text: &str, code: &str) -> Option<String> {
    analyze(text)
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .map(|d| text[d.range.start..d.range.end].to_string())
}

fn config(features: &str) -> String {
    format!("{{\"image\": \"x\", \"features\": {{{features}}}}}")
}

#[test]
fn version_problems_point_at_the_tag() {
    let text = config(r#""ghcr.io/devcontainers/features/go:2": {}"#);
    assert_eq!(
        underlined(&text, "feature-version-unknown").as_deref(),
        Some("2")
    );
    let text = config(r#""ghcr.io/devcontainers/features/go:^1": {}"#);
    assert_eq!(
        underlined(&text, "feature-reference-invalid").as_deref(),
        Some("^1")
    );
}

#[test]
fn unknown_ids_point_at_the_id() {
    let text = config(r#""ghcr.io/devcontainers/features/golang:1": {}"#);
    assert_eq!(
        underlined(&text, "feature-unknown").as_deref(),
        Some("golang")
    );
}

#[test]
fn options_are_checked_whatever_the_version_in_the_key() {
    for key in [
        "ghcr.io/devcontainers/features/go",
        "ghcr.io/devcontainers/features/go:1",
        "ghcr.io/devcontainers/features/go:1.3.4",
        "ghcr.io/devcontainers/features/go:latest",
        "ghcr.io/devcontainers/features/go@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "GHCR.IO/devcontainers/features/Go:1",
        "golang",
    ] {
        let text = config(&format!(r#""{key}": {{"golangciLintVerison": "latest"}}"#));
        assert_eq!(
            underlined(&text, "feature-option-unknown").as_deref(),
            Some("\"golangciLintVerison\""),
            "{key}"
        );
    }
}

#[test]
fn escaped_keys_are_underlined_whole() {
    let text = config(r#""ghcr.io\/devcontainers\/features\/go:2": {}"#);
    assert_eq!(
        underlined(&text, "feature-version-unknown").as_deref(),
        Some(r#""ghcr.io\/devcontainers\/features\/go:2""#)
    );
}
