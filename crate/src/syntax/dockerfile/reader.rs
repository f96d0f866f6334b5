//! The line loop of BuildKit's `parser.Parse`: parser directives at the top, comments, blank
//! lines, instructions joined over continuation lines, then the heredoc bodies an instruction
//! announces (`RUN`, `COPY`, `ADD`, also after `ONBUILD`). Each physical line is visited once.

use super::ast::{Comment, Directive, DockerfileFile, Heredoc, InstructionKind, Stage};
use super::expand::unquote;
use super::instructions::decode;
use super::lines::{Line, Logical, is_comment, leading_ws, split_lines, trim_continuation};
use super::words::shell_words;
use crate::syntax::SyntaxError;
use crate::text::TextRange;

/// Errors past this many are not recorded.
const MAX_ERRORS: usize = 1000;
/// Heredocs read for one instruction; more markers are reported and left unread.
pub const MAX_HEREDOCS: usize = 64;

pub fn parse(text: &str) -> DockerfileFile {
    let mut file = DockerfileFile {
        escape: '\\',
        ..DockerfileFile::default()
    };
    let mut errors: Vec<SyntaxError> = Vec::new();
    let mut report = |range: TextRange, message: String| {
        if errors.len() < MAX_ERRORS {
            errors.push(SyntaxError {
                code: "dockerfile-syntax",
                message,
                range,
                replacement: None,
            });
        }
    };
    let lines = split_lines(text);
    let mut directives_done = false;
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i];
        if i == 0 && text.starts_with('\u{feff}') {
            line.start += 3;
            line.end = line.end.max(line.start);
        }
        i += 1;
        let start = line.start + leading_ws(&text[line.start..line.end]);
        let content = &text[start..line.end];
        if !directives_done {
            match directive(text, start, line.end) {
                Some(d) => {
                    add_directive(&mut file, d, &mut report);
                    continue;
                }
                None => directives_done = true,
            }
        }
        if content.is_empty() {
            continue;
        }
        if content.starts_with('#') {
            file.comments.push(Comment {
                range: TextRange::new(start, line.end),
                in_continuation: false,
            });
            continue;
        }
        let escape = file.escape as u8;
        let mut logical = Logical::new(start);
        let (piece_end, mut cont) = trim_continuation(text, start, line.end, escape);
        logical.push(text, start, piece_end);
        let mut end = line.end;
        while cont && i < lines.len() {
            let l = lines[i];
            i += 1;
            let raw = &text[l.start..l.end];
            if is_comment(raw) {
                let c = l.start + leading_ws(raw);
                file.comments.push(Comment {
                    range: TextRange::new(c, l.end),
                    in_continuation: true,
                });
                continue;
            }
            if raw.trim_start().is_empty() {
                continue;
            }
            let (pe, c) = trim_continuation(text, l.start, l.end, escape);
            logical.push(text, l.start, pe);
            end = l.end;
            cont = c;
        }
        let mut instr = decode(&logical, file.escape, &mut report);
        instr.range.end = end.max(instr.range.start);
        if can_have_heredocs(&instr.keyword, &logical.text, &instr.kind) {
            let markers = heredoc_markers(&logical, file.escape, &mut report);
            if markers.len() > MAX_HEREDOCS {
                report(
                    instr.keyword_range,
                    format!(
                        "More than {MAX_HEREDOCS} heredocs on one instruction: the rest are not read."
                    ),
                );
            }
            for mut h in markers.into_iter().take(MAX_HEREDOCS) {
                i = read_heredoc(text, &lines, i, &mut h);
                instr.range.end = h.terminator_range.map_or(h.content_range.end, |t| t.end);
                if h.terminator_range.is_none() {
                    report(
                        h.marker_range,
                        format!(
                            "The heredoc `{}` is never closed: the file ends before a line `{}`.",
                            h.name, h.name
                        ),
                    );
                }
                instr.heredocs.push(h);
            }
        }
        add_instruction(&mut file, instr, &mut report);
    }
    if file.instructions.is_empty() {
        report(
            TextRange::empty(0),
            "The Dockerfile has no instructions: a build needs at least `FROM image`.".into(),
        );
    } else if file.stages.is_empty() {
        report(
            TextRange::empty(0),
            "The Dockerfile has no FROM: there is no stage to build.".into(),
        );
    }
    file.errors = errors;
    file
}

