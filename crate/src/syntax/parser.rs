//! A recovering recursive-descent parser. Like vscode-json-languageservice, on an unexpected
//! token it reports, skips to a `,` `}` or `]`, and keeps what it has read. Nesting deeper than
//! [`MAX_DEPTH`] is reported and skipped without recursion, so a small (WASM) stack is enough.

use super::lexer::{Lexer, Tok, TokKind, clip};
use super::tree::{Member, Node, NodeId, NodeKind, SyntaxError, Tree};
use crate::text::TextRange;
use std::collections::VecDeque;

/// Deepest nesting of objects and arrays that is parsed; deeper content becomes one error.
pub const MAX_DEPTH: u32 = 64;

/// Errors past this many are not recorded: nobody reads them, and they would cost memory.
const MAX_PARSER_ERRORS: usize = 1000;

pub fn parse(text: &str) -> Tree {
    let mut p = Parser {
        lexer: Lexer::new(text),
        lookahead: VecDeque::new(),
        tree: Tree::default(),
        text_len: text.len(),
    };
    match p.next() {
        None => p.error(
            TextRange::empty(0),
            "The file is empty: a devcontainer.json holds one object, such as { \"image\": \"...\" }.",
        ),
        Some(tok) => {
            let root = p.value_or_error(tok, None, 0);
            p.tree.root = Some(root);
            if let Some(extra) = p.next() {
                p.error(
                    extra.range,
                    "Only one value is allowed in the file: remove what follows the closing '}'.",
                );
                while p.next().is_some() {}
            }
        }
    }
    let mut tree = p.tree;
    tree.errors.append(&mut p.lexer.errors);
    tree.errors.sort_by_key(|e| (e.range.start, e.range.end));
    tree.comments = std::mem::take(&mut p.lexer.comments);
    tree.comments.sort_by_key(|c| c.start);
    tree
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    lookahead: VecDeque<Tok>,
    tree: Tree,
    text_len: usize,
}

fn starts_value(kind: TokKind) -> bool {
    matches!(
        kind,
        TokKind::LBrace
            | TokKind::LBracket
            | TokKind::String
            | TokKind::Number
            | TokKind::True
            | TokKind::False
            | TokKind::Null
            | TokKind::Word
            | TokKind::Bad
    )
}

/// The character of a punctuation token (which carries no text of its own).
fn punctuation(kind: TokKind) -> &'static str {
    match kind {
        TokKind::LBrace => "{",
        TokKind::RBrace => "}",
        TokKind::LBracket => "[",
        TokKind::RBracket => "]",
        TokKind::Comma => ",",
        TokKind::Colon => ":",
        _ => "?",
    }
}

impl Parser<'_> {
    fn next(&mut self) -> Option<Tok> {
        self.lookahead
            .pop_front()
            .or_else(|| self.lexer.next_token())
    }

    /// Puts a token back, to be read next.
    fn unread(&mut self, tok: Tok) {
        self.lookahead.push_front(tok);
    }

    /// The kind of the token `n` places ahead (0 = the next one).
    fn peek_nth(&mut self, n: usize) -> Option<TokKind> {
        while self.lookahead.len() <= n {
            let tok = self.lexer.next_token()?;
            self.lookahead.push_back(tok);
        }
        Some(self.lookahead[n].kind)
    }

    fn peek_kind(&mut self) -> Option<TokKind> {
        self.peek_nth(0)
    }

    /// True when the next tokens are `"string" :`, i.e. the next property rather than a value.
    fn next_is_key(&mut self) -> bool {
        self.peek_nth(0) == Some(TokKind::String) && self.peek_nth(1) == Some(TokKind::Colon)
    }

    fn error(&mut self, range: TextRange, message: impl Into<String>) {
        if self.tree.errors.len() >= MAX_PARSER_ERRORS {
            return;
        }
        self.tree.errors.push(SyntaxError {
            code: "syntax-error",
            message: message.into(),
            range,
            replacement: None,
        });
    }

    fn push(
        &mut self,
        kind: NodeKind,
        range: TextRange,
        parent: Option<NodeId>,
        depth: u32,
    ) -> NodeId {
        self.tree.nodes.push(Node {
            kind,
            range,
            parent,
            depth,
            closed: true,
        });
        self.tree.nodes.len() - 1
    }

    /// Parses a value starting with `tok`; a token that starts no value becomes an invalid node.
    fn value_or_error(&mut self, tok: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
        if !starts_value(tok.kind) {
            self.error(
                tok.range,
                format!("Expected a value, found '{}'.", punctuation(tok.kind)),
            );
            return self.push(NodeKind::Invalid, tok.range, parent, depth);
        }
        self.value(tok, parent, depth)
    }

    fn value(&mut self, tok: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
        let kind = match tok.kind {
            TokKind::LBrace | TokKind::LBracket if depth >= MAX_DEPTH => {
                return self.skip_too_deep(tok, parent, depth);
            }
            TokKind::LBrace => return self.object(tok, parent, depth),
            TokKind::LBracket => return self.array(tok, parent, depth),
            TokKind::String => NodeKind::String(tok.text),
            TokKind::Number => NodeKind::Number(tok.text),
            TokKind::True => NodeKind::Bool(true),
            TokKind::False => NodeKind::Bool(false),
            TokKind::Null => NodeKind::Null,
            TokKind::Word => {
                self.error(
                    tok.range,
                    format!(
                        "Unexpected word '{}': strings need double quotes, and only true, false and null are bare words.",
                        clip(&tok.text)
                    ),
                );
                NodeKind::Invalid
            }
            _ => NodeKind::Invalid,
        };
        self.push(kind, tok.range, parent, depth)
    }

    /// Reports nesting past [`MAX_DEPTH`] and skips the whole nested value, counting brackets.
    fn skip_too_deep(&mut self, open: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
        let mut open_count = 1usize;
        let mut end = open.range.end;
        while open_count > 0 {
            let Some(tok) = self.next() else { break };
            end = tok.range.end;
            match tok.kind {
                TokKind::LBrace | TokKind::LBracket => open_count += 1,
                TokKind::RBrace | TokKind::RBracket => open_count -= 1,
                _ => {}
            }
        }
        let range = TextRange::new(open.range.start, end);
        self.error(
            TextRange::new(open.range.start, open.range.end),
            format!("Nested too deeply: more than {MAX_DEPTH} levels of objects and arrays are not checked."),
        );
        self.push(NodeKind::Invalid, range, parent, depth)
    }

    fn object(&mut self, open: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
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
    fn member(&mut self, key: Tok, object: NodeId, depth: u32) -> Member {
        let mut member = Member {
            key: key.text.clone(),
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
                        format!("Expected a value for \"{}\" after ':'.", clip(&key.text)),
                    ),
                }
            }
            Some(kind) if starts_value(kind) && !self.next_is_key() && kind != TokKind::String => {
                self.error(
                    key.range,
                    format!("Expected ':' after \"{}\".", clip(&key.text)),
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
                format!("Expected ':' and a value after \"{}\".", clip(&key.text)),
            ),
        }
        member
    }

    fn array(&mut self, open: Tok, parent: Option<NodeId>, depth: u32) -> NodeId {
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
