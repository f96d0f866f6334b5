//! Where the cursor is: which container holds it, whether it sits on a key, on a value, on an
//! array item or between them, what a completion should replace, and which commas an inserted
//! member or item needs. Works on the recovering tree, so half-typed documents are fine.

use crate::syntax::{MemberRef, NodeKind, NodeRef, PathSegment, Tree};
use crate::text::TextRange;

/// The kind of place under the cursor.
#[derive(Clone, Copy, Debug)]
pub enum Place<'t> {
    /// Where a property name goes. `member` is the member whose key is being edited, if any.
    Key { member: Option<MemberRef<'t>> },
    /// The value of `member` (which may be missing while the user types).
    Value { member: MemberRef<'t> },
    /// An item of an array: `node` when the cursor is on an existing scalar item.
    Item { node: Option<NodeRef<'t>> },
    /// Nowhere that completion can help (inside a comment, after the root, on punctuation).
    None,
}

#[derive(Clone, Debug)]
pub struct Cursor<'t> {
    /// Byte offset, clamped to the text and to a char boundary.
    pub offset: usize,
    pub place: Place<'t>,
    /// The object or array that holds the place.
    pub container: Option<NodeRef<'t>>,
    /// JSON path of `container`.
    pub path: Vec<PathSegment>,
    /// What an accepted completion replaces: the whole literal (quotes included) or an empty
    /// range at the cursor. It always lies on the cursor's line and contains the cursor, as
    /// editors drop items whose range does not (VS Code does).
    pub replace: TextRange,
    /// Text an item must start with to keep what `replace` swallows before the value: the
    /// spaces between the cursor and a value right of it (`"image":| "alpine"`).
    pub insert_prefix: String,
    /// Offset where a `,` must be inserted before the new member or item.
    pub comma_before: Option<usize>,
    /// True when a new member or item needs a `,` after it.
    pub comma_after: bool,
}

impl<'t> Cursor<'t> {
    /// The literal text of the replace range.
    pub fn replaced<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.replace.start..self.replace.end).unwrap_or("")
    }

    /// True when the replaced literal is a quoted string.
    pub fn replaces_string(&self, text: &str) -> bool {
        self.replaced(text).starts_with('"')
    }

    /// The path of the cursor's place: the container's path plus the key or index.
    pub fn full_path(&self) -> Vec<PathSegment> {
        let mut path = self.path.clone();
        match self.place {
            Place::Value { member } => path.push(PathSegment::Key(member.key().to_string())),
            Place::Key {
                member: Some(member),
            } => path.push(PathSegment::Key(member.key().to_string())),
            Place::Item { node } => {
                // An existing item's index, or where a new item would go.
                let index = self.container.map_or(0, |c| match node {
                    Some(n) => c.items().position(|item| item.id == n.id).unwrap_or(0),
                    None => c.items().filter(|i| i.range().end <= self.offset).count(),
                });
                path.push(PathSegment::Index(index));
            }
            _ => {}
        }
        path
    }
}

/// Analyses the place at byte `offset` of `text`, parsed as `tree`.
pub fn locate<'t>(text: &str, tree: &'t Tree, offset: usize) -> Cursor<'t> {
    let offset = clamp(text, offset);
    let mut cursor = Cursor {
        offset,
        place: Place::None,
        container: None,
        path: Vec::new(),
        replace: TextRange::empty(offset),
        insert_prefix: String::new(),
        comma_before: None,
        comma_after: false,
    };
    if in_comment(text, tree, offset) {
        return cursor;
    }
    let Some(container) = innermost_container(tree, offset) else {
        return cursor;
    };
    cursor.container = Some(container);
    cursor.path = container.path();
    match container.kind() {
        NodeKind::Object(_) => locate_in_object(text, container, &mut cursor),
        NodeKind::Array(_) => locate_in_array(text, container, &mut cursor),
        _ => {}
    }
    cursor
}

