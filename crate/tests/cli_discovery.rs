//! Which files `check` finds in a folder, and in what order.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;

#[test]
fn finds_the_three_locations_and_skips_dependencies_and_hidden_folders() {
    let dir = TempDir::new("discovery");
    for path in [
        "b/.devcontainer/devcontainer.json",
        "a/.devcontainer.json",
        "c/.devcontainer/go/devcontainer.json",
        ".devcontainer/devcontainer.json",
        // Not places the dev container tools look, or folders not searched:
        "c/.devcontainer/go/deeper/devcontainer.json",
        "d/devcontainer.json",
        "node_modules/x/.devcontainer/devcontainer.json",
        ".git/.devcontainer/devcontainer.json",
        ".cache/.devcontainer.json",
        "c/.devcontainer/.hidden/devcontainer.json",
    ] {
        dir.write(path, CLEAN);
    }
    let expected = vec![
        ".devcontainer/devcontainer.json",
        "a/.devcontainer.json",
        "b/.devcontainer/devcontainer.json",
        "c/.devcontainer/go/devcontainer.json",
    ];
    let (code, report) = json_report(&dir.path, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        report_paths(&report),
        expected,
        "no path = the current folder"
    );

    let (_, report) = json_report(&dir.path, &["."]);
    assert_eq!(report_paths(&report), expected);

    let (_, report) = json_report(&dir.path, &["c", "a"]);
    assert_eq!(
        report_paths(&report),
        vec![
            "a/.devcontainer.json",
            "c/.devcontainer/go/devcontainer.json"
        ],
        "sorted whatever the argument order"
    );
}

#[test]
fn a_file_named_on_the_command_line_is_checked_whatever_its_name() {
    let dir = TempDir::new("explicit");
    dir.write("config/my.jsonc", "{\"image\": \"x\",,}");
    let (code, report) = json_report(&dir.path, &["config/my.jsonc", "config/my.jsonc"]);
    assert_eq!(report_paths(&report), vec!["config/my.jsonc"]);
    assert!(codes(&report, 0).contains(&"syntax-error".to_string()));
    assert_eq!(code, 1);
}

#[test]
fn an_empty_folder_reports_no_files() {
    let dir = TempDir::new("empty");
    let (code, report) = json_report(&dir.path, &[]);
    assert_eq!(code, 0);
    assert_eq!(report_paths(&report), Vec::<String>::new());
}

#[test]
fn the_bundled_go_example_is_found_and_parses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let (_, report) = json_report(&root, &["examples/go"]);
    assert_eq!(
        report_paths(&report),
        // The configuration, then the Dockerfile it builds (checked with it).
        vec![
            "examples/go/.devcontainer/devcontainer.json",
            "examples/go/.devcontainer/Dockerfile"
        ]
    );
    let found = codes(&report, 0);
    assert!(
        !found.iter().any(|c| c == "syntax-error"),
        "the example must be valid JSON with comments: {found:?}"
    );
}
