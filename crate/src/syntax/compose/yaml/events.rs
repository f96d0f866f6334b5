//! The YAML parser: tokens to events (document, mapping, sequence, scalar, alias), a state
//! machine with an explicit stack as in libyaml and `saphyr-parser`, so nesting costs memory,
//! not recursion. Each event carries its byte range; as in `saphyr-parser`, a collection's start
//! event spans its first token and its end event spans the closing bracket (empty for a block).

use super::input::ScanError;
pub use super::scan::ScalarStyle;
use super::scan::{Scanner, Tok, Token};
use crate::text::TextRange;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    /// The anchor id of the node it repeats.
    Alias(usize),
    /// Value, style, anchor id (0 for none), tag suffix.
    Scalar(String, ScalarStyle, usize, Option<String>),
    SequenceStart(usize, Option<String>),
    SequenceEnd,
    MappingStart(usize, Option<String>),
    MappingEnd,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentContent,
    DocumentEnd,
    BlockNode,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    IndentlessSequenceEntry,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd(usize),
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    End,
}

/// One event and its bytes `start..end`.
pub(super) type Spanned = (Event, usize, usize);

/// Events with their byte ranges, and the syntax error (offset and message) that ended them.
#[doc(hidden)]
pub type EventStream = (Vec<(Event, TextRange)>, Option<(usize, String)>);

/// The events that [`load`](super::load) builds its tree from, with the ranges it gives them:
/// for the differential test, which compares them with `saphyr-parser`'s.
#[doc(hidden)]
pub fn events(text: &str) -> EventStream {
    let mut parser = Parser::new(text);
    let mut out = Vec::new();
    loop {
        match parser.next_event() {
            Ok((Event::StreamEnd, _, _)) => return (out, None),
            Ok((event, start, end)) => out.push((event, TextRange::new(start, end.max(start)))),
            Err(e) => return (out, Some((e.pos.min(text.len()), e.message.to_string()))),
        }
    }
}

pub(super) struct Parser<'t> {
    pub(super) scanner: Scanner<'t>,
    pub(super) states: Vec<State>,
    pub(super) state: State,
    pub(super) token: Option<Token>,
    pub(super) anchors: HashMap<String, usize>,
    pub(super) next_anchor_id: usize,
    /// Handles declared by `%TAG` in this document.
    pub(super) tag_handles: Vec<String>,
}

/// A null where a node is missing, spanning the token that stands in its place.
pub(super) fn empty_scalar(start: usize, end: usize) -> Result<Spanned, ScanError> {
    Ok((
        Event::Scalar(String::new(), ScalarStyle::Plain, 0, None),
        start,
        end,
    ))
}

impl<'t> Parser<'t> {
    pub fn new(text: &'t str) -> Self {
        Parser {
            scanner: Scanner::new(text),
            states: Vec::new(),
            state: State::StreamStart,
            token: None,
            anchors: HashMap::new(),
            next_anchor_id: 1,
            tag_handles: Vec::new(),
        }
    }

    /// The next event; `StreamEnd` once the text is read, an error at the first syntax error.
    pub fn next_event(&mut self) -> Result<Spanned, ScanError> {
        if self.state == State::End {
            let at = self.scanner.mark.pos;
            return Ok((Event::StreamEnd, at, at));
        }
        self.state_machine()
    }

    pub(super) fn peek(&mut self) -> Result<&Token, ScanError> {
        if self.token.is_none() {
            self.token = Some(self.scanner.next_token()?);
        }
        self.token.as_ref().ok_or(ScanError {
            pos: self.scanner.mark.pos,
            message: "the text ended early",
        })
    }

    /// The next token's kind and range, its text left behind (see [`Tok::shallow`]).
    pub(super) fn peek_tok(&mut self) -> Result<(Tok, usize, usize), ScanError> {
        let t = self.peek()?;
        Ok((t.tok.shallow(), t.start, t.end))
    }

    /// Consumes the peeked token, with its text.
    pub(super) fn take_tok(&mut self) -> Tok {
        self.token.take().map_or(Tok::StreamEnd, |t| t.tok)
    }

    pub(super) fn skip(&mut self) {
        self.token = None;
    }

    pub(super) fn pop_state(&mut self) {
        self.state = self.states.pop().unwrap_or(State::End);
    }

