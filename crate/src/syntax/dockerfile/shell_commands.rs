//! The shell commands of `RUN`, `CMD` and `ENTRYPOINT`, with words mapped onto the Dockerfile's
//! bytes: continuation escapes and comment lines inside an instruction read as blanks, heredoc
//! bodies as scripts, an exec-form array as one command. Split once per parse and kept with it:
//! seven rules read them, and the parse of a Dockerfile outlives every keystroke made in
//! devcontainer.json (`project/parsed.rs`), which used to split them all again (issue 11).

use super::{Command as Form, DockerfileFile, Instruction};
use crate::syntax::shell::{Command, Word, split_shell};

impl DockerfileFile {
    /// The commands `instruction` (one of this file's) runs; `text` is the text it was parsed
    /// from.
    pub fn shell_commands(&self, text: &str, instruction: &Instruction) -> &[Command] {
        let all = self.shell_commands.get_or_init(|| {
            self.instructions
                .iter()
                .map(|i| split(self, text, i))
                .collect()
        });
        // Instructions follow each other: their starts are sorted and distinct.
        self.instructions
            .binary_search_by_key(&instruction.range.start, |i| i.range.start)
            .ok()
            .and_then(|at| all.get(at))
            .map_or(&[], Vec::as_slice)
    }
}

fn split(file: &DockerfileFile, text: &str, i: &Instruction) -> Vec<Command> {
    let mut out = Vec::new();
    match i.command() {
        Some(Form::Exec { args, .. }) => {
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
        Some(Form::Shell(word)) => {
            let range = word.range;
            if let Some(source) = text.get(range.start..range.end) {
                let blanked = blank_continuations(file, source, range.start);
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
fn blank_continuations(file: &DockerfileFile, source: &str, offset: usize) -> String {
    let escape = file.escape;
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
    for c in &file.comments {
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
