//! Strict JSON (RFC 8259) in the small: quote a string, decode one string literal, tell whether
//! a text is one valid JSON value. Hand-written so that the WASM core carries no JSON library
//! (serde_json's parser and float code cost about 20 KB there); the output is serde_json's.

/// Nesting serde_json accepts before `RecursionLimitExceeded` (its limit of 128 counts down
/// to zero on the 128th open bracket).
const MAX_NESTING: usize = 127;

/// `s` as a JSON string literal, escaped as serde_json writes it: `"`, `\`, and control
/// characters only (`\b \f \n \r \t`, else `\u00xx` in lower-case hex).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Runs that need no escape are copied whole: ids and names rarely hold any.
    let mut rest = s;
    while let Some(at) = rest
        .bytes()
        .position(|b| b == b'"' || b == b'\\' || b < 0x20)
    {
        out.push_str(&rest[..at]);
        let b = rest.as_bytes()[at];
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
    out
}

/// The value of `raw` when it is exactly one JSON string literal (quotes included).
pub fn unquote(raw: &str) -> Option<String> {
    match string_at(raw, 0) {
        Some((end, value)) if end == raw.len() => Some(value),
        _ => None,
    }
}

/// The string literal whose opening quote is at byte `i` of `s`: the byte after its closing
/// quote and its value. A lone surrogate escape decodes to U+FFFD.
pub fn string_at(s: &str, i: usize) -> Option<(usize, String)> {
    let mut out = String::new();
    let mut chars = s.get(i..)?.strip_prefix('"')?.char_indices();
    while let Some((j, c)) = chars.next() {
        match c {
            '"' => return Some((i + 1 + j + 1, out)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' | '\\' | '/' => out.push(e),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let hi = hex4(&mut chars)?;
                        if (0xD800..0xDC00).contains(&hi) {
                            let rest = chars.as_str();
                            if let Some(tail) = rest.strip_prefix("\\u") {
                                let mut t = tail.char_indices();
                                if let Some(lo) =
                                    hex4(&mut t).filter(|lo| (0xDC00..0xE000).contains(lo))
                                {
                                    chars.nth(5);
                                    let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                                    continue;
                                }
                            }
                        }
                        out.push(char::from_u32(hi).unwrap_or('\u{fffd}'));
                    }
                    _ => return None,
                }
            }
            c if (c as u32) < 0x20 => return None,
            c => out.push(c),
        }
    }
    None
}

fn hex4(chars: &mut std::str::CharIndices) -> Option<u32> {
    let mut v = 0;
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        v = v * 16 + c.to_digit(16)?;
    }
    Some(v)
}

/// `s` is one JSON value with only JSON whitespace around it, as serde_json reads it into a
/// `Value`: numbers must be finite as f64, `\u` escapes of surrogates must pair up.
pub fn is_valid(s: &str) -> bool {
    let mut r = Reader {
        s,
        b: s.as_bytes(),
        i: 0,
    };
    r.value(0) && {
        r.ws();
        r.i == r.b.len()
    }
}

struct Reader<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }
    fn eat(&mut self, byte: u8) -> bool {
        self.ws();
        let hit = self.peek() == Some(byte);
        self.i += usize::from(hit);
        hit
    }
    fn peek_after_ws(&mut self, byte: u8) -> bool {
        self.ws();
        self.peek() == Some(byte)
    }
    fn word(&mut self, w: &[u8]) -> bool {
        let hit = self.b[self.i..].starts_with(w);
        self.i += if hit { w.len() } else { 0 };
        hit
    }

    fn value(&mut self, depth: usize) -> bool {
        self.ws();
        match self.peek() {
            Some(b'{') => self.container(depth, b'}', true),
            Some(b'[') => self.container(depth, b']', false),
            Some(b'"') => self.string(),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => false,
        }
    }

    fn container(&mut self, depth: usize, close: u8, object: bool) -> bool {
        if depth >= MAX_NESTING {
            return false;
        }
        self.i += 1;
        if self.eat(close) {
            return true;
        }
        loop {
            if object && !(self.peek_after_ws(b'"') && self.string() && self.eat(b':')) {
                return false;
            }
            if !self.value(depth + 1) {
                return false;
            }
            if self.eat(close) {
                return true;
            }
            if !self.eat(b',') {
                return false;
            }
        }
    }

    fn string(&mut self) -> bool {
        // `i` is at a quote, so on a char boundary.
        let Some((end, _)) = string_at(self.s, self.i) else {
            return false;
        };
        let literal = &self.s[self.i..end];
        self.i = end;
        paired_surrogates(literal)
    }

    fn number(&mut self) -> bool {
        let start = self.i;
        self.word(b"-");
        let digits = |r: &mut Self| {
            let from = r.i;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.i += 1;
            }
            r.i > from
        };
        if !self.word(b"0") && !digits(self) {
            return false;
        }
        if self.word(b".") && !digits(self) {
            return false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.word(b"+") {
                self.word(b"-");
            }
            if !digits(self) {
                return false;
            }
        }
        self.s[start..self.i]
            .parse::<f64>()
            .is_ok_and(f64::is_finite)
    }
}

