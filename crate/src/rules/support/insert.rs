//! Edit builders for fixes that add a member to the root object or an item to an array,
//! in the file's own layout.

use crate::diag::Edit;
use crate::rules::Context;
use crate::syntax::NodeRef;

/// Edits that add `"key": value` to the root object: after the `after` member when given and
/// present, else after the last member. Keeps a line comment on its line. `None` when the
/// object is unfinished or unusual enough that an edit could break it.
pub fn insert_root_member(cx: &Context, after: &str, key: &str, value: &str) -> Option<Vec<Edit>> {
    let root = cx.root?;
    if !root.node().closed || !cx.tree.errors.is_empty() {
        return None;
    }
    let member_text = format!("\"{key}\": {value}");
    let members: Vec<_> = root.members().collect();
    let Some(anchor) = members
        .iter()
        .find(|m| m.key() == after)
        .or_else(|| members.last())
    else {
        let open = root.range().start + 1;
        return Some(vec![Edit::insert(open, format!(" {member_text} "))]);
    };
    let value_end = anchor.value?.range().end;
    let lines = cx.line_index();
    let key_start = anchor.key_range().start;
    let line_start = lines.line_start(lines.line_of(key_start));
    let indent = cx.text.get(line_start..key_start)?;
    let own_line = indent.chars().all(|c| c == ' ' || c == '\t');
    let after_value = anchor.member.comma.map_or(value_end, |c| c + 1);
    let line_end = lines.line_range(lines.line_of(after_value)).end;
    let rest = cx.text.get(after_value..line_end)?.trim();
    let rest_is_comment = rest.is_empty() || rest.starts_with("//");
    if !own_line || !rest_is_comment {
        // Same-line style: put the member right after the anchor.
        return Some(match anchor.member.comma {
            Some(c) => vec![Edit::insert(c + 1, format!(" {member_text},"))],
            None => vec![Edit::insert(value_end, format!(", {member_text}"))],
        });
    }
    Some(match anchor.member.comma {
        Some(_) => vec![Edit::insert(line_end, format!("\n{indent}{member_text},"))],
        None => vec![
            Edit::insert(value_end, ","),
            Edit::insert(line_end, format!("\n{indent}{member_text}")),
        ],
    })
}

/// Edits that append `item` (JSON text) to an array node.
pub fn append_to_array(cx: &Context, array: NodeRef, item: &str) -> Option<Vec<Edit>> {
    if !array.is_array() || !array.node().closed {
        return None;
    }
    // Broken text inside (an unterminated string as the last item): where the new item would
    // go is a guess, and the edit can add a syntax error (fuzz finding).
    if cx.broken_within(array.range()) {
        return None;
    }
    Some(match array.items().last() {
        Some(last) => vec![Edit::insert(last.range().end, format!(", {item}"))],
        None => {
            let open = array.range().start + 1;
            cx.text.get(open..open)?;
            vec![Edit::insert(open, item.to_string())]
        }
    })
}

/// An edit that sets `key` to `value` (JSON text) in `object`: replaces the value of an
/// existing member, else adds the member first, on its own line when the members are on
/// their own lines. `None` for an unfinished object or an existing member without a value.
pub fn set_member(cx: &Context, object: NodeRef, key: &str, value: &str) -> Option<Edit> {
    if !object.is_object() || !object.node().closed {
        return None;
    }
    if let Some(member) = object.member(key) {
        return Some(Edit::replace(member.value?.range(), value));
    }
    let open = object.range().start + 1;
    let member_text = format!("\"{key}\": {value}");
    let Some(first) = object.members().next() else {
        let inside = crate::text::TextRange::new(open, object.range().end - 1);
        if cx.tree.comments.iter().any(|c| inside.intersects(*c)) {
            return None;
        }
        return Some(Edit::replace(inside, format!(" {member_text} ")));
    };
    let key_start = first.key_range().start;
    let between = cx.text.get(open..key_start)?;
    if between.contains('\n') {
        let indent = super::text_layout::line_indent(cx.text, key_start);
        Some(Edit::insert(key_start, format!("{member_text},\n{indent}")))
    } else {
        Some(Edit::insert(key_start, format!("{member_text}, ")))
    }
}
