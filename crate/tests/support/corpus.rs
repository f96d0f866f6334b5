//! The real devcontainer.json files of `../shared/corpus/real`, for the tests that read them.
//! Absent in a clone without `../shared`: then `load` says so and the test skips (or fails
//! under `CI=true`, see [`super::shared::dir`]).

use std::fs;

pub struct CorpusFile {
    pub name: String,
    /// The public repository the file comes from (`owner/name`).
    pub repo: String,
    pub text: String,
}

impl CorpusFile {
    /// Files from the official images and templates, known to work: no error may be reported.
    pub fn known_good(&self) -> bool {
        self.repo == "devcontainers/images" || self.repo == "devcontainers/templates"
    }
}

/// Every corpus file listed in INDEX.tsv, sorted by name; `None` (with a printed reason) when
/// the corpus is not there, a panic when it is not there under `CI=true`.
pub fn load() -> Option<Vec<CorpusFile>> {
    let dir = super::shared::dir("corpus/real")?;
    let index = fs::read_to_string(dir.join("INDEX.tsv"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("INDEX.tsv").display()));
    let mut files: Vec<CorpusFile> = index
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next()?.to_string();
            let repo = cols.next()?.to_string();
            let text = fs::read_to_string(dir.join(&name)).ok()?;
            Some(CorpusFile { name, repo, text })
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        files.len() > 400,
        "INDEX.tsv lists {} readable files",
        files.len()
    );
    Some(files)
}
