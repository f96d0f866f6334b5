//! Golden files: generated text committed beside what it comes from (`NAME.snap`, `.fixed`,
//! `docs/rules.md`). A test compares; with `UPDATE_EXPECT=1` it writes instead. A mismatch shows
//! a line diff and the command that regenerates the file.

use std::fs;
use std::path::{Path, PathBuf};

/// The one variable that regenerates every golden file.
pub const UPDATE_VAR: &str = "UPDATE_EXPECT";

/// True when the golden files are to be written instead of compared.
pub fn updating() -> bool {
    std::env::var(UPDATE_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The command to print next to a mismatch, e.g. `UPDATE_EXPECT=1 cargo test --test rule_fixtures`.
pub fn update_command(test: &str) -> String {
    format!("{UPDATE_VAR}=1 cargo test --test {test}")
}

/// Compares `actual` with the file at `path`, or writes it when [`updating`]. `Err` holds a
/// readable report: which file, the diff (`-` committed, `+` produced), and `command`.
pub fn check(path: &Path, actual: &str, command: &str) -> Result<(), String> {
    let committed = fs::read_to_string(path).ok();
    if committed.as_deref() == Some(actual) {
        return Ok(());
    }
    if updating() {
        if let Some(dir) = path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        return fs::write(path, actual)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()));
    }
    let shown = relative(path);
    Err(match committed {
        None => format!("{shown}: missing; create it with `{command}`"),
        Some(old) => format!(
            "{shown}: is not what the test generates now (- committed, + generated):\n{}\nIf the change is intended, regenerate with\n  {command}",
            diff(&old, actual)
        ),
    })
}

/// Removes a golden file whose source is gone (when updating), or reports it.
pub fn check_stale(path: &Path, command: &str) -> Result<(), String> {
    if updating() {
        return fs::remove_file(path)
            .map_err(|e| format!("{}: cannot remove: {e}", path.display()));
    }
    Err(format!(
        "{}: no fixture produces it any more; delete it with `{command}`",
        relative(path)
    ))
}

/// Joins failures into one panic message; long lists keep the first reports whole.
pub fn report(failures: &[String], what: &str) -> String {
    const WHOLE: usize = 12;
    let mut out = format!("{} {what} failed:\n\n", failures.len());
    for (i, f) in failures.iter().enumerate() {
        if i < WHOLE {
            out.push_str(f);
            out.push_str("\n\n");
        } else {
            out.push_str(f.lines().next().unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// A path relative to the repository root, for messages.
pub fn relative(path: &Path) -> String {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().unwrap_or(root);
    let full = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    full.strip_prefix(&root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// One line of a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The lines of `old` and `new` aligned by their longest common subsequence.
pub fn line_changes<'a>(old: &'a str, new: &'a str) -> Vec<Change<'a>> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // Common prefix and suffix first: most diffs are small, and the table stays small too.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut lcs = vec![vec![0u32; mb.len() + 1]; ma.len() + 1];
    for i in (0..ma.len()).rev() {
        for j in (0..mb.len()).rev() {
            lcs[i][j] = if ma[i] == mb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out: Vec<Change> = a[..prefix].iter().map(|l| Change::Same(l)).collect();
    let (mut i, mut j) = (0, 0);
    while i < ma.len() || j < mb.len() {
        if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
            out.push(Change::Same(ma[i]));
            i += 1;
            j += 1;
        } else if i < ma.len() && (j == mb.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(Change::Removed(ma[i]));
            i += 1;
        } else {
            out.push(Change::Added(mb[j]));
            j += 1;
        }
    }
    out.extend(a[a.len() - suffix..].iter().map(|l| Change::Same(l)));
    out
}

/// A line without its line break; a last line without one says so, so that a changed final
/// newline shows in a diff.
fn shown(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(l) => l.strip_suffix('\r').unwrap_or(l).to_string(),
        None => format!("{line}⏎ (no newline at end)"),
    }
}

/// Hunks of changed lines with `context` unchanged lines around them, each opened by
/// `@@ {label}LINE @@` with LINE the 1-based line of the old text where it starts.
pub fn hunks(old: &str, new: &str, context: usize, label: &str, indent: &str) -> String {
    let changes = line_changes(old, new);
    let changed: Vec<usize> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| !matches!(c, Change::Same(_)))
        .map(|(i, _)| i)
        .collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(context);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * context + 1 {
            end = changed[k];
            k += 1;
        }
        let end = (end + context + 1).min(changes.len());
        let old_line = 1 + changes[..start]
            .iter()
            .filter(|c| !matches!(c, Change::Added(_)))
            .count();
        out.push_str(&format!("{indent}@@ {label}{old_line} @@\n"));
        for c in &changes[start..end] {
            let (mark, line) = match c {
                Change::Same(l) => (' ', l),
                Change::Removed(l) => ('-', l),
                Change::Added(l) => ('+', l),
            };
            let text = shown(line);
            if mark == ' ' && text.is_empty() {
                out.push_str(indent.trim_end());
                out.push('\n');
            } else {
                out.push_str(&format!("{indent}{mark}{text}\n"));
            }
        }
    }
    out
}

/// A diff for mismatch reports: hunks with two lines of context.
pub fn diff(old: &str, new: &str) -> String {
    let out = hunks(old, new, 2, "line ", "  ");
    if out.is_empty() {
        "  (the texts differ only in line endings)".to_string()
    } else {
        out
    }
}
