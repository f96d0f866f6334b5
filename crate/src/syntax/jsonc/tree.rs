//! The JSONC syntax tree: an arena of nodes with byte ranges. An arena (not boxes) keeps
//! dropping a deeply nested document free of recursion. Strings, members and items live in
//! tree-wide buffers too, so a parse makes a few allocations, not one per value.

use crate::text::TextRange;

pub type NodeId = usize;

/// Where a decoded string lies in [`Tree::strings`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const EMPTY: Span = Span { start: 0, end: 0 };

    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// Where an object's members lie in [`Tree::members`], or an array's items in [`Tree::items`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NodeKind {
    Object(Run),
    Array(Run),
    /// A string literal: its decoded content, in [`Tree::strings`].
    String(Span),
    /// A number literal: its source text, in [`Tree::strings`].
    Number(Span),
    Bool(bool),
    Null,
    /// Something that is not a value (a stray word, a bad literal): kept so ranges stay known.
    Invalid,
}

/// `"key": value` inside an object. The value is missing while the user is still typing.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The key's decoded text, in [`Tree::strings`] (see [`Tree::key`]).
    pub key: Span,
    /// Range of the key literal, with its quotes.
    pub key_range: TextRange,
    pub colon: Option<usize>,
    pub value: Option<NodeId>,
    /// Offset of the comma that ends this member, if there is one.
    pub comma: Option<usize>,
    /// From the key's start to the end of the value (or of whatever was read of the member).
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub range: TextRange,
    pub parent: Option<NodeId>,
    /// Depth from the root (root = 0).
    pub depth: u32,
    /// False when the node is an object or array that was never closed.
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub code: &'static str,
    pub message: String,
    pub range: TextRange,
    /// A safe replacement for `range` that repairs the error, when one is known.
    pub replacement: Option<String>,
}

/// Adds `error` unless `errors` holds `limit` already; an error with a quick fix gets room up to
/// twice `limit`, and none is pushed out. Each fixable error past the limit used to replace the
/// last one kept, so only the latest was listed, and a fix that removed an earlier error brought
/// an evicted one back (found by fuzzing, `fuzz/fixes/fix-past-the-error-limit-reveals-no-error`).
pub(super) fn push_fixable(errors: &mut Vec<SyntaxError>, error: SyntaxError, limit: usize) {
    let room = if error.replacement.is_some() {
        2 * limit
    } else {
        limit
    };
    if errors.len() < room {
        errors.push(error);
    }
}

/// A parsed document: the tree, every syntax problem found, and the comment ranges.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub root: Option<NodeId>,
    pub errors: Vec<SyntaxError>,
    pub comments: Vec<TextRange>,
    /// Trailing commas (offset of the comma): accepted, reported at most as a hint.
    pub trailing_commas: Vec<usize>,
    /// Every decoded string, key and number text, end to end: one allocation for them all.
    pub strings: String,
    /// The members of every object, each object's in one run ([`NodeKind::Object`]).
    pub members: Vec<Member>,
    /// The items of every array, each array's in one run ([`NodeKind::Array`]).
    pub items: Vec<NodeId>,
}

/// A node's content with its text, as rules match on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'t> {
    Object(&'t [Member]),
    Array(&'t [NodeId]),
    String(&'t str),
    Number(&'t str),
    Bool(bool),
    Null,
    Invalid,
}

impl Tree {
    /// An empty tree with room for what a text of `len` bytes holds, so the arenas rarely grow
    /// while parsing. The corpus has one node per 60 bytes, one member per 82 and one array
    /// item per 290 on average; fewer than 3% of its files need more than this room.
    pub fn sized_for(len: usize) -> Self {
        Self {
            nodes: Vec::with_capacity(len / 32 + 4),
            members: Vec::with_capacity(len / 48 + 4),
            items: Vec::with_capacity(len / 128 + 4),
            ..Self::default()
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn root(&self) -> Option<NodeRef<'_>> {
        self.root.map(|id| NodeRef { tree: self, id })
    }

    pub fn get(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef { tree: self, id }
    }

    /// The text at `span` in [`Tree::strings`].
    pub fn str(&self, span: Span) -> &str {
        self.strings.get(span.start..span.end).unwrap_or("")
    }

    /// A member's key, decoded.
    pub fn key(&self, member: &Member) -> &str {
        self.str(member.key)
    }

    /// The content of a node, with its text.
    pub fn value<'t>(&'t self, kind: &'t NodeKind) -> Value<'t> {
        match kind {
            NodeKind::Object(run) => {
                Value::Object(self.members.get(run.start..run.end).unwrap_or_default())
            }
            NodeKind::Array(run) => {
                Value::Array(self.items.get(run.start..run.end).unwrap_or_default())
            }
            NodeKind::String(span) => Value::String(self.str(*span)),
            NodeKind::Number(span) => Value::Number(self.str(*span)),
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Null => Value::Null,
            NodeKind::Invalid => Value::Invalid,
        }
    }

    /// True when `offset` is inside a comment.
    pub fn in_comment(&self, offset: usize) -> bool {
        let i = self.comments.partition_point(|c| c.end <= offset);
        self.comments
            .get(i)
            .is_some_and(|c| c.start < offset && offset < c.end)
    }
}

/// A borrowed view of one node, with the queries rules need.
#[derive(Clone, Copy)]
pub struct NodeRef<'t> {
    pub tree: &'t Tree,
    pub id: NodeId,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeRef({}, {:?})", self.id, self.range())
    }
}

/// A member seen through a [`NodeRef`].
#[derive(Clone, Copy, Debug)]
pub struct MemberRef<'t> {
    pub member: &'t Member,
    pub value: Option<NodeRef<'t>>,
    /// The object that holds the member.
    pub object: NodeRef<'t>,
}

impl<'t> MemberRef<'t> {
    pub fn key(&self) -> &'t str {
        self.object.tree.key(self.member)
    }
    pub fn key_range(&self) -> TextRange {
        self.member.key_range
    }
    pub fn range(&self) -> TextRange {
        self.member.range
    }
}

