//! Indicator tokens for the scanner: the byte order mark, `---` and `...`, flow brackets and
//! commas, and the `- ` of a block sequence entry. Each is one or a few characters and the
//! blanks or comment after it on the line.

use super::input::{ScanError, is_blank_or_breakz, is_break, is_flow};
use super::scan::{ImplicitMapping, Scanner, SimpleKey, Tok, Token};

impl Scanner<'_> {
    pub(super) fn fetch_byte_order_mark(&mut self) -> Result<(), ScanError> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        // A byte order mark is no content: it moves no column.
        let start = self.mark;
        self.mark.pos += '\u{feff}'.len_utf8();
        self.mark.chars += 1;
        self.simple_key_allowed = true;
        self.push(start, self.mark, Tok::ByteOrderMark);
        Ok(())
    }

    pub(super) fn fetch_document_indicator(&mut self, tok: Tok) -> Result<(), ScanError> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip_n_non_blank(3);
        self.push(start, self.mark, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_collection_start(&mut self, tok: Tok) -> Result<(), ScanError> {
        self.save_simple_key();
        self.roll_one_col_indent();
        // The limit of `saphyr-parser` (a `u8`), kept so that both accept the same texts.
        if self.flow_level >= usize::from(u8::MAX) {
            return Err(self.error_here("brackets are nested too deeply"));
        }
        self.simple_keys.push(SimpleKey::default());
        self.flow_level += 1;
        self.simple_key_allowed = true;
        let start = self.mark;
        self.skip_non_blank();
        let mapping = tok == Tok::FlowMappingStart;
        self.flow_mapping_started.push(mapping);
        self.implicit_mappings
            .push((!mapping).then_some(ImplicitMapping::Possible));
        self.skip_ws_to_eol(true)?;
        self.push(start, self.mark, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_collection_end(&mut self, tok: Tok) -> Result<(), ScanError> {
        if self.flow_level == 0 {
            return Err(self.error_here("this bracket closes nothing"));
        }
        self.remove_simple_key()?;
        self.flow_level -= 1;
        self.simple_keys.pop();
        self.simple_key_allowed = false;
        if tok == Tok::FlowSequenceEnd {
            self.end_implicit_mapping(self.mark);
        }
        self.implicit_mappings.pop();
        self.flow_mapping_started.pop();
        let start = self.mark;
        self.skip_non_blank();
        // The range is the bracket alone (`saphyr-parser` took in the blanks and comment after it).
        let end = self.mark;
        self.skip_ws_to_eol(true)?;
        // A flow collection that is a key in a flow mapping may have its `:` right after it.
        if self.flow_level > 0 {
            self.adjacent_value_allowed_at = self.mark.pos;
        }
        self.push(start, end, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_entry(&mut self) -> Result<(), ScanError> {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.end_implicit_mapping(self.mark);
        let start = self.mark;
        self.skip_non_blank();
        self.skip_ws_to_eol(true)?;
        self.push(start, self.mark, Tok::FlowEntry);
        Ok(())
    }

    pub(super) fn fetch_block_entry(&mut self) -> Result<(), ScanError> {
        if self.flow_level > 0 {
            return Err(self.error_here("a '- ' list item cannot appear inside [ ] or { }"));
        }
        if !self.simple_key_allowed {
            return Err(self.error_here("a '- ' list item cannot start here"));
        }
        if let Some(Token {
            start,
            tok: Tok::Anchor(_) | Tok::Tag(..),
            ..
        }) = self.tokens.back()
            && self.mark.col == 0
            && self.indent > -1
            && self.line_start(*start)
        {
            return Err(ScanError {
                pos: *start,
                message: "an anchor or tag here is indented too little",
            });
        }
        let mark = self.mark;
        self.skip_non_blank();
        self.roll_indent(mark.col, None, Tok::BlockSequenceStart, mark);
        let skipped = self.skip_ws_to_eol(true)?;
        if skipped.tabs && self.peek() == '-' && is_blank_or_breakz(self.peek_nth(1)) {
            return Err(self.error_here("a '-' must be followed by a space, not a tab"));
        }
        self.skip_ws_to_eol(false)?;
        if is_break(self.peek()) || is_flow(self.peek()) {
            self.roll_one_col_indent();
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.push(self.mark, self.mark, Tok::BlockEntry);
        Ok(())
    }

    /// Whether the byte `pos` starts a line (column 0).
    fn line_start(&self, pos: usize) -> bool {
        pos == 0
            || self
                .text
                .as_bytes()
                .get(pos.wrapping_sub(1))
                .is_some_and(|b| *b == b'\n' || *b == b'\r')
    }
}
