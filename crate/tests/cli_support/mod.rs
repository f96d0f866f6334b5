//! Shared by the `cli_*` tests: a throw-away folder and a way to run the built binary in it.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder under the system temp folder, removed when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("dcd-cli-{}-{}-{}", name, std::process::id(), n));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        Self { path }
    }

    /// Writes `contents` at `relative`, creating the folders on the way.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in `dir` with colours left to `auto` and NO_COLOR unset.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with_env(dir, args, &[])
}

pub fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_devcontainer-doctor"));
    command.args(args).current_dir(dir).env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// The `--format json` report, parsed.
pub fn json_report(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run_in(dir, &all);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{}", run.stdout));
    (run.code, value)
}

/// The paths listed in a JSON report.
pub fn report_paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

/// The codes reported for the file at `index` of a JSON report.
pub fn codes(report: &serde_json::Value, index: usize) -> Vec<String> {
    report["files"][index]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// A clean image config: no finding from any rule.
pub const CLEAN: &str =
    "{\n  \"name\": \"ok\",\n  \"image\": \"mcr.microsoft.com/devcontainers/go:1\"\n}\n";
