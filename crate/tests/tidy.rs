//! Repository rules kept in a test (as rust-analyzer does in `xtask/src/tidy.rs`):
//! - a module imports (`use crate::...` or a `crate::x::` path) only from its own layer or the
//!   layers below it, in the order of ARCHITECTURE.md;
//! - rules report only through their `RuleInfo` (no `Diagnostic::new` or severity at a call site);
//! - a file of hand-written code has at most about 400 lines before its tests; generated files
//!   say so in a header that names the command that makes them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "support/walk.rs"]
mod walk;

use std::fs;
use std::path::{Path, PathBuf};

/// Layers bottom up; a module may import from its own layer and those before it.
/// Keep in sync with ARCHITECTURE.md.
const LAYERS: &[&[&str]] = &[
    &["text", "diag", "suggest", "sorted"],
    &["syntax"],
    &["spec", "features", "docker"],
    &["project", "container"],
    &["rules"],
    &["analysis", "fix", "rebuild"],
    &["ide"],
    &["api"],
    &["wasm", "cli", "lsp", "main", "lib"],
];

/// Hand-written files allowed past the size limit, with the reason.
const LONG_DATA_FILES: &[(&str, &str)] = &[(
    "spec/top_level.rs",
    "a table of the spec's top-level properties: data, one entry per property",
)];

const MAX_LINES: usize = 400;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    walk::files_with_extension(dir, &["rs"], out);
}

/// `rules/go/dlv_flags.rs` -> `rules/go/dlv_flags.rs` with `/` separators.
fn relative(path: &Path) -> String {
    path.strip_prefix(src())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The top-level module a file belongs to: `rules` for `rules/go/dlv_flags.rs`.
fn top_module(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The code of a line without its `//` comment (strings holding `//` are rare enough in
/// `use` lines and paths to ignore).
fn code_part(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") {
        return "";
    }
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// The top-level modules named by `crate::` paths in `text`, with their line numbers:
/// `crate::rules::x`, and each first name in `crate::{a::b, c}`.
fn crate_imports(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // Joined so that a `use crate::{...}` spread over lines is read whole.
    let mut code = String::new();
    let mut line_of = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let part = code_part(line);
        for _ in 0..=part.len() {
            line_of.push(n + 1);
        }
        code.push_str(part);
        code.push('\n');
    }
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `devcontainer_doctor::`-like names ending in "crate" are not ours
        }
        let line = line_of.get(at).copied().unwrap_or(0);
        if bytes.get(from) == Some(&b'{') {
            let mut depth = 0;
            let mut start = from + 1;
            for (i, c) in code[from..].char_indices() {
                let i = from + i;
                match c {
                    '{' => {
                        depth += 1;
                        if depth == 1 {
                            start = i + 1;
                        }
                    }
                    '}' | ',' if depth == 1 => {
                        let name: String = code[start..i]
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() {
                            out.push((line, name));
                        }
                        start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    _ => {}
                }
                if c == '}' {
                    depth -= 1;
                }
            }
        } else {
            let name: String = code[from..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((line, name));
            }
        }
    }
    out
}

#[test]
fn imports_only_go_down_the_layers() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(files.len() > 50, "only {} source files", files.len());
    let mut problems = Vec::new();
    for path in &files {
        let rel = relative(path);
        let module = top_module(&rel);
        let Some(own) = layer_of(module) else {
            problems.push(format!(
                "{rel}: module `{module}` is in no layer: add it to LAYERS in tests/tidy.rs and to ARCHITECTURE.md"
            ));
            continue;
        };
        let text = fs::read_to_string(path).unwrap_or_default();
        for (line, target) in crate_imports(&text) {
            match layer_of(&target) {
                Some(layer) if layer > own => problems.push(format!(
                    "{rel}:{line}: `{module}` imports from `crate::{target}`, a layer above it"
                )),
                Some(_) => {}
                None => problems.push(format!(
                    "{rel}:{line}: `crate::{target}` is in no layer of tests/tidy.rs"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_helpers_import_no_rule() {
    let mut files = Vec::new();
    rust_files(&src().join("rules/support"), &mut files);
    let families = [
        "extensions",
        "features",
        "go",
        "hooks",
        "image",
        "mounts",
        "ports",
        "schema",
        "syntax",
        "variables",
    ];
    let mut problems = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_default();
        for family in families {
            if text.contains(&format!("crate::rules::{family}::")) {
                problems.push(format!(
                    "{}: imports the rules of `{family}`",
                    relative(path)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rules_report_only_through_their_rule_info() {
    let mut files = Vec::new();
    rust_files(&src().join("rules"), &mut files);
    let mut problems = Vec::new();
    for path in &files {
        let rel = relative(path);
        if rel == "rules/rule_info.rs" {
            continue;
        }
        let text = fs::read_to_string(path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = code_part(line);
            let builds_diagnostic = ["error(", "warning(", "info(", "hint(", "new("]
                .iter()
                .any(|f| code.contains(&format!("Diagnostic::{f}")));
            // A severity appears only in the `severity:` field of a declaration.
            let picks_severity = code.contains("Severity::")
                && !code.trim_start().starts_with("severity: Severity::");
            if builds_diagnostic || picks_severity {
                problems.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "rules build diagnostics with `RULE.at(range, message)` only:\n{}",
        problems.join("\n")
    );
}

/// A header (the first three lines) that says the file is generated and names what makes it
/// (`// @generated by scripts/gen-features.py`, "//! Data written by `scripts/...`").
fn is_generated(text: &str) -> bool {
    let header = text
        .lines()
        .take(3)
        .filter(|l| l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    (header.contains("generated") || header.contains("written by"))
        && (header.contains('`') || header.contains("scripts/"))
}

#[test]
fn hand_written_files_stay_small_and_generated_ones_say_so() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    for path in &files {
        let rel = relative(path);
        let text = fs::read_to_string(path).unwrap_or_default();
        let generated = is_generated(&text);
        if rel.split('/').any(|part| part == "generated") && !generated {
            problems.push(format!(
                "{rel}: under generated/ but its header does not name the command that makes it"
            ));
        }
        if generated || LONG_DATA_FILES.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        // Lines before the unit tests (a `#[cfg(test)]` module at the end of the file).
        let lines = text
            .lines()
            .take_while(|l| !l.starts_with("#[cfg(test)]"))
            .count();
        if lines > MAX_LINES {
            problems.push(format!(
                "{rel}: {lines} lines of code (at most about {MAX_LINES}): split it by concern"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn generated_headers_are_recognised() {
    assert!(is_generated(
        "// @generated by scripts/gen-features.py: do not edit.\nuse x;"
    ));
    assert!(is_generated(
        "//! Data written by `scripts/gen-features.py` (see its header).\n"
    ));
    assert!(!is_generated("//! Parses things.\nfn main() {}"));
}

#[test]
fn the_import_reader_reads_grouped_and_plain_paths() {
    let text = "use crate::{diag::Edit, syntax::{NodeRef, Tree}};\n// crate::api in a comment\nlet x = crate::text::LineIndex::new(t);\n";
    let names: Vec<String> = crate_imports(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["diag", "syntax", "text"]);
}
