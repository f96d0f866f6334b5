//! The JSONC scanner under the recovering lexer: one token at a time, byte by byte, strict
//! JSON with `//` and `/* */` comments (devcontainer.json allows nothing JSON5-like). It stops
//! at the first bad token and says where that token began; the lexer reports it, skips the
//! bad text and resumes with [`Scanner::restart`].
//!
//! It replaced jsonc-parser's scanner (same tokens, same errors in strict mode; a unit test
//! below compares the two on the corpus and on random text), which spent a third of a large
//! file's analysis and 13 KB of the WASM module on options and token kinds we never use.

use super::lexer::TokKind;
use super::tree::Span;
use crate::text::bytes::{line_end, string_stop};

/// A character of a bare word: a letter, a digit, `-`, `_` or `$` (the lexer's recovery reads
/// words by the same test).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '$')
}

/// What one scan found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Token {
    /// Punctuation, a number, `true`, `false`, `null` or a bare word: the text says the rest.
    Plain(TokKind),
    /// A string, its content decoded into [`Scanner::strings`] at this span.
    String(Span),
    /// A `//` or `/* */` comment.
    Comment,
}

/// A token the scanner cannot read. Only a bad escape has a message worth showing: the lexer
/// words every other error itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ScanError {
    pub escape: Option<String>,
}

