//! Our YAML reader against `saphyr-parser`, the crate it replaced: on every Compose file of
//! `../shared/corpus`, every YAML fixture, hand-written snippets of each construct, and random
//! YAML-ish text, both must give the same event stream (kinds, values, scalar styles, anchor
//! ids, tag suffixes, byte ranges) and agree on whether the text has a syntax error. The tree
//! builder in `yaml/mod.rs` only consumes these events, and it is the one that read saphyr's
//! events before (commit c99971a), so the events are what is under test; saphyr's are put in the
//! shape of ours by `compose_yaml_differential/saphyr_events.rs`. On each text, `load` must
//! also agree with our events: a syntax error exactly where they stop at one, and, when it
//! reports nothing, one node per scalar and collection event.
//!
//! Where the two differ by design:
//! - three span conventions of saphyr, adjusted in the reference (`sensible_span` in
//!   `saphyr_events.rs` says why): a quoted scalar ends at its quote, a flow collection at its
//!   bracket, a flow mapping with a trailing comma at its `}`;
//! - where a document starts is not compared: the tree builder never reads that range, and
//!   saphyr spans the document's first token there, with its own conventions (see [`as_read`]);
//! - saphyr counts a `%` directive's name and parameters in bytes where it means characters,
//!   so after a non-ASCII directive line (`%é`) its positions drift: such texts are skipped;
//! - ours could accept a text saphyr rejects; the property tests count those cases (none so
//!   far) and fail on the reverse, ours rejecting a text saphyr reads.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "compose_yaml_differential/saphyr_events.rs"]
mod saphyr_events;
#[path = "support/shared.rs"]
mod shared;
#[path = "support/walk.rs"]
mod walk;

use devcontainer_doctor::syntax::compose::yaml::{self, Event, EventStream as Stream};
use devcontainer_doctor::text::TextRange;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::fs;
use std::path::{Path, PathBuf};

const SYNTAX: &str = "compose-yaml-syntax";

fn ours(text: &str) -> Stream {
    let stream = yaml::events(text);
    load_agrees(text, &stream);
    stream
}

fn reference(text: &str) -> Stream {
    saphyr_events::events(text)
}

