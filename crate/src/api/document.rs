//! The document a host keeps between calls on one version: its text, parsed once, with what
//! the calls on it make on first use (line starts, findings).

use crate::diag;
use crate::rules::{Fixes, KeptForText};
use crate::syntax::Tree;
use crate::text::LineIndex;

/// A parsed devcontainer.json that a host keeps between calls on one version, so analyze,
/// complete, hover and code actions parse it once.
pub struct Document {
    text: String,
    version: i32,
    tree: Tree,
    /// Line starts and whether the text is ASCII, built on the first position asked for:
    /// most files have no finding, and then no position is ever needed.
    lines: crate::rules::KeptLines,
    /// The rules' findings on this text alone, made by the first call that needs them.
    checked: super::checked::Checked,
}

impl Document {
    pub fn new(text: impl Into<String>, version: i32) -> Self {
        let text = text.into();
        let tree = crate::syntax::parse(&text);
        Self {
            text,
            version,
            tree,
            lines: std::cell::OnceCell::new(),
            checked: super::checked::Checked::default(),
        }
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn version(&self) -> i32 {
        self.version
    }
    pub fn tree(&self) -> &Tree {
        &self.tree
    }
    /// The line starts kept for this text (made on first use), for a check of it.
    pub(crate) fn kept_lines(&self) -> &crate::rules::KeptLines {
        &self.lines
    }
    pub fn line_index(&self) -> LineIndex<'_> {
        let (line_starts, ascii) = self
            .lines
            .get_or_init(|| LineIndex::new(&self.text).into_parts());
        LineIndex::from_line_starts(&self.text, line_starts, *ascii)
    }
    /// The rules' findings on this text alone (no other files), checked once per document
    /// (twice when fixes are asked for after a check without them).
    pub(crate) fn checked(&self, fixes: Fixes) -> &[diag::Diagnostic] {
        self.checked.get(fixes, |fixes| {
            crate::analysis::check(
                None,
                &self.text,
                &self.tree,
                KeptForText::lines(&self.lines),
                fixes,
            )
        })
    }
}
