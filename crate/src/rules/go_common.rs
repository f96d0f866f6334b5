//! Shared by the Go rules: the command words written anywhere in the config (with their source
//! ranges), what marks a config as a Go one, ports, environment values and member insertion.

use super::Context;
use crate::diag::Edit;
use crate::syntax::{NodeId, NodeKind, NodeRef};
use crate::text::TextRange;

/// One shell word, after quote removal.
#[derive(Clone, Debug)]
pub struct Word {
    pub text: String,
    /// Source range of the whole word (the whole string literal when it has escapes).
    pub range: TextRange,
    /// Source offset of `text`'s first byte when every byte of `text` maps 1:1 onto the
    /// source (no escapes, no quotes inside the word): only then can a fix edit inside it.
    pub source_start: Option<usize>,
}

impl Word {
    /// Source range of `text[from..to]`, when the word maps 1:1 onto the source.
    pub fn sub_range(&self, from: usize, to: usize) -> Option<TextRange> {
        let start = self.source_start?;
        (from <= to && to <= self.text.len()).then(|| TextRange::new(start + from, start + to))
    }
}

/// A simple command: the words between two shell separators, or one exec-form array.
#[derive(Clone, Debug)]
pub struct Command {
    pub words: Vec<Word>,
    /// True for a JSON array of strings (each item one argument, no shell).
    pub exec_form: bool,
    /// The string or array node the command was read from.
    pub origin: NodeId,
}

impl Command {
    /// Index of the program word: skips `NAME=value` assignments and wrappers like `sudo`.
    pub fn program_index(&self) -> Option<usize> {
        let mut i = 0;
        let mut after_wrapper = false;
        while let Some(word) = self.words.get(i) {
            let w = word.text.as_str();
            if is_assignment(w)
                || matches!(w, "sudo" | "exec" | "nohup" | "env" | "time" | "command")
                || (after_wrapper && w.starts_with('-'))
            {
                after_wrapper |= !is_assignment(w);
                i += 1;
                continue;
            }
            return Some(i);
        }
        None
    }

    pub fn program(&self) -> Option<&Word> {
        self.words.get(self.program_index()?)
    }

    /// `NAME=value` words written before the program (inline environment).
    pub fn assignments(&self) -> impl Iterator<Item = (&str, &str)> {
        let end = self.program_index().unwrap_or(self.words.len());
        self.words
            .iter()
            .take(end)
            .filter_map(|w| w.text.split_once('=').filter(|_| is_assignment(&w.text)))
    }

    /// The words after the program.
    pub fn args(&self) -> &[Word] {
        match self.program_index() {
            Some(i) => self.words.get(i + 1..).unwrap_or(&[]),
            None => &[],
        }
    }
}

fn is_assignment(word: &str) -> bool {
    let Some((name, _)) = word.split_once('=') else {
        return false;
    };
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The program's name without its directory: `/go/bin/dlv` -> `dlv`.
pub fn program_name(word: &Word) -> &str {
    word.text.rsplit('/').next().unwrap_or(&word.text)
}

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
pub fn literal_content_start(text: &str, range: TextRange) -> Option<usize> {
    let raw = text.get(range.start..range.end)?;
    let plain = raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') && !raw.contains('\\');
    plain.then_some(range.start + 1)
}

/// Splits a shell command line into simple commands (at `;`, `&`, `|`, newlines, parens)
/// and words (at blanks, honouring quotes). `base` maps `line` onto the source when known.
pub fn split_shell(
    line: &str,
    whole: TextRange,
    base: Option<usize>,
    origin: NodeId,
    out: &mut Vec<Command>,
) {
    let mut builder = WordBuilder::default();
    let mut words: Vec<Word> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
                builder.last_quote_close = i;
            } else {
                builder.text.push(c);
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                builder.start.get_or_insert(i);
                quote = Some(c);
                builder.quoted_runs += 1;
            }
            ' ' | '\t' => builder.finish(i, whole, base, &mut words),
            ';' | '&' | '|' | '\n' | '\r' | '(' | ')' | '`' => {
                builder.finish(i, whole, base, &mut words);
                if !words.is_empty() {
                    out.push(Command {
                        words: std::mem::take(&mut words),
                        exec_form: false,
                        origin,
                    });
                }
            }
            _ => {
                builder.start.get_or_insert(i);
                builder.text.push(c);
            }
        }
    }
    builder.finish(line.len(), whole, base, &mut words);
    if !words.is_empty() {
        out.push(Command {
            words,
            exec_form: false,
            origin,
        });
    }
}

