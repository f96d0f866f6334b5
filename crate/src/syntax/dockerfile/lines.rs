//! Physical and logical lines. BuildKit splits a Dockerfile at `\n` only (a trailing `\r` is
//! dropped, a lone `\r` inside a line stays), joins a line that ends with the escape character
//! (ignoring spaces and tabs after it) with the next one, and skips comment lines and blank lines
//! inside such a continued instruction. A [`Logical`] line is that joined text plus a map from
//! each of its offsets back to the source, so words found in it get exact source ranges.

use crate::text::TextRange;

/// One physical line: `start..end` is its content without `\n` and trailing `\r`s.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    pub start: usize,
    pub end: usize,
}

/// Splits at `\n`, as BuildKit's scanner does. Linear in the text length.
pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let next_nl = memchr_nl(&bytes[start..]).map(|i| start + i);
        let (mut end, next) = match next_nl {
            Some(nl) => (nl, nl + 1),
            None => (bytes.len(), bytes.len()),
        };
        while end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        lines.push(Line { start, end });
        start = next;
    }
    lines
}

fn memchr_nl(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Bytes of leading whitespace (Unicode white space, as Go's `unicode.IsSpace`).
pub(super) fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A comment line: first non-blank character is `#`.
pub(super) fn is_comment(s: &str) -> bool {
    s.trim_start().starts_with('#')
}

/// If `text[start..end]` ends with the escape character (spaces and tabs after it allowed, and
/// not itself escaped), returns the end of the content before it and `true`.
pub(super) fn trim_continuation(text: &str, start: usize, end: usize, escape: u8) -> (usize, bool) {
    let b = text.as_bytes();
    let mut e = end;
    while e > start && matches!(b[e - 1], b' ' | b'\t') {
        e -= 1;
    }
    if e > start && b[e - 1] == escape && (e - 1 == start || b[e - 2] != escape) {
        return (e - 1, true);
    }
    (end, false)
}

/// A piece of the logical text copied from `source..source + len`.
#[derive(Clone, Copy, Debug)]
struct Piece {
    logical: usize,
    source: usize,
    len: usize,
}

/// An instruction's joined text and where each part of it came from.
#[derive(Clone, Debug, Default)]
pub(super) struct Logical {
    pub text: String,
    pieces: Vec<Piece>,
    /// Where the instruction starts in the source (its first non-blank byte).
    pub origin: usize,
}

impl Logical {
    pub fn new(origin: usize) -> Self {
        Self {
            origin,
            ..Self::default()
        }
    }

    pub fn push(&mut self, source: &str, start: usize, end: usize) {
        if end <= start {
            return;
        }
        self.pieces.push(Piece {
            logical: self.text.len(),
            source: start,
            len: end - start,
        });
        self.text.push_str(&source[start..end]);
    }

    /// Source offset of logical offset `p` taken as a range start.
    fn start_of(&self, p: usize) -> usize {
        let i = self.pieces.partition_point(|pc| pc.logical <= p);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some(pc) => pc.source + (p - pc.logical).min(pc.len),
            None => self.origin,
        }
    }

    /// Source offset of logical offset `p` taken as a range end.
    fn end_of(&self, p: usize) -> usize {
        let i = self.pieces.partition_point(|pc| pc.logical < p);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some(pc) => pc.source + (p - pc.logical).min(pc.len),
            None => self.start_of(p),
        }
    }

    /// The source range of logical `a..b`.
    pub fn range(&self, a: usize, b: usize) -> TextRange {
        let start = self.start_of(a);
        if b <= a {
            return TextRange::empty(start);
        }
        TextRange::new(start, self.end_of(b).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continued_ranges_map_back() {
        let src = "RUN a \\\n  b";
        let mut l = Logical::new(0);
        let (e, cont) = trim_continuation(src, 0, 7, b'\\');
        assert!(cont);
        l.push(src, 0, e);
        l.push(src, 8, src.len());
        assert_eq!(l.text, "RUN a   b");
        let r = l.range(4, l.text.len());
        assert_eq!(&src[r.start..r.end], "a \\\n  b");
        let r = l.range(6, 9);
        assert_eq!(&src[r.start..r.end], "  b");
    }

    #[test]
    fn escaped_escape_does_not_continue() {
        assert!(!trim_continuation("a \\\\", 0, 4, b'\\').1);
        assert!(trim_continuation("\\ \t", 0, 3, b'\\').1);
    }
}
