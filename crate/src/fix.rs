//! Applying every safe fix at once, for `check --fix` and the editor's "fix all". A fix is
//! taken whole or not at all; two fixes whose edits overlap or even touch never go in the same
//! round (one may rely on a comma the other removes); rounds repeat, re-analysing the text,
//! because a fix can make room for another. A round that would add syntax errors is dropped.

use crate::analysis;
use crate::diag::{Diagnostic, Edit, FileId, apply_edits};
use crate::project::Project;
use crate::text::TextRange;

/// Rounds before giving up on fixes that keep producing new fixes. A round takes no two fixes
/// that touch, and syntax errors past the parser's limit come into view only as earlier ones
/// go, so a long run of broken strings needs many rounds: 8 left a second "fix all" with more
/// to do (fuzz finding). Most files need one or two; each round is one analysis.
const MAX_ROUNDS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixAll {
    /// The text after every round.
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// Codes of the diagnostics fixed, in first-seen order.
    pub codes: Vec<&'static str>,
    /// Edits against the original text: the first round's own edits when one round was
    /// enough, else one edit spanning every change.
    pub edits: Vec<Edit>,
}

/// One changed file of a project after "fix all".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFix {
    pub file: FileId,
    /// The file's text after every round.
    pub text: String,
    /// Edits against the file's original text (as [`FixAll::edits`]).
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectFixAll {
    /// The files that changed, in id order.
    pub files: Vec<FileFix>,
    pub applied: usize,
    pub codes: Vec<&'static str>,
}

/// Fixes every safe problem of `text`.
pub fn fix_all(text: &str) -> FixAll {
    let diagnostics = analysis::analyze(text).diagnostics;
    fix_all_from(text, &diagnostics, |t| analysis::analyze(t).diagnostics)
}

/// The same, starting from diagnostics already computed, with the analysis passed in
/// (tests drive the rounds with a fake rule).
pub fn fix_all_from(
    text: &str,
    diagnostics: &[Diagnostic],
    analyze: impl Fn(&str) -> Vec<Diagnostic>,
) -> FixAll {
    let project = Project::new("", text);
    let result = fix_all_project_from(&project, diagnostics, |p| analyze(p.main_text()));
    let main = result.files.into_iter().find(|f| f.file == FileId::MAIN);
    let (text, edits) = main.map_or_else(|| (text.to_string(), Vec::new()), |f| (f.text, f.edits));
    FixAll {
        text,
        applied: result.applied,
        codes: result.codes,
        edits,
    }
}

/// Fixes every safe problem in every file of a project; a fix that edits several files is
/// taken whole or not at all.
pub fn fix_all_project(project: &Project) -> ProjectFixAll {
    let diagnostics = analysis::analyze_project(project).diagnostics;
    fix_all_project_from(project, &diagnostics, |p| {
        analysis::analyze_project(p).diagnostics
    })
}

