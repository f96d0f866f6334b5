//! Shared by the Dockerfile tests: every range a parsed Dockerfile holds, a check that each
//! lies inside the text on character boundaries, and the real Dockerfiles of
//! `../shared/corpus/folders` (absent in a clone without `../shared`: skipped, except with
//! `CI=true`, where a missing corpus fails).

use devcontainer_doctor::syntax::dockerfile::{
    Command, DockerfileFile, InstructionKind, KeyValue, Word,
};
use devcontainer_doctor::text::TextRange;
use std::fs;
use std::path::{Path, PathBuf};

/// Every range in `file`, named for the failure message.
pub fn all_ranges(file: &DockerfileFile) -> Vec<(&'static str, TextRange)> {
    let mut out = Vec::new();
    for d in &file.directives {
        out.extend([
            ("directive", d.range),
            ("directive name", d.name_range),
            ("directive value", d.value_range),
        ]);
    }
    out.extend(file.comments.iter().map(|c| ("comment", c.range)));
    out.extend(file.errors.iter().map(|e| ("error", e.range)));
    let words = |out: &mut Vec<(&'static str, TextRange)>, ws: &[Word]| {
        out.extend(ws.iter().map(|w| ("word", w.range)));
    };
    let kvs = |out: &mut Vec<(&'static str, TextRange)>, kvs: &[KeyValue]| {
        for kv in kvs {
            out.extend([("pair", kv.range), ("key", kv.key_range)]);
            out.extend(kv.value.iter().map(|v| ("value", v.range)));
        }
    };
    for i in &file.instructions {
        out.extend([
            ("instruction", i.range),
            ("keyword", i.keyword_range),
            ("args", i.args_range),
        ]);
        for f in &i.flags {
            out.extend([("flag", f.range), ("flag name", f.name_range)]);
            out.extend(f.value_range.map(|r| ("flag value", r)));
        }
        words(&mut out, &i.args);
        for h in &i.heredocs {
            out.extend([
                ("heredoc marker", h.marker_range),
                ("heredoc body", h.content_range),
            ]);
            out.extend(h.terminator_range.map(|r| ("heredoc end", r)));
        }
        match &i.kind {
            InstructionKind::From(f) => {
                out.extend(
                    f.image
                        .iter()
                        .chain(&f.name)
                        .map(|w| ("from word", w.range)),
                );
                out.extend(f.as_range.map(|r| ("as", r)));
            }
            InstructionKind::Arg(k) | InstructionKind::Env(k) | InstructionKind::Label(k) => {
                kvs(&mut out, k)
            }
            InstructionKind::Copy(t) | InstructionKind::Add(t) => {
                words(&mut out, &t.sources);
                out.extend(t.dest.iter().map(|w| ("dest", w.range)));
            }
            InstructionKind::User(w) | InstructionKind::Workdir(w) => {
                out.extend(w.iter().map(|w| ("word", w.range)))
            }
            InstructionKind::Expose(ws) => words(&mut out, ws),
            _ => {}
        }
        match i.command() {
            Some(Command::Exec { range, args }) => {
                out.push(("exec", *range));
                words(&mut out, args);
            }
            Some(Command::Shell(w)) => out.push(("shell", w.range)),
            None => {}
        }
    }
    out
}

/// Problems with the ranges of `file` over `text`: out of bounds, reversed, mid-character.
pub fn range_problems(text: &str, file: &DockerfileFile) -> Vec<String> {
    all_ranges(file)
        .into_iter()
        .filter(|(_, r)| {
            r.start > r.end
                || r.end > text.len()
                || !text.is_char_boundary(r.start)
                || !text.is_char_boundary(r.end)
        })
        .map(|(what, r)| format!("{what} {r:?} in a text of {} bytes", text.len()))
        .collect()
}

/// A real Dockerfile from the corpus: its path under `folders/` and its text.
pub struct CorpusDockerfile {
    pub name: String,
    pub text: String,
}

/// Every file whose name holds `dockerfile` under `../shared/corpus/folders`, sorted; `None`
/// (after saying so) when the folder is absent, and a failure then when `CI=true`.
pub fn corpus() -> Option<Vec<CorpusDockerfile>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/folders");
    if !root.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing and CI=true: the corpus tests cannot be skipped",
            root.display()
        );
        eprintln!("skipped: {} is absent in this clone", root.display());
        return None;
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .to_ascii_lowercase()
                    .contains("dockerfile")
            }) {
                paths.push(path);
            }
        }
    }
    paths.sort();
    Some(
        paths
            .into_iter()
            .filter_map(|p| {
                let text = fs::read_to_string(&p).ok()?;
                let name = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
                Some(CorpusDockerfile { name, text })
            })
            .collect(),
    )
}
