//! Diagnostics as the engine produces them: byte ranges, stable codes, optional fixes.

use crate::text::TextRange;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// Which file of a [`crate::project::Project`] a diagnostic or an edit belongs to: the main
/// devcontainer.json is [`FileId::MAIN`], the others are numbered as the host adds them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct FileId(pub u32);

impl FileId {
    pub const MAIN: FileId = FileId(0);
}

/// One replacement of a byte range by new text, in `file` (the main file unless set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub new_text: String,
    pub file: FileId,
}

impl Edit {
    pub fn replace(range: TextRange, new_text: impl Into<String>) -> Self {
        Self {
            range,
            new_text: new_text.into(),
            file: FileId::MAIN,
        }
    }
    /// The same edit in another file.
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = file;
        self
    }
    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Self::replace(TextRange::empty(at), new_text)
    }
    pub fn delete(range: TextRange) -> Self {
        Self::replace(range, "")
    }
}

/// A named set of edits that resolves a diagnostic. `safe` fixes are applied by `check --fix`
/// and "fix all", and shown as the preferred quick fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            edits,
            safe: true,
        }
    }
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            edits,
            safe: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: TextRange,
    pub fixes: Vec<Fix>,
    /// The file `range` points into.
    pub file: FileId,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            range,
            fixes: Vec::new(),
            file: FileId::MAIN,
        }
    }
    pub fn error(code: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, range, message)
    }
    pub fn warning(code: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, range, message)
    }
    pub fn info(code: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, range, message)
    }
    pub fn hint(code: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Hint, range, message)
    }
    /// The same diagnostic in another file (its fixes' edits keep their own files).
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = file;
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    /// With the fix `make` builds, when fixes are `wanted` (a rule passes
    /// `cx.wants_fixes()`): a check for diagnostics alone builds none.
    pub fn with_fix_if(self, wanted: bool, make: impl FnOnce() -> Fix) -> Self {
        if wanted { self.with_fix(make()) } else { self }
    }
}

/// Applies non-overlapping edits to `text` (sorted here; an edit overlapping an earlier one is skipped).
/// Returns the new text and how many edits were applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::sorted::sort_stable_by_key(&mut sorted, |e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut applied = 0;
    for edit in sorted {
        if edit.range.start < cursor
            || edit.range.end > text.len()
            || edit.range.start > edit.range.end
        {
            continue;
        }
        if !text.is_char_boundary(edit.range.start) || !text.is_char_boundary(edit.range.end) {
            continue;
        }
        out.push_str(&text[cursor..edit.range.start]);
        out.push_str(&edit.new_text);
        cursor = edit.range.end;
        applied += 1;
    }
    out.push_str(&text[cursor..]);
    (out, applied)
}
