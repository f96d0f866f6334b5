//! `check --fix`: safe fixes applied in place, BOM and line ends kept, written only on change.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;
use std::fs;
use std::time::{Duration, SystemTime};

#[test]
fn applies_safe_fixes_keeps_bom_and_crlf_and_is_idempotent() {
    let dir = TempDir::new("fix");
    let before =
        "\u{feff}{\r\n  'image': \"golang:1.22\",\r\n  // 注释 😀\r\n  \"name\": 'go',\r\n}\r\n";
    let after =
        "\u{feff}{\r\n  \"image\": \"golang:1.22\",\r\n  // 注释 😀\r\n  \"name\": \"go\"\r\n}\r\n";
    let path = dir.write(".devcontainer/devcontainer.json", before);

    let first = run_in(&dir.path, &["check", "--fix", "--format", "json"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
    assert!(first.stderr.contains("fixed "), "{}", first.stderr);
    let report: serde_json::Value = serde_json::from_str(&first.stdout).unwrap();
    let remaining = report["files"][0]["diagnostics"].as_array().unwrap();
    assert!(
        !remaining
            .iter()
            .any(|d| d["code"] == "syntax-error" || d["code"] == "trailing-comma"),
        "what remains is reported: {remaining:?}"
    );

    let second = run_in(&dir.path, &["check", "--fix"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
    assert!(!second.stderr.contains("fixed"), "{}", second.stderr);
}

#[test]
fn does_not_write_a_file_without_safe_fixes() {
    let dir = TempDir::new("nofix");
    let text = "{\"image\": \"x\" \"name\": 1}";
    let path = dir.write(".devcontainer.json", text);
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let run = run_in(&dir.path, &["check", "--fix"]);
    assert_eq!(run.code, 1, "the syntax error remains");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), old);
}