impl<'t> NodeRef<'t> {
    pub fn node(&self) -> &'t Node {
        &self.tree.nodes[self.id]
    }
    pub fn kind(&self) -> &'t NodeKind {
        &self.node().kind
    }
    /// The content, with its text: what rules match on.
    pub fn value(&self) -> Value<'t> {
        self.tree.value(self.kind())
    }
    pub fn range(&self) -> TextRange {
        self.node().range
    }
    pub fn parent(&self) -> Option<NodeRef<'t>> {
        self.node().parent.map(|id| self.tree.get(id))
    }
    pub fn is_object(&self) -> bool {
        matches!(self.kind(), NodeKind::Object(_))
    }
    pub fn is_array(&self) -> bool {
        matches!(self.kind(), NodeKind::Array(_))
    }
    pub fn as_str(&self) -> Option<&'t str> {
        match self.value() {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind() {
            NodeKind::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The number's value when it is a valid JSON number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value() {
            Value::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }
    /// The number's value when it is an integer that fits in i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self.value() {
            Value::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }
    /// Name of the JSON type, for messages: "object", "array", "string", ...
    pub fn type_name(&self) -> &'static str {
        match self.value() {
            Value::Object(_) => "object",
            Value::Array(_) => "array",
            Value::String(_) => "string",
            Value::Number(raw) if raw.parse::<i64>().is_ok() => "integer",
            Value::Number(_) => "number",
            Value::Bool(_) => "boolean",
            Value::Null => "null",
            Value::Invalid => "invalid value",
        }
    }
    /// The members of an object (empty for anything else).
    pub fn members(&self) -> impl Iterator<Item = MemberRef<'t>> + 't {
        let tree = self.tree;
        let object = *self;
        self.member_slice().iter().map(move |member| MemberRef {
            member,
            value: member.value.map(|id| tree.get(id)),
            object,
        })
    }
    /// The stored members of an object (empty for anything else).
    fn member_slice(&self) -> &'t [Member] {
        match self.kind() {
            NodeKind::Object(run) => self
                .tree
                .members
                .get(run.start..run.end)
                .unwrap_or_default(),
            _ => &[],
        }
    }
    /// The first member called `key`.
    pub fn member(&self, key: &str) -> Option<MemberRef<'t>> {
        // Lengths first, then bytes: most keys differ in length, and a byte slice needs no
        // char-boundary checks (lookups by key are the rules' most frequent call).
        // The members are searched as they are stored; only the match is wrapped.
        let tree = self.tree;
        let strings = tree.strings.as_bytes();
        let member = self.member_slice().iter().find(|m| {
            let span = m.key;
            span.end - span.start == key.len()
                && strings.get(span.start..span.end) == Some(key.as_bytes())
        })?;
        Some(MemberRef {
            member,
            value: member.value.map(|id| tree.get(id)),
            object: *self,
        })
    }
    /// The value of the first member called `key`.
    pub fn get(&self, key: &str) -> Option<NodeRef<'t>> {
        self.member(key).and_then(|m| m.value)
    }
    /// The items of an array (empty for anything else).
    pub fn items(&self) -> impl Iterator<Item = NodeRef<'t>> + 't {
        let tree = self.tree;
        let items: &'t [NodeId] = match self.kind() {
            NodeKind::Array(run) => tree.items.get(run.start..run.end).unwrap_or_default(),
            _ => &[],
        };
        items.iter().map(move |&id| tree.get(id))
    }
    /// The key under which this node is the value, if its parent is an object.
    pub fn key_in_parent(&self) -> Option<MemberRef<'t>> {
        let parent = self.parent()?;
        parent.members().find(|m| m.member.value == Some(self.id))
    }
    /// The path of keys and indexes from the root down to this node.
    pub fn path(&self) -> Vec<PathSegment> {
        let mut path = Vec::new();
        let mut current = *self;
        while let Some(parent) = current.parent() {
            match parent.value() {
                Value::Object(members) => {
                    if let Some(m) = members.iter().find(|m| m.value == Some(current.id)) {
                        path.push(PathSegment::Key(self.tree.key(m).to_string()));
                    }
                }
                Value::Array(items) => {
                    if let Some(i) = items.iter().position(|&id| id == current.id) {
                        path.push(PathSegment::Index(i));
                    }
                }
                _ => {}
            }
            current = parent;
        }
        path.reverse();
        path
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}