/// The word being read by [`split_shell`].
#[derive(Default)]
struct WordBuilder {
    text: String,
    start: Option<usize>,
    quoted_runs: usize,
    last_quote_close: usize,
}

impl WordBuilder {
    fn finish(&mut self, end: usize, whole: TextRange, base: Option<usize>, words: &mut Vec<Word>) {
        let Some(start) = self.start.take() else {
            return;
        };
        let (range, source_start) = match base {
            Some(b) => {
                // The text maps 1:1 when the word has no quotes, or is one quoted run.
                let one_run = self.quoted_runs == 1 && self.last_quote_close + 1 == end;
                let starts_quoted = one_run && !self.text.is_empty();
                let mapped = match self.quoted_runs {
                    0 => Some(b + start),
                    _ if starts_quoted && self.text.len() + 2 == end - start => Some(b + start + 1),
                    _ => None,
                };
                (TextRange::new(b + start, b + end), mapped)
            }
            None => (whole, None),
        };
        words.push(Word {
            text: std::mem::take(&mut self.text),
            range,
            source_start,
        });
        self.quoted_runs = 0;
    }
}

/// The settings objects: `customizations.vscode.settings` and the deprecated top-level `settings`.
pub fn settings_objects<'a>(cx: &Context<'a>) -> Vec<NodeRef<'a>> {
    let Some(root) = cx.root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(s) = root
        .get("customizations")
        .and_then(|c| c.get("vscode"))
        .and_then(|v| v.get("settings"))
        .filter(|s| s.is_object())
    {
        out.push(s);
    }
    if let Some(s) = root.get("settings").filter(|s| s.is_object()) {
        out.push(s);
    }
    out
}

/// The value of a setting, looked up in every settings object (first found wins).
pub fn setting<'a>(cx: &Context<'a>, key: &str) -> Option<NodeRef<'a>> {
    settings_objects(cx).into_iter().find_map(|s| s.get(key))
}

/// The extension id items: `customizations.vscode.extensions` and deprecated `extensions`.
pub fn extension_items<'a>(cx: &Context<'a>) -> Vec<NodeRef<'a>> {
    let Some(root) = cx.root else {
        return Vec::new();
    };
    let mut out: Vec<NodeRef<'a>> = Vec::new();
    if let Some(list) = root
        .get("customizations")
        .and_then(|c| c.get("vscode"))
        .and_then(|v| v.get("extensions"))
    {
        out.extend(list.items());
    }
    if let Some(list) = root.get("extensions") {
        out.extend(list.items());
    }
    out
}

/// The Go extension, under its current id or its old one (ids are case-insensitive).
pub fn go_extension<'a>(cx: &Context<'a>) -> Option<NodeRef<'a>> {
    extension_items(cx).into_iter().find(|item| {
        item.as_str().is_some_and(|id| {
            id.eq_ignore_ascii_case("golang.go") || id.eq_ignore_ascii_case("ms-vscode.go")
        })
    })
}

/// A feature reference without its version or digest: `ghcr.io/x/go:1` -> `ghcr.io/x/go`.
pub fn feature_base(id: &str) -> &str {
    let id = id.split('@').next().unwrap_or(id);
    match id.rfind(':') {
        Some(colon) if !id[colon..].contains('/') => &id[..colon],
        _ => id,
    }
}

/// The official Go feature (or the old short id the CLI maps to it).
pub fn is_go_feature(id: &str) -> bool {
    let base = feature_base(id).to_ascii_lowercase();
    base == "ghcr.io/devcontainers/features/go" || base == "golang"
}

/// The `features` members of the root.
pub fn features<'a>(cx: &Context<'a>) -> Vec<crate::syntax::MemberRef<'a>> {
    cx.root
        .and_then(|r| r.get("features"))
        .map(|f| f.members().collect())
        .unwrap_or_default()
}

pub fn go_feature<'a>(cx: &Context<'a>) -> Option<crate::syntax::MemberRef<'a>> {
    features(cx).into_iter().find(|m| is_go_feature(m.key()))
}

/// The `image` value, when it is a string.
pub fn image<'a>(cx: &Context<'a>) -> Option<(&'a str, NodeRef<'a>)> {
    let node = cx.root?.get("image")?;
    Some((node.as_str()?, node))
}

