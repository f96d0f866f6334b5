//! Rule fixtures as the tests see them. A fixture is a file (`invalid/NAME.jsonc`) or a folder
//! (`invalid/NAME/` holding `.devcontainer/devcontainer.json` and the files it names, such as
//! `Dockerfile` and `compose.yaml`). Beside it lie its golden files: `NAME.snap` (what it
//! produces, see [`snapshot`]) and, for a single file, `NAME.jsonc.fixed` (the text after its
//! code's safe fixes). [`analyze_fixture`] is the one place where a fixture meets the engine.

use super::golden;
use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::{Diagnostic, Edit, Fix, apply_edits};
use devcontainer_doctor::text::LineIndex;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// `crate/tests/fixtures/rules`: one folder per code, each with `invalid/` and `valid/`.
pub fn rules_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Golden files are generated from a fixture; everything else in a fixture folder is a fixture.
pub fn is_golden(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e == "snap" || e == "fixed")
}

/// The fixtures in `dir` (files and folders, golden files left out), sorted by name.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| !is_golden(p));
    out.sort();
    out
}

/// The golden files in `dir`, for finding those whose fixture is gone.
pub fn golden_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| is_golden(p));
    out.sort();
    out
}

/// `NAME.snap` beside the fixture `NAME.jsonc` or the folder `NAME/`.
pub fn snapshot_path(fixture: &Path) -> PathBuf {
    fixture.with_extension("snap")
}

/// `NAME.jsonc.fixed` beside a single-file fixture.
pub fn fixed_path(fixture: &Path) -> PathBuf {
    let mut name = fixture.file_name().unwrap_or_default().to_os_string();
    name.push(".fixed");
    fixture.with_file_name(name)
}

/// The fixture a golden file belongs to (`a.snap` -> `a.jsonc` or `a/`, `a.jsonc.fixed` -> `a.jsonc`).
pub fn owner_exists(golden: &Path) -> bool {
    if golden.extension().is_some_and(|e| e == "fixed") {
        return golden.with_extension("").is_file();
    }
    let stem = golden.with_extension("");
    stem.is_dir()
        || list(golden.parent().unwrap_or(Path::new(".")))
            .iter()
            .any(|p| p.with_extension("") == stem)
}

/// One file of a fixture, named by its POSIX path relative to the fixture folder (a
/// single-file fixture is named by its file name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// A fixture's files; the first is the main devcontainer.json.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub path: PathBuf,
    pub files: Vec<SourceFile>,
}

/// Where a folder fixture keeps its main file, in the order the CLI looks for it.
const MAIN_FILES: &[&str] = &[
    ".devcontainer/devcontainer.json",
    ".devcontainer.json",
    "devcontainer.json",
];

pub fn load(path: &Path) -> Fixture {
    if path.is_file() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return Fixture {
            path: path.to_path_buf(),
            files: vec![SourceFile { name, text }],
        };
    }
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = fs::read_to_string(&p) {
                let name = p
                    .strip_prefix(path)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push(SourceFile { name, text });
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let main = MAIN_FILES
        .iter()
        .find_map(|m| files.iter().position(|f| f.name == *m))
        .or_else(|| {
            files
                .iter()
                .position(|f| f.name.ends_with("devcontainer.json"))
        })
        .unwrap_or_else(|| {
            panic!(
                "{}: a folder fixture needs a .devcontainer/devcontainer.json",
                path.display()
            )
        });
    let main_file = files.remove(main);
    files.insert(0, main_file);
    Fixture {
        path: path.to_path_buf(),
        files,
    }
}

/// A diagnostic and the index (in the fixture's `files`) of the file it belongs to.
#[derive(Clone, Debug)]
pub struct Found {
    pub file: usize,
    pub diagnostic: Diagnostic,
}

/// What the engine says about a fixture.
#[derive(Clone, Debug)]
pub struct Checked {
    pub found: Vec<Found>,
    /// Syntax errors per file (same order as the fixture's files).
    pub syntax_errors: Vec<usize>,
}

