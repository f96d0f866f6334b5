//! Tokens for the recovering parser, on top of the scanner (`scanner.rs`). The scanner stops at
//! its first error; this layer reports the error, skips the bad text and restarts the scanner
//! after it, so one typo never hides the rest of the file.

use super::scanner::{ScanError, Scanner, Token, is_word_char};
use super::tree::{Span, SyntaxError, push_fixable};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Comma,
    Colon,
    String,
    Number,
    True,
    False,
    Null,
    /// A bare word such as `foo` or `undefined`: not JSON, but may be an unquoted key.
    Word,
    /// Text that is no token at all; the lexer has already reported it.
    Bad,
}

/// A token: small and copied, its text left where it is. The raw text of anything but a string
/// is the document's at `range`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub kind: TokKind,
    pub range: TextRange,
    /// The decoded content of a string, in the lexer's string buffer; empty for other kinds.
    pub value: Span,
}

pub struct Lexer<'a> {
    text: &'a str,
    scanner: Scanner<'a>,
    pub errors: Vec<SyntaxError>,
    pub comments: Vec<TextRange>,
}

const BOM: &str = "\u{feff}";

/// Past this many errors the lexer stops recording them and skips junk in larger steps, so a
/// megabyte of garbage costs no more than reading it once.
const MAX_LEXER_ERRORS: usize = 1000;

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        let base = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Self {
            text,
            scanner: Scanner::new(text, base),
            errors: Vec::new(),
            // The corpus has a comment per 156 bytes (two thirds of its files have some).
            comments: Vec::with_capacity(text.len() / 128 + 2),
        }
    }

    fn restart(&mut self, at: usize) {
        self.scanner.restart(at);
    }

    fn error(&mut self, range: TextRange, message: impl Into<String>) {
        if self.errors.len() >= MAX_LEXER_ERRORS {
            return;
        }
        self.errors.push(SyntaxError {
            code: "syntax-error",
            message: message.into(),
            range,
            replacement: None,
        });
    }

    /// The next token, or `None` at the end of the text. Never fails.
    pub fn next_token(&mut self) -> Option<Tok> {
        loop {
            let scanned = self.scanner.scan();
            let start = self.scanner.token_start();
            let end = self.scanner.token_end();
            let kind = match scanned {
                Ok(None) => return None,
                Err(err) => return self.recover(start, err),
                Ok(Some(Token::Comment)) => {
                    self.comments.push(TextRange::new(start, end));
                    continue;
                }
                Ok(Some(Token::String(value))) => {
                    return Some(self.string_token(start, end, value));
                }
                Ok(Some(Token::Plain(kind))) => kind,
            };
            return Some(Tok {
                kind,
                range: TextRange::new(start, end),
                value: Span::EMPTY,
            });
        }
    }

    /// A well-scanned string, unless it ran across a line end: then the user is still typing it,
    /// so it ends at its line's end and scanning resumes there.
    fn string_token(&mut self, start: usize, end: usize, value: Span) -> Tok {
        let text = self.text;
        // The scanner saw the first control character (line ends are some) as it read.
        let control = self.scanner.first_control;
        let line_end = control.and_then(|at| text[at..end].find(['\n', '\r']).map(|n| at + n));
        if let Some(cut) = line_end {
            self.error(
                TextRange::new(start, cut),
                "This string is not closed: add a '\"' before the end of the line.",
            );
            self.restart(cut);
            self.scanner.strings.truncate(value.start);
            return Tok {
                kind: TokKind::String,
                range: TextRange::new(start, cut),
                value: self.keep(&text[start + 1..cut]),
            };
        }
        if let Some(at) = control {
            self.error(
                TextRange::new(at, at + 1),
                "Control characters must be escaped in strings (write \\t, \\n or \\u00XX).",
            );
        }
        Tok {
            kind: TokKind::String,
            range: TextRange::new(start, end),
            value,
        }
    }

    /// Adds `content` to the string buffer, as the value of a string token.
    pub fn keep(&mut self, content: &str) -> Span {
        let start = self.scanner.strings.len();
        self.scanner.strings.push_str(content);
        Span::new(start, self.scanner.strings.len())
    }

    /// The text at `span` in the string buffer.
    pub fn span(&self, span: Span) -> &str {
        self.scanner.strings.get(span.start..span.end).unwrap_or("")
    }

    /// The raw text of a token.
    pub fn raw(&self, tok: &Tok) -> &'a str {
        self.text.get(tok.range.start..tok.range.end).unwrap_or("")
    }

    /// The decoded strings, for the tree (the lexer is done).
    pub fn take_strings(&mut self) -> String {
        std::mem::take(&mut self.scanner.strings)
    }

    /// Reports the scanner's error at `start`, skips the bad text, and returns what stood there.
    fn recover(&mut self, start: usize, err: ScanError) -> Option<Tok> {
        let text = self.text;
        let rest = &text[start..];
        let first = rest.chars().next()?;
        if first == '"' || first == '\'' {
            let (end, closed) = quoted_end(self.text, start, first as u8);
            let range = TextRange::new(start, end);
            let inner_end = if closed { end - 1 } else { end };
            let raw_inner = &text[start + 1..inner_end.max(start + 1)];
            if first == '\'' {
                let replacement = closed.then(|| requote(raw_inner));
                let error = SyntaxError {
                    code: "syntax-error",
                    message: "Strings must use double quotes in devcontainer.json.".into(),
                    range,
                    replacement,
                };
                push_fixable(&mut self.errors, error, MAX_LEXER_ERRORS);
            } else if !closed {
                self.error(
                    range,
                    "This string is not closed: add a '\"' before the end of the line.",
                );
            } else {
                let problem = err
                    .escape
                    .as_deref()
                    .unwrap_or("Unterminated string literal");
                self.error(range, format!("Invalid string: {problem}. Only the JSON escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are allowed."));
            }
            self.restart(end);
            return Some(Tok {
                kind: TokKind::String,
                range,
                value: self.keep(raw_inner),
            });
        }
        if rest.starts_with("/*") {
            let end = self.text.len();
            self.comments.push(TextRange::new(start, end));
            self.error(
                TextRange::new(start, start + 2),
                "This comment is not closed: add '*/'.",
            );
            self.restart(end);
            return None;
        }
        let mut end = start + junk_len(rest);
        // The scanner takes a bare word only before whitespace or ':'. Cut short by ',', '}'
        // or another token, it is the same word: the parser reports it as one, so that
        // `user,` and `user ,` read alike (a fuzz finding: removing a comma changed an error).
        if is_bare_word(&text[start..end]) {
            self.restart(end);
            return Some(Tok {
                kind: TokKind::Word,
                range: TextRange::new(start, end),
                value: Span::EMPTY,
            });
        }
        if self.errors.len() >= MAX_LEXER_ERRORS {
            end += self.text[end..]
                .find(['{', '}', '[', ']', ',', ':', '"', '\'', '/'])
                .unwrap_or(self.text.len() - end);
        }
        let range = TextRange::new(start, end);
        let word = &text[start..end];
        let message = if starts_like_number(first) {
            format!(
                "Invalid number '{}': JSON numbers are decimal, without a leading '+', '.' or '0x'.",
                clip(word)
            )
        } else {
            format!(
                "Unexpected '{}': expected a value, a property name in double quotes, or a comment.",
                clip(word)
            )
        };
        self.error(range, message);
        self.restart(end);
        Some(Tok {
            kind: TokKind::Bad,
            range,
            value: Span::EMPTY,
        })
    }
}

