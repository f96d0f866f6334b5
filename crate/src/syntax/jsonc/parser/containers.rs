//! Objects and arrays: members, commas, and recovery at a `,` `}` or `]`.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn object(&mut self, open: Tok<'a>, parent: Option<NodeId>, depth: u32) -> NodeId {
        let id = self.push(NodeKind::Object(Vec::new()), open.range, parent, depth);
        let mut members: Vec<Member> = Vec::new();
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
                        if let Some(last) = members.last_mut() {
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
                    if after_member && members.last().is_some_and(|m| m.value.is_some()) {
                        self.error(tok.range, "Expected ',' before this property.");
                    }
                    if tok.kind != TokKind::String && tok.kind != TokKind::Bad {
                        let quoted = serde_json::to_string(&tok.text).unwrap_or_default();
                        self.tree.errors.truncate(MAX_PARSER_ERRORS - 1);
                        self.tree.errors.push(SyntaxError {
                            code: "syntax-error",
                            message: format!(
                                "Property names must be strings in double quotes: write {}.",
                                clip(&quoted)
                            ),
                            range: tok.range,
                            replacement: Some(quoted),
                        });
                    }
                    let member = self.member(tok, id, depth);
                    end = member.range.end.max(end);
                    members.push(member);
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
        let node = &mut self.tree.nodes[id];
        node.kind = NodeKind::Object(members);
        node.range = TextRange::new(open.range.start, end.min(self.text_len));
        node.closed = closed;
        id
    }

    /// `key : value` after the key token; what is missing is reported and left out.
    fn member(&mut self, key: Tok<'a>, object: NodeId, depth: u32) -> Member {
        let mut member = Member {
            key: key.text.into_owned(),
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
                        format!("Expected a value for \"{}\" after ':'.", clip(&member.key)),
                    ),
                }
            }
            Some(kind) if starts_value(kind) && !self.next_is_key() && kind != TokKind::String => {
                self.error(
                    key.range,
                    format!("Expected ':' after \"{}\".", clip(&member.key)),
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
                format!("Expected ':' and a value after \"{}\".", clip(&member.key)),
            ),
        }
        member
    }

    pub(super) fn array(&mut self, open: Tok<'a>, parent: Option<NodeId>, depth: u32) -> NodeId {
        let id = self.push(NodeKind::Array(Vec::new()), open.range, parent, depth);
        let mut items: Vec<NodeId> = Vec::new();
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
                    items.push(item);
                    after_item = true;
                }
            }
        }
        let node = &mut self.tree.nodes[id];
        node.kind = NodeKind::Array(items);
        node.range = TextRange::new(open.range.start, end.min(self.text_len));
        node.closed = closed;
        id
    }
}