/// An image reference split into repository (lowercase, with registry) and tag.
pub fn split_image(image: &str) -> (String, String) {
    let image = image
        .split('@')
        .next()
        .unwrap_or(image)
        .to_ascii_lowercase();
    match image.rfind(':') {
        Some(colon) if !image[colon..].contains('/') => {
            (image[..colon].to_string(), image[colon + 1..].to_string())
        }
        _ => (image, String::new()),
    }
}

/// The Docker Hub `golang` image, under any of its spellings.
pub fn is_golang_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        repo.as_str(),
        "golang" | "library/golang" | "docker.io/golang" | "docker.io/library/golang"
    )
}

/// Images built by devcontainers/images whose metadata label already grants ptrace (they are
/// built with the Go feature).
pub fn is_devcontainers_go_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        repo.as_str(),
        "mcr.microsoft.com/devcontainers/go"
            | "mcr.microsoft.com/vscode/devcontainers/go"
            | "mcr.microsoft.com/devcontainers/universal"
            | "mcr.microsoft.com/vscode/devcontainers/universal"
    )
}

/// Images known to carry no `devcontainer.metadata` grants: the Docker Hub official images a
/// Go container is usually built on, and the devcontainers `base` image. Any other image may
/// have been built with features whose metadata this file cannot see.
pub fn is_image_without_metadata_grants(image: &str) -> bool {
    let (repo, _) = split_image(image);
    let name = repo
        .strip_prefix("docker.io/")
        .unwrap_or(&repo)
        .strip_prefix("library/")
        .unwrap_or(repo.strip_prefix("docker.io/").unwrap_or(&repo));
    matches!(
        name,
        "golang"
            | "debian"
            | "ubuntu"
            | "alpine"
            | "fedora"
            | "buildpack-deps"
            | "mcr.microsoft.com/devcontainers/base"
            | "mcr.microsoft.com/vscode/devcontainers/base"
    )
}

/// True when anything in the config says it is a Go environment.
pub fn uses_go(cx: &Context) -> bool {
    go_feature(cx).is_some()
        || image(cx).is_some_and(|(i, _)| is_golang_image(i) || is_devcontainers_go_image(i))
        || go_extension(cx).is_some()
        || settings_objects(cx)
            .iter()
            .any(|s| s.members().any(|m| m.key().starts_with("go.")))
}

/// True when `port` is a container port in `value` (a number, or a string like `2345`,
/// `8080:2345`, `127.0.0.1:8080:2345/tcp`, or a range `2340-2350`).
pub fn port_spec_matches(value: NodeRef, port: u16) -> bool {
    if let Some(n) = value.as_i64() {
        return n == i64::from(port);
    }
    let Some(spec) = value.as_str() else {
        return false;
    };
    publish_spec_matches(spec, port)
}

/// `docker run -p` syntax: the container port is the last `:` part.
pub fn publish_spec_matches(spec: &str, port: u16) -> bool {
    let container = spec.rsplit(':').next().unwrap_or(spec);
    let container = container.split('/').next().unwrap_or(container);
    match container.split_once('-') {
        Some((lo, hi)) => match (lo.parse::<u16>(), hi.parse::<u16>()) {
            (Ok(lo), Ok(hi)) => lo <= port && port <= hi,
            _ => false,
        },
        None => container.parse::<u16>() == Ok(port),
    }
}

/// True when `forwardPorts` forwards the container's `port` (a number or `localhost:N`).
pub fn is_forwarded(cx: &Context, port: u16) -> bool {
    let Some(list) = cx.root.and_then(|r| r.get("forwardPorts")) else {
        return false;
    };
    list.items().any(|item| {
        if let Some(n) = item.as_i64() {
            return n == i64::from(port);
        }
        item.as_str()
            .and_then(|s| s.split_once(':'))
            .is_some_and(|(host, p)| {
                (host == "localhost" || host == "127.0.0.1") && p.parse::<u16>() == Ok(port)
            })
    })
}

/// Where the container's `port` is published on the host, if it is: `appPort` or `runArgs -p`.
pub fn published_by(cx: &Context, port: u16) -> Option<&'static str> {
    let root = cx.root?;
    if let Some(app) = root.get("appPort") {
        let hit = if app.is_array() {
            app.items().any(|i| port_spec_matches(i, port))
        } else {
            port_spec_matches(app, port)
        };
        if hit {
            return Some("appPort");
        }
    }
    let args: Vec<&str> = root
        .get("runArgs")
        .map(|r| r.items().filter_map(|i| i.as_str()).collect())
        .unwrap_or_default();
    for (i, arg) in args.iter().enumerate() {
        let spec = match *arg {
            "-p" | "--publish" => args.get(i + 1).copied(),
            a => a
                .strip_prefix("--publish=")
                .or_else(|| a.strip_prefix("-p="))
                .or_else(|| a.strip_prefix("-p").filter(|s| !s.is_empty())),
        };
        if spec.is_some_and(|s| publish_spec_matches(s, port)) {
            return Some("runArgs -p");
        }
    }
    None
}

