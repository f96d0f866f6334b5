//! `rules`: the catalog in Markdown and JSON lists every code; README.md's rule table too.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;
use std::path::Path;

#[test]
fn rules_as_markdown_lists_every_code_with_an_anchor() {
    let run = run_in(Path::new("."), &["rules", "--format", "markdown"]);
    assert_eq!(run.code, 0);
    for info in devcontainer_doctor::rules::catalog() {
        // One heading per code, so the docs_url anchors resolve.
        assert!(run.stdout.contains(&format!("\n## {}\n", info.code)));
        assert!(
            run.stdout
                .contains(&format!("| [`{0}`](#{0}) |", info.code))
        );
        assert!(
            devcontainer_doctor::rules::docs_url(info.code).ends_with(&format!("#{}", info.code))
        );
    }
}

#[test]
fn rules_as_json() {
    let run = run_in(Path::new("."), &["rules", "--format", "json"]);
    assert_eq!(run.code, 0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rules = value["rules"].as_array().unwrap();
    assert_eq!(rules.len(), devcontainer_doctor::rules::catalog().count());
    let first = &rules[0];
    for key in ["code", "severity", "summary", "docsUrl"] {
        assert!(first[key].is_string(), "{key}");
    }
}

#[test]
fn readme_lists_every_code_with_its_severity() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    for info in devcontainer_doctor::rules::catalog() {
        let row = format!(
            "| [`{0}`](docs/rules.md#{0}) | {1} |",
            info.code,
            info.severity.as_str()
        );
        assert!(
            readme.contains(&row),
            "README.md's rule table lacks `{row}`: copy the table of docs/rules.md into it"
        );
    }
}