/// End of a quoted literal starting at `start`: after its closing quote on the same line,
/// or at the line's end when it is not closed.
fn quoted_end(text: &str, start: usize, quote: u8) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if !matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
            b'\n' | b'\r' => return (i, false),
            b if b == quote => return (i + 1, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// Length of a run of text that is no token: up to whitespace or a character that starts one.
fn junk_len(rest: &str) -> usize {
    let mut len = 0;
    for (i, ch) in rest.char_indices() {
        let stops = ch.is_whitespace()
            || matches!(ch, '{' | '}' | '[' | ']' | ',' | ':' | '"' | '\'' | '/');
        if stops && i > 0 {
            break;
        }
        len = i + ch.len_utf8();
    }
    len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Whether `s` is what the scanner reads as a bare word ([`is_word_char`]), not starting like
/// a number.
fn is_bare_word(s: &str) -> bool {
    let starts_word = s.chars().next().is_some_and(|c| !starts_like_number(c));
    starts_word && s.chars().all(is_word_char)
}

/// A digit, `-`, `+` or `.`: junk that starts so is reported as a bad number.
fn starts_like_number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '+' | '.')
}

/// The content of a single-quoted string written as a JSON string.
fn requote(raw_inner: &str) -> String {
    let unescaped = raw_inner.replace("\\'", "'");
    let mut out = String::with_capacity(unescaped.len() + 2);
    out.push('"');
    let mut chars = unescaped.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => {
                out.push('\\');
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// At most 40 characters of `s`, for messages.
pub fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