/// Edits that add `"key": value` to the root object: after the `after` member when given and
/// present, else after the last member. Keeps a line comment on its line. `None` when the
/// object is unfinished or unusual enough that an edit could break it.
pub fn insert_root_member(cx: &Context, after: &str, key: &str, value: &str) -> Option<Vec<Edit>> {
    let root = cx.root?;
    if !root.node().closed || !cx.tree.errors.is_empty() {
        return None;
    }
    let member_text = format!("\"{key}\": {value}");
    let members: Vec<_> = root.members().collect();
    let Some(anchor) = members
        .iter()
        .find(|m| m.key() == after)
        .or_else(|| members.last())
    else {
        let open = root.range().start + 1;
        return Some(vec![Edit::insert(open, format!(" {member_text} "))]);
    };
    let value_end = anchor.value?.range().end;
    let lines = crate::text::LineIndex::new(cx.text);
    let key_start = anchor.key_range().start;
    let line_start = lines.line_start(lines.line_of(key_start));
    let indent = cx.text.get(line_start..key_start)?;
    let own_line = indent.chars().all(|c| c == ' ' || c == '\t');
    let after_value = anchor.member.comma.map_or(value_end, |c| c + 1);
    let line_end = lines.line_range(lines.line_of(after_value)).end;
    let rest = cx.text.get(after_value..line_end)?.trim();
    let rest_is_comment = rest.is_empty() || rest.starts_with("//");
    if !own_line || !rest_is_comment {
        // Same-line style: put the member right after the anchor.
        return Some(match anchor.member.comma {
            Some(c) => vec![Edit::insert(c + 1, format!(" {member_text},"))],
            None => vec![Edit::insert(value_end, format!(", {member_text}"))],
        });
    }
    Some(match anchor.member.comma {
        Some(_) => vec![Edit::insert(line_end, format!("\n{indent}{member_text},"))],
        None => vec![
            Edit::insert(value_end, ","),
            Edit::insert(line_end, format!("\n{indent}{member_text}")),
        ],
    })
}

/// Edits that append `item` (JSON text) to an array node.
pub fn append_to_array(cx: &Context, array: NodeRef, item: &str) -> Option<Vec<Edit>> {
    if !array.is_array() || !array.node().closed {
        return None;
    }
    Some(match array.items().last() {
        Some(last) => vec![Edit::insert(last.range().end, format!(", {item}"))],
        None => {
            let open = array.range().start + 1;
            cx.text.get(open..open)?;
            vec![Edit::insert(open, item.to_string())]
        }
    })
}

/// The 1-based line of a byte offset, for messages.
pub fn line_number(cx: &Context, offset: usize) -> usize {
    crate::text::LineIndex::new(cx.text).line_of(offset) + 1
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

    #[test]
    fn ports_and_features_parse() {
        assert!(publish_spec_matches("127.0.0.1:8080:2345/tcp", 2345));
        assert!(publish_spec_matches("2340-2350", 2345));
        assert!(!publish_spec_matches("2345:80", 2345));
        assert!(is_go_feature("ghcr.io/devcontainers/features/go:1"));
        assert!(is_go_feature(
            "ghcr.io/devcontainers/features/go@sha256:abc"
        ));
        assert!(!is_go_feature(
            "ghcr.io/devcontainers/features/golangci-lint:1"
        ));
        assert!(is_golang_image("golang:1.22-alpine"));
        assert!(is_devcontainers_go_image(
            "mcr.microsoft.com/devcontainers/go:1-1.22-bookworm"
        ));
        assert!(is_image_without_metadata_grants("golang:1.22"));
        assert!(is_image_without_metadata_grants(
            "docker.io/library/golang:1.22"
        ));
        assert!(!is_image_without_metadata_grants("ghcr.io/acme/go-dev:1"));
        assert!(!is_image_without_metadata_grants("acme/go-dev:1"));
        assert!(!is_image_without_metadata_grants("golangdev:1.18-alpine"));
        assert!(!is_devcontainers_go_image(
            "mcr.microsoft.com/devcontainers/base:bookworm"
        ));
    }
}
