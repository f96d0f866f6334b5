//! The three output formats of `check`: human, JSON and SARIF.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;
use serde_json::Value;

/// A file with one syntax error (with no fix), a duplicate key and a trailing comma (with a fix).
const FINDINGS: &str = "{\n  \"image\": \"a\",\n  \"image\": \"b\",,\n  \"name\": \"x\",\n}\n";

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn assert_range(range: &Value) {
    assert_eq!(keys(range), ["end", "start"]);
    for end in ["start", "end"] {
        assert_eq!(keys(&range[end]), ["character", "line"]);
        assert!(range[end]["line"].is_u64() && range[end]["character"].is_u64());
    }
}

#[test]
fn json_is_one_document_with_exactly_the_documented_keys() {
    let dir = TempDir::new("json");
    dir.write(".devcontainer/devcontainer.json", FINDINGS);
    let (code, report) = json_report(&dir.path, &[]);
    assert_eq!(code, 1);
    assert_eq!(keys(&report), ["files"]);
    let file = &report["files"][0];
    assert_eq!(keys(file), ["diagnostics", "path"]);
    assert_eq!(file["path"], ".devcontainer/devcontainer.json");
    let diagnostics = file["diagnostics"].as_array().unwrap();
    assert!(diagnostics.len() >= 3);
    let mut saw_fix = false;
    for d in diagnostics {
        assert_eq!(keys(d), ["code", "fixes", "message", "range", "severity"]);
        assert!(["error", "warning", "info", "hint"].contains(&d["severity"].as_str().unwrap()));
        assert_range(&d["range"]);
        for fix in d["fixes"].as_array().unwrap() {
            saw_fix = true;
            assert_eq!(keys(fix), ["edits", "isPreferred", "title"]);
            for edit in fix["edits"].as_array().unwrap() {
                assert_eq!(keys(edit), ["newText", "range"]);
                assert_range(&edit["range"]);
            }
        }
    }
    assert!(saw_fix);
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "duplicate-key")
        .unwrap();
    assert_eq!(duplicate["range"]["start"]["line"], 2);
    assert_eq!(duplicate["range"]["start"]["character"], 2);
}

#[test]
fn sarif_has_the_required_fields() {
    let dir = TempDir::new("sarif");
    dir.write("my project/.devcontainer.json", FINDINGS);
    let run = run_in(&dir.path, &["check", "--format", "sarif"]);
    assert_eq!(run.code, 1);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "devcontainer-doctor");
    assert!(driver["version"].is_string());
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    let syntax = rules.iter().find(|r| r["id"] == "syntax-error").unwrap();
    assert!(
        syntax["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("#syntax-error")
    );
    assert!(syntax["shortDescription"]["text"].is_string());

    let results = runs[0]["results"].as_array().unwrap();
    assert!(results.len() >= 3);
    for r in results {
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "my%20project/.devcontainer.json"
        );
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
    }
    let duplicate = results
        .iter()
        .find(|r| r["ruleId"] == "duplicate-key")
        .unwrap();
    let region = &duplicate["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(3))
    );
    let comma = results
        .iter()
        .find(|r| r["ruleId"] == "trailing-comma")
        .unwrap();
    assert_eq!(comma["level"], "note");
    let replacement = &comma["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "");
    assert!(replacement["deletedRegion"]["startLine"].is_u64());
}

#[test]
fn sarif_uris_stay_relative_for_absolute_paths_below_the_current_folder() {
    let dir = TempDir::new("sarif-abs");
    let path = dir.write(".devcontainer.json", FINDINGS);
    let run = run_in(
        &dir.path,
        &["check", "--format", "sarif", path.to_str().unwrap()],
    );
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], ".devcontainer.json");
}

#[test]
fn human_output_reads_like_rustc() {
    let dir = TempDir::new("human");
    dir.write(".devcontainer/devcontainer.json", FINDINGS);
    let run = run_in(&dir.path, &["check"]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(!out.contains('\x1b'), "no colour when not on a terminal");
    assert!(out.contains("warning[duplicate-key]: "), "{out}");
    assert!(
        out.contains(" --> .devcontainer/devcontainer.json:3:3\n"),
        "{out}"
    );
    assert!(
        out.contains("3 |   \"image\": \"b\",,\n  |   ^^^^^^^\n"),
        "{out}"
    );
    assert!(out.contains("error[syntax-error]: "), "{out}");
    assert!(out.contains("  = help: "), "{out}");
    assert!(
        out.trim_end().ends_with("in 1 file"),
        "a summary line ends the output: {out}"
    );
    // Other rules may add findings to this file: check the shape of the summary, not its counts.
    let summary = out.trim_end().lines().last().unwrap();
    let words: Vec<&str> = summary.split(' ').collect();
    assert!(words[0].parse::<usize>().unwrap() >= 1, "{summary}");
    assert!(words[1] == "error," || words[1] == "errors,", "{summary}");
}

#[test]
fn colour_is_chosen_by_flag_and_no_color() {
    let dir = TempDir::new("colour");
    dir.write(".devcontainer.json", FINDINGS);
    let always = run_in(&dir.path, &["check", "--color", "always"]);
    assert!(always.stdout.contains("\x1b["));
    let never = run_in(&dir.path, &["check", "--color=never"]);
    assert!(!never.stdout.contains('\x1b'));
    let no_color = run_with_env(&dir.path, &["check"], &[("NO_COLOR", "1")]);
    assert!(!no_color.stdout.contains('\x1b'));
}

#[test]
fn a_clean_file_gets_an_empty_report() {
    let dir = TempDir::new("clean");
    dir.write(".devcontainer.json", "{}");
    let run = run_in(&dir.path, &["check", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(log["runs"][0]["results"].as_array().is_some());
}

#[test]
fn github_prints_one_workflow_command_per_finding_with_1_based_columns() {
    let dir = TempDir::new("github");
    dir.write(
        ".devcontainer/devcontainer.json",
        "{\n  \"name\": \"注😀\", \"forwardPorts\": [\"8080\"],\n  \"image\": \"debian\",\n}\n",
    );
    let run = run_in(&dir.path, &["check", "--format", "github"]);
    assert_eq!(run.code, 0, "warnings and hints only: {}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    // `  "name": "注😀", "forwardPorts": [` is 34 UTF-16 units; the string starts in column 35.
    assert_eq!(
        lines[0],
        "::warning file=.devcontainer/devcontainer.json,line=2,col=35,endLine=2,endColumn=41,\
         title=port-as-string::Port \"8080\" is written as a string; a string must be \
         \"host:port\". Write the number 8080."
    );
    assert!(
        lines[1].starts_with("::notice file=.devcontainer/devcontainer.json,line=3,col=20,")
            && lines[1].contains(",title=trailing-comma::"),
        "{}",
        lines[1]
    );
    let broken = TempDir::new("github-error");
    broken.write(
        ".devcontainer.json",
        // A mount object without `target`: Docker refuses the container (an error).
        "{\"mounts\": [{\"type\": \"volume\"}], \"image\": \"x\"}",
    );
    let run = run_in(&broken.path, &["check", "--format=github"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("::error file=.devcontainer.json,line=1,col=13,"),
        "{}",
        run.stdout
    );
}
