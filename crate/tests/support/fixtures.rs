//! Rule fixtures as the tests see them. A fixture is a file (`invalid/NAME.jsonc`) or a folder
//! (`invalid/NAME/` holding `.devcontainer/devcontainer.json` and the files it names, such as
//! `Dockerfile` and `compose.yaml`). Beside it lie its golden files: `NAME.snap` (what it
//! produces, see [`snapshot`]) and, for a single file, `NAME.jsonc.fixed` (the text after its
//! code's safe fixes). [`analyze_fixture`] is the one place where a fixture meets the engine.
//! File names in snapshots are relative to the fixture folder.

use super::fixture_project::fixture_project;
use super::golden;
use devcontainer_doctor::analysis::{analyze, analyze_project};
use devcontainer_doctor::diag::{Diagnostic, Edit, FileId, Fix, apply_edits};
use devcontainer_doctor::project::{Project, join, normalize};
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

/// A fixture's files (the first is the main devcontainer.json) and, for a folder fixture, the
/// [`Project`] the engine checks: the main file with the files it references, read from the
/// folder as the CLI reads them (`support::fixture_project`).
#[derive(Clone, Debug)]
pub struct Fixture {
    pub path: PathBuf,
    pub files: Vec<SourceFile>,
    /// `ids[i]` is the project's id of `files[i]`.
    ids: Vec<FileId>,
    project: Option<Project>,
}

impl Fixture {
    /// One text checked on its own, as `analyze` does (a file fixture, a corpus file).
    pub fn single(name: &str, text: &str) -> Self {
        Self {
            path: PathBuf::from(name),
            files: vec![SourceFile {
                name: name.to_string(),
                text: text.to_string(),
            }],
            ids: vec![FileId::MAIN],
            project: None,
        }
    }

    fn index_of(&self, id: FileId) -> usize {
        self.ids.iter().position(|i| *i == id).unwrap_or(0)
    }
}

pub fn load(path: &Path) -> Fixture {
    if path.is_file() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut fixture = Fixture::single(&name, &text);
        fixture.path = path.to_path_buf();
        return fixture;
    }
    let (main, project) = fixture_project(path);
    // Project paths are relative to the folder of devcontainer.json; snapshots name files
    // relative to the fixture folder.
    let main_name = main
        .strip_prefix(path)
        .unwrap_or(&main)
        .to_string_lossy()
        .replace('\\', "/");
    let main_folder = main_name
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder)
        .to_string();
    let mut files = Vec::new();
    let mut ids = Vec::new();
    for (id, name, text) in project.texts() {
        let name = if id == FileId::MAIN {
            main_name.clone()
        } else {
            normalize(&join(&main_folder, name))
        };
        files.push(SourceFile {
            name,
            text: text.to_string(),
        });
        ids.push(id);
    }
    Fixture {
        path: path.to_path_buf(),
        files,
        ids,
        project: Some(project),
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
    /// Syntax errors per file (same order as the fixture's files; only devcontainer.json is
    /// parsed for them so far).
    pub syntax_errors: Vec<usize>,
}

/// The one place a fixture meets the engine: a single file goes through `analyze`, a folder
/// through `analyze_project` with the files it references. Each diagnostic is mapped to the
/// fixture file it belongs to.
pub fn analyze_fixture(fixture: &Fixture) -> Checked {
    let analysis = match &fixture.project {
        Some(project) => analyze_project(project),
        None => analyze(&fixture.files[0].text),
    };
    let mut syntax_errors = vec![0; fixture.files.len()];
    syntax_errors[0] = analysis.tree.errors.len();
    Checked {
        found: analysis
            .diagnostics
            .into_iter()
            .map(|diagnostic| Found {
                file: fixture.index_of(diagnostic.file),
                diagnostic,
            })
            .collect(),
        syntax_errors,
    }
}

/// The fixture after applying `edits` (each in its own file), and whether every edit applied
/// (none overlapped another or left its text).
pub fn apply(fixture: &Fixture, edits: &[Edit]) -> (Fixture, bool) {
    let mut out = fixture.clone();
    let mut all = true;
    for i in 0..out.files.len() {
        let id = out.ids[i];
        let mine: Vec<Edit> = edits.iter().filter(|e| e.file == id).cloned().collect();
        if mine.is_empty() {
            continue;
        }
        let (text, applied) = apply_edits(&out.files[i].text, &mine);
        all &= applied == mine.len();
        if let Some(project) = &mut out.project {
            project.set_text(id, text.clone());
        }
        out.files[i].text = text;
    }
    // An edit in a file the fixture does not hold cannot be applied.
    all &= edits.iter().all(|e| out.ids.contains(&e.file));
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
            out.push_str(&fix_diff(fixture, fix));
        }
    }
    out
}

/// The lines one fix changes, per file.
fn fix_diff(fixture: &Fixture, fix: &Fix) -> String {
    let (after, all) = apply(fixture, &fix.edits);
    let mut out = String::new();
    for (before, after) in fixture.files.iter().zip(&after.files) {
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
    apply(fixture, &edits).0.files.swap_remove(0).text
}

/// Fix soundness: every offered fix applies whole and adds no syntax error to any file, and
/// every safe fix also removes its diagnostic (no diagnostic with the same code is left where
/// it was). Returns one line per problem, naming `label`, the code, the fix and the place.
pub fn unsound_fixes(label: &str, fixture: &Fixture, checked: &Checked) -> Vec<String> {
    let files = &fixture.files;
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
            let (after, all) = apply(fixture, &fix.edits);
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
            let mine: Vec<&Edit> = fix.edits.iter().filter(|e| e.file == d.file).collect();
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
                    place(&after.files, left),
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
