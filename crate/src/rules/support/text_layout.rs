//! Small helpers to write edits that keep the file's own layout: indentation of a line, the
//! file's indent unit, re-indenting a moved block, deleting a member with its comma and line.

use crate::syntax::{MemberRef, NodeRef};
use crate::text::TextRange;

/// Offset of the start of the line holding `pos`.
pub fn line_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|before| before.rfind(['\n', '\r']).map(|i| i + 1))
        .unwrap_or(0)
}

/// The spaces and tabs that start the line holding `pos`.
pub fn line_indent(text: &str, pos: usize) -> &str {
    let start = line_start(text, pos);
    let rest = text.get(start..).unwrap_or("");
    let len = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    rest.get(..len).unwrap_or("")
}

/// True when only spaces and tabs stand between the line start and `pos`.
pub fn starts_line(text: &str, pos: usize) -> bool {
    let start = line_start(text, pos);
    text.get(start..pos)
        .is_some_and(|s| s.bytes().all(|b| b == b' ' || b == b'\t'))
}

/// The file's indent unit: the indentation of the root's first member when it starts a line
/// (the root brace sits in column 0 in practice), else a tab.
pub fn indent_unit(text: &str, root: NodeRef<'_>) -> String {
    let root_indent = line_indent(text, root.range().start);
    root.members()
        .map(|m| m.key_range().start)
        .find(|&p| starts_line(text, p))
        .and_then(|p| line_indent(text, p).strip_prefix(root_indent))
        .filter(|unit| !unit.is_empty())
        .unwrap_or("\t")
        .to_string()
}

/// The indentation for members of `object`: that of an existing member that starts a line,
/// else the object's line indentation plus one unit.
pub fn member_indent(text: &str, object: NodeRef<'_>, unit: &str) -> String {
    object
        .members()
        .map(|m| m.key_range().start)
        .find(|&p| starts_line(text, p))
        .map(|p| line_indent(text, p).to_string())
        .unwrap_or_else(|| format!("{}{unit}", line_indent(text, object.range().start)))
}

/// `block` (whose first line is placed by the caller) with every later line's `from` indent
/// prefix replaced by `to`.
pub fn reindent(block: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(block.len());
    for (i, line) in block.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            match line.strip_prefix(from) {
                Some(rest) if !line.trim().is_empty() => {
                    out.push_str(to);
                    out.push_str(rest);
                }
                _ => out.push_str(line),
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The range that removes `member` and its comma; whole lines when the member had its lines
/// to itself (so no blank line is left behind).
pub fn member_removal(text: &str, member: &MemberRef<'_>) -> TextRange {
    let start = member.range().start;
    let mut end = member
        .member
        .comma
        .map_or(member.range().end, |c| c + 1)
        .max(member.range().end);
    if !starts_line(text, start) {
        return TextRange::new(start, end);
    }
    let bytes = text.as_bytes();
    let mut after = end;
    while matches!(bytes.get(after), Some(b' ' | b'\t')) {
        after += 1;
    }
    match bytes.get(after) {
        Some(b'\r') if bytes.get(after + 1) == Some(&b'\n') => end = after + 2,
        Some(b'\n' | b'\r') => end = after + 1,
        None => end = after,
        _ => return TextRange::new(start, end),
    }
    TextRange::new(line_start(text, start), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reindents_later_lines_only() {
        assert_eq!(
            reindent("[\n\t\t\"a\"\n\t]", "\t", "\t\t\t"),
            "[\n\t\t\t\t\"a\"\n\t\t\t]"
        );
    }

    #[test]
    fn indentation_queries() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        assert_eq!(line_indent(text, 5), "  ");
        assert!(starts_line(text, 4));
        assert!(!starts_line(text, 8));
        assert_eq!(line_start(text, 5), 2);
    }
}
