//! Decoding one joined instruction line into an [`Instruction`]: keyword, flags, words and
//! the per-keyword details (`FROM`, `ARG`, `ENV`, `LABEL`, the commands, `COPY`/`ADD`, `USER`,
//! `WORKDIR`, `EXPOSE`), following BuildKit's `parser/line_parsers.go` and
//! `instructions/parse.go`. Errors BuildKit would stop at are reported here and the
//! instruction is kept with what could be read.

use super::ast::{Command, Flag, From, Instruction, InstructionKind, KeyValue, Transfer, Word};
use super::expand::unquote;
use super::lines::Logical;
use super::words::{Json, Span, fields, json_array, shell_words, split_command};
use crate::text::TextRange;

/// Reports one problem at a range.
pub(super) type Report<'a> = &'a mut dyn FnMut(TextRange, String);

/// Decodes `logical` (one instruction, continuation removed).
pub(super) fn decode(logical: &Logical, escape: char, report: Report<'_>) -> Instruction {
    let line = logical.text.as_str();
    let split = split_command(line, escape as u8);
    let (ka, kb) = split.keyword;
    let keyword = line[ka..kb].to_ascii_uppercase();
    let word = |(a, b): Span| Word {
        range: logical.range(a, b),
        text: line[a..b].to_string(),
        value: unquote(&line[a..b], escape),
    };
    let flags: Vec<Flag> = split
        .flags
        .iter()
        .map(|&s| flag(logical, s, escape))
        .collect();
    let rest = split.rest;
    let args: Vec<Word> = shell_words(line, rest, escape)
        .into_iter()
        .map(word)
        .collect();
    let rest_word = || (rest.1 > rest.0).then(|| word(rest));
    let range = logical.range(ka, line.len());
    let kind = match keyword.as_str() {
        "FROM" => {
            let f = fields(line, rest);
            if f.len() != 1 && f.len() != 3 {
                report(
                    range,
                    "FROM takes an image and optionally `AS name`: `FROM image [AS name]`.".into(),
                );
            }
            for fl in flags.iter().filter(|fl| fl.name != "platform") {
                report(
                    fl.range,
                    format!(
                        "FROM has no flag `--{}`; only `--platform` is allowed.",
                        fl.name
                    ),
                );
            }
            let as_word = f.get(1).copied();
            let as_ok = as_word.is_some_and(|(a, b)| line[a..b].eq_ignore_ascii_case("as"));
            if let (Some((a, b)), false) = (as_word, as_ok) {
                report(
                    logical.range(a, b),
                    "The second word of FROM must be AS.".into(),
                );
            }
            let name = f.get(2).copied().filter(|_| as_ok).map(word);
            if let Some(n) = &name
                && !valid_stage_name(&n.text)
            {
                report(
                    n.range,
                    format!(
                        "Invalid stage name `{}`: it must start with a letter and hold only letters, digits, `-`, `_` and `.`.",
                        n.text
                    ),
                );
            }
            InstructionKind::From(From {
                image: f.first().copied().map(word),
                as_range: as_word.filter(|_| as_ok).map(|(a, b)| logical.range(a, b)),
                name,
                stage: 0,
            })
        }
        "ARG" => {
            if args.is_empty() {
                report(
                    range,
                    "ARG needs a name: `ARG NAME` or `ARG NAME=default`.".into(),
                );
            }
            let pairs = shell_words(line, rest, escape);
            InstructionKind::Arg(
                pairs
                    .into_iter()
                    .map(|s| key_value(logical, s, escape))
                    .collect(),
            )
        }
        "ENV" | "LABEL" => {
            InstructionKind::Env(name_values(logical, rest, escape, &keyword, report))
        }
        "RUN" => InstructionKind::Run(command(logical, rest, report)),
        "CMD" => InstructionKind::Cmd(command(logical, rest, report)),
        "ENTRYPOINT" => InstructionKind::Entrypoint(command(logical, rest, report)),
        "SHELL" => InstructionKind::Shell(command(logical, rest, report)),
        "COPY" | "ADD" => {
            let t = transfer(logical, rest, escape, report);
            if t.dest.is_none() {
                report(
                    range,
                    format!("{keyword} needs a source and a destination."),
                );
            }
            if keyword == "COPY" {
                InstructionKind::Copy(t)
            } else {
                InstructionKind::Add(t)
            }
        }
        "USER" => InstructionKind::User(rest_word()),
        "WORKDIR" => InstructionKind::Workdir(rest_word()),
        "EXPOSE" => InstructionKind::Expose(fields(line, rest).into_iter().map(word).collect()),
        "HEALTHCHECK" | "MAINTAINER" | "ONBUILD" | "STOPSIGNAL" | "VOLUME" => {
            InstructionKind::Other
        }
        _ => {
            let shown = if keyword.is_empty() {
                "(nothing)"
            } else {
                &line[ka..kb]
            };
            report(
                logical.range(ka, kb.max(ka)),
                format!("Unknown instruction `{shown}`."),
            );
            InstructionKind::Other
        }
    };
    let kind = match kind {
        InstructionKind::Env(kv) if keyword == "LABEL" => InstructionKind::Label(kv),
        k => k,
    };
    Instruction {
        keyword,
        keyword_range: logical.range(ka, kb),
        range,
        flags,
        args_range: logical.range(rest.0, rest.1),
        args,
        heredocs: Vec::new(),
        kind,
        stage: None,
    }
}

