//! Exit codes: 0 without errors, 1 with errors (or warnings under --deny-warnings), 2 for usage
//! and I/O problems, which also print exactly one line on stderr.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;

fn assert_one_line_error(run: &Run) {
    assert_eq!(run.code, 2, "stdout: {} stderr: {}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "", "no report on a usage or I/O error");
    assert_eq!(run.stderr.lines().count(), 1, "{:?}", run.stderr);
    assert!(run.stderr.starts_with("devcontainer-doctor: error: "));
}

#[test]
fn zero_without_errors_one_with_errors() {
    let dir = TempDir::new("exit");
    dir.write("clean/.devcontainer.json", CLEAN);
    dir.write(
        "broken/.devcontainer.json",
        "{\"image\": \"x\" \"name\": 1}",
    );
    assert_eq!(run_in(&dir.path, &["check", "clean"]).code, 0);
    assert_eq!(run_in(&dir.path, &["check", "broken"]).code, 1);
    assert_eq!(run_in(&dir.path, &["check"]).code, 1);
}

#[test]
fn warnings_fail_only_when_denied() {
    let dir = TempDir::new("deny");
    dir.write(
        ".devcontainer.json",
        "{\"image\": \"mcr.microsoft.com/devcontainers/go:1\", \"image\": \"mcr.microsoft.com/devcontainers/go:1\"}",
    );
    let (code, report) = json_report(&dir.path, &[]);
    assert!(codes(&report, 0).contains(&"duplicate-key".to_string()));
    assert_eq!(code, 0);
    assert_eq!(run_in(&dir.path, &["check", "--deny-warnings"]).code, 1);
}

#[test]
fn usage_errors_exit_two_with_one_line() {
    let dir = TempDir::new("usage");
    assert_one_line_error(&run_in(&dir.path, &["check", "--frobnicate"]));
    assert_one_line_error(&run_in(&dir.path, &["check", "--format", "xml"]));
    assert_one_line_error(&run_in(&dir.path, &["lint"]));
    assert_one_line_error(&run_in(&dir.path, &[]));
    assert_one_line_error(&run_in(&dir.path, &["rules", "--format", "html"]));
}

#[test]
fn io_errors_exit_two_with_one_line() {
    let dir = TempDir::new("io");
    assert_one_line_error(&run_in(&dir.path, &["check", "missing.json"]));
    dir.write(
        ".devcontainer.json",
        b"{\"name\": \"caf\xe9\"}\n".as_slice(),
    );
    let run = run_in(&dir.path, &["check"]);
    assert_one_line_error(&run);
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn help_and_version() {
    let dir = TempDir::new("help");
    let help = run_in(&dir.path, &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("devcontainer-doctor check"));
    let version = run_in(&dir.path, &["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout.trim(),
        format!("devcontainer-doctor {}", env!("CARGO_PKG_VERSION"))
    );
}
