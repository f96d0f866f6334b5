//! Objects and arrays: members, commas, and recovery at a `,` `}` or `]`.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn object(&mut self, open: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
        let id = self.push(NodeKind::Object(Run::default()), open.range, parent, depth);
        let first = self.open_members.len();
        let mut end = open.range.end;
        let mut closed = false;
        // True after a member, until a comma: another member then lacks its comma.
        let mut after_member = false;
        loop {
            let Some(tok) = self.next() else {
                self.error(open.range, "This object is not closed: add a '}'.");
                break;
            };
            match tok.kind {
                TokKind::RBrace => {
                    end = tok.range.end;
                    closed = true;
                    break;
                }
                TokKind::RBracket => {
                    self.error(tok.range, "Expected '}' to close the object, found ']'.");
                    if depth > 0 {
                        // Probably the object's '}' is missing: let the enclosing array close.
                        self.unread(tok);
                        self.error(open.range, "This object is not closed: add a '}'.");
                        break;
                    }
                    end = tok.range.end;
                }
                TokKind::Comma => {
                    end = tok.range.end;
                    if after_member {
                        if let Some(last) = self.open_members[first..].last_mut() {
                            last.comma = Some(tok.range.start);
                        }
                        after_member = false;
                        if self.peek_kind() == Some(TokKind::RBrace) {
                            self.tree.trailing_commas.push(tok.range.start);
                        }
                    } else {
                        self.error(
                            tok.range,
                            "Unexpected ',': a property is missing here, or the comma is doubled.",
                        );
                    }
                }
                TokKind::Colon => {
                    end = tok.range.end;
                    self.error(
                        tok.range,
                        "Unexpected ':': a property name in double quotes is missing.",
                    );
                }
                TokKind::String
                | TokKind::Word
                | TokKind::Number
                | TokKind::True
                | TokKind::False
                | TokKind::Null
                | TokKind::Bad => {
                    // After a member without a value, that error already covers the gap.
                    if after_member
                        && self.open_members[first..]
                            .last()
                            .is_some_and(|m| m.value.is_some())
                    {
                        self.error(tok.range, "Expected ',' before this property.");
                    }
                    if tok.kind != TokKind::String && tok.kind != TokKind::Bad {
                        let quoted = crate::syntax::json::quote(self.lexer.raw(&tok));
                        let error = SyntaxError {
                            code: "syntax-error",
                            message: format!(
                                "Property names must be strings in double quotes: write {}.",
                                clip(&quoted)
                            ),
                            range: tok.range,
                            replacement: Some(quoted),
                        };
                        push_fixable(&mut self.tree.errors, error, MAX_PARSER_ERRORS);
                    }
                    let member = self.member(tok, id, depth);
                    end = member.range.end.max(end);
                    self.open_members.push(member);
                    after_member = true;
                }
                TokKind::LBrace | TokKind::LBracket => {
                    self.error(tok.range, "Expected a property name in double quotes.");
                    let skipped = self.value(tok, Some(id), depth + 1);
                    end = self.tree.nodes[skipped].range.end;
                    after_member = true;
                }
            }
        }
        let start = self.tree.members.len();
        self.tree.members.extend(self.open_members.drain(first..));
        let run = Run {
            start,
            end: self.tree.members.len(),
        };
        let node = &mut self.tree.nodes[id];
        node.kind = NodeKind::Object(run);
        node.range = TextRange::new(open.range.start, end.min(self.text_len));
        node.closed = closed;
        id
    }

    /// `key : value` after the key token; what is missing is reported and left out.
    fn member(&mut self, key: Tok, object: NodeId, depth: u32) -> Member {
        // A bare word or number stands for its own text: the key it was meant to be.
        let key_text = match key.kind {
            TokKind::String => key.value,
            _ => {
                let raw = self.lexer.raw(&key);
                self.lexer.keep(raw)
            }
        };
        let mut member = Member {
            key: key_text,
            key_range: key.range,
            colon: None,
            value: None,
            comma: None,
            range: key.range,
        };
        match self.peek_kind() {
            Some(TokKind::Colon) => {
                let Some(colon) = self.next() else {
                    return member;
                };
                member.colon = Some(colon.range.start);
                member.range.end = colon.range.end;
                match self.peek_kind() {
                    Some(kind) if starts_value(kind) && !self.next_is_key() => {
                        let Some(tok) = self.next() else {
                            return member;
                        };
                        let value = self.value(tok, Some(object), depth + 1);
                        member.value = Some(value);
                        member.range.end = self.tree.nodes[value].range.end;
                    }
                    _ => self.error(
                        TextRange::new(colon.range.start, colon.range.end),
                        format!(
                            "Expected a value for \"{}\" after ':'.",
                            clip(self.lexer.span(member.key))
                        ),
                    ),
                }
            }
            Some(kind) if starts_value(kind) && !self.next_is_key() && kind != TokKind::String => {
                self.error(
                    key.range,
                    format!(
                        "Expected ':' after \"{}\".",
                        clip(self.lexer.span(member.key))
                    ),
                );
                let Some(tok) = self.next() else {
                    return member;
                };
                let value = self.value(tok, Some(object), depth + 1);
                member.value = Some(value);
                member.range.end = self.tree.nodes[value].range.end;
            }
            _ => self.error(
                key.range,
                format!(
                    "Expected ':' and a value after \"{}\".",
                    clip(self.lexer.span(member.key))
                ),
            ),
        }
        member
    }

    pub(super) fn array(&mut self, open: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
        let id = self.push(NodeKind::Array(Run::default()), open.range, parent, depth);
        let first = self.open_items.len();
        let mut end = open.range.end;
        let mut closed = false;
        let mut after_item = false;
        loop {
            let Some(tok) = self.next() else {
                self.error(open.range, "This array is not closed: add a ']'.");
                break;
            };
            match tok.kind {
                TokKind::RBracket => {
                    end = tok.range.end;
                    closed = true;
                    break;
                }
                TokKind::RBrace => {
                    self.error(tok.range, "Expected ']' to close the array, found '}'.");
                    if depth > 0 {
                        self.unread(tok);
                        self.error(open.range, "This array is not closed: add a ']'.");
                        break;
                    }
                    end = tok.range.end;
                }
                TokKind::Comma => {
                    end = tok.range.end;
                    if after_item {
                        after_item = false;
                        if self.peek_kind() == Some(TokKind::RBracket) {
                            self.tree.trailing_commas.push(tok.range.start);
                        }
                    } else {
                        self.error(
                            tok.range,
                            "Unexpected ',': a value is missing here, or the comma is doubled.",
                        );
                    }
                }
                TokKind::Colon => {
                    end = tok.range.end;
                    self.error(
                        tok.range,
                        "Unexpected ':' in an array: arrays hold values, not properties.",
                    );
                }
                _ => {
                    if after_item {
                        self.error(tok.range, "Expected ',' before this value.");
                    }
                    let item = self.value(tok, Some(id), depth + 1);
                    end = self.tree.nodes[item].range.end;
                    self.open_items.push(item);
                    after_item = true;
                }
            }
        }
        let start = self.tree.items.len();
        self.tree.items.extend(self.open_items.drain(first..));
        let run = Run {
            start,
            end: self.tree.items.len(),
        };
        let node = &mut self.tree.nodes[id];
        node.kind = NodeKind::Array(run);
        node.range = TextRange::new(open.range.start, end.min(self.text_len));
        node.closed = closed;
        id
    }
}
