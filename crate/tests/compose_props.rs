//! Property tests for the Compose reader: arbitrary YAML-ish text and mutated real Compose files
//! never panic, and every range that comes back lies inside the text on character boundaries.

use devcontainer_doctor::syntax::compose::{CommandForm, ComposeFile, Str, merge, parse};
use devcontainer_doctor::text::TextRange;
use proptest::prelude::*;

const SEED: &str = "x-base: &base\n  image: golang:${GO:-1.22}\nservices:\n  app:\n    <<: *base\n    build:\n      context: ..\n      args: [A=1]\n    cap_add: [SYS_PTRACE]\n    environment:\n      - CGO_ENABLED=0\n    env_file: .env\n    ports: [\"2345:2345\", {target: 80}]\n    command: [\"dlv\", \"debug\"]\n    volumes:\n      - ..:/workspace\n    user: \"é😀\"\n";

fn yamlish_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        ':', '-', ' ', ' ', '\n', '\r', '\t', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>',
        '\'', '"', '#', '%', '@', '?', '~', '\\', '<', '$', '0', 'a', 'b', '\u{feff}', '中', '😀',
    ])
}

fn ranges(f: &ComposeFile) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = f.errors.iter().map(|e| e.range).collect();
    let mut strs: Vec<&Str> = Vec::new();
    for s in &f.services {
        out.push(s.name_range);
        strs.extend(s.image.iter().chain(&s.user).chain(&s.privileged));
        strs.extend(
            s.cap_add
                .iter()
                .chain(&s.security_opt)
                .chain(&s.env_file)
                .chain(&s.profiles),
        );
        for v in s
            .environment
            .iter()
            .chain(s.build.iter().flat_map(|b| &b.args))
        {
            out.extend([v.name_range, v.range]);
            strs.extend(&v.value);
        }
        for e in s.ports.iter().chain(&s.volumes) {
            out.push(e.range);
            strs.extend(&e.short);
            strs.extend(e.fields.iter().flat_map(|(k, v)| [k, v]));
        }
        for c in s.command.iter().chain(&s.entrypoint) {
            out.push(c.range);
            match &c.form {
                CommandForm::Shell(x) => strs.push(x),
                CommandForm::Exec(xs) => strs.extend(xs),
            }
        }
        if let Some(b) = &s.build {
            out.push(b.range);
            strs.extend(b.context.iter().chain(&b.dockerfile).chain(&b.target));
        }
    }
    out.extend(strs.iter().map(|s| s.range));
    out
}

fn check(text: &str) {
    let f = parse(text);
    for r in ranges(&f) {
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?}"
        );
    }
    let m = merge([&f, &f]);
    assert_eq!(m.services.len(), f.services.len());
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(chars in prop::collection::vec(yamlish_char(), 0..200)) {
        let text: String = chars.into_iter().collect();
        check(&text);
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,120}") {
        check(&text);
    }

    #[test]
    fn mutated_compose_never_panics(
        edits in prop::collection::vec(
            (any::<usize>(), 0usize..8, prop::collection::vec(yamlish_char(), 0..4)), 1..6)
    ) {
        let mut text = SEED.to_string();
        for (at, del, ins) in edits {
            let start = floor(&text, at);
            let end = floor(&text, start + del).max(start);
            let ins: String = ins.into_iter().collect();
            text.replace_range(start..end, &ins);
        }
        check(&text);
    }
}
