//! Inputs meant to break a parser: each must give diagnostics with valid ranges, never a panic
//! or a stack overflow (the WASM build runs on a small stack).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::api::{AnalyzeOptions, analyze};
use support::check_all_calls;

fn codes(text: &str) -> Vec<String> {
    analyze(text, &AnalyzeOptions::default())
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

/// `text` gets a syntax error, and every API call at `offsets` returns valid ranges.
fn assert_reported_safely(text: &str, offsets: &[u32]) {
    assert!(
        codes(text).contains(&"syntax-error".to_string()),
        "{text:?}"
    );
    assert!(check_all_calls(text, offsets).is_empty(), "{text:?}");
}

fn run_on_small_stack(f: impl FnOnce() + Send + 'static) {
    // 256 KiB: well below a browser's WASM stack, so recursion per nesting level would overflow.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn hundred_thousand_nested_arrays() {
    run_on_small_stack(|| {
        let n = 100_000;
        let text = format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n));
        let result = analyze(&text, &AnalyzeOptions::default());
        assert!(
            result
                .diagnostics
                .iter()
                .any(|d| d.message.contains("Nested too deeply"))
        );
        assert!(check_all_calls(&text, &[0, 7, 50_000, (text.len() - 1) as u32]).is_empty());
    });
}

#[test]
fn hundred_thousand_nested_objects_unclosed() {
    run_on_small_stack(|| {
        let text = "{\"a\": ".repeat(100_000);
        let result = analyze(&text, &AnalyzeOptions::default());
        assert!(
            result
                .diagnostics
                .iter()
                .any(|d| d.message.contains("Nested too deeply"))
        );
        assert!(check_all_calls(&text, &[0, 3, 300_000]).is_empty());
    });
}

#[test]
fn ten_megabyte_single_line() {
    let mut text = String::from("{\"image\": \"");
    text.push_str(&"x".repeat(10 * 1024 * 1024));
    text.push_str("\", \"forwardPorts\": [2345]}");
    let result = analyze(&text, &AnalyzeOptions::default());
    assert!(result.diagnostics.iter().all(|d| d.code != "syntax-error"));
    assert!(check_all_calls(&text, &[5, 5_000_000]).is_empty());
}

#[test]
fn ten_megabytes_of_junk_on_one_line() {
    let text = "@ ".repeat(5 * 1024 * 1024);
    let result = analyze(&text, &AnalyzeOptions::default());
    assert!(!result.diagnostics.is_empty());
    assert!(
        result.diagnostics.len() < 1000,
        "syntax errors are capped, got {}",
        result.diagnostics.len()
    );
}

#[test]
fn nul_bytes_are_errors_not_crashes() {
    for text in [
        "\0",
        "{\0}",
        "{\"image\": \"a\0b\"}",
        "{\"a\":\0\0\0 1}",
        "\0\0{}",
    ] {
        assert_reported_safely(text, &[0, 1, 2, 5]);
    }
}

#[test]
fn bom_and_cr_only_line_ends() {
    let text = "\u{feff}{\r  // 注释 😀\r  \"image\": \"golang:1.22\",\r  \"image\": \"x\"\r}";
    let result = analyze(text, &AnalyzeOptions::default());
    let dup = result
        .diagnostics
        .iter()
        .find(|d| d.code == "duplicate-key")
        .expect("duplicate found");
    assert_eq!(dup.range.start.line, 3);
    assert_eq!(dup.range.start.character, 2);
    assert!(dup.message.contains("line 3"), "{}", dup.message);
    assert!(check_all_calls(text, &[0, 1, 4, 20]).is_empty());
}

#[test]
fn utf16_columns_after_cjk_and_emoji() {
    // "注释😀" is 3 chars, 4 UTF-16 units; the error sits right after it.
    let text = "{\n  \"注释😀\": 1,, \"b\": 2\n}";
    let result = analyze(text, &AnalyzeOptions::default());
    let err = result
        .diagnostics
        .iter()
        .find(|d| d.code == "syntax-error")
        .unwrap();
    assert_eq!((err.range.start.line, err.range.start.character), (1, 12));
    assert_eq!(err.range.end.character, 13);
}

#[test]
fn empty_and_whitespace_documents() {
    for text in [
        "",
        " ",
        "\n\n",
        "\u{feff}",
        "// only a comment",
        "/* open comment",
    ] {
        assert_reported_safely(text, &[0, 1, 100]);
    }
}

#[test]
fn fixable_errors_past_the_error_limit_all_keep_their_fix() {
    // 1,500 unquoted keys: one fixable error each, past the parser's limit of 1,000 errors.
    // Each used to push the last one kept out, so only 1,000 were listed.
    let text = format!("{{{}\"z\": 1}}", "a: 1, ".repeat(1500));
    let tree = devcontainer_doctor::syntax::parse(&text);
    let fixable = tree
        .errors
        .iter()
        .filter(|e| e.replacement.is_some())
        .count();
    assert_eq!(fixable, 1500);
    // Errors without a fix stay capped.
    let junk = devcontainer_doctor::syntax::parse(&"{ @ ".repeat(3000));
    assert!(junk.errors.len() <= 2000, "{}", junk.errors.len());
}