pub(super) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Where the last token began and where scanning goes on.
    start: usize,
    pos: usize,
    /// The decoded content of every string scanned, end to end: one buffer for the whole tree
    /// instead of one allocation per string. A failed string leaves nothing in it.
    pub strings: String,
    /// Where the last string scanned holds its first control character (a line end among
    /// them), found by the same search as its quotes: the lexer reports it without a rescan.
    pub first_control: Option<usize>,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, at: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            start: at,
            pos: at,
            // Decoded strings are never longer than the text, so this never grows.
            strings: String::with_capacity(text.len()),
            first_control: None,
        }
    }

    /// Goes on from `at`, a char boundary.
    pub fn restart(&mut self, at: usize) {
        self.start = at;
        self.pos = at;
    }

    /// The range of the last token (or of the start of the bad one).
    pub fn token_start(&self) -> usize {
        self.start
    }
    pub fn token_end(&self) -> usize {
        self.pos
    }

    /// The next token, `Ok(None)` at the end of the text.
    pub fn scan(&mut self) -> Result<Option<Token>, ScanError> {
        self.skip_whitespace();
        self.start = self.pos;
        let Some(&b) = self.bytes.get(self.pos) else {
            return Ok(None);
        };
        let punct = match b {
            b'{' => Some(TokKind::LBrace),
            b'}' => Some(TokKind::RBrace),
            b'[' => Some(TokKind::LBracket),
            b']' => Some(TokKind::RBracket),
            b',' => Some(TokKind::Comma),
            b':' => Some(TokKind::Colon),
            _ => None,
        };
        if let Some(kind) = punct {
            self.pos += 1;
            return Ok(Some(Token::Plain(kind)));
        }
        match b {
            b'"' => self.string().map(|s| Some(Token::String(s))),
            b'/' => self.comment().map(|()| Some(Token::Comment)),
            b'-' | b'0'..=b'9' => self.number().map(|()| Some(Token::Plain(TokKind::Number))),
            // Single quotes, a leading `+` or `.`: JSON5, refused.
            b'\'' | b'+' => Err(plain_error()),
            b'.' if self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit) => {
                Err(plain_error())
            }
            b't' if self.keyword("true") => Ok(Some(Token::Plain(TokKind::True))),
            b'f' if self.keyword("false") => Ok(Some(Token::Plain(TokKind::False))),
            b'n' if self.keyword("null") => Ok(Some(Token::Plain(TokKind::Null))),
            _ => self.word().map(|()| Some(Token::Plain(TokKind::Word))),
        }
    }

    /// The char at `at` (a char boundary inside the text).
    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    fn skip_whitespace(&mut self) {
        let bytes = self.bytes;
        let mut pos = self.pos;
        loop {
            // Indentation first: runs of spaces are most of a config's whitespace.
            while bytes.get(pos) == Some(&b' ') {
                pos += 1;
            }
            match bytes.get(pos) {
                Some(b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => pos += 1,
                Some(0x80..) => match self.char_at(pos) {
                    Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        self.pos = pos;
    }

    /// `true`, `false` or `null`, unless a letter, digit or `$` goes on right after it (then it
    /// is the start of a word: `nullable`). A `-` or `_` ends it: `true-x` is `true`, then junk.
    fn keyword(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) != Some(word.as_bytes()) {
            return false;
        }
        let goes_on = match self.bytes.get(end) {
            Some(&next) if next < 0x80 => next.is_ascii_alphanumeric() || next == b'$',
            Some(_) => self.char_at(end).is_some_and(char::is_alphanumeric),
            None => false,
        };
        if !goes_on {
            self.pos = end;
        }
        !goes_on
    }

    /// A bare word (an unquoted key, `undefined`): letters, digits, `-`, `_` and `$`, up to
    /// whitespace or `:`. Any other character makes the whole token bad.
    fn word(&mut self) -> Result<(), ScanError> {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == b':' {
                    break;
                }
                if !is_word_char(char::from(b)) {
                    return Err(plain_error());
                }
                self.pos += 1;
            } else {
                let c = self
                    .char_at(self.pos)
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                if c.is_whitespace() {
                    break;
                }
                if !is_word_char(c) {
                    return Err(plain_error());
                }
                self.pos += c.len_utf8();
            }
        }
        if self.pos == start {
            return Err(plain_error());
        }
        Ok(())
    }

    /// A JSON number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?. A leading
    /// `0` ends the number (`01` is two of them), as in the grammar.
    fn number(&mut self) -> Result<(), ScanError> {
        let digit_at = |s: &Self, at: usize| s.bytes.get(at).is_some_and(u8::is_ascii_digit);
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.bytes.get(self.pos), Some(b'x' | b'X')) {
                    return Err(plain_error());
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(plain_error()),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digit_at(self, self.pos) {
                return Err(plain_error());
            }
            self.skip_digits();
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'-' | b'+')) {
                self.pos += 1;
            }
            if !digit_at(self, self.pos) {
                return Err(plain_error());
            }
            self.skip_digits();
        }
        Ok(())
    }

    fn skip_digits(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
    }

    /// `//` to the end of the line (`\n` or `\r`), or `/*` to `*/`.
    fn comment(&mut self) -> Result<(), ScanError> {
        match self.bytes.get(self.pos + 1) {
            Some(b'/') => {
                let rest = &self.bytes[self.pos + 2..];
                let len = line_end(rest).unwrap_or(rest.len());
                self.pos += 2 + len;
                Ok(())
            }
            Some(b'*') => match self.text[self.pos + 2..].find("*/") {
                Some(len) => {
                    self.pos += 2 + len + 2;
                    Ok(())
                }
                None => Err(plain_error()),
            },
            _ => Err(plain_error()),
        }
    }

    /// A double-quoted string, decoded into `strings`. Line ends may stand inside (the lexer
    /// cuts the string there); escapes are JSON's only.
    fn string(&mut self) -> Result<Span, ScanError> {
        let begin = self.strings.len();
        let decoded = self.decode_string();
        if decoded.is_err() {
            self.strings.truncate(begin);
        }
        decoded.map(|()| Span::new(begin, self.strings.len()))
    }

    fn decode_string(&mut self) -> Result<(), ScanError> {
        let text = self.text;
        let bytes = self.bytes;
        let mut at = self.pos + 1;
        self.first_control = None;
        loop {
            // Copy up to the next quote, backslash or control character in one go.
            let run = string_stop(&bytes[at..]).ok_or_else(plain_error)?;
            let stop = at + run;
            match bytes[stop] {
                b'"' => {
                    self.strings.push_str(&text[at..stop]);
                    self.pos = stop + 1;
                    return Ok(());
                }
                b'\\' => {
                    self.strings.push_str(&text[at..stop]);
                    at = self.escape(stop)?;
                }
                // Kept as written: the lexer reports it, or cuts the string at a line end.
                _ => {
                    self.first_control.get_or_insert(stop);
                    self.strings.push_str(&text[at..=stop]);
                    at = stop + 1;
                }
            }
        }
    }

    /// Decodes the escape at `at` (its backslash) into `out`; returns where the text goes on.
    fn escape(&mut self, at: usize) -> Result<usize, ScanError> {
        let Some(c) = self.char_at(at + 1) else {
            return Err(plain_error());
        };
        let simple = match c {
            '"' | '\\' | '/' => Some(c),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        };
        if let Some(decoded) = simple {
            self.strings.push(decoded);
            return Ok(at + 2);
        }
        match c {
            'u' => {
                let (decoded, end) = self.unicode_escape(at)?;
                self.strings.push(decoded);
                Ok(end)
            }
            '\'' => Err(escape_error("Invalid escape in double quote string")),
            _ => Err(escape_error("Invalid escape")),
        }
    }

    /// `\uXXXX` at `at`, or a surrogate pair `\uD83D\uDE00`: the char and where the text goes on.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), ScanError> {
        let first = self.hex4(at + 2)?;
        let value = hex_value(first);
        let invalid = |what: String| {
            escape_error(&format!(
                "Invalid unicode escape sequence. '{what}' is not a valid UTF8 character"
            ))
        };
        if (0xDC00..=0xDFFF).contains(&value) {
            return Err(invalid(format!("{first} (unpaired low surrogate)")));
        }
        if !(0xD800..=0xDBFF).contains(&value) {
            let c = char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER);
            return Ok((c, at + 6));
        }
        if self.bytes.get(at + 6..at + 8) != Some(b"\\u") {
            return Err(invalid(format!("{first} (unpaired high surrogate)")));
        }
        let low = hex_value(self.hex4(at + 8)?);
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(invalid(format!(
                "{first} (high surrogate not followed by low surrogate)"
            )));
        }
        let code = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        Ok((c, at + 12))
    }

    /// The four hex digits at `at`, as written.
    fn hex4(&self, at: usize) -> Result<&'a str, ScanError> {
        match self.text.get(at..at + 4) {
            Some(digits) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(digits),
            _ => Err(escape_error("Expected four hex digits")),
        }
    }
}

fn hex_value(digits: &str) -> u32 {
    u32::from_str_radix(digits, 16).unwrap_or(0)
}

fn plain_error() -> ScanError {
    ScanError { escape: None }
}

fn escape_error(message: &str) -> ScanError {
    ScanError {
        escape: Some(message.to_string()),
    }
}

#[cfg(test)]
#[path = "scanner_differential.rs"]
mod differential;