fn clamp(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Inside a comment (a line comment runs to its line's end, cursor there included).
pub fn in_comment(text: &str, tree: &Tree, offset: usize) -> bool {
    let i = tree.comments.partition_point(|c| c.end < offset);
    tree.comments.iter().skip(i).take(2).any(|c| {
        let line = text.get(c.start..).is_some_and(|t| t.starts_with("//"));
        c.start < offset && (offset < c.end || (line && offset == c.end))
    })
}

/// The deepest object or array around `offset`. An unclosed one holds everything after it,
/// as far as its parent reaches. Parents come before their children in the arena, so one pass
/// knows whether the parent holds the offset.
fn innermost_container(tree: &Tree, offset: usize) -> Option<NodeRef<'_>> {
    let mut holds = vec![false; tree.nodes.len()];
    let mut best: Option<(u32, usize)> = None;
    for (id, node) in tree.nodes.iter().enumerate() {
        if !matches!(node.kind, NodeKind::Object(_) | NodeKind::Array(_)) {
            continue;
        }
        let parent_holds = node
            .parent
            .is_none_or(|p| holds.get(p).copied().unwrap_or(false));
        let inside = node.range.start < offset && (offset < node.range.end || !node.closed);
        if inside && parent_holds {
            holds[id] = true;
            if best.is_none_or(|(depth, _)| node.depth >= depth) {
                best = Some((node.depth, id));
            }
        }
    }
    best.map(|(_, id)| tree.get(id))
}

/// True when a literal at `range` holds the cursor: inside it, or at its end when the literal
/// is still open (a word, a number, a string without its closing quote).
fn on_literal(text: &str, range: TextRange, offset: usize) -> bool {
    if !(range.start < offset && offset <= range.end) {
        return false;
    }
    if offset < range.end {
        return true;
    }
    let literal = text.get(range.start..range.end).unwrap_or("");
    !is_closed_string(literal)
}

fn is_closed_string(literal: &str) -> bool {
    literal.len() >= 2 && literal.starts_with('"') && literal.ends_with('"') && {
        // An odd number of backslashes before the last quote escapes it.
        let body = &literal[1..literal.len() - 1];
        body.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 0
    }
}

fn is_scalar(node: NodeRef<'_>) -> bool {
    !matches!(node.kind(), NodeKind::Object(_) | NodeKind::Array(_))
}

fn locate_in_object<'t>(text: &str, object: NodeRef<'t>, cursor: &mut Cursor<'t>) {
    let offset = cursor.offset;
    let members: Vec<MemberRef<'t>> = object.members().collect();
    for (i, member) in members.iter().enumerate() {
        if member.key_range().start == offset {
            // Right before a key: a new member goes in front of it.
            break;
        }
        if on_literal(text, member.key_range(), offset) {
            cursor.place = Place::Key {
                member: Some(*member),
            };
            cursor.replace = member.key_range();
            let has_colon = member.member.colon.is_some();
            cursor.comma_after =
                !has_colon && member.member.comma.is_none() && members.get(i + 1).is_some();
            cursor.comma_before = comma_before_member(&members, i);
            return;
        }
        let Some(colon) = member.member.colon else {
            continue;
        };
        if offset <= colon {
            continue;
        }
        let next_start = members
            .get(i + 1)
            .map_or(object.range().end, |m| m.key_range().start);
        match member.value {
            Some(value) if is_scalar(value) => {
                if on_literal(text, value.range(), offset)
                    || (offset <= value.range().start && only_space(text, colon + 1, offset))
                {
                    cursor.place = Place::Value { member: *member };
                    let range = value.range();
                    let gap = text.get(offset..range.start).unwrap_or("");
                    let one_line = !text
                        .get(range.start..range.end)
                        .unwrap_or("\n")
                        .contains(['\n', '\r']);
                    if gap.contains(['\n', '\r']) || !one_line {
                        // The value sits on another line (or spans lines): the item goes
                        // at the cursor, on its own line.
                        cursor.replace = TextRange::empty(offset);
                        cursor.comma_after = false;
                        return;
                    }
                    // From the cursor through the value, keeping the spaces in between.
                    cursor.replace = TextRange::new(offset.min(range.start), range.end);
                    cursor.insert_prefix = gap.to_string();
                    // A missing comma before the next member comes with the new value.
                    cursor.comma_after = member.member.comma.is_none()
                        && members.get(i + 1).is_some()
                        && only_space(text, value.range().end, next_start);
                    return;
                }
            }
            Some(_) => {}
            None => {
                let limit = if object.node().closed || members.get(i + 1).is_some() {
                    next_start
                } else {
                    text.len()
                };
                if offset <= limit && only_space(text, colon + 1, offset) {
                    cursor.place = Place::Value { member: *member };
                    cursor.comma_after = member.member.comma.is_none()
                        && members.get(i + 1).is_some()
                        && only_space(text, offset, next_start);
                    return;
                }
            }
        }
    }
    // Inside a member (between its key and its value): no new member fits here.
    if members
        .iter()
        .any(|m| m.key_range().start < offset && offset < m.range().end)
    {
        return;
    }
    // Between members: where a new key goes, unless something else sits right here.
    if !between_tokens(text, offset) {
        return;
    }
    let before = members
        .iter()
        .rposition(|m| m.range().end <= offset && m.key_range().start < offset);
    let after = members.iter().position(|m| m.key_range().start >= offset);
    cursor.place = Place::Key { member: None };
    if let Some(b) = before.and_then(|b| members.get(b)) {
        let comma_between = b.member.comma.is_some_and(|c| c < offset);
        if !comma_between && b.member.value.is_some() {
            cursor.comma_before = Some(b.range().end);
        }
        if !comma_between && b.member.value.is_none() {
            // After a member that lacks its value, inserting more would not help.
            cursor.place = Place::None;
        }
    }
    if let Some(a) = after.and_then(|a| members.get(a)) {
        cursor.comma_after = !has_comma_between(text, offset, a.key_range().start);
    }
}

