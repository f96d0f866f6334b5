//! The strings of completion items that long lists share or rank by, made without the
//! formatting machinery: in a list of 30 to 88 items, `format!` and allocation were most of
//! the cost of a completion (issue 11).

use super::json_string;
use crate::ide::snippet;
use std::borrow::Cow;

/// A string of an item, borrowed when it comes from the static spec or catalog: a list of 88
/// feature ids per keystroke then allocates only what the cursor changes.
pub type Text = Cow<'static, str>;

/// `group`, then `i` in at least three digits (`1007`), as `format!("{group}{i:03}")` writes
/// it: the sort text that keeps a list in its order.
pub fn rank(group: u8, i: usize) -> Text {
    let mut out = String::with_capacity(8);
    push_number(&mut out, usize::from(group), 1);
    push_number(&mut out, i, 3);
    out.into()
}

/// `n` in decimal, zero-padded to `width` digits.
fn push_number(out: &mut String, n: usize, width: usize) {
    let mut digits = [b'0'; 20];
    let mut len = 0;
    let mut rest = n;
    while len == 0 || (rest > 0 && len < digits.len()) {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    for _ in len..width {
        out.push('0');
    }
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
}

/// True when quoting `name` for JSON and escaping it for a snippet change nothing inside the
/// quotes: the spec's keys (letters, digits, `.`, `-`, `_`, `/`, `:`).
fn is_plain_key(name: &str) -> bool {
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'/' | b':'))
}

/// `name` JSON-quoted; a plain key is copied once between quotes (the general quoting cost
/// about 400 instructions per item of a key list).
pub fn quoted_key(name: &str) -> String {
    if !is_plain_key(name) {
        return json_string(name);
    }
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    out.push_str(name);
    out.push('"');
    out
}

/// Appends `name` JSON-quoted and that escaped for a snippet, without the two copies for a
/// plain key.
pub fn push_quoted_snippet(name: &str, out: &mut String) {
    if is_plain_key(name) {
        out.push('"');
        out.push_str(name);
        out.push('"');
    } else {
        snippet::escape_into(&json_string(name), out);
    }
}

/// A key as `Request::key_insert` writes it: JSON-quoted, and that escaped for a snippet.
pub struct PreparedKey {
    pub(super) quoted: String,
    pub(super) snippet: String,
}

impl PreparedKey {
    pub fn new(name: &str) -> Self {
        let quoted = json_string(name);
        let snippet = snippet::escape(&quoted);
        Self { quoted, snippet }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_writes_what_format_writes() {
        for group in [0u8, 1, 2, 9, 10, 255] {
            for i in (0..1100).chain([9_999, 123_456, usize::MAX]) {
                assert_eq!(rank(group, i), format!("{group}{i:03}"), "{group} {i}");
            }
        }
    }

    #[test]
    fn a_plain_key_is_quoted_and_escaped_as_the_general_path_does() {
        let names = [
            "image",
            "go.toolsManagement.autoUpdate",
            "a-b_c",
            "ghcr.io/x/y:1",
            "",
            "a\"b",
            "a$b",
            "a}b",
            "a\\b",
            "ü",
            "tab\there",
            "a b",
        ];
        for name in names {
            let mut out = String::from("x");
            push_quoted_snippet(name, &mut out);
            assert_eq!(
                out,
                format!("x{}", snippet::escape(&json_string(name))),
                "{name:?}"
            );
            assert_eq!(quoted_key(name), json_string(name), "{name:?}");
        }
    }

    #[test]
    fn a_prepared_key_is_quoted_then_escaped() {
        let key = PreparedKey::new("a\"$}\\b");
        assert_eq!(key.quoted, json_string("a\"$}\\b"));
        assert_eq!(key.snippet, snippet::escape(&json_string("a\"$}\\b")));
        assert_eq!(key.snippet, r#""a\\"\$\}\\\\b""#);
    }
}
