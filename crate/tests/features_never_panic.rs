//! The feature reference parser and the feature rules must survive any key, option or value
//! a user can type, and their ranges must stay inside the text, on character boundaries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::features::parse_reference;
use proptest::prelude::*;

/// Keys built from the characters that matter to the parser, plus some non-ASCII.
fn key() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("/".to_string()),
            Just(":".to_string()),
            Just("@".to_string()),
            Just(".".to_string()),
            Just("./".to_string()),
            Just("https://".to_string()),
            Just("sha256:".to_string()),
            Just("ghcr.io".to_string()),
            Just("devcontainers".to_string()),
            Just("features".to_string()),
            Just("go".to_string()),
            Just("é".to_string()),
            Just("\\".to_string()),
            "[a-zA-Z0-9_-]{0,4}",
        ],
        0..10,
    )
    .prop_map(|parts| parts.concat())
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{}".to_string()),
        Just("\"1.22\"".to_string()),
        Just("1.20".to_string()),
        Just("true".to_string()),
        Just("[\"a\"]".to_string()),
        Just("{\"version\": 2, \"installMaven\": \"yes\", \"x\": null}".to_string()),
        Just("".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parse_reference_keeps_ranges_valid(key in key()) {
        let r = parse_reference(&key);
        let ranges = [Some(r.id_range), r.tag_range, r.digest_range, r.problem.map(|p| p.range)];
        for range in ranges.into_iter().flatten() {
            prop_assert!(range.start <= range.end && range.end <= key.len());
            prop_assert!(key.is_char_boundary(range.start) && key.is_char_boundary(range.end));
        }
    }

    #[test]
    fn feature_rules_never_panic(key in key(), value in value(), order in key()) {
        let key_json = serde_json::to_string(&key).unwrap();
        let order_json = serde_json::to_string(&order).unwrap();
        let text = format!(
            "{{\"image\": \"x\", \"features\": {{{key_json}: {value}, \"golang\": \"1\"}}, \"overrideFeatureInstallOrder\": [{order_json}, {key_json}]}}"
        );
        for d in analyze(&text).diagnostics {
            prop_assert!(d.range.end <= text.len());
            prop_assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
            for fix in &d.fixes {
                for edit in &fix.edits {
                    prop_assert!(edit.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(edit.range.start) && text.is_char_boundary(edit.range.end));
                }
            }
        }
    }
}
