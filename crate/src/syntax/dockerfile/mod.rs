//! Dockerfiles, read the way BuildKit reads them (`frontend/dockerfile/parser/` of
//! moby/buildkit is the reference), with an exact byte range for every part a rule may point
//! at. [`parse`] never panics and always returns a [`DockerfileFile`]: what could be read, plus
//! the problems BuildKit would stop at as `errors`. Each line is visited once, so the time is
//! linear in the text; heredocs per instruction ([`MAX_HEREDOCS`]) and `${...}` nesting
//! ([`MAX_NESTING`]) are bounded.
//!
//! Left as BuildKit's later stages would see them: `ENV`/`RUN` text is not variable-expanded
//! (only [`DockerfileFile::expand_global`] and [`DockerfileFile::base_image`] expand, with the
//! global `ARG`s); the instruction after `ONBUILD` and the command of `HEALTHCHECK` are not
//! decoded (their words and heredocs are); unknown flags are only checked on `FROM`; an empty
//! line inside a continued instruction is skipped without BuildKit's warning.

mod ast;
mod expand;
mod instructions;
mod lines;
mod reader;
mod shell_commands;
mod stages;
mod words;

pub use ast::{
    Command, Comment, Directive, DockerfileFile, Flag, From, Heredoc, Instruction, InstructionKind,
    KeyValue, Stage, Transfer, Word,
};
pub use expand::{MAX_NESTING, Var, expand, unquote};
pub use reader::{MAX_HEREDOCS, parse};
pub use stages::BaseImage;
