//! Every command written in the config: the shell lines of its strings and its exec-form
//! arrays, split into words with their source ranges (`sh -c '...'` once more).

use crate::rules::Context;
use crate::syntax::shell::{Command, Word, program_name, split_shell};
use crate::syntax::{NodeId, NodeKind};
use crate::text::TextRange;

/// Every simple command written in any string of the config (hooks, settings, runArgs...),
/// and every array of strings read as one exec-form command. Iterates the node arena, so
/// nesting depth costs nothing. Words of `sh -c '...'` are split once more.
pub fn commands(cx: &Context) -> Vec<Command> {
    let mut out = Vec::new();
    for (id, node) in cx.tree.nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::String(value) => {
                let start = literal_content_start(cx.text, node.range);
                split_shell(value, node.range, start, id, &mut out);
            }
            NodeKind::Array(items) if !items.is_empty() => {
                let array = cx.tree.get(id);
                let words: Option<Vec<Word>> = array
                    .items()
                    .map(|item| {
                        let text = item.as_str()?;
                        Some(Word {
                            text: text.to_string(),
                            range: item.range(),
                            source_start: literal_content_start(cx.text, item.range()),
                        })
                    })
                    .collect();
                if let Some(words) = words {
                    out.push(Command {
                        words,
                        exec_form: true,
                        origin: id,
                    });
                }
            }
            _ => {}
        }
    }
    // One more level for `bash -c "..."`: the script is a single word of its command.
    let mut nested = Vec::new();
    for command in &out {
        let is_shell = command
            .program()
            .is_some_and(|p| matches!(program_name(p), "sh" | "bash" | "zsh" | "ash" | "dash"));
        if !is_shell {
            continue;
        }
        let args = command.args();
        if let Some(pos) = args.iter().position(|w| w.text == "-c" || w.text == "-lc")
            && let Some(script) = args.get(pos + 1)
        {
            split_shell(
                &script.text,
                script.range,
                script.source_start,
                command.origin,
                &mut nested,
            );
        }
    }
    out.extend(nested);
    out
}

/// The root member a node sits under (`postCreateCommand` for any string inside that hook).
/// Walks up the parent links: one step per level, no recursion.
pub fn root_key<'a>(cx: &Context<'a>, id: NodeId) -> Option<&'a str> {
    let mut current = cx.tree.get(id);
    while let Some(parent) = current.parent() {
        if parent.parent().is_none() {
            return current.key_in_parent().map(|m| m.key());
        }
        current = parent;
    }
    None
}

/// Where the decoded content of a string literal starts in the source, when it maps 1:1
/// (a plain `"..."` literal without escapes).
fn literal_content_start(text: &str, range: TextRange) -> Option<usize> {
    let raw = text.get(range.start..range.end)?;
    let plain = raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') && !raw.contains('\\');
    plain.then_some(range.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn words_of(text: &str) -> Vec<Vec<String>> {
        let tree = parse(text);
        let cx = Context::new(text, &tree);
        commands(&cx)
            .into_iter()
            .map(|c| c.words.into_iter().map(|w| w.text).collect())
            .collect()
    }

    #[test]
    fn splits_shell_lines_into_commands() {
        let got = words_of(r#"{"a": "cd x && CGO_ENABLED=0 go test -race ./... ; echo 'a b'"}"#);
        assert!(got.contains(&vec!["cd".into(), "x".into()]));
        assert!(got.contains(&vec![
            "CGO_ENABLED=0".into(),
            "go".into(),
            "test".into(),
            "-race".into(),
            "./...".into()
        ]));
        assert!(got.contains(&vec!["echo".into(), "a b".into()]));
    }

    #[test]
    fn word_ranges_map_onto_the_source() {
        let text = r#"{"a": "bash -c 'dlv debug --listen=:2345'"}"#;
        let tree = parse(text);
        let cx = Context::new(text, &tree);
        let all = commands(&cx);
        let dlv = all
            .iter()
            .find(|c| c.program().is_some_and(|p| p.text == "dlv"))
            .unwrap();
        let listen = &dlv.words[2];
        let r = listen.sub_range(0, listen.text.len()).unwrap();
        assert_eq!(&text[r.start..r.end], "--listen=:2345");
    }

    #[test]
    fn escaped_strings_give_no_exact_ranges() {
        let text = r#"{"a": "dlv \"debug\""}"#;
        let tree = parse(text);
        let cx = Context::new(text, &tree);
        let all = commands(&cx);
        assert!(all[0].words.iter().all(|w| w.source_start.is_none()));
    }
}
