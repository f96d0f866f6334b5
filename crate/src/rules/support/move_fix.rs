//! Builds the edits that move top-level members into a nested object (`extensions` into
//! `customizations.vscode`, `dockerFile` into `build`): creating the missing objects, merging
//! into existing arrays and objects, keeping the moved text (comments included) re-indented.

use crate::diag::Edit;
use crate::rules::Context;
use crate::rules::support::text_layout::{
    indent_unit, line_indent, member_indent, member_removal, reindent, starts_line,
};
use crate::syntax::{MemberRef, NodeRef};
use crate::text::TextRange;

/// One member to move, and its key at the destination.
#[derive(Clone, Copy)]
pub struct Move<'t> {
    pub member: MemberRef<'t>,
    pub new_key: &'static str,
}

/// The edits moving `moves` (top-level members, in document order) into the object at `target`,
/// or None when that cannot be done without guessing (a conflicting value, a broken file).
pub fn move_into(cx: &Context<'_>, moves: &[Move<'_>], target: &[&str]) -> Option<Vec<Edit>> {
    let root = cx.root?;
    if !cx.tree.errors.is_empty() || moves.is_empty() || !root.node().closed {
        return None;
    }
    let text = cx.text;
    let unit = indent_unit(text, root);
    // The deepest existing object along the target path.
    let mut existing = root;
    let mut depth = 0;
    for key in target {
        let Some(member) = existing.member(key) else {
            break;
        };
        let value = member.value?;
        if !value.is_object() || !value.node().closed {
            return None;
        }
        existing = value;
        depth += 1;
    }
    let mut edits = Vec::new();
    let mut new_members: Vec<(&Move<'_>, NodeRef<'_>)> = Vec::new();
    for m in moves {
        let value = m.member.value?;
        if depth == target.len()
            && let Some(present) = existing.get(m.new_key)
        {
            edits.extend(merge(cx, value, present, &unit)?);
            continue;
        }
        new_members.push((m, value));
    }
    let mut replaced = None;
    if !new_members.is_empty() {
        let missing = &target[depth..];
        let base = if depth == 0 {
            line_indent(text, moves[0].member.key_range().start).to_string()
        } else {
            member_indent(text, existing, &unit)
        };
        let inner = format!("{base}{}", unit.repeat(missing.len()));
        let members: Vec<String> = new_members
            .iter()
            .map(|(m, value)| {
                let from = line_indent(text, m.member.key_range().start);
                let value_text = text.get(value.range().start..value.range().end)?;
                Some(format!(
                    "\"{}\": {}",
                    m.new_key,
                    reindent(value_text, from, &inner)
                ))
            })
            .collect::<Option<_>>()?;
        let built = nest(missing, &members, &base, &unit);
        if depth == 0 {
            // The new top-level object takes the place of the first moved member.
            let first = moves[0].member;
            edits.push(Edit::replace(first.range(), built.join(",\n")));
            replaced = Some(first.key_range());
        } else {
            edits.push(insert_members(text, existing, &built, &base)?);
        }
    }
    edits.extend(remove_members(cx, root, moves, replaced));
    // New lines follow the file's line ends.
    if text.contains("\r\n") {
        for edit in &mut edits {
            edit.new_text = edit.new_text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
    }
    Some(edits)
}

/// Member texts for the missing path `missing` holding `members` (each indented by the caller
/// at `base + unit * missing.len()`); without missing levels, the members themselves.
fn nest(missing: &[&str], members: &[String], base: &str, unit: &str) -> Vec<String> {
    if missing.is_empty() {
        return members.to_vec();
    }
    let inner = format!("{base}{}", unit.repeat(missing.len()));
    let mut body = members
        .iter()
        .map(|m| format!("{inner}{m}"))
        .collect::<Vec<_>>()
        .join(",\n");
    for (level, key) in missing.iter().enumerate().rev() {
        let indent = format!("{base}{}", unit.repeat(level));
        let wrapped = format!("\"{key}\": {{\n{body}\n{indent}}}");
        body = if level == 0 {
            wrapped
        } else {
            format!("{indent}{wrapped}")
        };
    }
    vec![body]
}

/// Adds member texts at the end of an object.
fn insert_members(
    text: &str,
    object: NodeRef<'_>,
    members: &[String],
    indent: &str,
) -> Option<Edit> {
    let joined = members.join(&format!(",\n{indent}"));
    // An object written on one line stays on one line.
    let one_line = text
        .get(object.range().start..object.range().end)
        .is_some_and(|t| !t.contains(['\n', '\r']));
    match object.members().last() {
        Some(last) => {
            let (at, comma) = match last.member.comma {
                Some(c) => (c + 1, ""),
                None => (last.range().end, ","),
            };
            if one_line && !members.iter().any(|m| m.contains('\n')) {
                return Some(Edit::insert(at, format!("{comma} {}", members.join(", "))));
            }
            Some(Edit::insert(at, format!("{comma}\n{indent}{joined}")))
        }
        None => {
            let close = line_indent(text, object.range().start);
            Some(Edit::replace(
                object.range(),
                format!("{{\n{indent}{joined}\n{close}}}"),
            ))
        }
    }
}

/// Merges a moved value into the one already at the destination: array items that are not
/// there yet, object members whose keys are not there yet (the destination wins, as in the tools).
/// A scalar must be equal to be dropped; otherwise there is no safe merge.
fn merge(
    cx: &Context<'_>,
    moved: NodeRef<'_>,
    present: NodeRef<'_>,
    unit: &str,
) -> Option<Vec<Edit>> {
    let text = cx.text;
    let raw = |n: NodeRef<'_>| text.get(n.range().start..n.range().end).map(str::to_string);
    if moved.is_array() && present.is_array() {
        let have: Vec<String> = present
            .items()
            .filter_map(|i| i.as_str().map(str::to_ascii_lowercase).or_else(|| raw(i)))
            .collect();
        let mut add = Vec::new();
        for item in moved.items() {
            let key = item
                .as_str()
                .map(str::to_ascii_lowercase)
                .or_else(|| raw(item))?;
            if !have.contains(&key) {
                add.push(raw(item)?);
            }
        }
        if add.is_empty() {
            return Some(Vec::new());
        }
        return Some(vec![insert_items(text, present, &add)]);
    }
    if moved.is_object() && present.is_object() {
        let indent = member_indent(text, present, unit);
        let mut add = Vec::new();
        for m in moved.members() {
            if present.member(m.key()).is_none() {
                let from = line_indent(text, m.key_range().start);
                add.push(reindent(raw_range(text, m.range())?, from, &indent));
            }
        }
        if add.is_empty() {
            return Some(Vec::new());
        }
        return Some(vec![insert_members(text, present, &add, &indent)?]);
    }
    (raw(moved)? == raw(present)?).then(Vec::new)
}

fn raw_range(text: &str, range: TextRange) -> Option<&str> {
    text.get(range.start..range.end)
}

/// Adds item texts at the end of an array, one per line when the array is written that way.
fn insert_items(text: &str, array: NodeRef<'_>, items: &[String]) -> Edit {
    match array.items().last() {
        Some(last) => {
            let start = last.range().start;
            let separator = if starts_line(text, start) {
                format!(",\n{}", line_indent(text, start))
            } else {
                ", ".to_string()
            };
            Edit::insert(
                last.range().end,
                format!("{separator}{}", items.join(&separator)),
            )
        }
        None => Edit::replace(array.range(), format!("[{}]", items.join(", "))),
    }
}

/// Deletes the moved members (except the one replaced in place), and the comma of the last
/// remaining member when everything after it goes.
fn remove_members(
    cx: &Context<'_>,
    root: NodeRef<'_>,
    moves: &[Move<'_>],
    replaced: Option<TextRange>,
) -> Vec<Edit> {
    let gone = |m: &MemberRef<'_>| {
        Some(m.key_range()) != replaced
            && moves
                .iter()
                .any(|mv| mv.member.key_range() == m.key_range())
    };
    let members: Vec<MemberRef<'_>> = root.members().collect();
    let mut edits: Vec<Edit> = members
        .iter()
        .filter(|m| gone(m))
        .map(|m| Edit::delete(member_removal(cx.text, m)))
        .collect();
    let last_kept = members.iter().rposition(|m| !gone(m));
    let last_has_comma = members.last().is_some_and(|m| m.member.comma.is_some());
    if let Some(i) = last_kept
        && i + 1 < members.len()
        && !last_has_comma
        && let Some(c) = members.get(i).and_then(|m| m.member.comma)
    {
        edits.push(Edit::delete(TextRange::new(c, c + 1)));
    }
    edits
}
