//! The YAML scanner: text to tokens, in the way of libyaml (and `saphyr-parser`, which the
//! differential tests compare with). Indentation opens and closes block collections; a scalar
//! that may turn out to be a key is remembered as a "simple key" and a `Key` token is inserted
//! before it once its `:` is seen. Every token is produced by one pass over its characters and
//! the queue is never rescanned, so the scanner is linear in the text.

use super::input::{Mark, ScanError, is_blank_or_breakz, is_flow};
use std::collections::VecDeque;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    StreamStart,
    StreamEnd,
    VersionDirective,
    /// `%TAG handle prefix`.
    TagDirective(String, String),
    ReservedDirective,
    DocumentStart,
    DocumentEnd,
    ByteOrderMark,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(String),
    Anchor(String),
    /// Handle and suffix: `!!str` is `("!!", "str")`, `!reset` is `("!", "reset")`.
    Tag(String, String),
    Scalar(ScalarStyle, String),
}

impl Tok {
    /// The same kind without its text, so that looking at a token copies no string.
    pub(super) fn shallow(&self) -> Tok {
        match self {
            Tok::TagDirective(..) => Tok::TagDirective(String::new(), String::new()),
            Tok::Alias(_) => Tok::Alias(String::new()),
            Tok::Anchor(_) => Tok::Anchor(String::new()),
            Tok::Tag(..) => Tok::Tag(String::new(), String::new()),
            Tok::Scalar(style, _) => Tok::Scalar(*style, String::new()),
            other => other.clone(),
        }
    }
}

/// A token and its bytes in the text.
#[derive(Clone, Debug)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub tok: Tok,
}

#[derive(Clone, Copy, Default)]
pub(super) struct SimpleKey {
    pub possible: bool,
    pub required: bool,
    pub token_number: usize,
    pub mark: Mark,
}

#[derive(Clone, Copy)]
pub(super) struct Indent {
    pub indent: isize,
    pub needs_block_end: bool,
}

/// Inside a flow sequence, `[a: b]` is a one-pair mapping the scanner opens itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ImplicitMapping {
    Possible,
    Inside,
}

pub(super) struct Scanner<'t> {
    pub text: &'t str,
    pub mark: Mark,
    pub leading_whitespace: bool,
    pub tokens: VecDeque<Token>,
    pub error: Option<ScanError>,
    pub stream_start_produced: bool,
    pub stream_end_produced: bool,
    /// Where a `:` may follow a JSON-like key without a space (`{"a":1}`).
    pub adjacent_value_allowed_at: usize,
    pub simple_key_allowed: bool,
    pub simple_keys: Vec<SimpleKey>,
    pub indent: isize,
    pub indents: Vec<Indent>,
    pub flow_level: usize,
    pub tokens_parsed: usize,
    pub token_available: bool,
    pub flow_mapping_started: Vec<bool>,
    pub implicit_mappings: Vec<Option<ImplicitMapping>>,
    pub interrupted_plain_by_comment: Option<Mark>,
}

impl<'t> Scanner<'t> {
    pub fn new(text: &'t str) -> Self {
        Scanner {
            text,
            mark: Mark {
                line: 1,
                ..Mark::default()
            },
            leading_whitespace: true,
            tokens: VecDeque::new(),
            error: None,
            stream_start_produced: false,
            stream_end_produced: false,
            adjacent_value_allowed_at: 0,
            simple_key_allowed: true,
            simple_keys: Vec::new(),
            indent: -1,
            indents: Vec::new(),
            flow_level: 0,
            tokens_parsed: 0,
            token_available: false,
            flow_mapping_started: Vec::new(),
            implicit_mappings: Vec::new(),
            interrupted_plain_by_comment: None,
        }
    }

    pub(super) fn col(&self) -> isize {
        isize::try_from(self.mark.col).unwrap_or(isize::MAX)
    }

