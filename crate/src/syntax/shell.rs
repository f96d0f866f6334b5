//! Shell words as the dev container tools hand them to `/bin/sh -c`: a command line split into
//! simple commands (at `;`, `&`, `|`, newlines, parens) and words (at blanks, honouring quotes),
//! each word with the source range it came from.

use crate::text::TextRange;

/// One shell word, after quote removal.
#[derive(Clone, Debug)]
pub struct Word {
    pub text: String,
    /// Source range of the whole word (the whole string literal when it has escapes).
    pub range: TextRange,
    /// Source offset of `text`'s first byte when every byte of `text` maps 1:1 onto the
    /// source (no escapes, no quotes inside the word): only then can a fix edit inside it.
    pub source_start: Option<usize>,
}

impl Word {
    /// Source range of `text[from..to]`, when the word maps 1:1 onto the source.
    pub fn sub_range(&self, from: usize, to: usize) -> Option<TextRange> {
        let start = self.source_start?;
        (from <= to && to <= self.text.len()).then(|| TextRange::new(start + from, start + to))
    }
}

/// A simple command: the words between two shell separators, or one exec-form array.
#[derive(Clone, Debug)]
pub struct Command {
    pub words: Vec<Word>,
    /// True for a JSON array of strings (each item one argument, no shell).
    pub exec_form: bool,
    /// The caller's id for where the command was read from (the JSON node, for the rules).
    pub origin: usize,
}

impl Command {
    /// Index of the program word: skips `NAME=value` assignments and wrappers like `sudo`.
    pub fn program_index(&self) -> Option<usize> {
        let mut i = 0;
        let mut after_wrapper = false;
        while let Some(word) = self.words.get(i) {
            let w = word.text.as_str();
            if is_assignment(w)
                || matches!(w, "sudo" | "exec" | "nohup" | "env" | "time" | "command")
                || (after_wrapper && w.starts_with('-'))
            {
                after_wrapper |= !is_assignment(w);
                i += 1;
                continue;
            }
            return Some(i);
        }
        None
    }

    pub fn program(&self) -> Option<&Word> {
        self.words.get(self.program_index()?)
    }

    /// `NAME=value` words written before the program (inline environment).
    pub fn assignments(&self) -> impl Iterator<Item = (&str, &str)> {
        let end = self.program_index().unwrap_or(self.words.len());
        self.words
            .iter()
            .take(end)
            .filter_map(|w| w.text.split_once('=').filter(|_| is_assignment(&w.text)))
    }

    /// The words after the program.
    pub fn args(&self) -> &[Word] {
        match self.program_index() {
            Some(i) => self.words.get(i + 1..).unwrap_or(&[]),
            None => &[],
        }
    }
}

fn is_assignment(word: &str) -> bool {
    let Some((name, _)) = word.split_once('=') else {
        return false;
    };
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The program's name without its directory: `/go/bin/dlv` -> `dlv`.
pub fn program_name(word: &Word) -> &str {
    word.text.rsplit('/').next().unwrap_or(&word.text)
}

/// Splits a shell command line into simple commands (at `;`, `&`, `|`, newlines, parens)
/// and words (at blanks, honouring quotes). `base` maps `line` onto the source when known.
pub fn split_shell(
    line: &str,
    whole: TextRange,
    base: Option<usize>,
    origin: usize,
    out: &mut Vec<Command>,
) {
    let mut builder = WordBuilder::default();
    let mut words: Vec<Word> = Vec::new();
    let mut quote: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A backslash escapes the next character outside quotes, and only `$` `` ` `` `"` `\`
        // and a newline inside double quotes (bash(1), QUOTING); `\<newline>` joins lines.
        if c == '\\' && quote != Some('\'') {
            let escapes = |n: char| quote.is_none() || matches!(n, '$' | '`' | '"' | '\\' | '\n');
            if let Some(&(_, next)) = chars.peek().filter(|(_, n)| escapes(*n)) {
                chars.next();
                if next != '\n' {
                    builder.start.get_or_insert(i);
                    builder.text.push(next);
                }
                builder.escaped |= builder.start.is_some();
                continue;
            }
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
                builder.last_quote_close = i;
            } else {
                builder.text.push(c);
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                builder.start.get_or_insert(i);
                quote = Some(c);
                builder.quoted_runs += 1;
            }
            ' ' | '\t' => builder.finish(i, whole, base, &mut words),
            ';' | '&' | '|' | '\n' | '\r' | '(' | ')' | '`' => {
                builder.finish(i, whole, base, &mut words);
                if !words.is_empty() {
                    out.push(Command {
                        words: std::mem::take(&mut words),
                        exec_form: false,
                        origin,
                    });
                }
            }
            _ => {
                builder.start.get_or_insert(i);
                builder.text.push(c);
            }
        }
    }
    builder.finish(line.len(), whole, base, &mut words);
    if !words.is_empty() {
        out.push(Command {
            words,
            exec_form: false,
            origin,
        });
    }
}

/// The word being read by [`split_shell`].
#[derive(Default)]
struct WordBuilder {
    text: String,
    start: Option<usize>,
    quoted_runs: usize,
    last_quote_close: usize,
    /// A backslash was removed: the text no longer maps 1:1 onto the source.
    escaped: bool,
}

impl WordBuilder {
    fn finish(&mut self, end: usize, whole: TextRange, base: Option<usize>, words: &mut Vec<Word>) {
        let Some(start) = self.start.take() else {
            return;
        };
        let (range, source_start) = match base {
            Some(b) => {
                // The text maps 1:1 when the word has no quotes, or is one quoted run.
                let one_run = self.quoted_runs == 1 && self.last_quote_close + 1 == end;
                let starts_quoted = one_run && !self.text.is_empty();
                let mapped = match self.quoted_runs {
                    _ if self.escaped => None,
                    0 => Some(b + start),
                    _ if starts_quoted && self.text.len() + 2 == end - start => Some(b + start + 1),
                    _ => None,
                };
                (TextRange::new(b + start, b + end), mapped)
            }
            None => (whole, None),
        };
        words.push(Word {
            text: std::mem::take(&mut self.text),
            range,
            source_start,
        });
        self.quoted_runs = 0;
        self.escaped = false;
    }
}
