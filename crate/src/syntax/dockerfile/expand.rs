//! One word as BuildKit's shell lexer reads it (`frontend/dockerfile/shell/lex.go`): quotes
//! removed, the escape character honoured, and, when variables are given, `$VAR`, `${VAR}`,
//! `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}` and `${VAR?}` expanded.
//! Whatever cannot be known (a variable nobody set, a platform argument only the builder
//! knows, the pattern forms `${VAR#p}` `${VAR%p}` `${VAR/p/r}`, a syntax error) makes the
//! result `None` rather than a guess. Nesting of `${...}` is bounded by [`MAX_NESTING`].

/// Deepest `${A:-${B:-...}}` nesting that is expanded; deeper gives `None`.
pub const MAX_NESTING: u32 = 16;

/// What a variable is when a word is expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Var {
    Set(String),
    Unset,
    /// Set, but to a value only the builder knows (`TARGETARCH`, ...).
    Unknown,
}

/// Removes quotes and escapes; `$` is kept as written. Unbalanced quotes keep the raw text.
pub fn unquote(word: &str, escape: char) -> String {
    let mut lx = Lexer::new(word, escape, None);
    match lx.word(None, 0) {
        Ok(s) => s,
        Err(()) => word.to_string(),
    }
}

/// Expands `word` with `lookup`; `None` when any part cannot be resolved.
pub fn expand(word: &str, escape: char, lookup: &dyn Fn(&str) -> Var) -> Option<String> {
    let mut lx = Lexer::new(word, escape, Some(lookup));
    let out = lx.word(None, 0).ok()?;
    (!lx.unknown).then_some(out)
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    escape: char,
    lookup: Option<&'a dyn Fn(&str) -> Var>,
    /// Set when a part could not be resolved; the scan goes on so `${A:-$X}` can ignore it.
    unknown: bool,
}

impl<'a> Lexer<'a> {
    fn new(word: &str, escape: char, lookup: Option<&'a dyn Fn(&str) -> Var>) -> Self {
        Self {
            chars: word.chars().collect(),
            pos: 0,
            escape,
            lookup,
            unknown: false,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += usize::from(c.is_some());
        c
    }

    /// Reads up to `stop` (consumed) or the end; `Err` on a syntax error.
    fn word(&mut self, stop: Option<char>, depth: u32) -> Result<String, ()> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                self.pos += 1;
                return Ok(out);
            }
            match c {
                '$' if self.lookup.is_some() => out.push_str(&self.dollar(depth)?),
                '\'' => {
                    self.pos += 1;
                    loop {
                        match self.next() {
                            None => return Err(()),
                            Some('\'') => break,
                            Some(c) => out.push(c),
                        }
                    }
                }
                '"' => {
                    self.pos += 1;
                    self.double_quoted(&mut out, depth)?;
                }
                c if c == self.escape => {
                    self.pos += 1;
                    if let Some(n) = self.next() {
                        out.push(n);
                    }
                }
                c => {
                    self.pos += 1;
                    out.push(c);
                }
            }
        }
        if stop.is_some() { Err(()) } else { Ok(out) }
    }

    fn double_quoted(&mut self, out: &mut String, depth: u32) -> Result<(), ()> {
        loop {
            match self.peek() {
                None => return Err(()),
                Some('"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some('$') if self.lookup.is_some() => out.push_str(&self.dollar(depth)?),
                Some(c) => {
                    self.pos += 1;
                    if c == self.escape {
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.escape => {
                                self.pos += 1;
                                out.push(n);
                                continue;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(c);
                }
            }
        }
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                while let Some(c) = self.peek().filter(char::is_ascii_digit) {
                    name.push(c);
                    self.pos += 1;
                }
            }
            Some(c) if "*#@?!$-".contains(c) => {
                self.pos += 1;
                name.push(c);
            }
            _ => {
                while let Some(c) = self.peek().filter(|c| c.is_alphanumeric() || *c == '_') {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        name
    }

    fn get(&self, name: &str) -> Var {
        self.lookup.map_or(Var::Unknown, |f| f(name))
    }

    fn dollar(&mut self, depth: u32) -> Result<String, ()> {
        self.pos += 1;
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok(self.plain(&name));
        }
        self.pos += 1;
        if depth >= MAX_NESTING || matches!(self.peek(), None | Some('{' | '}' | ':')) {
            return Err(());
        }
        let name = self.name();
        let mut op = self.next().ok_or(())?;
        if op == '}' {
            return Ok(self.plain(&name));
        }
        let null_is_unset = op == ':';
        if null_is_unset {
            op = self.next().ok_or(())?;
        }
        if !matches!(op, '-' | '+' | '?') {
            return Err(());
        }
        let before = self.unknown;
        let word = self.word(Some('}'), depth + 1)?;
        let word_unknown = self.unknown;
        self.unknown = before;
        let var = self.get(&name);
        let empty = |v: &str| null_is_unset && v.is_empty();
        let (result, uses_word) = match (op, var) {
            (_, Var::Unknown) => {
                self.unknown = true;
                (String::new(), false)
            }
            ('-', Var::Set(v)) if !empty(&v) => (v, false),
            ('-', _) => (word, true),
            ('+', Var::Set(v)) if !empty(&v) => (word, true),
            ('+', _) => (String::new(), false),
            (_, Var::Set(v)) if !empty(&v) => (v, false),
            _ => {
                self.unknown = true;
                (String::new(), false)
            }
        };
        if uses_word && word_unknown {
            self.unknown = true;
        }
        Ok(result)
    }

    fn plain(&mut self, name: &str) -> String {
        match self.get(name) {
            Var::Set(v) => v,
            Var::Unset | Var::Unknown => {
                self.unknown = true;
                String::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Var {
        match name {
            "V" => Var::Set("1.22".into()),
            "E" => Var::Set(String::new()),
            "T" => Var::Unknown,
            _ => Var::Unset,
        }
    }

    #[test]
    fn forms() {
        let x = |w: &str| expand(w, '\\', &env);
        assert_eq!(x("go:$V").as_deref(), Some("go:1.22"));
        assert_eq!(x("go:${V}-a").as_deref(), Some("go:1.22-a"));
        assert_eq!(x("${E:-d}").as_deref(), Some("d"));
        assert_eq!(x("${E-d}").as_deref(), Some(""));
        assert_eq!(x("${U-d}").as_deref(), Some("d"));
        assert_eq!(x("${V:+alt}").as_deref(), Some("alt"));
        assert_eq!(x("${U:+alt}").as_deref(), Some(""));
        assert_eq!(x("${V:-$T}").as_deref(), Some("1.22"));
        assert_eq!(x("${U:-$T}"), None);
        assert_eq!(x("$T"), None);
        assert_eq!(x("$U"), None);
        assert_eq!(x("${V#1}"), None);
        assert_eq!(x("${V"), None);
        assert_eq!(x("\"a b\"$V").as_deref(), Some("a b1.22"));
        assert_eq!(x("a$").as_deref(), Some("a$"));
    }

    #[test]
    fn unquoting() {
        assert_eq!(unquote("\"a \\\" b\"", '\\'), "a \" b");
        assert_eq!(unquote("'a\\b'", '\\'), "a\\b");
        assert_eq!(unquote("a\\ b$X", '\\'), "a b$X");
        assert_eq!(unquote("\"open", '\\'), "\"open");
    }
}