    /// The next token; after an error, the same error again.
    pub fn next_token(&mut self) -> Result<Token, ScanError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        match self.next_token_inner() {
            Ok(t) => Ok(t),
            Err(e) => {
                self.error = Some(e.clone());
                Err(e)
            }
        }
    }

    fn next_token_inner(&mut self) -> Result<Token, ScanError> {
        if self.stream_end_produced {
            return Err(self.error_here("the text ended early"));
        }
        if !self.token_available {
            self.fetch_more_tokens()?;
        }
        let Some(t) = self.tokens.pop_front() else {
            return Err(self.error_here("the text ended early"));
        };
        self.token_available = false;
        self.tokens_parsed += 1;
        if t.tok == Tok::StreamEnd {
            self.stream_end_produced = true;
        }
        Ok(t)
    }

    /// Fetches until the first queued token can no longer become a simple key's value.
    fn fetch_more_tokens(&mut self) -> Result<(), ScanError> {
        loop {
            let need_more = if self.tokens.is_empty() {
                true
            } else {
                self.stale_simple_keys()?;
                self.simple_keys
                    .iter()
                    .any(|sk| sk.possible && sk.token_number == self.tokens_parsed)
            };
            if !need_more {
                break;
            }
            self.fetch_next_token()?;
        }
        self.token_available = true;
        Ok(())
    }

    pub(super) fn push(&mut self, start: Mark, end: Mark, tok: Tok) {
        self.tokens.push_back(Token {
            start: start.pos,
            end: end.pos,
            tok,
        });
    }

    fn fetch_next_token(&mut self) -> Result<(), ScanError> {
        if !self.stream_start_produced {
            self.stream_start_produced = true;
            self.indent = -1;
            self.simple_key_allowed = true;
            self.push(self.mark, self.mark, Tok::StreamStart);
            self.simple_keys.push(SimpleKey::default());
            return Ok(());
        }
        self.skip_to_next_token()?;
        self.stale_simple_keys()?;
        self.unroll_indent(self.col());
        if self.at_end() {
            if self.mark.pos < self.text.len() {
                return Err(self.error_here("a NUL character is not allowed in YAML"));
            }
            return self.fetch_stream_end();
        }
        if self.peek() == '\u{feff}' {
            if self.mark.col == 0 && self.flow_level == 0 {
                return self.fetch_byte_order_mark();
            }
            return Err(self.error_here("a byte order mark must not appear inside a document"));
        }
        if self.mark.col == 0 {
            if self.peek() == '%' {
                return self.fetch_directive();
            } else if self.next_is("---") && is_blank_or_breakz(self.peek_nth(3)) {
                return self.fetch_document_indicator(Tok::DocumentStart);
            } else if self.next_is("...") && is_blank_or_breakz(self.peek_nth(3)) {
                self.fetch_document_indicator(Tok::DocumentEnd)?;
                self.skip_ws_to_eol(true)?;
                if !super::input::is_breakz(self.peek()) {
                    return Err(self.error_here("nothing may follow '...' on its line"));
                }
                return Ok(());
            }
        }
        if self.col() < self.indent {
            return Err(self.error_here("this line is indented less than its block"));
        }
        let c = self.peek();
        let next = self.peek_nth(1);
        let in_flow = self.flow_level > 0;
        match c {
            '[' => self.fetch_flow_collection_start(Tok::FlowSequenceStart),
            '{' => self.fetch_flow_collection_start(Tok::FlowMappingStart),
            ']' => self.fetch_flow_collection_end(Tok::FlowSequenceEnd),
            '}' => self.fetch_flow_collection_end(Tok::FlowMappingEnd),
            ',' => self.fetch_flow_entry(),
            '-' if is_blank_or_breakz(next) => self.fetch_block_entry(),
            '?' if is_blank_or_breakz(next) => self.fetch_key(),
            ':' if is_blank_or_breakz(next) => self.fetch_value(),
            ':' if in_flow
                && (is_flow(next) || self.mark.pos == self.adjacent_value_allowed_at) =>
            {
                self.fetch_flow_value()
            }
            '*' => self.fetch_anchor(true),
            '&' => self.fetch_anchor(false),
            '!' => self.fetch_tag(),
            '|' if !in_flow => self.fetch_block_scalar(true),
            '>' if !in_flow => self.fetch_block_scalar(false),
            '\'' => self.fetch_flow_scalar(true),
            '"' => self.fetch_flow_scalar(false),
            '-' => self.fetch_plain_scalar(),
            ':' | '?' if !in_flow => self.fetch_plain_scalar(),
            '%' | '@' | '`' => {
                Err(self.error_here("a plain value cannot start with '%', '@' or '`'"))
            }
            _ => self.fetch_plain_scalar(),
        }
    }

    pub(super) fn skip_to_next_token(&mut self) -> Result<(), ScanError> {
        loop {
            match self.peek() {
                // Tabs may not indent a block; a line holding only tabs and a comment is fine.
                '\t' if !self.indents.is_empty()
                    && self.leading_whitespace
                    && self.col() < self.indent =>
                {
                    self.skip_ws_to_eol(true)?;
                    if !super::input::is_breakz(self.peek()) {
                        return Err(self.error_here("a tab cannot indent a line in a block"));
                    }
                }
                '\t' | ' ' => self.skip_blank(),
                '\n' | '\r' => {
                    self.skip_break();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                }
                '#' => self.skip_comment(),
                _ => break,
            }
        }
        // A plain scalar cut by a comment may not go on at the next line (YAML test BS4K).
        if let Some(err_mark) = self.interrupted_plain_by_comment.take()
            && self.flow_level == 0
            && self.mark.line == err_mark.line + 1
            && self.col() > self.indent
            && !self.at_end()
            && !self.at_document_indicator()
            && self.next_can_be_plain(false)
        {
            return Err(ScanError::at(
                err_mark,
                "a comment cannot interrupt a multi-line plain value",
            ));
        }
        Ok(())
    }

    fn fetch_stream_end(&mut self) -> Result<(), ScanError> {
        if self.mark.col != 0 {
            self.mark.col = 0;
            self.mark.line += 1;
        }
        for sk in &mut self.simple_keys {
            if sk.required && sk.possible {
                return Err(ScanError::at(
                    self.mark,
                    "a ':' was expected after this key",
                ));
            }
            sk.possible = false;
        }
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        self.push(self.mark, self.mark, Tok::StreamEnd);
        Ok(())
    }
}