pub fn fix_all_project_from(
    project: &Project,
    diagnostics: &[Diagnostic],
    analyze: impl Fn(&Project) -> Vec<Diagnostic>,
) -> ProjectFixAll {
    let mut codes = Vec::new();
    let mut current = project.clone();
    let mut applied = 0;
    let mut rounds = 0;
    let mut first_round: Vec<Edit> = Vec::new();
    let mut diagnostics = diagnostics.to_vec();
    for _ in 0..MAX_ROUNDS {
        let (edits, count, round_codes) = one_round(&current, &diagnostics);
        if edits.is_empty() {
            break;
        }
        let mut next = current.clone();
        let mut changed = false;
        for (file, file_edits) in by_file(&edits) {
            let Some(text) = current.text(file) else {
                continue;
            };
            let (new_text, _) = apply_edits(text, &file_edits);
            if new_text != text {
                changed = true;
                next.set_text(file, new_text);
            }
        }
        if !changed {
            break;
        }
        let next_diagnostics = analyze(&next);
        if syntax_errors(&next_diagnostics) > syntax_errors(&diagnostics) {
            break;
        }
        if rounds == 0 {
            first_round = edits;
        }
        for code in round_codes {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        rounds += 1;
        applied += count;
        current = next;
        diagnostics = next_diagnostics;
    }
    let mut files = Vec::new();
    let first_round = by_file(&first_round);
    for (file, _, text) in current.texts() {
        let original = project.text(file).unwrap_or_default();
        if text == original {
            continue;
        }
        let edits = match rounds {
            1 => first_round
                .iter()
                .find(|(f, _)| *f == file)
                .map(|(_, edits)| edits.clone())
                .unwrap_or_default(),
            _ => vec![diff(original, text).in_file(file)],
        };
        files.push(FileFix {
            file,
            text: text.to_string(),
            edits,
        });
    }
    ProjectFixAll {
        files,
        applied,
        codes,
    }
}

/// The edits of each file, files in the order they first come (a round's edits are sorted by
/// file). A list, not a map: a fix touches one file or two, and each map type costs WASM code.
fn by_file(edits: &[Edit]) -> Vec<(FileId, Vec<Edit>)> {
    let mut out: Vec<(FileId, Vec<Edit>)> = Vec::new();
    for e in edits {
        match out.iter_mut().find(|(file, _)| *file == e.file) {
            Some((_, list)) => list.push(e.clone()),
            None => out.push((e.file, vec![e.clone()])),
        }
    }
    out
}

/// The edits of the first safe fix of each diagnostic that clashes with no fix taken before it,
/// with how many fixes that is and their codes. A fix touching a file without text is left.
fn one_round(
    project: &Project,
    diagnostics: &[Diagnostic],
) -> (Vec<Edit>, usize, Vec<&'static str>) {
    let mut taken: Vec<Edit> = Vec::new();
    let mut line_ends: Vec<(FileId, &'static str)> = Vec::new();
    let mut count = 0;
    let mut codes = Vec::new();
    for diagnostic in diagnostics {
        let Some(fix) = diagnostic.fixes.iter().find(|f| f.safe) else {
            continue;
        };
        let clash = |a: &Edit, b: &Edit| a.file == b.file && touch(a.range, b.range);
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            e.range.start > e.range.end
                || project.text(e.file).is_none()
                || taken.iter().any(|t| clash(t, e))
                || fix.edits[i + 1..].iter().any(|o| clash(o, e))
        });
        if clashes || fix.edits.is_empty() {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| {
            // Once per file and round: on a one-line file the scan reads the whole text.
            let known = line_ends.iter().find(|(file, _)| *file == e.file);
            let line_end = match known {
                Some(&(_, line_end)) => line_end,
                None => {
                    let line_end = dominant_line_end(project.text(e.file).unwrap_or_default());
                    line_ends.push((e.file, line_end));
                    line_end
                }
            };
            Edit::replace(e.range, with_line_end(&e.new_text, line_end)).in_file(e.file)
        }));
        count += 1;
        codes.push(diagnostic.code);
    }
    crate::sorted::sort_stable_by_key(&mut taken, |e| (e.file, e.range.start, e.range.end));
    (taken, count, codes)
}

fn touch(a: TextRange, b: TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn syntax_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.code == "syntax-error")
        .count()
}

/// One edit turning `old` into `new`: the span between their common prefix and suffix.
pub fn diff(old: &str, new: &str) -> Edit {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Edit::replace(
        TextRange::new(prefix, old.len() - suffix),
        &new[prefix..new.len() - suffix],
    )
}

