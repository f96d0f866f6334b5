//! Every command written in the config: the shell lines of its strings and its exec-form
//! arrays, split into words with their source ranges (`sh -c '...'` once more).

use crate::rules::Context;
use crate::syntax::shell::{Command, Word, program_name, split_shell};
use crate::syntax::{NodeId, NodeKind};
use crate::text::TextRange;
use crate::text::bytes::find_byte;

/// The words rules look for in commands: programs (`dlv`, also in Delve's install path) and
/// flags (`-race`). A rule that reads another program or flag adds it here, or it sees nothing.
pub const WATCHED_WORDS: &[&str] = &["dlv", "race"];

/// Every simple command written in any string of the config (hooks, settings, runArgs...),
/// and every array of strings read as one exec-form command. Iterates the node arena, so
/// nesting depth costs nothing. Words of `sh -c '...'` are split once more.
#[cfg(test)]
pub fn commands(cx: &Context) -> Vec<Command> {
    collect(cx, |_| true)
}

/// The commands of strings that may hold one of [`WATCHED_WORDS`]: the rest are never split
/// (most strings of a config are no command a rule reads). [`Context::commands`] keeps them.
pub fn watched_commands(cx: &Context) -> Vec<Command> {
    collect(cx, |s| WATCHED_WORDS.iter().any(|w| may_hold(s, w)))
}

/// True when `word` could come out of `text` after shell quote removal: its characters in
/// order with only quotes and backslashes between them (`"d""lv"`, `\dlv`, `'dlv'`).
/// Byte-wise, and a superset of what the splitter finds, so a command is never missed.
pub fn may_hold(text: &str, word: &str) -> bool {
    let (bytes, needle) = (text.as_bytes(), word.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let mut from = 0;
    while let Some(found) = find_byte(&bytes[from..], first) {
        let mut at = from + found + 1;
        let mut matched = 1;
        while matched < needle.len() && at < bytes.len() {
            match bytes[at] {
                b if b == needle[matched] => matched += 1,
                b'"' | b'\'' | b'\\' => {}
                _ => break,
            }
            at += 1;
        }
        if matched == needle.len() {
            return true;
        }
        from += found + 1;
    }
    false
}

fn collect(cx: &Context, keep: impl Fn(&str) -> bool) -> Vec<Command> {
    let mut out = Vec::new();
    for (id, node) in cx.tree.nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::String(span) => {
                let value = cx.tree.str(*span);
                if !keep(value) {
                    continue;
                }
                let start = literal_content_start(cx.text, node.range);
                split_shell(value, node.range, start, id, &mut out);
            }
            NodeKind::Array(items) if items.start < items.end => {
                let array = cx.tree.get(id);
                if !array.items().any(|item| item.as_str().is_some_and(&keep)) {
                    continue;
                }
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

    /// The program names of the commands the rules see (the cached, pre-filtered ones).
    fn watched_programs(text: &str) -> Vec<String> {
        let tree = parse(text);
        let cx = Context::new(text, &tree);
        cx.commands()
            .iter()
            .filter_map(|c| c.program().map(|p| program_name(p).to_string()))
            .collect()
    }

    #[test]
    fn program_names_written_with_quotes_or_escapes_are_seen() {
        for text in [
            r#"{"postStartCommand": "\"d\"\"lv\" debug"}"#,
            r#"{"postStartCommand": "\\dlv debug"}"#,
            r#"{"postStartCommand": "'dl'v debug"}"#,
            r#"{"postStartCommand": "bash -c 'd\"l\"v debug'"}"#,
            r#"{"postStartCommand": ["d\\lv", "debug"]}"#,
        ] {
            let programs = watched_programs(text);
            let dlv = programs.iter().any(|p| p == "dlv" || p == "d\\lv");
            assert!(dlv, "{text}: {programs:?}");
        }
        assert_eq!(
            watched_programs(r#"{"a": "'go' test -\\race ./..."}"#),
            ["go"]
        );
    }

    #[test]
    fn strings_without_a_watched_word_are_not_split() {
        assert!(watched_programs(r#"{"a": "cd x && make", "b": ["npm", "ci"]}"#).is_empty());
        assert!(!may_hold("d-lv", "dlv"));
        assert!(!may_hold("dl", "dlv"));
        assert!(may_hold(r#"xx d'l'\"v"#, "dlv"));
    }

    proptest::proptest! {
        /// Whatever the quoting, a word the splitter yields is one the pre-filter lets through.
        #[test]
        fn prefilter_never_hides_a_word(line in r#"[dlvgo \\'";|&-]{0,24}"#) {
            let mut out = Vec::new();
            split_shell(&line, TextRange::new(0, line.len()), None, 0, &mut out);
            for word in out.iter().flat_map(|c| &c.words) {
                for watched in ["dlv", "go", "-"] {
                    if word.text.contains(watched) {
                        proptest::prop_assert!(may_hold(&line, watched), "{line:?} -> {:?}", word.text);
                    }
                }
            }
        }
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