/// Every `\uD800`-`\uDBFF` escape is followed by a `\uDC00`-`\uDFFF` one, and no low one
/// stands alone (serde_json rejects both; [`string_at`] is lenient).
fn paired_surrogates(literal: &str) -> bool {
    let b = literal.as_bytes();
    let unit = |at: usize| {
        b.get(at..at + 6)
            .filter(|e| e.starts_with(b"\\u"))
            .and_then(|e| std::str::from_utf8(&e[2..]).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) => {
                if !unit(i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) {
                    return false;
                }
                i += 12;
            }
            Some(0xDC00..=0xDFFF) => return false,
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    true
}

/// How Rust's `{}` prints the f64 that the JSON number `raw` denotes (the shortest digits
/// that read back as the same f64, never an exponent), without the float formatting code
/// (about 22 KB of WASM). `None` when `raw` is not a number.
pub fn shortest_number(raw: &str) -> Option<String> {
    let x = raw.parse::<f64>().ok()?;
    let negative = raw.starts_with('-');
    if x.is_infinite() {
        return Some(if negative { "-inf" } else { "inf" }.to_string());
    }
    let body = raw.trim_start_matches(['-', '+']);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], body[at + 1..].parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // value = 0.DIGITS x 10^point
    let all = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all[lead..].trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if digits.is_empty() || x == 0.0 {
        return Some(format!("{sign}0"));
    }
    let point = i32::try_from(int.len()).ok()? - i32::try_from(lead).ok()? + exp;
    // 15 significant digits always read back as themselves (f64's DBL_DIG), so they are the
    // shortest; longer ones are rounded to each length until one reads back as `x`. From 16
    // digits on, several of one length can read back as `x` and the nearest is printed, which
    // takes exact arithmetic: `None` there (such option values are not seen in practice).
    let (digits, point) = if digits.len() <= 15 && x.is_normal() {
        (digits.to_string(), point)
    } else {
        (1..=15)
            .map(|n| round_digits(digits, point, n))
            .find(|(d, p)| format!("{sign}0.{d}e{p}").parse::<f64>() == Ok(x))?
    };
    let len = i32::try_from(digits.len()).ok()?;
    let zeros = |n: i32| "0".repeat(usize::try_from(n).unwrap_or(0));
    Some(if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{sign}{digits}{}", zeros(point - len))
    } else {
        let (a, b) = digits.split_at(usize::try_from(point).unwrap_or(0));
        format!("{sign}{a}.{b}")
    })
}

/// `0.digits x 10^point` rounded half up to `n` significant digits, trailing zeros dropped.
fn round_digits(digits: &str, point: i32, n: usize) -> (String, i32) {
    if digits.len() <= n {
        return (digits.to_string(), point);
    }
    let mut kept: Vec<u8> = digits.as_bytes()[..n].to_vec();
    let mut point = point;
    if digits.as_bytes()[n] >= b'5' {
        let mut i = n;
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                kept.pop();
                point += 1;
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let text = String::from_utf8(kept).unwrap_or_default();
    (text.trim_end_matches('0').to_string(), point)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_as_serde_json_does() {
        for s in [
            "",
            "a b",
            "say \"hi\"",
            "c:\\x",
            "tab\tnl\nret\r",
            "\u{1}\u{1f}\u{7f}",
            "é/ü",
            "\u{8}\u{c}日本\"语\\🚀\u{0}",
        ] {
            assert_eq!(
                quote(s),
                serde_json::to_string(s).unwrap_or_default(),
                "{s:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn quote_writes_what_serde_json_writes(s in "\\PC{0,32}|[\u{0}-\u{1f}\"\\\\a-z]{0,16}") {
            proptest::prop_assert_eq!(quote(&s), serde_json::to_string(&s).unwrap_or_default());
        }
    }

    #[test]
    fn unquote_takes_exactly_one_literal() {
        assert_eq!(
            unquote(r#""a\"b\u00e9\ud83d\ude00""#).as_deref(),
            Some("a\"bé😀")
        );
        assert_eq!(unquote(r#""a" "#), None);
        assert_eq!(unquote("none"), None);
        assert_eq!(unquote("\"a\nb\""), None);
    }

    #[test]
    fn numbers_print_as_rust_displays_them() {
        for raw in [
            "18",
            "1.20",
            "1.0",
            "-0",
            "0.0",
            "-1.50",
            "1e3",
            "1E-7",
            "0.000123",
            "12.5e1",
            "0.1000000000000000055511151231257827",
            "5e-324",
            "99999999999999999",
            "-2.5e-5",
            "100",
            "0.30000000000000000004",
        ] {
            let want = format!("{}", raw.parse::<f64>().unwrap_or(f64::NAN));
            assert_eq!(
                shortest_number(raw).as_deref(),
                Some(want.as_str()),
                "{raw}"
            );
        }
        assert_eq!(shortest_number("1e400").as_deref(), Some("inf"));
        // 16 and 17 digits: the nearest of several is not computed.
        for raw in [
            "12345678901234567",
            "0.30000000000000004",
            "123456789012345678901234567890",
        ] {
            assert_eq!(shortest_number(raw), None, "{raw}");
        }
        assert_eq!(shortest_number("x"), None);
    }

    #[test]
    fn validity_matches_serde_json() {
        let cases = [
            "[]",
            "[1, \"a\", true, null, {\"k\": [2.5e-3]}]",
            " {} ",
            "[1,]",
            "[01]",
            "[1.]",
            "[-]",
            "[\"a\" \"b\"]",
            "{\"a\" 1}",
            "{1: 2}",
            "[1e400]",
            "[\"\\ud800\"]",
            "[\"\\udc00\"]",
            "[\"\\ud83d\\ude00\"]",
            "[\"\\x\"]",
            "[tru]",
            "[] []",
            "[\"a\nb\"]",
            "-0",
            "[1E+2, 3e-0]",
            "{\"a\":1,}",
            "[,1]",
            "",
            "nul",
        ];
        for s in cases {
            let want = serde_json::from_str::<serde_json::Value>(s).is_ok();
            assert_eq!(is_valid(s), want, "{s:?}");
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for n in [126, 127, 128, 129] {
            let want = serde_json::from_str::<serde_json::Value>(&deep(n)).is_ok();
            assert_eq!(is_valid(&deep(n)), want, "depth {n}");
        }
    }
}
