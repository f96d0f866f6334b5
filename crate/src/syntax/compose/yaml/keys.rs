//! Keys and indentation for the scanner. A scalar, alias or flow collection that may be a key
//! is remembered as a simple key; when its `:` comes, a `Key` token (and, for a new block
//! mapping, `BlockMappingStart`) is inserted in the queue before it. A block simple key must
//! stay on one line and within 1024 characters, which bounds how long a token waits in the
//! queue. Indentation is a stack of columns: a deeper block pushes one, a shallower line pops
//! them and each pop ends a block with `BlockEnd`.

use super::input::{Mark, ScanError, is_alpha};
use super::scan::{ImplicitMapping, Indent, Scanner, SimpleKey, Tok, Token};

impl Scanner<'_> {
    /// Forgets simple keys that can no longer be keys (a line passed, or 1024 characters).
    pub(super) fn stale_simple_keys(&mut self) -> Result<(), ScanError> {
        let mark = self.mark;
        let in_block = self.flow_level == 0;
        for sk in &mut self.simple_keys {
            if sk.possible
                && in_block
                && (sk.mark.line < mark.line || sk.mark.chars + 1024 < mark.chars)
            {
                if sk.required {
                    return Err(ScanError::at(mark, "a ':' was expected after this key"));
                }
                sk.possible = false;
            }
        }
        Ok(())
    }

    pub(super) fn save_simple_key(&mut self) {
        if !self.simple_key_allowed {
            return;
        }
        let required = self.flow_level == 0
            && self.indent == self.col()
            && self.indents.last().is_some_and(|i| i.needs_block_end);
        let sk = SimpleKey {
            possible: true,
            required,
            token_number: self.tokens_parsed + self.tokens.len(),
            mark: self.mark,
        };
        self.simple_keys.pop();
        self.simple_keys.push(sk);
    }

    pub(super) fn remove_simple_key(&mut self) -> Result<(), ScanError> {
        let mark = self.mark;
        let Some(last) = self.simple_keys.last_mut() else {
            return Err(ScanError::at(mark, "a key was expected"));
        };
        if last.possible && last.required {
            return Err(ScanError::at(mark, "a ':' was expected after this key"));
        }
        last.possible = false;
        Ok(())
    }

    /// Inserts `tok` at queue position `at` (counted in tokens ever produced).
    fn insert_token(&mut self, at: usize, mark: Mark, tok: Tok) {
        let index = at.saturating_sub(self.tokens_parsed).min(self.tokens.len());
        self.tokens.insert(
            index,
            Token {
                start: mark.pos,
                end: mark.pos,
                tok,
            },
        );
    }

    /// Opens a block collection at `col` if it is deeper than the current one.
    pub(super) fn roll_indent(&mut self, col: usize, number: Option<usize>, tok: Tok, mark: Mark) {
        if self.flow_level > 0 {
            return;
        }
        let col = isize::try_from(col).unwrap_or(isize::MAX);
        if self.indent <= col
            && let Some(last) = self.indents.last()
            && !last.needs_block_end
        {
            self.indent = last.indent;
            self.indents.pop();
        }
        if self.indent < col {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: true,
            });
            self.indent = col;
            match number {
                Some(n) => self.insert_token(n, mark, tok),
                None => self.push(mark, mark, tok),
            }
        }
    }

    /// Closes every block collection deeper than `col`.
    pub(super) fn unroll_indent(&mut self, col: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > col {
            let Some(indent) = self.indents.pop() else {
                break;
            };
            self.indent = indent.indent;
            if indent.needs_block_end {
                self.push(self.mark, self.mark, Tok::BlockEnd);
            }
        }
    }

    /// A provisional indent one column deeper, so that content under a `-` or `:` must be
    /// indented past it; it is dropped when a real block opens or a scalar starts.
    pub(super) fn roll_one_col_indent(&mut self) {
        if self.flow_level == 0 && self.indents.last().is_some_and(|x| x.needs_block_end) {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: false,
            });
            self.indent += 1;
        }
    }

    pub(super) fn unroll_non_block_indents(&mut self) {
        while let Some(indent) = self.indents.last() {
            if indent.needs_block_end {
                break;
            }
            self.indent = indent.indent;
            self.indents.pop();
        }
    }

    pub(super) fn end_implicit_mapping(&mut self, mark: Mark) {
        if let (Some(Some(implicit)), Some(started)) = (
            self.implicit_mappings.last_mut(),
            self.flow_mapping_started.last_mut(),
        ) && *implicit == ImplicitMapping::Inside
        {
            *started = false;
            *implicit = ImplicitMapping::Possible;
            self.push(mark, mark, Tok::FlowMappingEnd);
        }
    }

    /// `? ` starts an explicit key.
    pub(super) fn fetch_key(&mut self) -> Result<(), ScanError> {
        let start = self.mark;
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                return Err(self.error_here("a '? ' key cannot start here"));
            }
            self.roll_indent(start.col, None, Tok::BlockMappingStart, start);
        } else if let Some(started) = self.flow_mapping_started.last_mut() {
            *started = true;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = self.flow_level == 0;
        self.skip_non_blank();
        self.skip_yaml_whitespace()?;
        if self.peek() == '\t' {
            return Err(self.error_here("a tab cannot follow '? ' here"));
        }
        self.push(start, self.mark, Tok::Key);
        Ok(())
    }

    /// Spaces, breaks and comments after `? `; at least one is needed.
    fn skip_yaml_whitespace(&mut self) -> Result<(), ScanError> {
        let mut need_whitespace = true;
        loop {
            match self.peek() {
                ' ' => {
                    self.skip_blank();
                    need_whitespace = false;
                }
                '\n' | '\r' => {
                    self.skip_break();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                    need_whitespace = false;
                }
                '#' => self.skip_comment(),
                _ => break,
            }
        }
        if need_whitespace {
            return Err(self.error_here("a space was expected here"));
        }
        Ok(())
    }

    /// A `:` in flow context not followed by a space: `{"a":1}`, `[a:]`.
    pub(super) fn fetch_flow_value(&mut self) -> Result<(), ScanError> {
        let next = self.peek_nth(1);
        if self.mark.pos != self.adjacent_value_allowed_at && (next == '[' || next == '{') {
            return Err(self.error_here("a ':' in [ ] or { } needs a space before a '[' or '{'"));
        }
        self.fetch_value()
    }

    pub(super) fn fetch_value(&mut self) -> Result<(), ScanError> {
        let Some(sk) = self.simple_keys.last().copied() else {
            return Err(self.error_here("a key was expected"));
        };
        let start = self.mark;
        let implicit_flow_mapping = match (
            self.implicit_mappings.last_mut(),
            self.flow_mapping_started.last(),
        ) {
            (Some(Some(implicit)), Some(false)) => {
                *implicit = ImplicitMapping::Inside;
                true
            }
            _ => false,
        };
        self.skip_non_blank();
        if self.peek() == '\t' {
            let skipped = self.skip_ws_to_eol(true)?;
            if !skipped.spaces && (self.peek() == '-' || is_alpha(self.peek())) {
                return Err(self.error_here("a ':' must be followed by a space, not a tab"));
            }
        }
        if sk.possible {
            self.insert_token(sk.token_number, sk.mark, Tok::Key);
            if implicit_flow_mapping {
                if sk.mark.line < start.line {
                    return Err(ScanError::at(
                        start,
                        "a ':' in [ ] must be on the line of its key",
                    ));
                }
                self.insert_token(sk.token_number, sk.mark, Tok::FlowMappingStart);
            }
            self.roll_indent(
                sk.mark.col,
                Some(sk.token_number),
                Tok::BlockMappingStart,
                sk.mark,
            );
            self.roll_one_col_indent();
            if let Some(last) = self.simple_keys.last_mut() {
                last.possible = false;
            }
            self.simple_key_allowed = false;
        } else {
            if implicit_flow_mapping {
                self.push(start, start, Tok::FlowMappingStart);
            }
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    return Err(ScanError::at(start, "a ':' value cannot start here"));
                }
                self.roll_indent(start.col, None, Tok::BlockMappingStart, start);
            }
            self.roll_one_col_indent();
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.push(start, start, Tok::Value);
        Ok(())
    }
}