/// The offset where a comma must go before member `i`, when the previous member lacks it.
fn comma_before_member(members: &[MemberRef<'_>], i: usize) -> Option<usize> {
    let previous = members.get(i.checked_sub(1)?)?;
    (previous.member.comma.is_none() && previous.member.value.is_some())
        .then(|| previous.range().end)
}

fn locate_in_array<'t>(text: &str, array: NodeRef<'t>, cursor: &mut Cursor<'t>) {
    let offset = cursor.offset;
    let items: Vec<NodeRef<'t>> = array.items().collect();
    for item in &items {
        if is_scalar(*item) && on_literal(text, item.range(), offset) {
            cursor.place = Place::Item { node: Some(*item) };
            cursor.replace = item.range();
            return;
        }
        if item.range().start < offset && offset < item.range().end {
            return;
        }
    }
    if !between_tokens(text, offset) {
        return;
    }
    cursor.place = Place::Item { node: None };
    let before = items.iter().rposition(|n| n.range().end <= offset);
    let after = items.iter().position(|n| n.range().start >= offset);
    let array_start = array.range().start + 1;
    if let Some(b) = before.and_then(|b| items.get(b)) {
        if !has_comma_between(text, b.range().end, offset) {
            cursor.comma_before = Some(b.range().end);
        }
    } else if !only_space(text, array_start, offset) {
        cursor.place = Place::None;
    }
    if let Some(a) = after.and_then(|a| items.get(a)) {
        cursor.comma_after = !has_comma_between(text, offset, a.range().start);
    }
}

/// The cursor is not inside or right after a word (an unknown token the tree dropped).
fn between_tokens(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).and_then(|t| t.chars().next_back());
    let after = text.get(offset..).and_then(|t| t.chars().next());
    let wordy = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !(wordy(before) && wordy(after))
}

/// Only whitespace and comments in `start..end`.
fn only_space(text: &str, start: usize, end: usize) -> bool {
    let Some(between) = text.get(start.min(end)..end) else {
        return false;
    };
    strip_comments(between).trim().is_empty()
}

/// A `,` in `start..end` (outside comments).
fn has_comma_between(text: &str, start: usize, end: usize) -> bool {
    text.get(start.min(end)..end)
        .is_some_and(|between| strip_comments(between).contains(','))
}

/// The text with `//` and `/* */` comments removed (for short gaps between tokens only).
fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('/') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("//") {
            rest = tail.find('\n').map_or("", |n| &tail[n..]);
        } else if tail.starts_with("/*") {
            rest = tail
                .get(2..)
                .and_then(|t| t.find("*/").map(|e| &t[e + 2..]))
                .unwrap_or("");
        } else {
            out.push('/');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}
#[cfg(test)]
mod tests;
