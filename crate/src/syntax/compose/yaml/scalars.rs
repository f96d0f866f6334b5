//! Plain and quoted scalars for the scanner. Both fold line breaks the YAML way: one break
//! becomes a space, each further break a `\n`, and the blanks around breaks are dropped. A
//! plain scalar ends at `: `, ` #`, a line indented no deeper than its block, a document
//! marker, or (in flow) `,[]{}`. Double quotes take the escapes of YAML 1.2 (`\n`, `\xNN`,
//! `\uNNNN`, `\UNNNNNNNN`, ...), single quotes only `''`.

use super::input::{Mark, ScanError, is_blank, is_blank_or_breakz, is_break, is_breakz, is_flow};
use super::scan::{ScalarStyle, Scanner, Tok};

/// Line folding between two runs of content: one break is a space, more are newlines.
fn fold(out: &mut String, leading_break: &mut String, trailing_breaks: &mut String) {
    if leading_break.is_empty() {
        out.push_str(trailing_breaks);
    } else if trailing_breaks.is_empty() {
        out.push(' ');
    } else {
        out.push_str(trailing_breaks);
    }
    leading_break.clear();
    trailing_breaks.clear();
}

impl Scanner<'_> {
    pub(super) fn fetch_plain_scalar(&mut self) -> Result<(), ScanError> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        self.unroll_non_block_indents();
        let indent = self.indent + 1;
        let start = self.mark;
        let in_flow = self.flow_level > 0;
        if in_flow && self.col() < indent {
            return Err(ScanError::at(
                start,
                "a value inside [ ] or { } is indented less than its block",
            ));
        }
        let mut value = String::new();
        let mut whitespaces = String::new();
        let mut leading_break = String::new();
        let mut trailing_breaks = String::new();
        let mut end = self.mark;
        loop {
            if (self.mark.col == 0 && self.at_document_indicator()) || self.peek() == '#' {
                if self.peek() == '#' && !value.is_empty() && !whitespaces.is_empty() && !in_flow {
                    self.interrupted_plain_by_comment = Some(self.mark);
                }
                break;
            }
            if in_flow && self.peek() == '-' && is_flow(self.peek_nth(1)) {
                return Err(self.error_here("a plain value cannot be '-' followed by one of ,[]{}"));
            }
            if !is_blank_or_breakz(self.peek()) && self.next_can_be_plain(in_flow) {
                if self.leading_whitespace {
                    fold(&mut value, &mut leading_break, &mut trailing_breaks);
                    self.leading_whitespace = false;
                } else {
                    value.push_str(&whitespaces);
                    whitespaces.clear();
                }
                let from = self.mark.pos;
                self.skip_non_blank();
                while !is_blank_or_breakz(self.peek()) && self.next_can_be_plain(in_flow) {
                    self.skip_non_blank();
                }
                value.push_str(self.text.get(from..self.mark.pos).unwrap_or(""));
                end = self.mark;
            }
            if !(is_blank(self.peek()) || is_break(self.peek())) {
                break;
            }
            while is_blank(self.peek()) || is_break(self.peek()) {
                if is_blank(self.peek()) {
                    if !self.leading_whitespace {
                        whitespaces.push(self.peek());
                        self.skip_blank();
                    } else if self.col() < indent && self.peek() == '\t' {
                        // A tab in the indentation is allowed only on an otherwise empty line.
                        self.skip_ws_to_eol(true)?;
                        if !is_breakz(self.peek()) {
                            return Err(ScanError::at(
                                start,
                                "a tab cannot indent the next line of this value",
                            ));
                        }
                    } else {
                        self.skip_blank();
                    }
                } else if self.leading_whitespace {
                    self.skip_break();
                    trailing_breaks.push('\n');
                } else {
                    whitespaces.clear();
                    self.skip_break();
                    leading_break.push('\n');
                    self.leading_whitespace = true;
                }
            }
            if !in_flow && self.col() < indent {
                break;
            }
        }
        if self.leading_whitespace {
            self.simple_key_allowed = true;
        }
        if value.is_empty() {
            // Only on broken input such as `{...`; the scanner must move on or fail.
            return Err(ScanError::at(start, "a value was expected here"));
        }
        self.push(start, end, Tok::Scalar(ScalarStyle::Plain, value));
        Ok(())
    }

    pub(super) fn fetch_flow_scalar(&mut self, single: bool) -> Result<(), ScanError> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let (start, end, tok) = self.scan_flow_scalar(single)?;
        // JSON-like keys may have their `:` right after them: `{"a":1}`.
        self.skip_to_next_token()?;
        self.adjacent_value_allowed_at = self.mark.pos;
        self.push(start, end, tok);
        Ok(())
    }

    fn scan_flow_scalar(&mut self, single: bool) -> Result<(Mark, Mark, Tok), ScanError> {
        let start = self.mark;
        let mut value = String::new();
        let mut leading_break = String::new();
        let mut trailing_breaks = String::new();
        let mut whitespaces = String::new();
        self.skip_non_blank();
        loop {
            if self.mark.col == 0 && self.at_document_indicator() {
                return Err(ScanError::at(
                    start,
                    "a quoted value cannot contain a line '---' or '...'",
                ));
            }
            if self.at_end() {
                return Err(ScanError::at(start, "this quoted value is never closed"));
            }
            if self.col() < self.indent {
                return Err(ScanError::at(
                    start,
                    "a line of this quoted value is indented less than its block",
                ));
            }
            let mut leading_blanks = false;
            self.quoted_non_blanks(single, &mut value, &mut leading_blanks, start)?;
            match self.peek() {
                '\'' if single => break,
                '"' if !single => break,
                _ => {}
            }
            while is_blank(self.peek()) || is_break(self.peek()) {
                if is_blank(self.peek()) {
                    if leading_blanks {
                        if self.peek() == '\t' && self.col() < self.indent {
                            return Err(
                                self.error_here("a tab cannot indent a line of a quoted value")
                            );
                        }
                        self.skip_blank();
                    } else {
                        whitespaces.push(self.peek());
                        self.skip_blank();
                    }
                } else if leading_blanks {
                    self.read_break(&mut trailing_breaks);
                } else {
                    whitespaces.clear();
                    self.read_break(&mut leading_break);
                    leading_blanks = true;
                }
            }
            if leading_blanks {
                fold(&mut value, &mut leading_break, &mut trailing_breaks);
            } else {
                value.push_str(&whitespaces);
                whitespaces.clear();
            }
        }
        self.skip_non_blank();
        // The range ends at the quote (`saphyr-parser` took in the blanks and comment after it).
        let end = self.mark;
        self.skip_ws_to_eol(true)?;
        match self.peek() {
            ',' | '}' | ']' if self.flow_level > 0 => {}
            c if is_breakz(c) => {}
            ':' if self.flow_level > 0 || start.line == self.mark.line => {}
            _ => {
                return Err(self.error_here(
                    "nothing may follow a quoted value on its line but ':' or a comment",
                ));
            }
        }
        let style = if single {
            ScalarStyle::SingleQuoted
        } else {
            ScalarStyle::DoubleQuoted
        };
        Ok((start, end, Tok::Scalar(style, value)))
    }

    /// Content characters up to a blank, a break or the closing quote.
    fn quoted_non_blanks(
        &mut self,
        single: bool,
        value: &mut String,
        leading_blanks: &mut bool,
        start: Mark,
    ) -> Result<(), ScanError> {
        while !is_blank_or_breakz(self.peek()) {
            match self.peek() {
                '\'' if single && self.peek_nth(1) == '\'' => {
                    value.push('\'');
                    self.skip_n_non_blank(2);
                }
                '\'' if single => break,
                '"' if !single => break,
                '\\' if !single && is_break(self.peek_nth(1)) => {
                    // An escaped line break joins the lines without a space.
                    self.skip_non_blank();
                    self.skip_break();
                    *leading_blanks = true;
                    break;
                }
                '\\' if !single => value.push(self.escape(start)?),
                c => {
                    value.push(c);
                    self.skip_non_blank();
                }
            }
        }
        Ok(())
    }

    fn escape(&mut self, start: Mark) -> Result<char, ScanError> {
        let simple = match self.peek_nth(1) {
            '0' => Some('\0'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            't' | '\t' => Some('\t'),
            'n' => Some('\n'),
            'v' => Some('\x0b'),
            'f' => Some('\x0c'),
            'r' => Some('\r'),
            'e' => Some('\x1b'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{a0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            _ => None,
        };
        let digits = match self.peek_nth(1) {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        if simple.is_none() && digits == 0 {
            return Err(ScanError::at(
                start,
                "this quoted value has an unknown escape after '\\'",
            ));
        }
        self.skip_n_non_blank(2);
        if let Some(c) = simple {
            return Ok(c);
        }
        let mut code = 0u32;
        for i in 0..digits {
            let Some(d) = self.peek_nth(i).to_digit(16) else {
                return Err(ScanError::at(
                    start,
                    "this quoted value has an escape with too few hex digits",
                ));
            };
            code = (code << 4) + d;
        }
        let Some(c) = char::from_u32(code) else {
            return Err(ScanError::at(
                start,
                "this quoted value escapes a code that is no character",
            ));
        };
        self.skip_n_non_blank(digits);
        Ok(c)
    }
}
