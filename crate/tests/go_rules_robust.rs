//! The Go rules while the user types: every prefix of every Go fixture, and random soups of
//! Go-flavoured fragments, must analyze without panicking, and every fix must edit inside the
//! text on char boundaries and, on a text without syntax errors, add none (whatever its rule).
//! Fix soundness for every rule on every fixture and the corpus: `rule_fixtures.rs`, `corpus.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::apply_edits;
use proptest::prelude::*;
use std::fs;
use std::path::Path;

fn check_fixes_are_sound(text: &str) {
    let analysis = analyze(text);
    let clean = analysis.tree.errors.is_empty();
    for d in analysis.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len());
        for fix in &d.fixes {
            for edit in &fix.edits {
                assert!(
                    edit.range.end <= text.len(),
                    "{}: edit past the end",
                    d.code
                );
                assert!(
                    text.is_char_boundary(edit.range.start)
                        && text.is_char_boundary(edit.range.end)
                );
            }
            let (fixed, applied) = apply_edits(text, &fix.edits);
            assert_eq!(applied, fix.edits.len(), "{}: overlapping edits", d.code);
            if clean {
                let errors = analyze(&fixed).tree.errors;
                assert!(
                    errors.is_empty(),
                    "{}: fix broke {text:?} into {fixed:?}",
                    d.code
                );
            }
        }
    }
}

#[test]
fn every_prefix_of_the_go_fixtures_is_analyzed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut checked = 0;
    for code_dir in fs::read_dir(&root).unwrap().filter_map(Result::ok) {
        if !code_dir.file_name().to_string_lossy().starts_with("go-") {
            continue;
        }
        for sub in ["valid", "invalid"] {
            let Ok(entries) = fs::read_dir(code_dir.path().join(sub)) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                // Folder fixtures (a workspace with its Dockerfile) are checked by rule_fixtures.
                if entry.path().is_dir() {
                    continue;
                }
                let text = fs::read_to_string(entry.path()).unwrap();
                for (i, _) in text.char_indices() {
                    check_fixes_are_sound(&text[..i]);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10);
}

const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    " ",
    "\n",
    "\\\"",
    "'",
    "é",
    "😀",
    "\"image\"",
    "\"golang:1.22-alpine\"",
    "\"capAdd\"",
    "\"SYS_PTRACE\"",
    "\"runArgs\"",
    "\"--cap-add\"",
    "\"features\"",
    "\"ghcr.io/devcontainers/features/go:1\"",
    "\"customizations\"",
    "\"vscode\"",
    "\"extensions\"",
    "\"ms-vscode.go\"",
    "\"golang.go\"",
    "\"settings\"",
    "\"go.testFlags\"",
    "\"-race\"",
    "\"containerEnv\"",
    "\"CGO_ENABLED\"",
    "\"0\"",
    "\"forwardPorts\"",
    "2345",
    "\"appPort\"",
    "\"postStartCommand\"",
    "\"dlv debug --headless --continue --listen=:2345 --addr=x\"",
    "\"dlv\"",
    "\"--listen\"",
    "\"-l\"",
    "\":2345\"",
    "\"--continue\"",
    "\"--headless\"",
    "\"bash -c 'dlv -l :2345'\"",
    "\"CGO_ENABLED=0 go test -race\"",
    "\"dockerComposeFile\"",
    "// c\n",
    "/* c */",
    "\"go.useLanguageServer\"",
    "false",
    "\"go.docsTool\"",
    "\"--addr\"",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn fragment_soups_never_panic(parts in prop::collection::vec(0..FRAGMENTS.len(), 0..60)) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        check_fixes_are_sound(&text);
    }
}

/// Members a Go config may have; a random subset, in a random layout, makes a valid file.
const MEMBERS: &[&str] = &[
    r#""image": "golang:1.22""#,
    r#""image": "golang:1.22-alpine""#,
    r#""capAdd": []"#,
    r#""capAdd": ["NET_ADMIN"]"#,
    r#""features": {"ghcr.io/devcontainers/features/go:1": {}}"#,
    r#""customizations": {"vscode": {"extensions": ["golang.go", "ms-vscode.Go"]}}"#,
    r#""forwardPorts": [2345]"#,
    r#""postStartCommand": "dlv debug --headless --continue --listen=:2345 ./cmd""#,
    r#""postAttachCommand": ["dlv", "exec", "./app", "--headless", "--continue", "--addr", ":2345"]"#,
    r#""containerEnv": {"CGO_ENABLED": "0"}"#,
    r#""postCreateCommand": "go test -race ./...""#,
];

fn layout(members: &[usize], pretty: bool, comments: bool, trailing: bool) -> String {
    let sep = if pretty { "\n\t" } else { " " };
    let mut out = String::from("{");
    for (n, &i) in members.iter().enumerate() {
        out.push_str(sep);
        out.push_str(MEMBERS[i]);
        if n + 1 < members.len() || trailing {
            out.push(',');
        }
        if comments && pretty {
            out.push_str(" // note");
        }
    }
    out.push_str(if pretty { "\n}\n" } else { " }" });
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn safe_fixes_on_valid_configs_keep_them_valid_and_resolve_the_finding(
        members in prop::sample::subsequence((0..MEMBERS.len()).collect::<Vec<_>>(), 1..6),
        pretty in any::<bool>(),
        comments in any::<bool>(),
        trailing in any::<bool>(),
    ) {
        let mut unique = Vec::new();
        for m in members {
            let key = MEMBERS[m].split(':').next();
            if !unique.iter().any(|&u: &usize| MEMBERS[u].split(':').next() == key) {
                unique.push(m);
            }
        }
        let text = layout(&unique, pretty, comments, trailing);
        check_fixes_are_sound(&text);
        for d in &analyze(&text).diagnostics {
            for fix in d.fixes.iter().filter(|f| f.safe) {
                let (fixed, _) = apply_edits(&text, &fix.edits);
                let still = analyze(&fixed)
                    .diagnostics
                    .iter()
                    .filter(|e| e.code == d.code)
                    .count();
                let before = analyze(&text).diagnostics.iter().filter(|e| e.code == d.code).count();
                prop_assert!(still < before, "{} not resolved by its fix:\n{text}\n->\n{fixed}", d.code);
            }
        }
    }
}