/// `load` builds its tree from exactly these events: it reports a syntax error where they
/// stop at one, and with no error of any kind it has one node per scalar and collection (an
/// alias points at its anchored node) and one root per document.
fn load_agrees(text: &str, (events, error): &Stream) {
    let y = yaml::load(text);
    let syntax = y.errors.iter().find(|e| e.code == SYNTAX);
    assert_eq!(
        syntax.map(|e| e.range.start),
        error.as_ref().map(|e| e.0),
        "load's syntax error and the events' in {text:?}"
    );
    if y.errors.is_empty() {
        let count = |f: fn(&Event) -> bool| events.iter().filter(|(e, _)| f(e)).count();
        let nodes = count(|e| {
            matches!(
                e,
                Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
            )
        });
        assert_eq!(
            y.nodes.len(),
            nodes,
            "load's nodes and the events in {text:?}"
        );
        let docs = count(|e| matches!(e, Event::DocumentStart));
        assert_eq!(
            y.docs.len(),
            docs,
            "load's documents and the events in {text:?}"
        );
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Same,
    /// Saphyr rejects the text, ours reads it.
    OnlySaphyrRejects,
    /// Ours rejects a text saphyr reads: the failure that matters most.
    OnlyOursRejects(usize),
    /// Both reject it, at different places or after different events.
    BothRejectDiffering,
    /// Both read it, into different events.
    Differ(String),
    /// A text where saphyr's positions are wrong (see [`saphyr_miscounts`]).
    NotCompared,
}

/// Saphyr counts a directive's name and parameters in bytes where it means characters: after
/// a `%` line that is not ASCII, its positions are off by the extra bytes.
fn saphyr_miscounts(text: &str) -> bool {
    text.lines()
        .map(|line| line.trim_start_matches('\u{feff}'))
        .any(|line| line.starts_with('%') && !line.is_ascii())
}

/// The events as the tree builder reads them: it never looks at where a document starts (saphyr
/// spans the document's first token there, with its own conventions for tokens).
fn as_read((events, error): Stream) -> Stream {
    let events = events
        .into_iter()
        .map(|(e, r)| match e {
            Event::DocumentStart => (e, TextRange::empty(0)),
            _ => (e, r),
        })
        .collect();
    (events, error)
}

fn compare(text: &str) -> Outcome {
    if saphyr_miscounts(text) {
        return Outcome::NotCompared;
    }
    let (a, b) = (as_read(ours(text)), as_read(reference(text)));
    match (&a.1, &b.1) {
        (None, Some(_)) => return Outcome::OnlySaphyrRejects,
        (Some(at), None) => return Outcome::OnlyOursRejects(at.0),
        (Some(x), Some(y)) if x.0 != y.0 || a.0 != b.0 => return Outcome::BothRejectDiffering,
        _ => {}
    }
    if a.0 == b.0 {
        return Outcome::Same;
    }
    let first =
        a.0.iter()
            .zip(&b.0)
            .position(|(x, y)| x != y)
            .unwrap_or(a.0.len().min(b.0.len()));
    Outcome::Differ(format!(
        "first differing event {first} (of {} / {}):\n  ours:   {:?}\n  saphyr: {:?}",
        a.0.len(),
        b.0.len(),
        a.0.get(first),
        b.0.get(first),
    ))
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    walk::files_with_extension(dir, &["yaml", "yml"], out);
}

fn check_files(files: &[PathBuf]) -> usize {
    let mut failures = Vec::new();
    for path in files {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let outcome = compare(&text);
        if outcome != Outcome::Same {
            failures.push(format!("{}: {outcome:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    files.len()
}

#[test]
fn every_corpus_compose_file_reads_the_same() {
    let Some(corpus) = shared::dir("corpus") else {
        return;
    };
    let mut files = Vec::new();
    yaml_files(&corpus, &mut files);
    assert!(
        files.len() >= 50,
        "only {} YAML files in the corpus",
        files.len()
    );
    let n = check_files(&files);
    println!("{n} corpus YAML files read the same");
}

#[test]
fn every_yaml_fixture_reads_the_same() {
    let mut files = Vec::new();
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    assert!(!files.is_empty());
    let n = check_files(&files);
    println!("{n} fixture YAML files read the same");
}

/// Each construct of YAML 1.2 that Compose files use, and the corners of each.
const SNIPPETS: &[&str] = &[
    "",
    "a: 1\n",
    "a: 1",
    "a:\n  b: c\n  d: e\nf: g\n",
    "a:\n- x\n- y\nb: z\n",
    "a:\n  - x\n  - y\n",
    "- - x\n  - y\n- z\n",
    "- a: 1\n  b: 2\n- c: 3\n",
    "- key: v\n  list:\n  - 1\n  - 2\n",
    "a: [x, y]\nb: {c: 1, d: 2}\n",
    "a: [x, [y, z], {k: v}]\n",
    "a: [\n  x,\n  y,\n]\nb: {\n  c: 1,\n}\n",
    "a: [x, y,]\n",
    "a: {c: 1,}\n",
    "a: []\nb: {}\n",
    "a: [b: c, d]\n",
    "a: [? b : c]\n",
    "a: {b, c: d}\n",
    "a: {\"b\":1, 'c':[2]}\n",
    "a: [\"x\":y]\n",
    "a: [x]  # trailing\n",
    "url: http://x:80/path\nenv: ${VAR:-default}\nport: \"8080:80\"\n",
    "a: b:c\nd: e#f\ng: h # comment\n",
    "a: plain text\n  folded on\n  three lines\n",
    "a: one\n\n  two after an empty line\n",
    "- plain\n  continued\n",
    "a: 'single ''quoted'' text'\n",
    "a: 'folded\n  single\n\n  quoted'\n",
    "a: \"esc \\n \\t \\\" \\\\ \\x41 \\u00e9 \\U0001F600 \\/ \\0 \\a \\e \\N \\_\"\n",
    "a: \"folded\n  double \\\n  escaped break\"\n",
    "a: \"x\"   # comment after a quoted value\n",
    "a: |\n  line 1\n  line 2\nb: c\n",
    "a: |-\n  stripped\n\nb: c\n",
    "a: |+\n  kept\n\n\nb: c\n",
    "a: >\n  folded\n  text\n\n  para\n    indented\n  back\n",
    "a: >-\n  x\n",
    "a: |2\n   two plus one\n",
    "a: |1-\n  x\n",
    "- |\n  in a list\n- >+\n  kept\n",
    "a: |\n",
    "a: |\n  x",
    "a: |\n\n  after empty\n",
    "a: | # comment\n  x\n",
    "# only a comment\n",
    "a: 1 # c\n# between\nb: 2\n",
    "base: &b\n  x: 1\nuse: *b\n",
    "x-base: &base {image: a, user: me}\nservices:\n  app:\n    <<: *base\n    user: you\n",
    "a: &anchor value\nb: *anchor\n",
    "a: !reset []\nb: !override {x: 1}\nc: !!str 1\nd: !local x\n",
    "a: !reset\nb: &x !!null\n",
    "a: !<tag:yaml.org,2002:str> x\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "%YAML 1.2\n---\na: 1\n",
    "---\na: 1\n...\n---\nb: 2\n",
    "--- a\n--- b\n",
    "---\n",
    "...\n",
    "a: 1\n---\n",
    "a:\nb: ~\nc: null\n",
    "? a\n: b\n? c\n",
    "? - x\n  - y\n: z\n",
    "\u{feff}a: 1\n",
    "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\n",
    "a: |\r\n  x\r\n  y\r\nb: 2\r\n",
    "a:\tb\n",
    "a: b\t# tab before comment\n",
    "a: [x,\ty]\n",
    "a:\n  b: 1\n\t\n  c: 2\n",
    "\"quoted key\": 1\n'single': 2\n",
    "é: ü\nservices:\n  日本: {image: \"😀\"}\n",
    "a: -1\nb: - x\n",
    "- -x\n- -\n",
    "a: :x\nb: ?y\n",
    "a: x: y\n",
    "a:\n  - b\n  -\n  - c\n",
    "a: [[[[x]]]]\n",
    "key with spaces: value with spaces\n",
    "a: 'x' \nb: \"y\"\t\n",
    "a:    \n  b\n",
    "-\n  a: 1\n",
    "a: &x\n  - 1\nb: *x\n",
    "&a a: b\n*a : c\n",
    "a: &x 1\n---\nb: *x\n",
    "a: !!binary |\n  aGVsbG8=\n",
    "%TAG ! tag:example.com,2000:\n---\na: !y 1\n",
    "? [a, b]\n: c\n? |\n  block key\n: v\n",
    "a: 1\n...\n# comment\n---\nb: 2\n...\n",
    "a:\n  # comment\n  b: 1 # c\n  # end\n",
    "x: &a [1, 2]\ny: {<<: {k: v}, z: *a}\n",
    "services:\n  app:\n    command: [\"sh\", \"-c\", \"echo ${A:-x}\"]\n    environment:\n      - A=1\n      - B\n",
];

#[test]
fn snippets_read_the_same() {
    let failures: Vec<String> = SNIPPETS
        .iter()
        .filter_map(|s| match compare(s) {
            Outcome::Same => None,
            other => Some(format!("{s:?}: {other:?}")),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Texts that are not YAML: both must report a syntax error.
const BROKEN: &[&str] = &[
    "a: [b\n",
    "a: {b: c\n",
    "a: \"unclosed\n",
    "a: 'unclosed\n",
    "services:\n\tapp:\n",
    "a: b\n c: d\n",
    "a:\n  - b\n c\n",
    "]\n",
    "a: *missing\n",
    "a: \"\\q\"\n",
    "a: |0\n  x\n",
    "a: @x\n",
    "%YAML 1.2\n%YAML 1.2\n---\n",
    "a: !e!x 1\n",
    "a: 1\n- b\n",
    "a\0b: c\n",
];

#[test]
fn broken_snippets_are_errors_in_both() {
    for s in BROKEN {
        let (a, b) = (ours(s), reference(s));
        assert!(
            a.1.is_some() && b.1.is_some(),
            "{s:?}: ours {:?}, saphyr {:?}",
            a.1,
            b.1
        );
    }
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\n",
        "\n",
        "\n",
        " ",
        "  ",
        "    ",
        "- ",
        "- ",
        "key: ",
        "k: ",
        "a",
        "b c",
        "1",
        ":",
        ": ",
        "'",
        "\"",
        "''",
        "\\",
        "\\n",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ",",
        "|",
        "|-",
        ">",
        ">+",
        "|2",
        "&a ",
        "*a",
        "&b ",
        "*b",
        "!reset ",
        "!!str ",
        "!x ",
        "#",
        " # c",
        "\t",
        "\r\n",
        "---\n",
        "...\n",
        "? ",
        "é",
        "😀",
        "\u{feff}",
        "%YAML 1.2\n",
        "${V:-d}",
        "http://x:80",
        "<<: ",
        "~",
        "-",
        "?",
        "%",
    ])
}

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

#[derive(Clone, Debug)]
enum Tree {
    Leaf(&'static str),
    Map(Vec<(&'static str, Tree)>),
    Seq(Vec<Tree>),
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop::sample::select(vec![
        "a",
        "x y",
        "'q'",
        "\"d\\n\"",
        "1",
        "~",
        "[a, b]",
        "{k: v}",
        "*a",
        "&b v",
        "!reset x",
        "http://h:80",
        "${A:-b}",
        "\"8080:80\"",
        "",
        "v # c",
        "[a,\n  b]",
        "!!str",
        "'it''s'",
        "|\n",
        ">-\n",
        "é😀",
        "a:b",
        "-x",
        "[]",
        "{}",
        "!override [x]",
    ])
    .prop_map(Tree::Leaf);
    let key = prop::sample::select(vec!["k", "key two", "'q'", "\"d\"", "<<", "1", "é", "? c"]);
    leaf.prop_recursive(4, 40, 5, move |inner| {
        prop_oneof![
            prop::collection::vec((key.clone(), inner.clone()), 1..5).prop_map(Tree::Map),
            prop::collection::vec(inner, 1..5).prop_map(Tree::Seq),
        ]
    })
}

/// Block style, `step` spaces a level; sequences under a key sometimes at the key's indent.
fn render(node: &Tree, indent: usize, step: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match node {
        Tree::Leaf(s) => {
            // A block scalar's header needs its content lines, indented below it.
            out.push_str(s);
            if s.ends_with('\n') {
                out.push_str(&format!("{pad}{}text\n", " ".repeat(step)));
            } else {
                out.push('\n');
            }
        }
        Tree::Map(entries) => {
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(&pad);
                }
                let k = if *k == "? c" { "c" } else { k };
                match v {
                    Tree::Leaf(s) => {
                        out.push_str(&format!("{k}: "));
                        render(&Tree::Leaf(s), indent, step, out);
                    }
                    Tree::Seq(_) if indent.is_multiple_of(2) => {
                        out.push_str(&format!("{k}:\n{pad}"));
                        render(v, indent, step, out);
                    }
                    _ => {
                        out.push_str(&format!("{k}:\n{pad}{}", " ".repeat(step)));
                        render(v, indent + step, step, out);
                    }
                }
            }
        }
        Tree::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&pad);
                }
                out.push_str("- ");
                render(item, indent + 2, step, out);
            }
        }
    }
}

/// Texts that mostly are YAML: random trees in block style, an anchor defined first.
fn structured() -> impl Strategy<Value = String> {
    (
        tree(),
        prop::sample::select(vec![1usize, 2, 4]),
        any::<bool>(),
    )
        .prop_map(|(t, step, crlf)| {
            let mut text = String::from("anchor: &a v\nroot:\n");
            text.push_str(&" ".repeat(step));
            render(&t, step, step, &mut text);
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

fn valid_ranges(text: &str) {
    let y = yaml::load(text);
    let ranges = y
        .nodes
        .iter()
        .map(|n| n.range)
        .chain(y.errors.iter().map(|e| e.range));
    for r in ranges {
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} in {text:?}"
        );
    }
}

/// Runs `cases` random texts; returns how many only saphyr rejected, and fails on any other
/// difference.
fn differential(strategy: impl Strategy<Value = String>, cases: u32) -> (u32, u32, u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let only_saphyr = std::cell::Cell::new(0);
    let both = std::cell::Cell::new(0);
    let read = std::cell::Cell::new(0);
    let result = runner.run(&strategy, |text| {
        valid_ranges(&text);
        match compare(&text) {
            Outcome::Same => {
                if reference(&text).1.is_none() {
                    read.set(read.get() + 1);
                }
            }
            Outcome::OnlySaphyrRejects => only_saphyr.set(only_saphyr.get() + 1),
            Outcome::NotCompared => {}
            Outcome::BothRejectDiffering => {
                if std::env::var("SHOW_DIFF").is_ok() && both.get() < 8 {
                    println!(
                        "{text:?}\n  ours {:?}\n  saphyr {:?}",
                        ours(&text),
                        reference(&text)
                    );
                }
                both.set(both.get() + 1);
            }
            other => prop_assert!(false, "{text:?}: {other:?}"),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    (read.get(), only_saphyr.get(), both.get())
}

#[test]
fn random_yamlish_text_reads_the_same_where_saphyr_reads_it() {
    let (read, only_saphyr, both) = differential(yamlish(), 10_000);
    println!(
        "random pieces: {read} read alike, {only_saphyr} rejected by saphyr only, {both} rejected by both at different places"
    );
}

#[test]
fn random_block_structure_reads_the_same_where_saphyr_reads_it() {
    let (read, only_saphyr, both) = differential(structured(), 3000);
    println!(
        "random structure: {read} read alike, {only_saphyr} rejected by saphyr only, {both} rejected by both at different places"
    );
}

/// The corpus and fixture YAML files, for mutating.
fn seed_texts() -> Vec<String> {
    let mut files = Vec::new();
    if let Some(corpus) = shared::dir("corpus") {
        yaml_files(&corpus, &mut files);
    }
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    files
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect()
}

/// `text` with `len` bytes at `at` replaced by `insert` (both moved to char boundaries).
fn mutate(text: &str, at: usize, len: usize, insert: &str) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at % (text.len() + 1));
    let end = floor(start + len);
    format!("{}{insert}{}", &text[..start], &text[end..])
}

#[test]
fn mutated_real_files_read_the_same_where_saphyr_reads_them() {
    let seeds = seed_texts();
    assert!(!seeds.is_empty());
    let strategy = (
        prop::sample::select(seeds),
        prop::collection::vec((any::<usize>(), 0..4usize, piece()), 1..4),
    )
        .prop_map(|(text, edits)| {
            edits
                .into_iter()
                .fold(text, |t, (at, len, insert)| mutate(&t, at, len, insert))
        });
    let (read, only_saphyr, both) = differential(strategy, 3000);
    println!(
        "mutated files: {read} read alike, {only_saphyr} rejected by saphyr only, {both} rejected by both at different places"
    );
}
