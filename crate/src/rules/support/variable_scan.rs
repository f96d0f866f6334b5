//! Finds `${...}` references in a decoded string the way the dev container CLI does: the
//! shortest `${` ... `}` on one line, its inside split on `:` into a name and arguments.

use crate::text::bytes::find_byte;

/// One `${...}` reference; offsets are byte offsets into the decoded value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableRef<'a> {
    /// Offset of `$`.
    pub start: usize,
    /// Offset just past `}`.
    pub end: usize,
    /// Text before the first `:` (may be empty).
    pub name: &'a str,
    /// The parts after the name, split on `:`.
    pub args: Vec<&'a str>,
}

impl VariableRef<'_> {
    /// Decoded range of the name (just after `${`).
    pub fn name_range(&self) -> (usize, usize) {
        (self.start + 2, self.start + 2 + self.name.len())
    }
}

/// True when `value` holds a `${`: the cheap test before [`scan`], run on every string of a
/// file (a byte search for `$`, where `str::contains` sets up a substring search per call).
pub fn has_variable(value: &str) -> bool {
    let bytes = value.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| find_byte(rest, b'$')) {
        if bytes.get(from + at + 1) == Some(&b'{') {
            return true;
        }
        from += at + 1;
    }
    false
}

pub fn scan(value: &str) -> Vec<VariableRef<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = value.get(from..).and_then(|rest| rest.find("${")) {
        let start = from + found;
        let inside_start = start + 2;
        let rest = value.get(inside_start..).unwrap_or("");
        // Like the CLI's `.*?`, the inside never crosses a line end.
        let close = rest.find(['}', '\n', '\r']);
        match close {
            Some(len) if rest[len..].starts_with('}') => {
                let inside = &rest[..len];
                let mut parts = inside.split(':');
                let name = parts.next().unwrap_or("");
                out.push(VariableRef {
                    start,
                    end: inside_start + len + 1,
                    name,
                    args: parts.collect(),
                });
                from = inside_start + len + 1;
            }
            Some(len) => from = inside_start + len,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_variable_agrees_with_contains() {
        for text in [
            "", "$", "${", "a$b${", "$$", "$ {", "$}{", "é${x}", "a$", "$$${",
        ] {
            assert_eq!(has_variable(text), text.contains("${"), "{text:?}");
        }
    }

    #[test]
    fn finds_names_arguments_and_offsets() {
        let v = scan("a ${localEnv:HOME:/root} b ${devcontainerId}");
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].start, v[0].end), (2, 24));
        assert_eq!(v[0].name, "localEnv");
        assert_eq!(v[0].args, ["HOME", "/root"]);
        assert_eq!(v[1].name, "devcontainerId");
        assert!(v[1].args.is_empty());
        assert_eq!(
            &"a ${localEnv:HOME:/root} b ${devcontainerId}"[v[1].start..v[1].end],
            "${devcontainerId}"
        );
    }

    #[test]
    fn unclosed_and_multiline_are_skipped() {
        assert!(scan("${localEnv:HOME").is_empty());
        assert!(scan("${a\n}").is_empty());
        assert_eq!(scan("${a\n${b}")[0].name, "b");
        assert!(scan("$ {x} $x").is_empty());
    }

    #[test]
    fn non_ascii_around_variables() {
        let text = "构建🚀${localWorkspaceFolder}é";
        let v = scan(text);
        assert_eq!(&text[v[0].start..v[0].end], "${localWorkspaceFolder}");
        assert_eq!(v[0].name_range(), (v[0].start + 2, v[0].start + 22));
    }
}
