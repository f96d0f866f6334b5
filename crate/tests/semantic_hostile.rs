//! The semantic rules (hooks, ports, variables, mounts) on hostile and random input: no panic,
//! every range and fix edit inside the text and on char boundaries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;
use proptest::prelude::*;

fn assert_ranges_valid(text: &str) {
    for d in analyze(text).diagnostics {
        let ok = |s: usize, e: usize| {
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        assert!(
            ok(d.range.start, d.range.end),
            "{}: bad range {:?} in {text:?}",
            d.code,
            d.range
        );
        for edit in d.fixes.iter().flat_map(|f| &f.edits) {
            assert!(
                ok(edit.range.start, edit.range.end),
                "{}: bad edit {:?} in {text:?}",
                d.code,
                edit.range
            );
        }
    }
}

#[test]
fn hostile_strings_in_semantic_properties() {
    for text in [
        r#"{"postCreateCommand": ["\ud800", "&&"], "forwardPorts": ["\u0032345", "2345"]}"#,
        r#"{"containerEnv": {"${env:\u0041}": "${localEnv:\ud83d\ude80:a:b}"}}"#,
        r#"{"remoteEnv": {"A": "${containerEnv:${localEnv:X}}"}, "mounts": [",,,=", "\"", "type="]}"#,
        r#"{"forwardPorts": ["::", ":", "a:", ":1", "99999999999999999999", -1, 1e400, "localhost:-1"]}"#,
        r#"{"portsAttributes": {"": {}, "-": {}, "1-": {}, "-1-2": {}, " ": {}}, "runArgs": ["-p", "-p"]}"#,
        r#"{"postCreateCommand": {"a": [], "b": [1], "c": {"d": "e"}, "e": null}, "waitFor": 1}"#,
        "{\"postCreateCommand\": [\"go mod download\"",
        "{\"name\": \"${localWorkspaceFolderBaseName\n}\", 'mounts': ['a:b']}",
        "{\"workspaceMount\": \"${unclosed\", \"image\": \"x\"}",
        "\u{feff}{\"appPort\": \"8080:80\",\r\"forwardPorts\": [\"2345\"]\r}",
    ] {
        assert_ranges_valid(text);
    }
}

#[test]
fn deep_nesting_inside_hooks() {
    let depth = 100_000;
    let text = format!(
        "{{\"postCreateCommand\": {{\"a\": {}\"go mod download\"{}}}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_ranges_valid(&text);
}

#[test]
fn many_variables_ports_and_mounts_stay_fast() {
    let n = 50_000;
    let env: Vec<String> = (0..n)
        .map(|i| format!("\"V{i}\": \"${{env:HOME}}/${{containerEnv:X}}\""))
        .collect();
    let ports: Vec<String> = (0..n).map(|i| format!("\"{}\"", i % 100)).collect();
    let mounts: Vec<String> = (0..n).map(|_| "\"a:b\"".to_string()).collect();
    let text = format!(
        "{{\"containerEnv\": {{{}}}, \"forwardPorts\": [{}], \"mounts\": [{}]}}",
        env.join(","),
        ports.join(","),
        mounts.join(",")
    );
    assert_ranges_valid(&text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_pieces_of_semantic_properties(pieces in proptest::collection::vec(prop_oneof![
        Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"), Just("\""),
        Just("\"postCreateCommand\""), Just("\"forwardPorts\""), Just("\"mounts\""),
        Just("\"remoteEnv\""), Just("\"containerEnv\""), Just("\"runArgs\""), Just("\"waitFor\""),
        Just("\"portsAttributes\""), Just("\"workspaceMount\""), Just("\"workspaceFolder\""),
        Just("\"${localEnv:HOME:a:b}\""), Just("\"${env:X}\""), Just("\"${localenv:X}\""),
        Just("\"2345\""), Just("2345"), Just("\"127.0.0.1:80\""), Just("\"-p\""), Just("\"&&\""),
        Just("\"go mod download\""), Just("\"type=bind,src=\\u00e9\""), Just("\"\\\"构建🚀${devcontainerID}\""),
        Just("\"a:b\""), Just("null"), Just("true"), Just("// c\n"), Just("é"),
    ], 0..40)) {
        let text: String = pieces.concat();
        assert_ranges_valid(&text);
    }
}
