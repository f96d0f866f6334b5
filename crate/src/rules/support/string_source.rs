//! Maps byte offsets in a string's decoded value back to its source literal, so a diagnostic
//! about part of a string (one `${...}` variable) underlines exactly that part, even when
//! escapes such as `\"` or `\u00e9` come before it.

use crate::text::TextRange;

/// The decoded value of one string literal and where each decoded byte came from.
pub struct StringSource<'t> {
    pub value: &'t str,
    /// The whole literal, quotes included.
    pub literal: TextRange,
    text: &'t str,
    /// `raw[i]` = source offset of decoded byte `i`; one extra entry for the end. Empty when
    /// the literal could not be mapped (then every part maps to the whole literal). Made on
    /// first use: most strings with a variable need no range at all.
    raw: std::cell::OnceCell<Vec<usize>>,
}

impl<'t> StringSource<'t> {
    /// For a decoded `value` read from the literal at `literal` in `text`.
    pub fn new(text: &'t str, value: &'t str, literal: TextRange) -> Self {
        Self {
            value,
            literal,
            text,
            raw: std::cell::OnceCell::new(),
        }
    }

    fn raw(&self) -> &[usize] {
        self.raw
            .get_or_init(|| map_offsets(self.text, self.value, self.literal).unwrap_or_default())
    }

    /// True when parts of the value map to exact source ranges (no fallback to the literal).
    pub fn is_exact(&self) -> bool {
        !self.raw().is_empty()
    }

    /// Source range of decoded bytes `start..end`; the whole literal when the mapping is unknown.
    pub fn source_range(&self, start: usize, end: usize) -> TextRange {
        let raw = self.raw();
        match (raw.get(start), raw.get(end)) {
            (Some(&s), Some(&e)) if s <= e => TextRange::new(s, e),
            _ => self.literal,
        }
    }

    /// True when decoded bytes `start..end` are written in the source without escapes, so an
    /// edit may replace them with new plain text.
    pub fn is_verbatim(&self, start: usize, end: usize) -> bool {
        let range = self.source_range(start, end);
        self.is_exact() && range != self.literal && range.len() == end.saturating_sub(start)
    }
}

/// Walks the literal's source, decoding JSON escapes, and records the source offset of every
/// decoded byte. Gives up (None) on anything unexpected, e.g. a single-quoted literal.
fn map_offsets(text: &str, value: &str, literal: TextRange) -> Option<Vec<usize>> {
    let source = text.get(literal.start..literal.end)?;
    let inner = source.strip_prefix('"')?;
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let base = literal.start + 1;
    let mut raw = Vec::with_capacity(value.len() + 1);
    let mut decoded = String::with_capacity(value.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let escaped = c == '\\';
        let ch = if escaped {
            let (_, esc) = chars.next()?;
            match esc {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let unit = read_hex4(&mut chars)?;
                    if (0xD800..0xDC00).contains(&unit) {
                        // A high surrogate must be followed by `\uDC00`-`\uDFFF`.
                        let (_, b) = chars.next()?;
                        let (_, u) = chars.next()?;
                        if b != '\\' || u != 'u' {
                            return None;
                        }
                        let low = read_hex4(&mut chars)?;
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?);
                        char::from_u32(code)?
                    } else {
                        char::from_u32(unit)?
                    }
                }
                _ => return None,
            }
        } else {
            c
        };
        // Bytes of a plain char map one to one; every byte of an escape maps to its backslash.
        for j in 0..ch.len_utf8() {
            raw.push(if escaped { base + i } else { base + i + j });
        }
        decoded.push(ch);
    }
    raw.push(base + inner.len());
    (decoded == value).then_some(raw)
}

fn read_hex4(chars: &mut impl Iterator<Item = (usize, char)>) -> Option<u32> {
    let mut unit = 0;
    for _ in 0..4 {
        let (_, h) = chars.next()?;
        unit = unit * 16 + h.to_digit(16)?;
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> (String, TextRange) {
        let start = text.find(": \"").unwrap() + 2;
        let end = text.rfind('"').unwrap() + 1;
        let value: String = serde_json::from_str(&text[start..end]).unwrap();
        (value, TextRange::new(start, end))
    }

    fn range_of(text: &str, needle: &str) -> (TextRange, TextRange) {
        let (value, literal) = source(text);
        let s = StringSource::new(text, &value, literal);
        let at = value.find(needle).unwrap();
        let got = s.source_range(at, at + needle.len());
        let expected_at = text.find(needle).unwrap();
        (got, TextRange::new(expected_at, expected_at + needle.len()))
    }

    #[test]
    fn plain_string_maps_directly() {
        let (got, want) = range_of(r#"{"a": "x ${localEnv:HOME} y"}"#, "${localEnv:HOME}");
        assert_eq!(got, want);
    }

    #[test]
    fn escapes_before_the_variable_are_skipped() {
        let (got, want) = range_of(
            r#"{"a": "say \"hi\" \u00e9\n ${devcontainerId}"}"#,
            "${devcontainerId}",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn cjk_and_emoji_before_the_variable() {
        let (got, want) = range_of(
            "{\"a\": \"构建 🚀 ${localWorkspaceFolder}\"}",
            "${localWorkspaceFolder}",
        );
        assert_eq!(got, want);
        let (got, want) = range_of(
            r#"{"a": "\ud83d\ude80 ${devcontainerId}"}"#,
            "${devcontainerId}",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn escaped_part_is_not_verbatim() {
        let text = r#"{"a": "${local\u0045nv:X}"}"#;
        let (value, literal) = source(text);
        let s = StringSource::new(text, &value, literal);
        assert!(s.is_exact());
        assert!(!s.is_verbatim(0, value.len()));
        assert!(s.is_verbatim(0, 2));
    }

    #[test]
    fn single_quotes_fall_back_to_the_literal() {
        let text = "{'a': 'x'}";
        let s = StringSource::new(text, "x", TextRange::new(6, 9));
        assert!(!s.is_exact());
        assert_eq!(s.source_range(0, 1), TextRange::new(6, 9));
    }
}