/// A `# name=value` line with a known name, per BuildKit's `DirectiveParser`.
fn directive(text: &str, start: usize, end: usize) -> Option<Directive> {
    let line = &text[start..end];
    let body = line.strip_prefix('#')?;
    let name_start = start + 1 + leading_ws(body);
    let rest = &text[name_start..end];
    let name_len = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
        .map_or(rest.len(), |(i, _)| i);
    if name_len == 0 {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    if !matches!(name.as_str(), "syntax" | "escape" | "check") {
        return None;
    }
    let after = rest[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let value = after.strip_prefix('=')?;
    let is_space = |c: char| c.is_ascii_whitespace();
    let value_start = end - value.trim_start_matches(is_space).len();
    let value_end = value_start + text[value_start..end].trim_end_matches(is_space).len();
    if value_end <= value_start {
        return None;
    }
    Some(Directive {
        name,
        value: text[value_start..value_end].to_string(),
        name_range: TextRange::new(name_start, name_start + name_len),
        value_range: TextRange::new(value_start, value_end),
        range: TextRange::new(start, value_end),
    })
}

fn add_directive(
    file: &mut DockerfileFile,
    d: Directive,
    report: &mut dyn FnMut(TextRange, String),
) {
    if file.directives.iter().any(|o| o.name == d.name) {
        report(
            d.range,
            format!(
                "Only one `{}` parser directive can be used; this one is ignored.",
                d.name
            ),
        );
        return;
    }
    if d.name == "escape" {
        match d.value.as_str() {
            "\\" => file.escape = '\\',
            "`" => file.escape = '`',
            _ => report(
                d.value_range,
                format!("The escape character must be ` or \\, not `{}`.", d.value),
            ),
        }
    }
    file.directives.push(d);
}

fn can_have_heredocs(keyword: &str, line: &str, kind: &InstructionKind) -> bool {
    if !line.contains("<<") {
        return false;
    }
    match kind {
        InstructionKind::Run(Some(super::ast::Command::Exec { .. })) => false,
        InstructionKind::Copy(t) | InstructionKind::Add(t) => !t.exec,
        InstructionKind::Run(_) => true,
        _ if keyword == "ONBUILD" => {
            let first = line.split_whitespace().nth(1).unwrap_or("");
            ["RUN", "COPY", "ADD"]
                .iter()
                .any(|k| first.eq_ignore_ascii_case(k))
                && !line
                    .split_whitespace()
                    .nth(2)
                    .is_some_and(|w| w.starts_with('['))
        }
        _ => false,
    }
}

/// Words of the whole line shaped `[digits]<<[-]NAME`, as `heredocsFromLine`; as BuildKit's
/// lexer does, a word ending in `<<` takes the next word as its delimiter (`<< EOF`).
/// A delimiter with an unclosed quote is reported and skipped.
fn heredoc_markers(
    logical: &Logical,
    escape: char,
    report: &mut dyn FnMut(TextRange, String),
) -> Vec<Heredoc> {
    let line = logical.text.as_str();
    let words = shell_words(line, (0, line.len()), escape);
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() && out.len() <= MAX_HEREDOCS {
        let (a, mut b) = words[k];
        k += 1;
        let w = &line[a..b];
        let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let Some(after) = w[digits..].strip_prefix("<<") else {
            continue;
        };
        let rest_start = if after.is_empty() && k < words.len() {
            b = words[k].1;
            k += 1;
            words[k - 1].0
        } else {
            b - after.len()
        };
        let after = &line[rest_start..b];
        let (chomp, rest) = match after.strip_prefix('-') {
            Some(r) if rest_start == a + digits + 2 => (true, r),
            _ => (false, after),
        };
        if rest.is_empty() || rest.contains('<') {
            continue;
        }
        let name = unquote(rest, '\\');
        if name == rest && rest.contains(['"', '\'']) {
            report(
                logical.range(a, b),
                format!("The heredoc delimiter `{rest}` has an unclosed quote."),
            );
            continue;
        }
        if name.is_empty() {
            continue;
        }
        out.push(Heredoc {
            marker_range: logical.range(a, b),
            expand: !rest.contains(['"', '\'']),
            name,
            chomp,
            content_range: TextRange::default(),
            terminator_range: None,
        });
    }
    out
}

/// Reads the body of `h` from line `i`; returns the line after its terminator.
fn read_heredoc(text: &str, lines: &[Line], mut i: usize, h: &mut Heredoc) -> usize {
    let start = lines.get(i).map_or(text.len(), |l| l.start);
    while let Some(l) = lines.get(i) {
        i += 1;
        let mut candidate = &text[l.start..l.end];
        if h.chomp {
            candidate = candidate.trim_start_matches('\t');
        }
        if candidate == h.name {
            h.content_range = TextRange::new(start, l.start);
            h.terminator_range = Some(TextRange::new(l.start, l.end));
            return i;
        }
    }
    h.content_range = TextRange::new(start, text.len());
    i
}

fn add_instruction(
    file: &mut DockerfileFile,
    mut instr: super::ast::Instruction,
    report: &mut dyn FnMut(TextRange, String),
) {
    let index = file.instructions.len();
    if let InstructionKind::From(from) = &mut instr.kind {
        from.stage = file.stages.len();
        file.stages.push(Stage {
            index: from.stage,
            name: from.name.as_ref().map(|n| n.text.to_ascii_lowercase()),
            from: index,
            end: index + 1,
        });
    } else if let Some(stage) = file.stages.last_mut() {
        stage.end = index + 1;
    } else if !matches!(instr.kind, InstructionKind::Arg(_)) {
        report(
            instr.keyword_range,
            format!(
                "{} comes before the first FROM: only ARG may come there.",
                instr.keyword
            ),
        );
    }
    instr.stage = file.stages.len().checked_sub(1);
    file.instructions.push(instr);
}
