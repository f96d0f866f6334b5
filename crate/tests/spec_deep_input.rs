//! The schema rules on hostile input: deep nesting where the model goes deep and where it does
//! not, a long line, odd bytes. No panic, no stack overflow, ranges inside the text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;

fn assert_sane(text: &str) {
    let analysis = analyze(text);
    for d in &analysis.diagnostics {
        assert!(
            d.range.start <= d.range.end && d.range.end <= text.len(),
            "{d:?}"
        );
        for edit in d.fixes.iter().flat_map(|f| &f.edits) {
            assert!(edit.range.start <= edit.range.end && edit.range.end <= text.len());
        }
    }
}

#[test]
fn deep_nesting_in_and_out_of_the_model() {
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    for text in [
        format!(
            "{{\"image\": \"x\", \"customizations\": {{\"vscode\": {{\"settings\": {{\"a\": {deep}}}}}}}}}"
        ),
        format!("{{\"image\": \"x\", \"hostRequirements\": {{\"gpu\": {{\"cores\": {deep}}}}}}}"),
        format!("{{\"extensions\": {deep}, \"settings\": {deep}}}"),
        format!("{{\"mounts\": [{deep}]}}"),
        deep.clone(),
        format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
    ] {
        assert_sane(&text);
    }
}

#[test]
fn long_lines_and_odd_bytes() {
    let long = format!(
        "{{\"image\": \"x\", \"name\": \"{}\", \"remoteUsr\": 1}}",
        "a".repeat(10_000_000)
    );
    assert_sane(&long);
    assert_sane("\u{feff}{\"image\": \"x\",\r\"extensions\": [\"golang.go\"]\r}");
    assert_sane("{\"image\": \"x\u{0}\", \"hostRequirements\": {\"memory\": \"８GB\"}}");
    assert_sane("{\"extensions\": [\"golang.go\"], \"settings\": {\"a\": ");
    assert_sane("{\"dockerFile\": \"D\", \"context\": \"..\", \"build\": {\"dockerfile\": \"E\"}}");
}
