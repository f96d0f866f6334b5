//! The parser's node states: a node with its anchor and tag, block mappings and sequences
//! (including a sequence at its parent key's indentation), and flow collections with their
//! empty keys and values and the one-pair mappings of `[a: b]`.

use super::events::{Event, Parser, Spanned, State, empty_scalar};
use super::input::ScanError;
use super::scan::{ScalarStyle, Tok};

fn error(pos: usize, message: &'static str) -> Result<Spanned, ScanError> {
    Err(ScanError { pos, message })
}

impl Parser<'_> {
    fn register_anchor(&mut self, name: String) -> usize {
        let id = self.next_anchor_id;
        self.next_anchor_id += 1;
        self.anchors.insert(name, id);
        id
    }

    /// Consumes the peeked anchor and gives it the next id.
    fn take_anchor(&mut self) -> usize {
        match self.take_tok() {
            Tok::Anchor(name) => self.register_anchor(name),
            _ => 0,
        }
    }

    /// Consumes the peeked tag; its suffix, after checking that a `!name!` handle was declared.
    fn take_tag(&mut self, at: usize) -> Result<String, ScanError> {
        let Tok::Tag(handle, suffix) = self.take_tok() else {
            return Err(ScanError {
                pos: at,
                message: "a tag was expected here",
            });
        };
        self.resolve_tag(at, &handle, suffix)
    }

    fn resolve_tag(&self, at: usize, handle: &str, suffix: String) -> Result<String, ScanError> {
        if handle != "!!"
            && handle.len() >= 2
            && handle.starts_with('!')
            && handle.ends_with('!')
            && !self.tag_handles.iter().any(|h| h == handle)
        {
            return Err(ScanError {
                pos: at,
                message: "this tag handle was not declared by a %TAG line",
            });
        }
        Ok(suffix)
    }

    pub(super) fn parse_node(
        &mut self,
        block: bool,
        indentless: bool,
    ) -> Result<Spanned, ScanError> {
        let mut anchor = 0;
        let mut tag = None;
        let (first, start, first_end) = self.peek_tok()?;
        let mut end = start;
        match first {
            Tok::Alias(_) => {
                self.pop_state();
                let Tok::Alias(name) = self.take_tok() else {
                    return error(start, "an alias was expected here");
                };
                return match self.anchors.get(&name) {
                    Some(id) => Ok((Event::Alias(*id), start, first_end)),
                    None => error(start, "this alias names no anchor defined before it"),
                };
            }
            Tok::Anchor(_) => {
                anchor = self.take_anchor();
                end = first_end;
                if let (Tok::Tag(..), _, tag_end) = self.peek_tok()? {
                    tag = Some(self.take_tag(start)?);
                    end = tag_end;
                }
            }
            Tok::Tag(..) => {
                tag = Some(self.take_tag(start)?);
                end = first_end;
                if let (Tok::Anchor(_), _, anchor_end) = self.peek_tok()? {
                    anchor = self.take_anchor();
                    end = anchor_end;
                }
            }
            _ => {}
        }
        let (tok, tok_start, tok_end) = self.peek_tok()?;
        let event = match tok {
            Tok::BlockEntry if indentless => {
                self.state = State::IndentlessSequenceEntry;
                Event::SequenceStart(anchor, tag)
            }
            Tok::Scalar(style, _) => {
                self.pop_state();
                let Tok::Scalar(_, value) = self.take_tok() else {
                    return error(tok_start, "a value was expected here");
                };
                Event::Scalar(value, style, anchor, tag)
            }
            Tok::FlowSequenceStart => {
                self.state = State::FlowSequenceFirstEntry;
                Event::SequenceStart(anchor, tag)
            }
            Tok::FlowMappingStart => {
                self.state = State::FlowMappingFirstKey;
                Event::MappingStart(anchor, tag)
            }
            Tok::BlockSequenceStart if block => {
                self.state = State::BlockSequenceFirstEntry;
                Event::SequenceStart(anchor, tag)
            }
            Tok::BlockMappingStart if block => {
                self.state = State::BlockMappingFirstKey;
                Event::MappingStart(anchor, tag)
            }
            // An anchor or tag alone is an empty value (YAML example 7.2).
            _ if tag.is_some() || anchor > 0 => {
                self.pop_state();
                let empty = String::new();
                return Ok((
                    Event::Scalar(empty, ScalarStyle::Plain, anchor, tag),
                    start,
                    end,
                ));
            }
            _ => return error(tok_start, "a value was expected here"),
        };
        Ok((event, start, tok_end))
    }

    pub(super) fn block_mapping_key(&mut self, first: bool) -> Result<Spanned, ScanError> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::Key => {
                self.skip();
                let (next, at, at_end) = self.peek_tok()?;
                if matches!(next, Tok::Key | Tok::Value | Tok::BlockEnd) {
                    self.state = State::BlockMappingValue;
                    empty_scalar(at, at_end)
                } else {
                    self.states.push(State::BlockMappingValue);
                    self.parse_node(true, true)
                }
            }
            Tok::Value => {
                self.state = State::BlockMappingValue;
                empty_scalar(start, end)
            }
            Tok::BlockEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::MappingEnd, start, end))
            }
            _ => error(
                start,
                "a 'key:' was expected here (check the indentation of this line and the one above)",
            ),
        }
    }

    pub(super) fn block_mapping_value(&mut self) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        if tok != Tok::Value {
            self.state = State::BlockMappingKey;
            return empty_scalar(start, end);
        }
        self.skip();
        if matches!(self.peek()?.tok, Tok::Key | Tok::Value | Tok::BlockEnd) {
            self.state = State::BlockMappingKey;
            empty_scalar(start, end)
        } else {
            self.states.push(State::BlockMappingKey);
            self.parse_node(true, true)
        }
    }

    pub(super) fn block_sequence_entry(&mut self, first: bool) -> Result<Spanned, ScanError> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::BlockEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, start, end))
            }
            Tok::BlockEntry => {
                self.skip();
                if matches!(self.peek()?.tok, Tok::BlockEntry | Tok::BlockEnd) {
                    self.state = State::BlockSequenceEntry;
                    empty_scalar(start, end)
                } else {
                    self.states.push(State::BlockSequenceEntry);
                    self.parse_node(true, false)
                }
            }
            _ => error(
                start,
                "a '- ' list item was expected here (check the indentation of this line and the one above)",
            ),
        }
    }

    pub(super) fn indentless_sequence_entry(&mut self) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        if tok != Tok::BlockEntry {
            self.pop_state();
            return Ok((Event::SequenceEnd, start, end));
        }
        self.skip();
        if matches!(
            self.peek()?.tok,
            Tok::BlockEntry | Tok::Key | Tok::Value | Tok::BlockEnd
        ) {
            self.state = State::IndentlessSequenceEntry;
            empty_scalar(start, end)
        } else {
            self.states.push(State::IndentlessSequenceEntry);
            self.parse_node(true, false)
        }
    }

    pub(super) fn flow_sequence_entry(&mut self, first: bool) -> Result<Spanned, ScanError> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::FlowSequenceEnd => {
                self.pop_state();
                self.skip();
                return Ok((Event::SequenceEnd, start, end));
            }
            Tok::FlowEntry if !first => self.skip(),
            _ if !first => return error(start, "a ',' or ']' was expected here"),
            _ => {}
        }
        let (tok, start, end) = self.peek_tok()?;
        match tok {
            Tok::FlowSequenceEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, start, end))
            }
            Tok::Key => {
                self.state = State::FlowSequenceEntryMappingKey;
                self.skip();
                Ok((Event::MappingStart(0, None), start, end))
            }
            _ => {
                self.states.push(State::FlowSequenceEntry);
                self.parse_node(false, false)
            }
        }
    }

    pub(super) fn flow_sequence_entry_mapping_key(&mut self) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        if matches!(tok, Tok::Value | Tok::FlowEntry | Tok::FlowSequenceEnd) {
            self.skip();
            self.state = State::FlowSequenceEntryMappingValue;
            empty_scalar(start, end)
        } else {
            self.states.push(State::FlowSequenceEntryMappingValue);
            self.parse_node(false, false)
        }
    }

    pub(super) fn flow_sequence_entry_mapping_value(&mut self) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        if tok != Tok::Value {
            self.state = State::FlowSequenceEntryMappingEnd(end);
            return empty_scalar(start, end);
        }
        self.skip();
        self.state = State::FlowSequenceEntryMappingValue;
        let (next, start, end) = self.peek_tok()?;
        if matches!(next, Tok::FlowEntry | Tok::FlowSequenceEnd) {
            self.state = State::FlowSequenceEntryMappingEnd(end);
            empty_scalar(start, end)
        } else {
            self.states.push(State::FlowSequenceEntryMappingEnd(end));
            self.parse_node(false, false)
        }
    }

    pub(super) fn flow_mapping_key(&mut self, first: bool) -> Result<Spanned, ScanError> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (tok, mut start, mut end) = self.peek_tok()?;
        if tok != Tok::FlowMappingEnd {
            if !first {
                if tok == Tok::FlowEntry {
                    self.skip();
                } else {
                    return error(start, "a ',' or '}' was expected here");
                }
            }
            let (tok, at, at_end) = self.peek_tok()?;
            // After a trailing comma the mapping still ends at its `}` (`saphyr-parser` ended
            // it at the comma).
            (start, end) = (at, at_end);
            match tok {
                Tok::Key => {
                    self.skip();
                    let (next, at, at_end) = self.peek_tok()?;
                    if matches!(next, Tok::Value | Tok::FlowEntry | Tok::FlowMappingEnd) {
                        self.state = State::FlowMappingValue;
                        return empty_scalar(at, at_end);
                    }
                    self.states.push(State::FlowMappingValue);
                    return self.parse_node(false, false);
                }
                Tok::Value => {
                    self.state = State::FlowMappingValue;
                    return empty_scalar(at, at_end);
                }
                Tok::FlowMappingEnd => {}
                _ => {
                    self.states.push(State::FlowMappingEmptyValue);
                    return self.parse_node(false, false);
                }
            }
        }
        self.pop_state();
        self.skip();
        Ok((Event::MappingEnd, start, end))
    }

    pub(super) fn flow_mapping_value(&mut self, empty: bool) -> Result<Spanned, ScanError> {
        let (tok, start, end) = self.peek_tok()?;
        if empty {
            self.state = State::FlowMappingKey;
            return empty_scalar(start, end);
        }
        if tok == Tok::Value {
            self.skip();
            if !matches!(self.peek()?.tok, Tok::FlowEntry | Tok::FlowMappingEnd) {
                self.states.push(State::FlowMappingKey);
                return self.parse_node(false, false);
            }
        }
        self.state = State::FlowMappingKey;
        empty_scalar(start, end)
    }
}
