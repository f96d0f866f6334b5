//! One pass over a document: parse, classify the configuration, run every rule.

use crate::diag::Diagnostic;
use crate::syntax::{self, Tree};

pub struct Analysis {
    pub tree: Tree,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn analyze(text: &str) -> Analysis {
    let tree = syntax::parse(text);
    let mut diagnostics = Vec::new();
    crate::rules::run_all(text, &tree, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    Analysis { tree, diagnostics }
}
