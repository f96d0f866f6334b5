//! Property tests for the Dockerfile reader: arbitrary bytes, Dockerfile-shaped text and
//! mutated real Dockerfiles never panic, every range lies inside the text on character
//! boundaries, instructions come in order without overlapping, and the stage questions
//! (`target_stage`, `base_image`, `expand_global`) always answer.

use crate::support::dockerfile::{corpus, range_problems};
use devcontainer_doctor::sorted::SortedMap;
use devcontainer_doctor::syntax::dockerfile::{DockerfileFile, Var, expand, parse, unquote};
use proptest::prelude::*;

/// Real Dockerfiles to mutate (the corpus when present) plus shapes the corpus may lack.
fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut texts: Vec<String> = corpus().unwrap_or_default().into_iter().map(|f| f.text).collect();
        texts.extend(
            [
                "# syntax=docker/dockerfile:1\n# escape=`\nFROM a AS b\nRUN x `\n  y\n",
                "ARG V=1\nFROM golang:${V:-2} AS dev\nRUN <<-EOF 3<<'X'\n\tEOF\nX\nCOPY --from=dev <<A /a\nA\n",
                "FROM a\r\nENV A=1 \\\r\n  # c\r\n  B=\"2 3\"\r\nCMD [\"a\", \"b\\u00e9\"]\r\n",
            ]
            .map(String::from),
        );
        texts
    })
}

/// Characters that matter to the reader, plus multi-byte ones.
fn docker_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'F', 'R', 'O', 'M', 'U', 'N', 'A', 'S', ' ', '\t', '\n', '\r', '\\', '`', '#', '=', '<',
        '-', '"', '\'', '$', '{', '}', ':', '+', '[', ']', ',', 'e', 's', 'c', 'a', 'p', 'y', 'n',
        't', 'x', '1', '\0', '\u{feff}', '\u{85}', '\u{a0}', '注', '😀',
    ])
}

fn words() -> Vec<&'static str> {
    vec![
        "FROM ",
        "RUN ",
        "COPY ",
        "ARG ",
        "ENV ",
        " AS ",
        "<<EOF",
        "\nEOF\n",
        "<<-",
        "${",
        ":-",
        "}",
        " \\\n",
        "# escape=`\n",
        "[\"",
        "\"]",
        "--from=",
        "\r\n",
    ]
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let f = parse(text);
    let problems = range_problems(text, &f);
    prop_assert!(problems.is_empty(), "{:?}", problems);
    ordered(&f)?;
    let none = SortedMap::new();
    let given: SortedMap<String, String> = [("V", "1"), ("TARGETARCH", "amd64")]
        .map(|(k, v)| (k.into(), v.into()))
        .into_iter()
        .collect();
    for s in &f.stages {
        let _ = f.base_image(s.index, &none);
        let _ = f.base_image(s.index, &given);
        prop_assert!(f.target_stage(s.name.as_deref()).is_some());
    }
    let _ = f.target_stage(None);
    let _ = f.expand_global(text, &given);
    Ok(())
}

fn ordered(f: &DockerfileFile) -> Result<(), TestCaseError> {
    for pair in f.instructions.windows(2) {
        prop_assert!(
            pair[0].range.end <= pair[1].range.start,
            "{:?} then {:?}",
            pair[0].range,
            pair[1].range
        );
    }
    for i in &f.instructions {
        prop_assert!(i.range.contains_range(i.keyword_range));
        prop_assert!(i.range.contains_range(i.args_range));
    }
    Ok(())
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn dockerfile_shaped_text(parts in prop::collection::vec(prop_oneof![
        docker_char().prop_map(String::from),
        prop::sample::select(words()).prop_map(String::from),
    ], 0..200)) {
        let text: String = parts.concat();
        check(&text)?;
        let lookup = |name: &str| if name.len().is_multiple_of(2) { Var::Set(name.into()) } else { Var::Unset };
        let _ = expand(&text, '\\', &lookup);
        let _ = unquote(&text, '`');
    }

    #[test]
    fn mutated_real_dockerfiles(pick in any::<usize>(), edits in prop::collection::vec((any::<usize>(), 0usize..30, prop::collection::vec(docker_char(), 0..6)), 1..6)) {
        let seeds = seeds();
        let mut text = seeds[pick % seeds.len()].clone();
        for (at, del, insert) in &edits {
            let start = floor(&text, at % (text.len() + 1));
            let end = floor(&text, start + del);
            text.replace_range(start..end, &insert.iter().collect::<String>());
        }
        check(&text)?;
    }
}

/// 300 cases per property by default; `PROPTEST_CASES=N` runs a longer session.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}