/// BuildKit's stage name rule: `^[a-z][a-z0-9-_.]*$` after lower-casing.
fn valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars().map(|c| c.to_ascii_lowercase());
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

fn flag(logical: &Logical, (a, b): Span, escape: char) -> Flag {
    let text = &logical.text[a..b];
    let body = a + 2;
    let eq = text.find('=').map(|i| a + i);
    let name_end = eq.unwrap_or(b);
    Flag {
        range: logical.range(a, b),
        name: unquote(&logical.text[body..name_end], escape),
        name_range: logical.range(body, name_end),
        value: eq.map(|e| unquote(&logical.text[e + 1..b], escape)),
        value_range: eq.map(|e| logical.range(e + 1, b)),
    }
}

fn key_value(logical: &Logical, (a, b): Span, escape: char) -> KeyValue {
    let text = &logical.text[a..b];
    let eq = text.find('=').map(|i| a + i);
    let key_end = eq.unwrap_or(b);
    KeyValue {
        range: logical.range(a, b),
        key: unquote(&logical.text[a..key_end], escape),
        key_range: logical.range(a, key_end),
        value: eq.map(|e| Word {
            range: logical.range(e + 1, b),
            text: logical.text[e + 1..b].to_string(),
            value: unquote(&logical.text[e + 1..b], escape),
        }),
    }
}

/// `ENV`/`LABEL`: `k=v k2=v2`, or the old `ENV key value` (value = the rest of the line).
fn name_values(
    logical: &Logical,
    rest: Span,
    escape: char,
    keyword: &str,
    report: Report<'_>,
) -> Vec<KeyValue> {
    let line = logical.text.as_str();
    let words = shell_words(line, rest, escape);
    let Some(&(fa, fb)) = words.first() else {
        report(
            logical.range(0, line.len()),
            format!("{keyword} needs `name=value`."),
        );
        return Vec::new();
    };
    if !line[fa..fb].contains('=') {
        let f = fields(line, rest);
        let Some(&(ka, kb)) = f.first() else {
            return Vec::new();
        };
        let Some(&(va, _)) = f.get(1) else {
            report(
                logical.range(ka, kb),
                format!(
                    "{keyword} {} has no value: write `{keyword} name=value`.",
                    &line[ka..kb]
                ),
            );
            return vec![key_value(logical, (ka, kb), escape)];
        };
        let vb = rest.1;
        return vec![KeyValue {
            range: logical.range(ka, vb),
            key: line[ka..kb].to_string(),
            key_range: logical.range(ka, kb),
            value: Some(Word {
                range: logical.range(va, vb),
                text: line[va..vb].to_string(),
                value: unquote(&line[va..vb], escape),
            }),
        }];
    }
    let mut out = Vec::with_capacity(words.len());
    for (a, b) in words {
        if !line[a..b].contains('=') {
            report(
                logical.range(a, b),
                format!(
                    "`{}` has no `=`: {keyword} takes `name=value` pairs.",
                    &line[a..b]
                ),
            );
        }
        out.push(key_value(logical, (a, b), escape));
    }
    out
}

/// Exec form when the arguments are a JSON array of strings, else shell form.
fn command(logical: &Logical, rest: Span, report: Report<'_>) -> Option<Command> {
    let line = logical.text.as_str();
    if rest.1 <= rest.0 {
        return None;
    }
    match json_array(line, rest) {
        Json::Strings((a, b), elems) => Some(Command::Exec {
            range: logical.range(a, b),
            args: elems
                .into_iter()
                .map(|((ea, eb), value)| Word {
                    range: logical.range(ea, eb),
                    text: line[ea..eb].to_string(),
                    value,
                })
                .collect(),
        }),
        Json::NotStrings => {
            report(
                logical.range(rest.0, rest.1),
                "A JSON array here must hold only strings.".into(),
            );
            None
        }
        Json::Invalid => Some(Command::Shell(Word {
            range: logical.range(rest.0, rest.1),
            text: line[rest.0..rest.1].to_string(),
            value: line[rest.0..rest.1].to_string(),
        })),
    }
}

fn transfer(logical: &Logical, rest: Span, escape: char, report: Report<'_>) -> Transfer {
    let line = logical.text.as_str();
    let (mut words, exec): (Vec<Word>, bool) = match json_array(line, rest) {
        Json::Strings(_, elems) => (
            elems
                .into_iter()
                .map(|((a, b), value)| Word {
                    range: logical.range(a, b),
                    text: line[a..b].to_string(),
                    value,
                })
                .collect(),
            true,
        ),
        other => {
            if matches!(other, Json::NotStrings) {
                report(
                    logical.range(rest.0, rest.1),
                    "A JSON array here must hold only strings.".into(),
                );
            }
            let words = fields(line, rest)
                .into_iter()
                .map(|(a, b)| Word {
                    range: logical.range(a, b),
                    text: line[a..b].to_string(),
                    value: unquote(&line[a..b], escape),
                })
                .collect();
            (words, false)
        }
    };
    let dest = if words.len() >= 2 { words.pop() } else { None };
    Transfer {
        sources: words,
        dest,
        exec,
    }
}
