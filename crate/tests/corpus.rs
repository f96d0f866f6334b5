//! The whole engine over 414 real devcontainer.json files from public repositories
//! (`../shared/corpus/real`): nothing panics, every range is inside its document, and files
//! from devcontainers/images and devcontainers/templates (known to work) get no error.
//! Prints the count of diagnostics per code; run with `--nocapture` to read it.

use devcontainer_doctor::api::{AnalyzeOptions, analyze};
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::text::{LineIndex, utf16_len};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/real");
    dir.join("INDEX.tsv").is_file().then_some(dir)
}

/// (file name, repository) for every corpus file.
fn corpus_files(dir: &Path) -> Vec<(String, String)> {
    let index = fs::read_to_string(dir.join("INDEX.tsv")).unwrap();
    index
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect()
}

fn known_good(repo: &str) -> bool {
    repo == "devcontainers/images" || repo == "devcontainers/templates"
}

#[test]
fn real_corpus_has_no_false_errors_and_valid_ranges() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: ../shared/corpus/real is absent in this clone");
        return;
    };
    let files = corpus_files(&dir);
    assert!(files.len() > 400, "INDEX.tsv lists {} files", files.len());
    let mut per_code: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    let mut false_errors = Vec::new();
    let mut bad_ranges = Vec::new();
    for (name, repo) in &files {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        let index = LineIndex::new(&text);
        let result = analyze(&text, &AnalyzeOptions::default());
        for d in &result.diagnostics {
            *per_code
                .entry((d.code.clone(), d.severity.as_str()))
                .or_default() += 1;
            let line_ok = |p: devcontainer_doctor::text::Position| {
                let line = p.line as usize;
                let content = index.line_range(line);
                line < index.line_count()
                    && p.character as usize <= utf16_len(&text[content.start..content.end])
            };
            if d.range.start > d.range.end || !line_ok(d.range.start) || !line_ok(d.range.end) {
                bad_ranges.push(format!("{name}: {:?} {}", d.range, d.code));
            }
            if d.severity == Severity::Error && known_good(repo) {
                false_errors.push(format!(
                    "{name}:{}:{} [{}] {}",
                    d.range.start.line + 1,
                    d.range.start.character + 1,
                    d.code,
                    d.message
                ));
            }
        }
    }
    println!("diagnostics per code over {} corpus files:", files.len());
    for ((code, severity), count) in &per_code {
        println!("{count:>6}  {severity:<8} {code}");
    }
    assert!(
        bad_ranges.is_empty(),
        "ranges outside their document:\n{}",
        bad_ranges.join("\n")
    );
    assert!(
        false_errors.is_empty(),
        "errors on files known to work:\n{}",
        false_errors.join("\n")
    );
}
