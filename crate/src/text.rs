//! Byte offsets (used everywhere inside the crate) and UTF-16 positions (what VS Code and
//! LSP count) for one document. Lines end at `\n`, `\r\n` or a lone `\r`, as VS Code splits them.

use serde::{Deserialize, Serialize};

pub mod bytes;

/// A half-open byte range into the document text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub const fn empty(at: usize) -> Self {
        Self { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when `offset` lies inside the range or touches its end.
    pub fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn contains_range(&self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn intersects(&self, other: TextRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// A 0-based line and UTF-16 column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// A range of two UTF-16 positions, as LSP and VS Code use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Line starts of a document, for converting between byte offsets and UTF-16 positions.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: std::borrow::Cow<'a, [usize]>,
    ascii: bool,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            line_starts: std::borrow::Cow::Owned(line_starts(text.as_bytes())),
            ascii: text.is_ascii(),
        }
    }

    /// An index over line starts computed before (a kept [`crate::api::Document`] caches them).
    pub fn from_line_starts(text: &'a str, line_starts: &'a [usize], ascii: bool) -> Self {
        Self {
            text,
            line_starts: std::borrow::Cow::Borrowed(line_starts),
            ascii,
        }
    }

    /// The same index, borrowing this one's line starts.
    pub fn view(&self) -> LineIndex<'_> {
        LineIndex::from_line_starts(self.text, &self.line_starts, self.ascii)
    }

    /// The byte offset where each line starts, and whether the text is ASCII.
    pub fn into_parts(self) -> (Vec<usize>, bool) {
        (self.line_starts.into_owned(), self.ascii)
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where `line` starts (0-based); the text length past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Byte range of `line`'s content, without its line ending.
    pub fn line_range(&self, line: usize) -> TextRange {
        let start = self.line_start(line);
        let mut end = if line + 1 < self.line_starts.len() {
            self.line_starts[line + 1]
        } else {
            self.text.len()
        };
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        TextRange::new(start, end)
    }

    /// The 0-based line holding byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Clamps `offset` into the text and back onto a char boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_of(self.clamp(offset));
        // An offset inside a line ending (between \r and \n) belongs to the line's end.
        let offset = self.clamp(offset).min(self.line_range(line).end);
        let start = self.line_starts[line];
        let character = if self.ascii {
            offset - start
        } else {
            utf16_len(&self.text[start..offset])
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    pub fn range(&self, range: TextRange) -> Range {
        Range {
            start: self.position(range.start),
            end: self.position(range.end.max(range.start)),
        }
    }

    /// Byte offset of a UTF-16 position; a column past the line's end clamps to the end,
    /// a line past the last clamps to the text's end.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return self.text.len();
        }
        let content = self.line_range(line);
        self.line_starts[line]
            + utf16_to_byte_len(
                &self.text[content.start..content.end],
                position.character as usize,
            )
    }

    /// Byte offset of a UTF-16 code-unit offset into the whole text (clamped).
    pub fn offset_from_utf16(&self, utf16_offset: usize) -> usize {
        if self.ascii {
            return utf16_offset.min(self.text.len());
        }
        utf16_to_byte_len(self.text, utf16_offset)
    }

    /// UTF-16 code-unit offset of a byte offset.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        if self.ascii {
            offset
        } else {
            utf16_len(&self.text[..offset])
        }
    }
}

/// Where each line starts: after every `\n`, `\r\n` and lone `\r`. The line ends are found
/// eight bytes at a time; the byte loop it replaced was 4% of a check (every file with a
/// finding builds the index).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
    starts.push(0);
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(bytes::line_end) {
        let end = at + found;
        at = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        starts.push(at);
    }
    starts
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Byte length of the longest prefix of `s` whose UTF-16 length is at most `units`
/// (a column inside a surrogate pair falls back to the pair's start).
fn utf16_to_byte_len(s: &str, units: usize) -> usize {
    let mut seen = 0;
    for (index, ch) in s.char_indices() {
        let next = seen + ch.len_utf16();
        if next > units {
            return index;
        }
        seen = next;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte loop `line_starts` replaced.
    fn line_starts_one_by_one(bytes: &[u8]) -> Vec<usize> {
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            if matches!(bytes[i], b'\n' | b'\r') {
                starts.push(i + 1);
            }
            i += 1;
        }
        starts
    }

    proptest! {
        #[test]
        fn line_starts_match_a_byte_loop(pieces in proptest::collection::vec(
            prop_oneof![Just("\n"), Just("\r"), Just("\r\n"), Just("\n\r"), Just("a"), Just("注"), Just("bcdefghij")],
            0..60,
        )) {
            let text = pieces.concat();
            prop_assert_eq!(line_starts(text.as_bytes()), line_starts_one_by_one(text.as_bytes()));
        }
    }

    #[test]
    fn positions_count_utf16_units_across_cjk_emoji_and_line_ends() {
        let text = "\u{feff}{\r\n// 注释😀\r\"a\": 1\n}";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let quote = text.find("\"a\"").unwrap();
        assert_eq!(
            index.position(quote),
            Position {
                line: 2,
                character: 0
            }
        );
        let after_emoji = text.find("😀").unwrap() + "😀".len();
        assert_eq!(
            index.position(after_emoji),
            Position {
                line: 1,
                character: 3 + 2 + 2
            }
        );
        // The BOM is one UTF-16 unit; byte 1 lies inside it and clamps back to its start.
        assert_eq!(index.position(1), Position::default());
        assert_eq!(
            index.position(3),
            Position {
                line: 0,
                character: 1
            }
        );
        assert_eq!(index.offset(index.position(after_emoji)), after_emoji);
        assert_eq!(index.offset_from_utf16(index.utf16_offset(quote)), quote);
    }

    #[test]
    fn offset_inside_crlf_maps_to_line_end() {
        let index = LineIndex::new("ab\r\ncd");
        assert_eq!(
            index.position(3),
            Position {
                line: 0,
                character: 2
            }
        );
        assert_eq!(
            index.position(4),
            Position {
                line: 1,
                character: 0
            }
        );
    }

    #[test]
    fn offsets_clamp_past_line_and_text_ends() {
        let index = LineIndex::new("ab\ncd");
        assert_eq!(
            index.offset(Position {
                line: 0,
                character: 99
            }),
            2
        );
        assert_eq!(
            index.offset(Position {
                line: 9,
                character: 0
            }),
            5
        );
        assert_eq!(
            index.position(99),
            Position {
                line: 1,
                character: 2
            }
        );
    }
}
