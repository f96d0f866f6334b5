//! What a Dockerfile reads as: parser directives, comments, instructions with their flags,
//! words, commands and heredocs, and the build stages. Every part keeps its byte range in the
//! source (`TextRange`), so a rule can point at exactly the text it means, even when an
//! instruction is continued over several lines. Values (`Word::value`) have quotes and escapes
//! removed but variables left as written; `expand` resolves the ones `FROM` may use.

use crate::syntax::SyntaxError;
use crate::text::TextRange;

/// A parsed Dockerfile: always returned, however broken the text; problems are in `errors`.
#[derive(Clone, Debug, Default)]
pub struct DockerfileFile {
    /// `# syntax=` and `# escape=` (and `# check=`) at the top, in source order.
    pub directives: Vec<Directive>,
    /// The escape character: `\` unless `# escape=` set a backtick.
    pub escape: char,
    /// Every comment line, also those inside a continued instruction (BuildKit drops them).
    pub comments: Vec<Comment>,
    pub instructions: Vec<Instruction>,
    /// One per `FROM`, in order; `Stage::index` is its position here.
    pub stages: Vec<Stage>,
    pub errors: Vec<SyntaxError>,
    /// The shell commands of each instruction, split on first use (`shell_commands.rs`).
    pub(super) shell_commands: std::sync::OnceLock<Vec<Vec<crate::syntax::shell::Command>>>,
}

/// A parser directive, such as `# syntax=docker/dockerfile:1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Lower-cased name: `syntax`, `escape` or `check`.
    pub name: String,
    pub value: String,
    pub name_range: TextRange,
    pub value_range: TextRange,
    /// The whole line, from `#` to the end of the value.
    pub range: TextRange,
}

/// A comment line: `range` from `#` to the end of the line (without the line break).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub range: TextRange,
    /// True for a comment between the lines of a continued instruction.
    pub in_continuation: bool,
}

/// A word of an instruction's arguments. `text` is the source with line continuations
/// removed; `value` also has quotes and escapes removed (variables are not expanded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub range: TextRange,
    pub text: String,
    pub value: String,
}

/// A builder flag before the arguments, such as `--from=build` or `--platform=$BUILDPLATFORM`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// From the first `-` to the end of the value.
    pub range: TextRange,
    /// The name without dashes: `from`, `chown`, `platform`, `mount`.
    pub name: String,
    pub name_range: TextRange,
    /// What follows `=`, quotes removed; `None` for a bare `--link`.
    pub value: Option<String>,
    pub value_range: Option<TextRange>,
}

/// `key=value` (or the old `ENV key value`, or a bare `ARG key`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyValue {
    pub range: TextRange,
    /// The key with quotes removed.
    pub key: String,
    pub key_range: TextRange,
    /// `None` for `ARG name` without a default.
    pub value: Option<Word>,
}

/// The command of `RUN`, `CMD`, `ENTRYPOINT` or `SHELL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A JSON array of strings: run without a shell. `range` spans `[` to `]`.
    Exec { range: TextRange, args: Vec<Word> },
    /// Anything else: run by the shell. The word spans the whole command text; its `value`
    /// is that text unchanged (the shell, not the Dockerfile, removes quotes there).
    Shell(Word),
}

/// A here-document, `<<EOF` ... `EOF`, read after the instruction's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    /// The `<<EOF` word on the instruction line (with any fd digit, `-` and quotes).
    pub marker_range: TextRange,
    /// The delimiter with quotes removed.
    pub name: String,
    /// False when the delimiter was quoted: the content is then not expanded.
    pub expand: bool,
    /// True for `<<-`: leading tabs are stripped.
    pub chomp: bool,
    /// The body: from the line after the instruction up to the terminator line.
    pub content_range: TextRange,
    /// The terminator line; `None` when the file ended first (an error is reported).
    pub terminator_range: Option<TextRange>,
}

/// What an instruction says, decoded for the instructions rules read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstructionKind {
    From(From),
    /// `ARG`: one or more names, each maybe with a default.
    Arg(Vec<KeyValue>),
    Env(Vec<KeyValue>),
    Label(Vec<KeyValue>),
    Run(Option<Command>),
    Cmd(Option<Command>),
    Entrypoint(Option<Command>),
    Shell(Option<Command>),
    Copy(Transfer),
    Add(Transfer),
    /// `USER`, `WORKDIR`: the rest of the line, as BuildKit takes it.
    User(Option<Word>),
    Workdir(Option<Word>),
    /// `EXPOSE`: each port word (`8080`, `53/udp`, `$PORT`).
    Expose(Vec<Word>),
    /// Any other keyword (`VOLUME`, `ONBUILD`, `HEALTHCHECK`, a typo): see `args`.
    Other,
}

/// `FROM [--platform=...] image [AS name]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct From {
    pub image: Option<Word>,
    /// The `AS` keyword's range.
    pub as_range: Option<TextRange>,
    /// The stage name as written (BuildKit compares names lower-cased).
    pub name: Option<Word>,
    /// Index into `DockerfileFile::stages`.
    pub stage: usize,
}

/// `COPY`/`ADD`: sources and destination (from the JSON form or the words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer {
    /// A `<<EOF` source is a word here and a heredoc on the instruction.
    pub sources: Vec<Word>,
    pub dest: Option<Word>,
    /// True when written as a JSON array.
    pub exec: bool,
}

/// One instruction, over one or more physical lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The keyword upper-cased (`RUN`), as written otherwise in `keyword_range`.
    pub keyword: String,
    pub keyword_range: TextRange,
    /// From the keyword to the end of its last line, heredoc bodies included.
    pub range: TextRange,
    pub flags: Vec<Flag>,
    /// The arguments after the flags (may span lines; empty at the keyword's end when none).
    pub args_range: TextRange,
    /// The arguments split into words (quotes and escapes keep a word together).
    pub args: Vec<Word>,
    pub heredocs: Vec<Heredoc>,
    pub kind: InstructionKind,
    /// The stage this instruction belongs to; `None` before the first `FROM`.
    pub stage: Option<usize>,
}

impl Instruction {
    /// The first flag named `name` (`from`, `chown`, `platform`, ...).
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    /// The command of `RUN`/`CMD`/`ENTRYPOINT`/`SHELL`, if there is one.
    pub fn command(&self) -> Option<&Command> {
        match &self.kind {
            InstructionKind::Run(c)
            | InstructionKind::Cmd(c)
            | InstructionKind::Entrypoint(c)
            | InstructionKind::Shell(c) => c.as_ref(),
            _ => None,
        }
    }
}

/// A build stage: a `FROM` and the instructions up to the next one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// The name after `AS`, lower-cased as BuildKit compares it.
    pub name: Option<String>,
    /// Index of its `FROM` in `DockerfileFile::instructions`.
    pub from: usize,
    /// Indices of its instructions (the `FROM` included): `from..end`.
    pub end: usize,
}
