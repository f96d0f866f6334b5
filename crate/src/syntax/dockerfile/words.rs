//! Splitting an instruction's joined text the ways BuildKit does: the keyword and the builder
//! flags (`splitCommand`, `extractBuilderFlags`), quote-aware words (`parseWords`, for `ARG`,
//! `ENV`, `LABEL`), plain whitespace fields (`FROM`, `EXPOSE`, `COPY`), and the JSON array of the
//! exec form. Everything returns offsets into the joined text; the caller maps them to the
//! source. Each scan is one pass over the text.

use crate::syntax::json;

/// Spaces BuildKit splits the keyword and whitespace-delimited fields at (`[\t\v\f\r ]+`).
fn is_field_space(b: u8) -> bool {
    matches!(b, b'\t' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `a..b` offsets into the joined text.
pub(super) type Span = (usize, usize);

/// The keyword, the flag words and the arguments after them.
pub(super) struct Split {
    pub keyword: Span,
    pub flags: Vec<Span>,
    pub rest: Span,
}

/// Splits `line` into keyword, flags and arguments, as `splitCommand` does.
pub(super) fn split_command(line: &str, escape: u8) -> Split {
    let b = line.as_bytes();
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len().max(start);
    let mut k = start;
    while k < end && !is_field_space(b[k]) {
        k += 1;
    }
    let mut after = k;
    while after < end && is_field_space(b[after]) {
        after += 1;
    }
    let (flags, rest_start) = builder_flags(line, after, end, escape);
    let rest_start = rest_start.min(end);
    let rest_start = rest_start + leading_ws(&line[rest_start..end]);
    Split {
        keyword: (start, k),
        flags,
        rest: (rest_start, end),
    }
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Leading `--flag` words from `from`; returns them and where the arguments start.
fn builder_flags(line: &str, from: usize, end: usize, escape: u8) -> (Vec<Span>, usize) {
    let b = line.as_bytes();
    let mut flags = Vec::new();
    let mut pos = from;
    loop {
        while pos < end && b[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= end || !(b[pos] == b'-' && pos + 1 < end && b[pos + 1] == b'-') {
            return (flags, pos);
        }
        let word_start = pos;
        let mut quote = 0u8;
        while pos < end {
            let c = b[pos];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                } else if c == escape {
                    pos += 1;
                }
            } else if c.is_ascii_whitespace() {
                break;
            } else if c == b'\'' || c == b'"' {
                quote = c;
            } else if c == escape {
                pos += 1;
            }
            pos += 1;
        }
        pos = pos.min(end);
        while !line.is_char_boundary(pos) {
            pos += 1;
        }
        if &line[word_start..pos] == "--" {
            return (flags, pos);
        }
        flags.push((word_start, pos));
    }
}

/// Quote-aware words of `line[a..b]`, as `parseWords`: white space splits, quotes and the escape
/// character keep a word together.
pub(super) fn shell_words(line: &str, (a, b): Span, escape: char) -> Vec<Span> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut chars = line[a..b]
        .char_indices()
        .map(|(i, c)| (i + a, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            } else if c == escape && q != '\'' {
                chars.next();
            }
            continue;
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                words.push((s, i));
            }
            continue;
        }
        start.get_or_insert(i);
        if c == '\'' || c == '"' {
            quote = Some(c);
        } else if c == escape {
            chars.next();
        }
    }
    if let Some(s) = start {
        words.push((s, b));
    }
    words
}

/// Fields of `line[a..b]` split at runs of `[\t\v\f\r ]`, as `parseStringsWhitespaceDelimited`.
pub(super) fn fields(line: &str, (a, b): Span) -> Vec<Span> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        while i < b && is_field_space(bytes[i]) {
            i += 1;
        }
        let s = i;
        while i < b && !is_field_space(bytes[i]) {
            i += 1;
        }
        if i > s {
            out.push((s, i));
        }
    }
    out
}

/// What the arguments are as JSON.
pub(super) enum Json {
    /// A JSON array of strings: its span and each element's span (quotes included) and value.
    Strings(Span, Vec<(Span, String)>),
    /// Valid JSON array with something other than a string in it: BuildKit rejects this.
    NotStrings,
    /// Not a JSON array: the shell form.
    Invalid,
}

/// Reads `line[a..b]` as the exec form: `[` + JSON strings + `]`, nothing but white space after.
pub(super) fn json_array(line: &str, (a, b): Span) -> Json {
    let s = &line[a..b];
    if !s.starts_with('[') {
        return Json::Invalid;
    }
    let bytes = s.as_bytes();
    let mut i = 1;
    let mut elems = Vec::new();
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && matches!(bytes[*i], b' ' | b'\t' | b'\n' | b'\r') {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if bytes.get(i) == Some(&b']') {
        i += 1;
    } else {
        loop {
            skip_ws(&mut i);
            if bytes.get(i) != Some(&b'"') {
                // Something other than a string: valid JSON or not decides the error.
                return if json::is_valid(s) {
                    Json::NotStrings
                } else {
                    Json::Invalid
                };
            }
            let Some((end, value)) = json::string_at(s, i) else {
                return Json::Invalid;
            };
            elems.push(((a + i, a + end), value));
            i = end;
            skip_ws(&mut i);
            match bytes.get(i) {
                Some(b',') => i += 1,
                Some(b']') => {
                    i += 1;
                    break;
                }
                _ => return Json::Invalid,
            }
        }
    }
    let close = i;
    skip_ws(&mut i);
    if i != bytes.len() {
        return Json::Invalid;
    }
    Json::Strings((a, a + close), elems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        let line = r#"["a\"b", "\u00e9"]  "#;
        match json_array(line, (0, line.len())) {
            Json::Strings(span, elems) => {
                assert_eq!(span, (0, 18));
                assert_eq!(elems[0].1, "a\"b");
                assert_eq!(elems[1].1, "é");
            }
            _ => panic!("not strings"),
        }
        assert!(matches!(json_array("[1]", (0, 3)), Json::NotStrings));
        assert!(matches!(json_array("[\"a\" x]", (0, 7)), Json::Invalid));
        assert!(matches!(json_array("[]", (0, 2)), Json::Strings(_, _)));
    }

    #[test]
    fn flags_then_args() {
        let s = split_command("COPY --from=a  --chown=\"x y\" src dst", b'\\');
        assert_eq!(s.flags.len(), 2);
        assert_eq!(s.rest.0, 29);
    }
}
