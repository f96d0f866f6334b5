//! The JSONC syntax tree: an arena of nodes with byte ranges. An arena (not boxes) keeps
//! dropping a deeply nested document free of recursion.

use crate::text::TextRange;

pub type NodeId = usize;

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Object(Vec<Member>),
    Array(Vec<NodeId>),
    /// A string literal; `value` is its decoded content.
    String(String),
    /// A number literal with its source text.
    Number(String),
    Bool(bool),
    Null,
    /// Something that is not a value (a stray word, a bad literal): kept so ranges stay known.
    Invalid,
}

/// `"key": value` inside an object. The value is missing while the user is still typing.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
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

/// A parsed document: the tree, every syntax problem found, and the comment ranges.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub root: Option<NodeId>,
    pub errors: Vec<SyntaxError>,
    pub comments: Vec<TextRange>,
    /// Trailing commas (offset of the comma): accepted, reported at most as a hint.
    pub trailing_commas: Vec<usize>,
}

impl Tree {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn root(&self) -> Option<NodeRef<'_>> {
        self.root.map(|id| NodeRef { tree: self, id })
    }

    pub fn get(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef { tree: self, id }
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
        &self.member.key
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
        match self.kind() {
            NodeKind::String(s) => Some(s),
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
        match self.kind() {
            NodeKind::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }
    /// The number's value when it is an integer that fits in i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self.kind() {
            NodeKind::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }
    /// Name of the JSON type, for messages: "object", "array", "string", ...
    pub fn type_name(&self) -> &'static str {
        match self.kind() {
            NodeKind::Object(_) => "object",
            NodeKind::Array(_) => "array",
            NodeKind::String(_) => "string",
            NodeKind::Number(raw) if raw.parse::<i64>().is_ok() => "integer",
            NodeKind::Number(_) => "number",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Null => "null",
            NodeKind::Invalid => "invalid value",
        }
    }
    /// The members of an object (empty for anything else).
    pub fn members(&self) -> impl Iterator<Item = MemberRef<'t>> + 't {
        let tree = self.tree;
        let object = *self;
        let members: &'t [Member] = match self.kind() {
            NodeKind::Object(m) => m,
            _ => &[],
        };
        members.iter().map(move |member| MemberRef {
            member,
            value: member.value.map(|id| tree.get(id)),
            object,
        })
    }
    /// The first member called `key`.
    pub fn member(&self, key: &str) -> Option<MemberRef<'t>> {
        self.members().find(|m| m.key() == key)
    }
    /// The value of the first member called `key`.
    pub fn get(&self, key: &str) -> Option<NodeRef<'t>> {
        self.member(key).and_then(|m| m.value)
    }
    /// The items of an array (empty for anything else).
    pub fn items(&self) -> impl Iterator<Item = NodeRef<'t>> + 't {
        let tree = self.tree;
        let items: &'t [NodeId] = match self.kind() {
            NodeKind::Array(items) => items,
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
            match parent.kind() {
                NodeKind::Object(members) => {
                    if let Some(m) = members.iter().find(|m| m.value == Some(current.id)) {
                        path.push(PathSegment::Key(m.key.clone()));
                    }
                }
                NodeKind::Array(items) => {
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
