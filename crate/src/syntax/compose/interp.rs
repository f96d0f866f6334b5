//! Compose's `$` interpolation in one scalar, after compose-go's `template` package: `$$` is a
//! literal `$`; `$VAR` and `${VAR}` take the variable; `${VAR:-default}` (unset or empty) and
//! `${VAR-default}` (unset) take the default, itself interpolated; `${VAR:+alt}` and
//! `${VAR+alt}` take the alternative when the variable is set. What cannot be resolved here (an
//! unset variable without default, `${VAR:?message}` and `${VAR?message}` when unset) is kept
//! as written, so a rule sees the raw text instead of a guess. Nesting is bounded, so the time is
//! linear in the length of the text.

use std::collections::HashMap;

/// Deepest `${A:-${B:-...}}` nesting resolved; deeper text is kept as written.
const MAX_NESTING: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interpolated {
    pub value: String,
    /// Some `${...}` was kept as written because it could not be resolved.
    pub unresolved: bool,
    /// The first malformed `$` expression (such as `${` without `}`), with its byte range in
    /// the value as written.
    pub error: Option<(usize, usize, String)>,
}

/// Interpolates `raw` with `env`; variables missing from `env` count as unset.
pub fn interpolate(raw: &str, env: &HashMap<String, String>) -> Interpolated {
    let mut out = Interpolated::default();
    out.value = expand(raw, 0, env, 0, &mut out);
    out
}

fn expand(
    s: &str,
    base: usize,
    env: &HashMap<String, String>,
    depth: usize,
    out: &mut Interpolated,
) -> String {
    let bytes = s.as_bytes();
    let mut result = String::with_capacity(s.len());
    let mut i = 0;
    let mut literal_from = 0;
    while i < bytes.len() {
        if bytes[i] != b'$' {
            i += 1;
            continue;
        }
        result.push_str(&s[literal_from..i]);
        let start = i;
        match bytes.get(i + 1) {
            Some(b'$') => {
                result.push('$');
                i += 2;
            }
            Some(b'{') => match matching_brace(bytes, i + 2) {
                Some(close) => {
                    let inner = &s[i + 2..close];
                    let whole = &s[start..=close];
                    result.push_str(&braced(inner, whole, base + i + 2, env, depth, out));
                    i = close + 1;
                }
                None => {
                    if out.error.is_none() {
                        out.error = Some((
                            base + start,
                            base + s.len(),
                            "This `${` has no closing `}`: Compose rejects the file (write `$${` for a literal `${`).".into(),
                        ));
                    }
                    result.push_str(&s[start..]);
                    i = s.len();
                }
            },
            Some(c) if is_name_start(*c) => {
                let end = name_end(bytes, i + 1);
                let name = &s[i + 1..end];
                match env.get(name) {
                    Some(v) => result.push_str(v),
                    None => {
                        out.unresolved = true;
                        result.push_str(&s[start..end]);
                    }
                }
                i = end;
            }
            _ => {
                result.push('$');
                i += 1;
            }
        }
        literal_from = i;
    }
    result.push_str(&s[literal_from.min(s.len())..]);
    result
}

/// `inner` is the text between `${` and `}`; `whole` is the expression with both.
fn braced(
    inner: &str,
    whole: &str,
    base: usize,
    env: &HashMap<String, String>,
    depth: usize,
    out: &mut Interpolated,
) -> String {
    let bytes = inner.as_bytes();
    let name_stop = if bytes.first().is_some_and(|c| is_name_start(*c)) {
        name_end(bytes, 0)
    } else {
        0
    };
    let name = &inner[..name_stop];
    let rest = &inner[name_stop..];
    let (op, arg) = ["?", ":?", ":-", "-", ":+", "+"]
        .iter()
        .filter_map(|op| rest.strip_prefix(op).map(|arg| (*op, arg)))
        .max_by_key(|(op, _)| op.len())
        .unwrap_or(("", rest));
    if name.is_empty() || (op.is_empty() && !arg.is_empty()) {
        if out.error.is_none() {
            out.error = Some((
                base - 2,
                base + inner.len() + 1,
                format!(
                    "`{whole}` is not a Compose variable: write `${{NAME}}` or `${{NAME:-default}}`."
                ),
            ));
        }
        return whole.to_string();
    }
    let value = env.get(name);
    let set = value.is_some();
    let nonempty = value.is_some_and(|v| !v.is_empty());
    let arg_base = base + name_stop + op.len();
    let nested = |out: &mut Interpolated| {
        if depth + 1 >= MAX_NESTING {
            out.unresolved = true;
            arg.to_string()
        } else {
            expand(arg, arg_base, env, depth + 1, out)
        }
    };
    match op {
        "" | "?" | ":?" => match value {
            Some(v) if op != ":?" || nonempty => v.clone(),
            _ => {
                out.unresolved = true;
                whole.to_string()
            }
        },
        ":-" if nonempty => value.cloned().unwrap_or_default(),
        "-" if set => value.cloned().unwrap_or_default(),
        ":-" | "-" => nested(out),
        ":+" if nonempty => nested(out),
        "+" if set => nested(out),
        _ => String::new(),
    }
}

/// The index of the `}` that closes a `${` whose content starts at `from`.
fn matching_brace(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' if depth == 0 => return Some(i),
            b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    i
}
