//! IntelliSense over the real corpus (`../shared/corpus/real`, skipped when absent):
//! accepting any offered completion or fix never adds syntax errors, and completion and hover
//! never panic at any offset of a sample of files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::api;
use devcontainer_doctor::diag::apply_edits;
use devcontainer_doctor::ide::code_actions::fix_all;
use devcontainer_doctor::ide::complete::complete;
use devcontainer_doctor::syntax::parse;
use std::time::Instant;

fn corpus() -> Option<Vec<(String, String)>> {
    let files = support::corpus::load()?;
    Some(files.into_iter().map(|f| (f.name, f.text)).collect())
}

/// Offsets worth completing at: after every structural character and quote, plus an even spread.
fn interesting_offsets(text: &str, spread: usize) -> Vec<usize> {
    let mut offsets: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '{' | '[' | ',' | ':' | '"' | '\n'))
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let step = (text.len() / spread.max(1)).max(1);
    offsets.extend(
        (0..=text.len())
            .step_by(step)
            .filter(|&i| text.is_char_boundary(i)),
    );
    offsets.sort_unstable();
    offsets.dedup();
    offsets
}

#[test]
fn accepting_completions_and_fixes_never_adds_syntax_errors() {
    let Some(files) = corpus() else { return };
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut accepted = 0usize;
    for (name, text) in &files {
        let before = parse(text).errors.len();
        let offsets = interesting_offsets(text, 24);
        for &offset in &offsets {
            let items = complete(text, offset);
            for item in &items {
                let (after, _) = apply_edits(text, &item.plain_edits());
                accepted += 1;
                let errors = parse(&after).errors.len();
                if errors > before && failures.len() < 20 {
                    failures.push(format!(
                        "{name} @{offset}: {:?} raised syntax errors {before} -> {errors}",
                        item.label
                    ));
                }
            }
        }
        for diagnostic in analyze(text).diagnostics {
            for fix in &diagnostic.fixes {
                let (after, _) = apply_edits(text, &fix.edits);
                let errors = parse(&after).errors.len();
                if errors > before && failures.len() < 20 {
                    failures.push(format!(
                        "{name}: fix {:?} of {} raised syntax errors {before} -> {errors}",
                        fix.title, diagnostic.code
                    ));
                }
            }
        }
        if let Some(all) = fix_all(text) {
            let (after, _) = apply_edits(text, &all.edits);
            let errors = parse(&after).errors.len();
            if errors > before && failures.len() < 20 {
                failures.push(format!(
                    "{name}: fix all raised syntax errors {before} -> {errors}"
                ));
            }
        }
    }
    eprintln!(
        "{} files, {accepted} completions accepted in {:?}",
        files.len(),
        started.elapsed()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn complete_and_hover_never_panic_at_any_offset() {
    let Some(files) = corpus() else { return };
    let started = Instant::now();
    let mut calls = 0usize;
    // A sample: every 10th file, walked at every UTF-16 offset (surrogate halves included).
    for (_, text) in files.iter().step_by(10) {
        let units = text.encode_utf16().count() as u32;
        for offset in 0..=units + 1 {
            let _ = api::complete(text, offset);
            let _ = api::hover(text, offset);
            calls += 1;
        }
    }
    // And the broken shapes users have while typing, cut at every offset of a few files.
    for (_, text) in files.iter().step_by(60) {
        for cut in (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(7)
        {
            let prefix = &text[..cut];
            let _ = complete(prefix, cut);
            let _ = api::hover(prefix, cut as u32);
            calls += 1;
        }
    }
    eprintln!("{calls} offsets in {:?}", started.elapsed());
}
