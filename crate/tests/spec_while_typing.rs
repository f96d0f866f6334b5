//! Every real corpus file cut at many points (as if still being typed), and with bytes
//! swapped: the schema rules and their fixes never panic and keep ranges inside the text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::apply_edits;

fn check(text: &str) {
    let diagnostics = analyze(text).diagnostics;
    let mut edits = Vec::new();
    for d in &diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len());
        assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
        for fix in d.fixes.iter().filter(|f| f.safe) {
            edits.extend(fix.edits.iter().cloned());
        }
    }
    let (fixed, _) = apply_edits(text, &edits);
    analyze(&fixed);
}

#[test]
fn corpus_prefixes_and_mutations() {
    let Some(files) = support::corpus::load() else {
        return;
    };
    let mut runs = 0;
    for file in &files {
        let text = &file.text;
        let step = (text.len() / 12).max(1);
        for cut in (0..text.len()).step_by(step) {
            let cut = (cut..=text.len())
                .find(|&c| text.is_char_boundary(c))
                .unwrap_or(0);
            check(&text[..cut]);
            // Drop one byte-run (a quote, a brace, a comma) in the middle of the file.
            let mut mutated = text.to_string();
            if let Some((i, _)) = text[cut..]
                .char_indices()
                .find(|(_, c)| "\"{}[],:".contains(*c))
            {
                mutated.remove(cut + i);
                check(&mutated);
            }
            runs += 1;
        }
    }
    eprintln!("{runs} prefixes and mutations checked");
}
