//! A space before `,`, `}` or `]` changes no syntax error: the lexer reads a bare word, a bad
//! number and any junk the same whether punctuation or whitespace ends it. The fuzzer found a
//! safe fix (removing a trailing comma) that changed an error this way.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking"
)]

use devcontainer_doctor::syntax::parse;
use proptest::prelude::*;

/// Pieces that each close what they open (strings, comments), so that a space between two of
/// them never lands inside a literal.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"a\"", "\"k\"", "user", "über", "x$1", "1", "-2", "+1",
    "us.er", "0x1F", "true", "nul", "'x'", "// c\n", " ", "\n", "\t",
];

/// The messages of every syntax error, in order, without their positions.
fn messages(text: &str) -> Vec<String> {
    parse(text).errors.into_iter().map(|e| e.message).collect()
}

fn join(pieces: &[usize], spaced: bool) -> String {
    let mut text = String::new();
    for &i in pieces {
        let piece = PIECES[i];
        if spaced && matches!(piece, "," | "}" | "]") {
            text.push(' ');
        }
        text.push_str(piece);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_space_before_punctuation_changes_no_error(pieces in proptest::collection::vec(0..PIECES.len(), 1..24)) {
        let tight = join(&pieces, false);
        let spaced = join(&pieces, true);
        prop_assert_eq!(messages(&tight), messages(&spaced), "{:?} against {:?}", tight, spaced);
    }
}
