//! The whole engine over the dev container folders of `../shared/corpus/folders` (real
//! repositories: each devcontainer.json with the Dockerfiles and Compose files it references;
//! skipped when absent). Each configuration is checked with its files, read from the folder the
//! way the CLI reads them. Nothing panics, every range is inside its file, and no error is
//! reported that a build would not also hit: errors are allowed only where INDEX.tsv records a
//! referenced file as missing in the repository, or in `EXPECTED_ERRORS`. Prints the
//! diagnostics per code; `cargo test --test corpus_folders -- --nocapture` shows them,
//! `SHOW_FINDINGS=1` each one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "support/folders.rs"]
mod folders;

use devcontainer_doctor::analysis::analyze_project;
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::text::LineIndex;
use folders::{load, project};
use std::collections::BTreeMap;

/// Errors that INDEX.tsv's notes confirm (read by hand when the corpus was made): a phrase of
/// the note, and the code that reports that failure.
const CONFIRMED_BY_NOTES: &[(&str, &str)] = &[
    ("not defined in compose files", "compose-service-undefined"),
    // `..\x.yml`: a folder separator only on Windows; the CLI on Linux and macOS fails.
    ("backslash path", "file-compose-missing"),
    ("truncated as committed", "syntax-error"),
];

/// Codes judged on the build context's contents. A corpus folder holds only the files the
/// configuration references, not the rest of its repository, so its listings miss the files a
/// `COPY` takes (0t3k25/board_django has `requirements.txt`, kazuo278/dashboard has
/// `.devcontainer/postgres/initdb/`): these are printed, and judged by their fixtures instead.
const NEEDS_WHOLE_CONTEXT: &[&str] = &[
    "dockerfile-copy-source-missing",
    "dockerfile-copy-glob-unmatched",
];

/// The codes this test judges: those that read the configuration's other files. Errors of the
/// single-file rules are judged over `corpus/real` by `corpus.rs`; here they are only listed.
fn judged(code: &str) -> bool {
    !NEEDS_WHOLE_CONTEXT.contains(&code)
        && (["file-", "compose-", "dockerfile-", "container-", "go-"]
            .iter()
            .any(|p| code.starts_with(p))
            || CONFIRMED_BY_NOTES.iter().any(|(_, c)| *c == code))
}

#[test]
fn corpus_folders_have_no_false_errors_and_valid_ranges() {
    let Some(folders) = load() else { return };
    let show = std::env::var_os("SHOW_FINDINGS").is_some();
    let mut per_code: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
    let mut folders_per_code: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut false_errors = Vec::new();
    let mut bad_ranges = Vec::new();
    let mut other_errors = Vec::new();
    let mut unverifiable = Vec::new();
    let mut in_other_files = 0;
    for folder in &folders {
        let project = project(&folder.config);
        let analysis = analyze_project(&project);
        let mut codes_here = std::collections::BTreeSet::new();
        for d in &analysis.diagnostics {
            *per_code.entry((d.code, d.severity.as_str())).or_default() += 1;
            codes_here.insert(d.code);
            let path = project.path(d.file).unwrap_or("?").to_string();
            in_other_files += usize::from(d.file != devcontainer_doctor::diag::FileId::MAIN);
            let text = project.text(d.file).unwrap_or("");
            let index = LineIndex::new(text);
            let line = index.line_of(d.range.start.min(text.len())) + 1;
            let place = format!("{}/{path}:{line}", folder.name);
            if show {
                println!(
                    "{place}: {} [{}] {}",
                    d.severity.as_str(),
                    d.code,
                    d.message
                );
            }
            if d.range.start > d.range.end
                || d.range.end > text.len()
                || !text.is_char_boundary(d.range.start)
                || !text.is_char_boundary(d.range.end)
            {
                bad_ranges.push(format!("{place}: {:?} {}", d.range, d.code));
            }
            if d.severity != Severity::Error {
                continue;
            }
            // A referenced file the repository really lacks (INDEX.tsv), named in the message.
            let names_missing = d.code.starts_with("file-")
                && folder.missing.iter().any(|m| {
                    let mut segments = m.rsplit('/');
                    let name = segments.next().unwrap_or(m);
                    let dir = segments.next().unwrap_or("");
                    match d.code {
                        "file-context-missing" => !dir.is_empty() && d.message.contains(dir),
                        _ => d.message.contains(name),
                    }
                });
            let confirmed = CONFIRMED_BY_NOTES
                .iter()
                .any(|(note, c)| *c == d.code && folder.notes.contains(note));
            let line = format!("{place} [{}] {}", d.code, d.message);
            if NEEDS_WHOLE_CONTEXT.contains(&d.code) {
                unverifiable.push(line);
            } else if !judged(d.code) {
                other_errors.push(line);
            } else if !(names_missing || confirmed) {
                false_errors.push(line);
            }
        }
        for code in codes_here {
            *folders_per_code.entry(code).or_default() += 1;
        }
    }
    println!(
        "diagnostics per code over {} corpus folders ({in_other_files} in Dockerfiles and Compose files):",
        folders.len()
    );
    println!("{:>6}  {:>7}  {:<8} code", "count", "folders", "severity");
    for ((code, severity), count) in &per_code {
        println!(
            "{count:>6}  {:>7}  {severity:<8} {code}",
            folders_per_code.get(code).copied().unwrap_or(0)
        );
    }
    println!(
        "errors of single-file rules (judged over corpus/real by corpus.rs):\n{}",
        other_errors.join("\n")
    );
    println!(
        "errors on COPY sources (not judged: a corpus folder is not the whole build context): {}",
        unverifiable.len()
    );
    assert!(
        bad_ranges.is_empty(),
        "ranges outside their file:\n{}",
        bad_ranges.join("\n")
    );
    assert!(
        false_errors.is_empty(),
        "errors a build would not hit:\n{}",
        false_errors.join("\n")
    );
}
