//! The shell commands of Dockerfile instructions, with words mapped onto the Dockerfile's bytes,
//! for the rules that read `RUN`, `CMD` and `ENTRYPOINT` (the `dockerfile-` family, the Go
//! rules, `container-command-overridden`).

use crate::container::DockerfileView;
use crate::syntax::dockerfile::{self, Instruction};
use crate::syntax::shell::{Command, Word, split_shell};

/// The shell commands an instruction runs (`RUN`, `CMD`, `ENTRYPOINT`), words mapped onto the
/// Dockerfile's bytes: continuation escapes and comment lines inside the instruction are read
/// as blanks, heredoc bodies as scripts, and an exec-form array as one command.
pub fn instruction_commands(view: &DockerfileView, text: &str, i: &Instruction) -> Vec<Command> {
    let mut out = Vec::new();
    match i.command() {
        Some(dockerfile::Command::Exec { args, .. }) => {
            let words = args
                .iter()
                .map(|w| Word {
                    text: w.value.clone(),
                    range: w.range,
                    source_start: (w.value.len() + 2 == w.range.len() && !w.text.contains('\\'))
                        .then_some(w.range.start + 1),
                })
                .collect();
            out.push(Command {
                words,
                exec_form: true,
                origin: 0,
            });
        }
        Some(dockerfile::Command::Shell(word)) => {
            let range = word.range;
            if let Some(source) = text.get(range.start..range.end) {
                let blanked = blank_continuations(view, source, range.start);
                split_shell(&blanked, range, Some(range.start), 0, &mut out);
            }
        }
        None => {}
    }
    for heredoc in &i.heredocs {
        let r = heredoc.content_range;
        if let Some(body) = text.get(r.start..r.end) {
            split_shell(body, r, Some(r.start), 0, &mut out);
        }
    }
    out
}

/// `source` (starting at `offset` in the file) with every line continuation and every comment
/// line inside it replaced by spaces of the same length, so offsets stay the file's.
fn blank_continuations(view: &DockerfileView, source: &str, offset: usize) -> String {
    let escape = view.parsed.escape;
    let mut bytes = source.as_bytes().to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == escape as u8 {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
                j += 1;
            }
            let end = match bytes.get(j) {
                Some(b'\n') => Some(j + 1),
                Some(b'\r') if bytes.get(j + 1) == Some(&b'\n') => Some(j + 2),
                _ => None,
            };
            if let Some(end) = end {
                bytes[i..end].fill(b' ');
                i = end;
                continue;
            }
        }
        i += 1;
    }
    for c in &view.parsed.comments {
        let r = c.range;
        if r.start >= offset && r.end <= offset + bytes.len() {
            let (s, e) = (r.start - offset, r.end - offset);
            bytes[s..e].fill(b' ');
            // The comment's line break ends no command.
            if let Some(b) = bytes.get_mut(e)
                && (*b == b'\n' || *b == b'\r')
            {
                *b = b' ';
                if let Some(n) = bytes.get_mut(e + 1).filter(|n| **n == b'\n') {
                    *n = b' ';
                }
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| source.to_string())
}

/// The program's name without its directory.
pub fn program(c: &Command) -> Option<&str> {
    let p = c.program()?;
    Some(p.text.rsplit('/').next().unwrap_or(&p.text))
}

/// The text of the Dockerfile a view was read from.
pub fn text_of<'a>(cx: &'a crate::rules::Context, view: &DockerfileView) -> Option<&'a str> {
    cx.project?.text(view.file)
}

/// 1-based line of `offset` in `file` (0 when the project lacks its text), from the index the
/// context keeps per file.
pub fn line_of(cx: &crate::rules::Context, file: crate::diag::FileId, offset: usize) -> usize {
    cx.file_line_index(file)
        .map_or(0, |lines| lines.line_of(offset) + 1)
}
