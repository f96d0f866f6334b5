//! What the rules that read Dockerfiles share: the shell commands of `RUN`, `CMD` and
//! `ENTRYPOINT` (the `dockerfile-` family, the Go rules, `container-command-overridden`), the
//! file's text and line numbers.

use crate::container::DockerfileView;
use crate::syntax::dockerfile::Instruction;
use crate::syntax::shell::Command;

/// The shell commands an instruction of `view`'s Dockerfile runs (`text` is that file's text),
/// split once per parse of it.
pub fn instruction_commands<'v>(
    view: &'v DockerfileView,
    text: &str,
    i: &Instruction,
) -> &'v [Command] {
    view.parsed.shell_commands(text, i)
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
