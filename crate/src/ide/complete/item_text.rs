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
    fn a_prepared_key_is_quoted_then_escaped() {
        let key = PreparedKey::new("a\"$}\\b");
        assert_eq!(key.quoted, json_string("a\"$}\\b"));
        assert_eq!(key.snippet, snippet::escape(&json_string("a\"$}\\b")));
        assert_eq!(key.snippet, r#""a\\"\$\}\\\\b""#);
    }
}