    fn state_machine(&mut self) -> Result<Spanned, ScanError> {
        match self.state {
            State::StreamStart => {
                self.peek()?;
                self.skip();
                self.state = State::ImplicitDocumentStart;
                self.next_event()
            }
            State::ImplicitDocumentStart => self.document_start(true),
            State::DocumentStart => self.document_start(false),
            State::DocumentContent => self.document_content(),
            State::DocumentEnd => self.document_end(),
            State::BlockNode => self.parse_node(true, false),
            State::BlockMappingFirstKey => self.block_mapping_key(true),
            State::BlockMappingKey => self.block_mapping_key(false),
            State::BlockMappingValue => self.block_mapping_value(),
            State::BlockSequenceFirstEntry => self.block_sequence_entry(true),
            State::BlockSequenceEntry => self.block_sequence_entry(false),
            State::FlowSequenceFirstEntry => self.flow_sequence_entry(true),
            State::FlowSequenceEntry => self.flow_sequence_entry(false),
            State::FlowMappingFirstKey => self.flow_mapping_key(true),
            State::FlowMappingKey => self.flow_mapping_key(false),
            State::FlowMappingValue => self.flow_mapping_value(false),
            State::FlowMappingEmptyValue => self.flow_mapping_value(true),
            State::IndentlessSequenceEntry => self.indentless_sequence_entry(),
            State::FlowSequenceEntryMappingKey => self.flow_sequence_entry_mapping_key(),
            State::FlowSequenceEntryMappingValue => self.flow_sequence_entry_mapping_value(),
            State::FlowSequenceEntryMappingEnd(at) => {
                self.state = State::FlowSequenceEntry;
                Ok((Event::MappingEnd, at, at))
            }
            State::End => {
                let at = self.scanner.mark.pos;
                Ok((Event::StreamEnd, at, at))
            }
        }
    }

    fn document_start(&mut self, implicit: bool) -> Result<Spanned, ScanError> {
        while matches!(self.peek()?.tok, Tok::DocumentEnd | Tok::ByteOrderMark) {
            self.skip();
        }
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::StreamEnd => {
                self.state = State::End;
                self.skip();
                Ok((Event::StreamEnd, start, end))
            }
            Tok::VersionDirective
            | Tok::TagDirective(..)
            | Tok::ReservedDirective
            | Tok::DocumentStart => self.explicit_document_start(),
            _ if implicit => {
                self.process_directives()?;
                self.states.push(State::DocumentEnd);
                self.state = State::BlockNode;
                Ok((Event::DocumentStart, start, end))
            }
            _ => self.explicit_document_start(),
        }
    }

    fn process_directives(&mut self) -> Result<(), ScanError> {
        let mut version_seen = false;
        let mut handles = Vec::new();
        loop {
            let (tok, start, _) = self.peek_tok()?;
            match tok {
                Tok::VersionDirective => {
                    if version_seen {
                        return Err(ScanError {
                            pos: start,
                            message: "a document may have only one %YAML line",
                        });
                    }
                    version_seen = true;
                }
                Tok::TagDirective(..) => {
                    let Tok::TagDirective(handle, _) = self.take_tok() else {
                        break;
                    };
                    if handles.contains(&handle) {
                        return Err(ScanError {
                            pos: start,
                            message: "a %TAG handle may be declared only once per document",
                        });
                    }
                    handles.push(handle);
                }
                Tok::ReservedDirective => {}
                _ => break,
            }
            self.skip();
        }
        self.tag_handles.extend(handles);
        Ok(())
    }

    fn explicit_document_start(&mut self) -> Result<Spanned, ScanError> {
        self.process_directives()?;
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::DocumentStart => {
                self.states.push(State::DocumentEnd);
                self.state = State::DocumentContent;
                self.skip();
                Ok((Event::DocumentStart, start, end))
            }
            Tok::ByteOrderMark => Err(ScanError {
                pos: start,
                message: "a byte order mark must not appear inside a document",
            }),
            _ => Err(ScanError {
                pos: start,
                message: "a '---' line was expected before this document",
            }),
        }
    }

    fn document_content(&mut self) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::VersionDirective
            | Tok::TagDirective(..)
            | Tok::ReservedDirective
            | Tok::DocumentStart
            | Tok::DocumentEnd
            | Tok::ByteOrderMark
            | Tok::StreamEnd => {
                self.pop_state();
                empty_scalar(start, end)
            }
            _ => self.parse_node(true, false),
        }
    }

    fn document_end(&mut self) -> Result<Spanned, ScanError> {
        // After a byte order mark only another document (or the end) may come.
        if let (Tok::ByteOrderMark, bom, _) = self.peek_tok()? {
            while self.peek()?.tok == Tok::ByteOrderMark {
                self.skip();
            }
            if !matches!(
                self.peek()?.tok,
                Tok::DocumentStart | Tok::DocumentEnd | Tok::StreamEnd
            ) {
                return Err(ScanError {
                    pos: bom,
                    message: "a byte order mark must not appear inside a document",
                });
            }
        }
        let (tok, start, end) = self.peek_tok()?;
        let explicit_end = tok == Tok::DocumentEnd;
        if explicit_end {
            self.skip();
        }
        self.tag_handles.clear();
        if explicit_end {
            self.state = State::ImplicitDocumentStart;
        } else {
            let (next, at, _) = self.peek_tok()?;
            match next {
                Tok::VersionDirective | Tok::TagDirective(..) | Tok::ReservedDirective => {
                    return Err(ScanError {
                        pos: at,
                        message: "a directive must follow a '...' line ending the document before it",
                    });
                }
                Tok::DocumentStart | Tok::StreamEnd => {}
                _ => {
                    return Err(ScanError {
                        pos: at,
                        message: "this does not belong to the value before it (check its indentation)",
                    });
                }
            }
            self.state = State::DocumentStart;
        }
        Ok((Event::DocumentEnd, start, end))
    }
}
