//! Property tests: arbitrary text and mutated real files never panic, and every range that
//! comes back lies inside the document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use support::check_all_calls;

/// Real files to mutate: the corpus when `../shared` is present, and the rule fixtures.
fn seed_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = match support::corpus::load() {
        Some(files) => files.into_iter().map(|f| f.text).collect(),
        None => {
            eprintln!("mutating the rule fixtures only");
            Vec::new()
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                paths.push(path);
            }
        }
    }
    paths.sort();
    texts.extend(paths.iter().filter_map(|p| fs::read_to_string(p).ok()));
    texts
}

fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(seed_files)
}

/// Characters that matter to JSONC, plus multi-byte ones that shift UTF-16 columns.
fn jsonish_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '{', '}', '[', ']', ',', ':', '"', '\'', '\\', '/', '*', ' ', '\n', '\r', '\t', '0', '1',
        '-', '+', '.', 'e', 'x', 't', 'r', 'u', 'n', 'l', 'a', '$', '\0', '\u{feff}', '注', '😀',
        'é',
    ])
}

fn utf16_offsets(text: &str) -> Vec<u32> {
    let len = text.encode_utf16().count() as u32;
    vec![0, len / 3, len / 2, len.saturating_sub(1), len, len + 5]
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::collection::vec(jsonish_char(), 1..6)).prop_map(|(at, cs)| {
            Mutation::Insert {
                at,
                text: cs.into_iter().collect(),
            }
        }),
        (any::<usize>(), 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, m: &Mutation) {
    if text.is_empty() {
        if let Mutation::Insert { text: t, .. } = m {
            text.push_str(t);
        }
        return;
    }
    match m {
        Mutation::Delete { at, len } | Mutation::Duplicate { at, len } => {
            let start = floor_boundary(text, at % text.len());
            let end = floor_boundary(text, start + len);
            let slice = text[start..end].to_string();
            if matches!(m, Mutation::Delete { .. }) {
                text.replace_range(start..end, "");
            } else {
                text.insert_str(end, &slice);
            }
        }
        Mutation::Insert { at, text: t } => {
            let at = floor_boundary(text, at % (text.len() + 1));
            text.insert_str(at, t);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let problems = check_all_calls(&text, &utf16_offsets(&text));
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn jsonish_text_never_panics(chars in prop::collection::vec(jsonish_char(), 0..300)) {
        let text: String = chars.into_iter().collect();
        let problems = check_all_calls(&text, &utf16_offsets(&text));
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn mutated_real_files_never_panic(pick in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let seeds = seeds();
        prop_assume!(!seeds.is_empty());
        let mut text = seeds[pick % seeds.len()].clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        let problems = check_all_calls(&text, &utf16_offsets(&text));
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}

/// 300 cases per property by default; `PROPTEST_CASES=N` runs a longer fuzzing session.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}