/// The seam between fixtures and the engine: analyzes a fixture's files as one check sees them.
/// Today the engine takes one text, so only the main devcontainer.json is analyzed and every
/// diagnostic lands in it. When the engine takes a `Project` (branch `project`), build it here
/// from every file and map each diagnostic's `file` to its index; nothing else changes.
pub fn analyze_fixture(files: &[SourceFile]) -> Checked {
    let main = &files[0];
    let analysis = analyze(&main.text);
    let mut syntax_errors = vec![0; files.len()];
    syntax_errors[0] = analysis.tree.errors.len();
    Checked {
        found: analysis
            .diagnostics
            .into_iter()
            .map(|diagnostic| Found {
                file: 0,
                diagnostic,
            })
            .collect(),
        syntax_errors,
    }
}

/// The file an edit belongs to. The other half of the seam: today every edit is in the main file.
fn edit_file(_edit: &Edit, _diagnostic_file: usize) -> usize {
    0
}

/// The files after applying `edits` (made for a diagnostic in `diagnostic_file`), and whether
/// every edit applied (none overlapped another or left the text).
pub fn apply(
    files: &[SourceFile],
    edits: &[Edit],
    diagnostic_file: usize,
) -> (Vec<SourceFile>, bool) {
    let mut out = files.to_vec();
    let mut all = true;
    for (i, file) in out.iter_mut().enumerate() {
        let mine: Vec<Edit> = edits
            .iter()
            .filter(|e| edit_file(e, diagnostic_file) == i)
            .cloned()
            .collect();
        if mine.is_empty() {
            continue;
        }
        let (text, applied) = apply_edits(&file.text, &mine);
        all &= applied == mine.len();
        file.text = text;
    }
    (out, all)
}

/// 1-based line and column of a byte offset, as the CLI prints them (columns count characters).
pub fn line_column(index: &LineIndex, offset: usize) -> (usize, usize) {
    let offset = index.clamp(offset);
    let line = index.line_of(offset);
    let range = index.line_range(line);
    let text = index.text();
    let column = text
        .get(range.start..offset.min(range.end))
        .map_or(0, |s| s.chars().count())
        + 1;
    (line + 1, column)
}

/// A diagnostic's place: `file:line:column-line:column` (start, then end).
pub fn place(files: &[SourceFile], found: &Found) -> String {
    let file = &files[found.file];
    let index = LineIndex::new(&file.text);
    let (l1, c1) = line_column(&index, found.diagnostic.range.start);
    let (l2, c2) = line_column(&index, found.diagnostic.range.end);
    format!("{}:{l1}:{c1}-{l2}:{c2}", file.name)
}

/// The snapshot of a fixture: one block per diagnostic, in the order the engine sorts them,
///
/// ```text
/// warning[go-delve-ptrace] missing-cap.jsonc:3:5-3:19 Delve needs ...
///   safe fix: Add "SYS_PTRACE" to capAdd
///     @@ missing-cap.jsonc:2 @@
///      "image": "golang:1.22",
///     -"capAdd": [],
///     +"capAdd": ["SYS_PTRACE"],
///   unsafe fix: ...
/// ```
///
/// each fix with the lines it changes (one line of context), or `no diagnostics`.
pub fn snapshot(fixture: &Fixture, checked: &Checked) -> String {
    let files = &fixture.files;
    let mut out = String::new();
    if fixture.files.len() > 1 {
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let _ = writeln!(out, "files: {}", names.join(", "));
    }
    if checked.found.is_empty() {
        out.push_str("no diagnostics\n");
    }
    for found in &checked.found {
        let d = &found.diagnostic;
        let message = d.message.replace('\n', "\n  | ");
        let _ = writeln!(
            out,
            "{}[{}] {} {message}",
            d.severity.as_str(),
            d.code,
            place(files, found)
        );
        for fix in &d.fixes {
            let _ = writeln!(
                out,
                "  {} fix: {}",
                if fix.safe { "safe" } else { "unsafe" },
                fix.title
            );
            out.push_str(&fix_diff(files, fix, found.file));
        }
    }
    out
}

