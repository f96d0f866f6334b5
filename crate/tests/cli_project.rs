//! `check` with the files a configuration references: each file is reported under its own
//! path in every format, a check without its folder says so once, `--fix` fixes every file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;
use std::io::Write as _;
use std::process::{Command, Stdio};

/// A workspace whose Compose file builds a Dockerfile that is not there, and whose
/// devcontainer.json names a second Compose file that is not there either.
fn compose_workspace() -> TempDir {
    let dir = TempDir::new("project");
    dir.write(
        ".devcontainer/devcontainer.json",
        "{\n  \"dockerComposeFile\": [\"../compose.yaml\", \"compose.extra.yml\"],\n  \"service\": \"app\",\n  \"workspaceFolder\": \"/w\",\n}\n",
    );
    dir.write(
        "compose.yaml",
        "services:\n  app:\n    build:\n      context: .\n      dockerfile: .devcontainer/Dockerfle\n",
    );
    dir.write(".devcontainer/Dockerfile", "FROM golang:1.22\n");
    dir
}

#[test]
fn human_output_names_each_file_and_line() {
    let dir = compose_workspace();
    let run = run_in(&dir.path, &["check", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[file-compose-missing]: The Compose file `compose.extra.yml` does not exist."
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("--> .devcontainer/devcontainer.json:2:44"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("error[file-dockerfile-missing]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("did you mean `.devcontainer/Dockerfile`?"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> compose.yaml:5:19"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("in 2 files"), "{}", run.stdout);
}

#[test]
fn json_and_sarif_give_each_file_its_own_path() {
    let dir = compose_workspace();
    let json = run_in(&dir.path, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [".devcontainer/devcontainer.json", "compose.yaml"]);
    assert_eq!(
        files[1]["diagnostics"][0]["code"],
        "file-dockerfile-missing"
    );
    assert_eq!(files[1]["diagnostics"][0]["range"]["start"]["line"], 4);

    let sarif = run_in(&dir.path, &["check", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let located: Vec<(&str, &str)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap(),
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    assert!(
        located.contains(&("file-dockerfile-missing", "compose.yaml")),
        "{located:?}"
    );
    assert!(
        located.contains(&("file-compose-missing", ".devcontainer/devcontainer.json")),
        "{located:?}"
    );
}

#[test]
fn fix_applies_safe_fixes_and_leaves_referenced_files_alone() {
    let dir = compose_workspace();
    let run = run_in(&dir.path, &["check", "--fix", "--format", "json"]);
    let main = std::fs::read_to_string(dir.path.join(".devcontainer/devcontainer.json")).unwrap();
    assert!(
        !main.contains("\"/w\",\n}"),
        "the trailing comma is fixed: {main}"
    );
    let compose = std::fs::read_to_string(dir.path.join("compose.yaml")).unwrap();
    assert!(
        compose.contains("Dockerfle"),
        "unsafe renames are not applied"
    );
    assert!(
        run.stderr
            .contains("fixed 1 problem in .devcontainer/devcontainer.json"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 2);
}

#[test]
fn named_layouts_resolve_from_their_own_folder() {
    let dir = TempDir::new("named");
    dir.write(
        ".devcontainer/go/devcontainer.json",
        "{ \"build\": { \"dockerfile\": \"../../docker/Dockerfile\", \"context\": \"../..\" }, \"features\": { \"./tool\": {} } }",
    );
    dir.write("docker/Dockerfile", "FROM golang:1.22\n");
    let run = run_in(&dir.path, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files[1]["path"], "docker/Dockerfile");
    let codes: Vec<&str> = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["file-feature-missing"]);
}

#[test]
fn workspace_variable_is_expanded_by_the_cli() {
    let dir = TempDir::new("variable");
    dir.write(
        ".devcontainer/devcontainer.json",
        "{ \"build\": { \"dockerfile\": \"${localWorkspaceFolder}/build/Dockerfile\" } }",
    );
    let run = run_in(&dir.path, &["check", "--format", "json"]);
    assert!(
        run.stdout.contains("file-dockerfile-missing"),
        "{}",
        run.stdout
    );
    dir.write("build/Dockerfile", "FROM golang:1.22\n");
    let run = run_in(&dir.path, &["check", "--format", "json"]);
    assert!(
        !run.stdout.contains("file-dockerfile-missing"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"path\": \"build/Dockerfile\""),
        "{}",
        run.stdout
    );
}

#[test]
fn without_its_folder_one_note_and_no_file_errors() {
    let dir = compose_workspace();
    let isolated = run_in(&dir.path, &["check", "--isolated", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&isolated.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let codes: Vec<&str> = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "file-references-unchecked")
            .count(),
        1,
        "{codes:?}"
    );
    assert!(
        !codes
            .iter()
            .any(|c| c.ends_with("-missing") && c.starts_with("file-"))
    );
    assert_eq!(isolated.code, 0, "a note is not a failure");

    let text = std::fs::read_to_string(dir.path.join(".devcontainer/devcontainer.json")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_devcontainer-doctor"))
        .args(["check", "-", "--color", "never"])
        .current_dir(&dir.path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("info[file-references-unchecked]"),
        "{stdout}"
    );
    assert!(stdout.contains("--> <stdin>:2:25"), "{stdout}");
    assert_eq!(stdout.matches("file-references-unchecked").count(), 1);
    assert_eq!(run_in(&dir.path, &["check", "-", "--fix"]).code, 2);
}
