//! One pass over a configuration: parse, classify, run every rule.

use crate::diag::Diagnostic;
use crate::project::Project;
use crate::rules::{Fixes, KeptForText};
use crate::syntax::{self, Tree};

pub struct Analysis {
    pub tree: Tree,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks one devcontainer.json text on its own (no other files).
pub fn analyze(text: &str) -> Analysis {
    let tree = syntax::parse(text);
    let diagnostics = check(None, text, &tree, KeptForText::default(), Fixes::Made);
    Analysis { tree, diagnostics }
}

/// Checks a project: the main file's rules, and the files it references as far as the host
/// supplied them. Diagnostics are sorted by file, then position.
pub fn analyze_project(project: &Project) -> Analysis {
    let tree = syntax::parse(project.main_text());
    let diagnostics = check(
        Some(project),
        project.main_text(),
        &tree,
        KeptForText::default(),
        Fixes::Made,
    );
    Analysis { tree, diagnostics }
}

/// The same over a tree parsed before (a kept document, with its line starts and references);
/// `text` is the main file's text. With [`Fixes::Skipped`] the findings are the same, without
/// their fixes.
pub fn check<'a>(
    project: Option<&'a Project>,
    text: &'a str,
    tree: &'a Tree,
    kept: KeptForText<'a>,
    fixes: Fixes,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    crate::rules::run_all_in(project, text, tree, kept, fixes, &mut diagnostics);
    crate::sorted::sort_stable_by_key(&mut diagnostics, |d| {
        (d.file, d.range.start, d.range.end, d.code)
    });
    diagnostics
}
