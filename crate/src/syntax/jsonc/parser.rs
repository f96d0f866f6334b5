//! A recovering recursive-descent parser. Like vscode-json-languageservice, on an unexpected
//! token it reports, skips to a `,` `}` or `]`, and keeps what it has read. Nesting deeper than
//! [`MAX_DEPTH`] is reported and skipped without recursion, so a small (WASM) stack is enough.

use super::lexer::{Lexer, Tok, TokKind, clip};
use super::tree::{Member, Node, NodeId, NodeKind, Run, SyntaxError, Tree, push_fixable};
use crate::text::TextRange;

mod containers;

/// Deepest nesting of objects and arrays that is parsed; deeper content becomes one error.
pub const MAX_DEPTH: u32 = 64;

/// Errors past this many are not recorded: nobody reads them, and they would cost memory.
const MAX_PARSER_ERRORS: usize = 1000;

pub fn parse(text: &str) -> Tree {
    let mut p = Parser {
        lexer: Lexer::new(text),
        ahead: [None, None],
        tree: Tree::sized_for(text.len()),
        // Room for the open containers of a usual file, so these stacks rarely grow.
        open_members: Vec::with_capacity(32),
        open_items: Vec::with_capacity(16),
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
    crate::sorted::sort_stable_by_key(&mut tree.errors, |e| (e.range.start, e.range.end));
    tree.comments = std::mem::take(&mut p.lexer.comments);
    tree.strings = p.lexer.take_strings();
    crate::sorted::sort_stable_by_key(&mut tree.comments, |c| c.start);
    tree
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// The next two tokens when peeked (`"key" :` is the longest look-ahead), in order.
    ahead: [Option<Tok>; 2],
    tree: Tree,
    /// The members of the objects being read, innermost last: an object moves its own to
    /// [`Tree::members`] in one run when it ends (its nested objects have moved theirs).
    open_members: Vec<Member>,
    /// The same for the items of the arrays being read.
    open_items: Vec<NodeId>,
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

impl<'a> Parser<'a> {
    fn next(&mut self) -> Option<Tok> {
        match self.ahead[0].take() {
            Some(tok) => {
                self.ahead.swap(0, 1);
                Some(tok)
            }
            None => self.lexer.next_token(),
        }
    }

    /// Puts back the token just read, to be read next. A close bracket is only put back
    /// right after it was read, when at most one more token is peeked, so nothing is lost.
    fn unread(&mut self, tok: Tok) {
        debug_assert!(self.ahead[1].is_none());
        self.ahead.swap(0, 1);
        self.ahead[0] = Some(tok);
    }

    /// The kind of the token `n` places ahead (0 = the next one, at most 1).
    fn peek_nth(&mut self, n: usize) -> Option<TokKind> {
        let n = n.min(1);
        for i in 0..=n {
            if self.ahead[i].is_none() {
                self.ahead[i] = Some(self.lexer.next_token()?);
            }
        }
        self.ahead[n].as_ref().map(|t| t.kind)
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
            TokKind::String => NodeKind::String(tok.value),
            TokKind::Number => {
                let raw = self.lexer.raw(&tok);
                NodeKind::Number(self.lexer.keep(raw))
            }
            TokKind::True => NodeKind::Bool(true),
            TokKind::False => NodeKind::Bool(false),
            TokKind::Null => NodeKind::Null,
            TokKind::Word => {
                self.error(
                    tok.range,
                    format!(
                        "Unexpected word '{}': strings need double quotes, and only true, false and null are bare words.",
                        clip(self.lexer.raw(&tok))
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
}
