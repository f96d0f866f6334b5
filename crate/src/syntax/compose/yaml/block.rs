//! Block scalars for the scanner: `|` keeps line breaks, `>` folds them (except around more
//! indented lines), `-` strips the final breaks, `+` keeps them all, and a digit fixes the
//! indentation instead of taking it from the first non-empty line. As in `saphyr-parser`, the
//! token's range starts at the first content line; the tree trims its trailing blanks.

use super::input::{Mark, ScanError, is_blank, is_break, is_breakz, is_non_break};
use super::scan::{ScalarStyle, Scanner, Tok};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Chomping {
    Strip,
    Clip,
    Keep,
}

impl Scanner<'_> {
    pub(super) fn fetch_block_scalar(&mut self, literal: bool) -> Result<(), ScanError> {
        self.save_simple_key();
        self.simple_key_allowed = true;
        let (start, end, tok) = self.scan_block_scalar(literal)?;
        self.push(start, end, tok);
        Ok(())
    }

    /// The header after `|` or `>`: chomping and indentation indicators, in either order.
    fn block_scalar_header(&mut self, start: Mark) -> Result<(Chomping, usize), ScanError> {
        let mut chomping = Chomping::Clip;
        let mut increment = 0;
        for _ in 0..2 {
            match self.peek() {
                '+' | '-' if chomping == Chomping::Clip => {
                    chomping = if self.peek() == '+' {
                        Chomping::Keep
                    } else {
                        Chomping::Strip
                    };
                    self.skip_non_blank();
                }
                '0' if increment == 0 => {
                    return Err(ScanError::at(
                        start,
                        "a block scalar's indentation indicator cannot be 0",
                    ));
                }
                c @ '1'..='9' if increment == 0 => {
                    increment = c.to_digit(10).map_or(0, |d| d as usize);
                    self.skip_non_blank();
                }
                _ => break,
            }
        }
        Ok((chomping, increment))
    }

    fn scan_block_scalar(&mut self, literal: bool) -> Result<(Mark, Mark, Tok), ScanError> {
        let header = self.mark;
        let style = if literal {
            ScalarStyle::Literal
        } else {
            ScalarStyle::Folded
        };
        self.skip_non_blank();
        self.unroll_non_block_indents();
        let (chomping, increment) = self.block_scalar_header(header)?;
        self.skip_ws_to_eol(true)?;
        if !is_breakz(self.peek()) {
            return Err(ScanError::at(
                header,
                "only a comment may follow '|' or '>' on its line",
            ));
        }
        self.skip_break();
        if self.peek() == '\t' {
            return Err(ScanError::at(
                header,
                "a block scalar cannot start with a tab",
            ));
        }
        let block_indent = usize::try_from(self.indent).ok();
        let mut indent = match (increment, block_indent) {
            (0, _) => 0,
            (n, Some(i)) => i + n,
            (n, None) => n,
        };
        let mut trailing_breaks = String::new();
        if indent == 0 {
            indent = self.block_scalar_first_indent(&mut trailing_breaks);
        } else {
            self.skip_block_scalar_indent(indent, &mut trailing_breaks);
        }
        if self.at_end() {
            let value = match chomping {
                Chomping::Strip | Chomping::Clip => String::new(),
                // An unterminated line of blanks still counts as a line.
                Chomping::Keep
                    if trailing_breaks.is_empty()
                        && self.mark.line > header.line
                        && self.mark.col > 0 =>
                {
                    "\n".into()
                }
                Chomping::Keep => trailing_breaks,
            };
            return Ok((header, self.mark, Tok::Scalar(style, value)));
        }
        if self.mark.col < indent && self.col() > self.indent {
            return Err(self
                .error_here("this line of the block scalar is indented less than its first line"));
        }
        let start = self.mark;
        let mut value = String::new();
        let mut leading_break = String::new();
        let mut leading_blank = false;
        while self.mark.col == indent && is_non_break(self.peek()) {
            // A document marker ends the scalar at column 0.
            if indent == 0 && self.at_document_indicator() {
                break;
            }
            let trailing_blank = is_blank(self.peek());
            if !literal && !leading_break.is_empty() && !leading_blank && !trailing_blank {
                value.push_str(&trailing_breaks);
                if trailing_breaks.is_empty() {
                    value.push(' ');
                }
            } else {
                value.push_str(&leading_break);
                value.push_str(&trailing_breaks);
            }
            leading_break.clear();
            trailing_breaks.clear();
            leading_blank = is_blank(self.peek());
            let from = self.mark.pos;
            while is_non_break(self.peek()) {
                self.skip_blank();
            }
            value.push_str(self.text.get(from..self.mark.pos).unwrap_or(""));
            if !is_break(self.peek()) {
                break;
            }
            self.read_break(&mut leading_break);
            self.skip_block_scalar_indent(indent, &mut trailing_breaks);
        }
        if chomping != Chomping::Strip {
            value.push_str(&leading_break);
            // A last line without a break still ends with one.
            if self.at_end() && self.mark.col >= indent.max(1) {
                value.push('\n');
            }
        }
        if chomping == Chomping::Keep {
            value.push_str(&trailing_breaks);
        }
        Ok((start, self.mark, Tok::Scalar(style, value)))
    }

    /// Spaces up to `indent` and the empty lines among them.
    fn skip_block_scalar_indent(&mut self, indent: usize, breaks: &mut String) {
        loop {
            while self.mark.col < indent && self.peek() == ' ' {
                self.skip_blank();
            }
            if is_break(self.peek()) {
                self.read_break(breaks);
            } else {
                break;
            }
        }
    }

    /// Leading empty lines; the indentation is that of the first content line, at least the
    /// block's plus one (and at least 1 inside a block).
    fn block_scalar_first_indent(&mut self, breaks: &mut String) -> usize {
        let mut max_indent = 0;
        loop {
            while self.peek() == ' ' {
                self.skip_blank();
            }
            max_indent = max_indent.max(self.mark.col);
            if is_break(self.peek()) {
                self.read_break(breaks);
            } else {
                break;
            }
        }
        let above = usize::try_from(self.indent + 1).unwrap_or(0);
        let mut indent = max_indent.max(above);
        if self.indent > 0 {
            indent = indent.max(1);
        }
        indent
    }
}