/// The lines one fix changes, per file.
fn fix_diff(files: &[SourceFile], fix: &Fix, diagnostic_file: usize) -> String {
    let (after, all) = apply(files, &fix.edits, diagnostic_file);
    let mut out = String::new();
    for (before, after) in files.iter().zip(&after) {
        let label = format!("{}:", before.name);
        out.push_str(&golden::hunks(&before.text, &after.text, 1, &label, "    "));
    }
    if !all {
        out.push_str("    (some edits overlap or leave the text: not all were applied)\n");
    }
    if out.is_empty() {
        out.push_str("    (changes nothing)\n");
    }
    out
}

/// The main file's text after the safe fixes of `code` (what `NAME.jsonc.fixed` holds; the
/// text unchanged when that code offers no safe fix there).
pub fn after_safe_fixes(fixture: &Fixture, checked: &Checked, code: &str) -> String {
    let edits: Vec<Edit> = checked
        .found
        .iter()
        .filter(|f| f.diagnostic.code == code)
        .flat_map(|f| f.diagnostic.fixes.iter().filter(|x| x.safe))
        .flat_map(|x| x.edits.clone())
        .collect();
    apply(&fixture.files, &edits, 0).0.swap_remove(0).text
}

/// Fix soundness: every offered fix applies whole and adds no syntax error to any file, and
/// every safe fix also removes its diagnostic (no diagnostic with the same code is left where
/// it was). Returns one line per problem, naming `label`, the code, the fix and the place.
pub fn unsound_fixes(label: &str, files: &[SourceFile], checked: &Checked) -> Vec<String> {
    let mut problems = Vec::new();
    for found in &checked.found {
        let d = &found.diagnostic;
        for fix in &d.fixes {
            let at = || {
                format!(
                    "{label}: [{}] at {} {} fix {:?}",
                    d.code,
                    place(files, found),
                    if fix.safe { "safe" } else { "unsafe" },
                    fix.title
                )
            };
            let (after, all) = apply(files, &fix.edits, found.file);
            if !all {
                problems.push(format!("{}: edits overlap or leave the text", at()));
                continue;
            }
            let again = analyze_fixture(&after);
            for (i, (old, new)) in checked
                .syntax_errors
                .iter()
                .zip(&again.syntax_errors)
                .enumerate()
            {
                if new > old {
                    problems.push(format!(
                        "{}: adds {} syntax error(s) to {}",
                        at(),
                        new - old,
                        files[i].name
                    ));
                }
            }
            if !fix.safe {
                continue;
            }
            let mine: Vec<&Edit> = fix
                .edits
                .iter()
                .filter(|e| edit_file(e, found.file) == found.file)
                .collect();
            let start = map_offset(d.range.start, &mine, false);
            let end = map_offset(d.range.end, &mine, true).max(start);
            if let Some(left) = again.found.iter().find(|f| {
                f.file == found.file
                    && f.diagnostic.code == d.code
                    && overlaps(
                        (start, end),
                        (f.diagnostic.range.start, f.diagnostic.range.end),
                    )
            }) {
                problems.push(format!(
                    "{}: leaves its diagnostic at {}: {}",
                    at(),
                    place(&after, left),
                    left.diagnostic.message
                ));
            }
        }
    }
    problems
}

/// Where byte `offset` of the old text lies in the text after `edits` (non-overlapping). An
/// offset inside a replaced range, or at an insertion, moves to the start of the new text, or
/// to its end when `after_insert`.
fn map_offset(offset: usize, edits: &[&Edit], after_insert: bool) -> usize {
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut delta: isize = 0;
    for e in sorted {
        let (s, t, len) = (e.range.start, e.range.end, e.new_text.len());
        let moved = |p: usize| (p as isize + delta) as usize;
        if t < offset || (t == offset && s < t) {
            delta += len as isize - (t - s) as isize;
        } else if s <= offset {
            // Inside the edit, or an insertion right at the offset.
            return if after_insert {
                moved(s) + len
            } else {
                moved(s)
            };
        } else {
            break;
        }
    }
    (offset as isize + delta).max(0) as usize
}

/// Whether two byte ranges share text, or an empty one lies within the other.
fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    if a.0 == a.1 || b.0 == b.1 {
        a.0 <= b.1 && b.0 <= a.1
    } else {
        a.0 < b.1 && b.0 < a.1
    }
}
