//! The reading position of the YAML scanner and the character classes of YAML 1.2. Positions
//! are byte offsets into the text, plus the line, the column and the character count that YAML's
//! rules are stated in (indentation is counted in characters, a simple key may span at most 1024
//! of them). The end of the text reads as `'\0'`, as does a NUL byte, which YAML does not allow
//! either: the scanner stops at both.

use super::scan::Scanner;

/// A position in the text: `pos` in bytes, `chars` in characters from the start, `line` from
/// 1 and `col` in characters from the line start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Mark {
    pub pos: usize,
    pub chars: usize,
    pub line: usize,
    pub col: usize,
}

pub(super) fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

pub(super) fn is_breakz(c: char) -> bool {
    is_break(c) || c == '\0'
}

pub(super) fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

pub(super) fn is_blank_or_breakz(c: char) -> bool {
    is_blank(c) || is_breakz(c)
}

/// The characters of a tag handle: `[0-9A-Za-z_-]`.
pub(super) fn is_alpha(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

pub(super) fn is_flow(c: char) -> bool {
    matches!(c, ',' | '[' | ']' | '{' | '}')
}

/// Content of a line: anything but a break, the end, or a byte order mark.
pub(super) fn is_non_break(c: char) -> bool {
    !is_breakz(c) && c != '\u{feff}'
}

pub(super) fn is_non_space(c: char) -> bool {
    is_non_break(c) && !is_blank(c)
}

pub(super) fn is_anchor_char(c: char) -> bool {
    is_non_space(c) && !is_flow(c)
}

pub(super) fn is_uri_char(c: char) -> bool {
    (is_alpha(c) && c != '_') || "#;/?:@&=+$,_.!~*'()[]%".contains(c)
}

pub(super) fn is_tag_char(c: char) -> bool {
    is_uri_char(c) && !is_flow(c) && c != '!'
}

/// What [`Scanner::skip_ws_to_eol`] passed over.
#[derive(Clone, Copy, Default)]
pub(super) struct Skipped {
    pub tabs: bool,
    pub spaces: bool,
}

impl Scanner<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.mark.pos..).unwrap_or("")
    }

    /// The next character, `'\0'` at the end.
    pub(super) fn peek(&self) -> char {
        match self.text.as_bytes().get(self.mark.pos) {
            Some(b) if b.is_ascii() => char::from(*b),
            _ => self.rest().chars().next().unwrap_or('\0'),
        }
    }

    pub(super) fn peek_nth(&self, n: usize) -> char {
        let bytes = self.text.as_bytes();
        let ascii_run = (0..=n).all(|i| bytes.get(self.mark.pos + i).is_some_and(u8::is_ascii));
        if ascii_run {
            return bytes
                .get(self.mark.pos + n)
                .map_or('\0', |b| char::from(*b));
        }
        self.rest().chars().nth(n).unwrap_or('\0')
    }

    pub(super) fn at_end(&self) -> bool {
        self.peek() == '\0'
    }

    pub(super) fn next_is(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// `---` or `...` followed by a blank, a break or the end.
    pub(super) fn at_document_indicator(&self) -> bool {
        (self.next_is("---") || self.next_is("...")) && is_blank_or_breakz(self.peek_nth(3))
    }

    /// Whether the next character may continue a plain scalar (`: ` and, in flow, `,[]{}` end it).
    pub(super) fn next_can_be_plain(&self, in_flow: bool) -> bool {
        let next = self.peek_nth(1);
        match self.peek() {
            ':' if is_blank_or_breakz(next) || (in_flow && is_flow(next)) => false,
            '\u{feff}' => false,
            c if in_flow && is_flow(c) => false,
            _ => true,
        }
    }

    /// Passes one character on the line, content or not.
    pub(super) fn skip_blank(&mut self) {
        if self.mark.pos < self.text.len() {
            self.mark.pos += self.peek().len_utf8();
            self.mark.chars += 1;
            self.mark.col += 1;
        }
    }

    pub(super) fn skip_non_blank(&mut self) {
        self.skip_blank();
        self.leading_whitespace = false;
    }

    pub(super) fn skip_n_non_blank(&mut self, n: usize) {
        for _ in 0..n {
            self.skip_blank();
        }
        self.leading_whitespace = false;
    }

    fn skip_nl(&mut self) {
        if self.mark.pos < self.text.len() {
            self.mark.pos += 1;
            self.mark.chars += 1;
            self.mark.col = 0;
            self.mark.line += 1;
            self.leading_whitespace = true;
        }
    }

    /// Passes `\r\n`, `\r` or `\n`; nothing if no break is next.
    pub(super) fn skip_break(&mut self) {
        if self.next_is("\r\n") {
            self.skip_blank();
            self.skip_nl();
        } else if is_break(self.peek()) {
            self.skip_nl();
        }
    }

    /// Passes a break and records it as one `\n`.
    pub(super) fn read_break(&mut self, into: &mut String) {
        self.skip_break();
        into.push('\n');
    }

    /// Passes the rest of a comment, up to the line break.
    pub(super) fn skip_comment(&mut self) {
        while is_non_break(self.peek()) {
            self.skip_blank();
        }
    }

    /// Passes spaces (and tabs when `tabs`) and a comment after them, up to the line break. A
    /// `#` right after content is no comment, and a byte order mark inside a line is an error.
    pub(super) fn skip_ws_to_eol(&mut self, tabs: bool) -> Result<Skipped, ScanError> {
        let mut seen = Skipped::default();
        loop {
            match self.peek() {
                ' ' => seen.spaces = true,
                '\t' if tabs => seen.tabs = true,
                _ => break,
            }
            self.skip_blank();
        }
        if self.peek() == '#' {
            if !seen.tabs && !seen.spaces {
                return Err(self
                    .error_here("a comment must be separated from the text before it by a space"));
            }
            self.skip_comment();
        }
        if self.mark.col > 0 && self.peek() == '\u{feff}' {
            return Err(self.error_here("a byte order mark must not appear inside a document"));
        }
        Ok(seen)
    }

    pub(super) fn error_here(&self, message: &'static str) -> ScanError {
        ScanError::at(self.mark, message)
    }
}

/// The first syntax error of a text: where, and what is wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ScanError {
    pub pos: usize,
    pub message: &'static str,
}

impl ScanError {
    pub(super) fn at(mark: Mark, message: &'static str) -> ScanError {
        ScanError {
            pos: mark.pos,
            message,
        }
    }
}