fn dominant_line_end(text: &str) -> &'static str {
    match text.find(['\r', '\n']) {
        Some(at) if text[at..].starts_with("\r\n") => "\r\n",
        Some(at) if text[at..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// Fix texts are written with `\n`; a file with other line ends keeps its own.
fn with_line_end(new_text: &str, line_end: &str) -> String {
    if line_end == "\n" || !new_text.contains('\n') {
        return new_text.to_string();
    }
    new_text.replace("\r\n", "\n").replace('\n', line_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Fix;

    #[test]
    fn diff_is_one_minimal_edit_on_char_boundaries() {
        let old = "{\"a\": 'é'}";
        let new = "{\"a\": \"é\"}";
        let edit = diff(old, new);
        let (out, _) = apply_edits(old, std::slice::from_ref(&edit));
        assert_eq!(out, new);
        assert!(edit.range.len() < old.len());
        let same = diff("abc", "abc");
        assert!(same.range.is_empty() && same.new_text.is_empty());
        let (out, _) = apply_edits("aéé", &[diff("aéé", "aé")]);
        assert_eq!(out, "aé");
    }

    #[test]
    fn one_round_gives_one_minimal_edit_per_problem() {
        let text = "{ unquoted: 1, 'single': 2 }";
        let result = fix_all(text);
        assert_eq!(result.applied, 2);
        assert_eq!(result.edits.len(), 2);
        assert!(result.edits[0].range.end <= result.edits[1].range.start);
        let (fixed, _) = apply_edits(text, &result.edits);
        assert_eq!(fixed, result.text);
        assert!(crate::syntax::parse(&fixed).errors.is_empty(), "{fixed}");
    }

    /// A fake rule: every "aa" becomes "a", one pair per round, so it takes rounds.
    fn pair_rule(t: &str) -> Vec<Diagnostic> {
        t.find("aa")
            .map(|i| {
                let range = TextRange::new(i, i + 2);
                vec![
                    Diagnostic::hint("pair", range, "pair")
                        .with_fix(Fix::safe("merge", vec![Edit::replace(range, "a")])),
                ]
            })
            .unwrap_or_default()
    }

    #[test]
    fn rounds_end_in_one_edit_against_the_original() {
        let text = "x aaaa y";
        let result = fix_all_from(text, &pair_rule(text), pair_rule);
        assert_eq!(result.text, "x a y");
        assert_eq!(result.applied, 3);
        assert_eq!(result.edits.len(), 1);
        assert_eq!(apply_edits(text, &result.edits).0, "x a y");
        assert_eq!(result.codes, ["pair"]);
    }

    #[test]
    fn touching_fixes_wait_for_the_next_round() {
        let fix = |s, e, t: &str| {
            Diagnostic::hint("t", TextRange::new(s, e), "t")
                .with_fix(Fix::safe("f", vec![Edit::replace(TextRange::new(s, e), t)]))
        };
        let project = Project::new("", "0123456789");
        let (edits, count, _) =
            one_round(&project, &[fix(0, 3, "x"), fix(3, 4, "y"), fix(6, 7, "z")]);
        assert_eq!(count, 2);
        assert_eq!(edits.len(), 2);
    }

    #[test]
    fn keeps_the_files_line_ends_and_is_idempotent() {
        assert_eq!(with_line_end("a\nb", "\r\n"), "a\r\nb");
        assert_eq!(with_line_end("a\r\nb", "\r\n"), "a\r\nb");
        assert_eq!(dominant_line_end("{\r\n}"), "\r\n");
        assert_eq!(dominant_line_end("{\r}"), "\r");
        assert_eq!(dominant_line_end("{}"), "\n");
        let result = fix_all("{\"image\": \"x\",}");
        assert_eq!(result.text, "{\"image\": \"x\"}");
        assert_eq!(fix_all(&result.text).applied, 0);
    }

    /// A fake project rule: every "aa" in any file becomes "a"; one fix edits two files.
    fn project_pairs(p: &Project) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (id, _, text) in p.texts() {
            if let Some(i) = text.find("aa") {
                let range = TextRange::new(i, i + 2);
                out.push(
                    Diagnostic::hint("pair", range, "pair")
                        .in_file(id)
                        .with_fix(Fix::safe(
                            "merge",
                            vec![Edit::replace(range, "a").in_file(id)],
                        )),
                );
            }
        }
        if let (Some(i), Some(other)) = (p.main_text().find("bb"), p.id("other"))
            && let Some(j) = p.text(other).and_then(|t| t.find("bb"))
        {
            let (r, s) = (TextRange::new(i, i + 2), TextRange::new(j, j + 2));
            out.push(Diagnostic::hint("both", r, "both").with_fix(Fix::safe(
                "both",
                vec![Edit::replace(r, "b"), Edit::replace(s, "b").in_file(other)],
            )));
        }
        out
    }

    #[test]
    fn fixes_every_file_and_takes_a_multi_file_fix_whole() {
        let mut project = Project::new("main", "x aa bb");
        let other = project.add_text("other", "aaaa bb\r\n");
        project.add("gone", crate::project::Entry::Missing);
        let result = fix_all_project_from(&project, &project_pairs(&project), project_pairs);
        assert_eq!(result.files.len(), 2);
        assert_eq!(result.files[0].file, FileId::MAIN);
        assert_eq!(result.files[0].text, "x a b");
        assert_eq!(result.files[1].file, other);
        assert_eq!(result.files[1].text, "a b\r\n");
        for f in &result.files {
            let original = project.text(f.file).unwrap();
            assert!(f.edits.iter().all(|e| e.file == f.file));
            assert_eq!(apply_edits(original, &f.edits).0, f.text);
        }
        assert_eq!(result.codes, ["pair", "both"]);
        // A fix into a file without text is never taken.
        let mut p = Project::new("main", "bb");
        p.add("other", crate::project::Entry::Missing);
        let none = fix_all_project_from(&p, &project_pairs(&p), project_pairs);
        assert!(none.files.is_empty());
    }
}
