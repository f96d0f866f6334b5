//! The scanner against the one it replaced, jsonc-parser's, in the strict mode the lexer used:
//! the same tokens with the same ranges and decoded strings, errors at the same place with the
//! same escape message. After an error both go on from the next char, so one bad token does
//! not end the comparison. Inputs: every corpus file, the fixtures, and random JSON-like text.

use super::{Scanner, Token};
use crate::syntax::jsonc::lexer::TokKind;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::tokens::Token as Theirs;
use jsonc_parser::{ParseStringErrorKind, ScannerOptions};
use proptest::prelude::*;

/// What one scan gave, in terms both scanners share.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Token(TokKind, usize, usize),
    String(String, usize, usize),
    Comment(usize, usize),
    Error(usize, Option<String>),
    End,
}

fn strict() -> ScannerOptions {
    ScannerOptions {
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Past an error: the next char after where the bad token began.
fn after(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

fn ours(text: &str) -> Vec<Step> {
    let mut scanner = Scanner::new(text, 0);
    let mut steps = Vec::new();
    loop {
        let scanned = scanner.scan();
        let (start, end) = (scanner.token_start(), scanner.token_end());
        steps.push(match scanned {
            Ok(None) => Step::End,
            Ok(Some(Token::Plain(kind))) => Step::Token(kind, start, end),
            Ok(Some(Token::String(s))) => {
                Step::String(scanner.strings[s.start..s.end].to_string(), start, end)
            }
            Ok(Some(Token::Comment)) => Step::Comment(start, end),
            Err(e) => {
                scanner.restart(after(text, start));
                Step::Error(start, e.escape)
            }
        });
        if steps.last() == Some(&Step::End) {
            return steps;
        }
    }
}

fn theirs(text: &str) -> Vec<Step> {
    let options = strict();
    let mut base = 0;
    let mut scanner = jsonc_parser::Scanner::new(text, &options);
    let mut steps = Vec::new();
    loop {
        let scanned = scanner.scan();
        let (start, end) = (base + scanner.token_start(), base + scanner.token_end());
        let plain = |kind| Step::Token(kind, start, end);
        steps.push(match scanned {
            Ok(None) => Step::End,
            Ok(Some(token)) => match token {
                Theirs::OpenBrace => plain(TokKind::LBrace),
                Theirs::CloseBrace => plain(TokKind::RBrace),
                Theirs::OpenBracket => plain(TokKind::LBracket),
                Theirs::CloseBracket => plain(TokKind::RBracket),
                Theirs::Comma => plain(TokKind::Comma),
                Theirs::Colon => plain(TokKind::Colon),
                Theirs::Number(_) => plain(TokKind::Number),
                Theirs::Boolean(true) => plain(TokKind::True),
                Theirs::Boolean(false) => plain(TokKind::False),
                Theirs::Null => plain(TokKind::Null),
                Theirs::Word(_) => plain(TokKind::Word),
                Theirs::String(s) => Step::String(s.into_owned(), start, end),
                Theirs::CommentLine(_) | Theirs::CommentBlock(_) => Step::Comment(start, end),
            },
            Err(e) => {
                let escape = match e.kind() {
                    ParseErrorKind::String(ParseStringErrorKind::UnterminatedStringLiteral) => None,
                    ParseErrorKind::String(kind) => Some(kind.to_string()),
                    _ => None,
                };
                base = after(text, start);
                scanner = jsonc_parser::Scanner::new(&text[base..], &options);
                Step::Error(start, escape)
            }
        });
        if steps.last() == Some(&Step::End) {
            return steps;
        }
    }
}

fn assert_same(text: &str, what: &str) {
    let (a, b) = (ours(text), theirs(text));
    if a != b {
        let at = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        panic!(
            "{what}: step {at} differs: ours {:?}, jsonc-parser {:?}",
            a.get(at),
            b.get(at)
        );
    }
}

#[test]
fn tricky_texts_scan_alike() {
    let texts = [
        "",
        " \t\r\n\u{b}\u{c}\u{a0}\u{2028}{}",
        "[1, -0, 01, 1.5e+3, 1e, 1., -, -x, +1, .5, 0x1F, -.5]",
        "true false null nullable true-x true_x true$ trueé true😀 -Infinity NaN Infinity",
        "foo $a a-b_c é日本 a,b a}b 😀 # ( \u{1} \u{7f}",
        "// c\r\n/* b */ /* open",
        "/x /",
        r#""plain" "esc \" \\ \/ \b \f \n \r \t" "\u00e9\ud83d\ude00" "\q" "\'" "\u12" "\u12g4""#,
        r#""\ud83d" "\ud83dx" "\ud83d\u0041" "\ude00" "\uD83D\uDE00" "\ud83d\u12""#,
        "\"line\nbreak\" \"open",
        "\"é\\é\" \"tab\there\" \"a\\",
        "'single' 'x",
        "\u{feff}{}",
        "{\"a\":1,}",
        "\"\\u00\u{e9}9\"",
    ];
    for text in texts {
        assert_same(text, &format!("{text:?}"));
    }
}

#[test]
fn corpus_and_fixtures_scan_alike() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let corpus = root.join("../../shared/corpus/real");
    match std::fs::read_dir(&corpus) {
        Ok(dir) => files.extend(dir.flatten().map(|e| e.path())),
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("../shared/corpus/real is missing, and CI=true needs it")
        }
        Err(_) => eprintln!("skipped the corpus: ../shared/corpus/real is absent"),
    }
    let mut stack = vec![root.join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "json" || e == "jsonc")
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "{} files", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert_same(
            &String::from_utf8_lossy(&bytes),
            &path.display().to_string(),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn random_text_scans_alike(text in r#"[\{\}\[\],:"'\\/*\-+.0-9eExuUdDaf tnrl$_é日😀\u{a0}\n\r\t\u{b}#]{0,40}"#) {
        assert_same(&text, &format!("{text:?}"));
    }
}
