//! Files under a folder, in a stable order, for the tests that read every file of a kind.

use std::fs;
use std::path::{Path, PathBuf};

/// Appends every file below `dir` whose extension is one of `extensions` (ignoring case),
/// folders and names sorted; an unreadable folder adds nothing.
pub fn files_with_extension(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_with_extension(&path, extensions, out);
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        {
            out.push(path);
        }
    }
}
