//! `check --fix`: applies every safe fix, in rounds, until nothing more changes.

use devcontainer_doctor::analysis::analyze;
use devcontainer_doctor::diag::{Edit, apply_edits};
use devcontainer_doctor::text::TextRange;

/// Fixes can make room for others (two fixes touching the same text wait for the next
/// round); a handful of rounds covers that without looping on fixes that undo each other.
const MAX_ROUNDS: usize = 5;

/// Returns the fixed text and how many fixes were applied.
pub fn fix_text(text: &str) -> (String, usize) {
    let line_end = dominant_line_end(text);
    let mut current = text.to_string();
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let analysis = analyze(&current);
        let syntax_errors = count_syntax_errors(&analysis.diagnostics);
        let fixes = analysis
            .diagnostics
            .iter()
            .filter_map(|d| d.fixes.iter().find(|f| f.safe))
            .map(|f| f.edits.as_slice());
        let edits = non_overlapping(fixes);
        if edits.is_empty() {
            break;
        }
        let count = edits.len();
        let edits: Vec<Edit> = edits
            .into_iter()
            .flatten()
            .map(|e| Edit::replace(e.range, with_line_end(&e.new_text, line_end)))
            .collect();
        let (next, _) = apply_edits(&current, &edits);
        // A fix that leaves the text worse than before is not safe after all: stop here.
        if next == current || count_syntax_errors(&analyze(&next).diagnostics) > syntax_errors {
            break;
        }
        current = next;
        applied += count;
    }
    (current, applied)
}

fn count_syntax_errors(diagnostics: &[devcontainer_doctor::diag::Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.code == "syntax-error")
        .count()
}

/// Keeps each fix whole: a fix whose edits touch an edit already taken waits for the next round.
fn non_overlapping<'a>(fixes: impl Iterator<Item = &'a [Edit]>) -> Vec<&'a [Edit]> {
    let mut taken: Vec<TextRange> = Vec::new();
    let mut chosen = Vec::new();
    for edits in fixes {
        if edits.is_empty() {
            continue;
        }
        let clashes = edits.iter().enumerate().any(|(i, e)| {
            e.range.start > e.range.end
                || taken.iter().any(|t| t.intersects(e.range))
                || edits[i + 1..].iter().any(|o| o.range.intersects(e.range))
        });
        if !clashes {
            taken.extend(edits.iter().map(|e| e.range));
            chosen.push(edits);
        }
    }
    chosen
}

fn dominant_line_end(text: &str) -> &'static str {
    match text.find(['\r', '\n']) {
        Some(at) if text[at..].starts_with("\r\n") => "\r\n",
        Some(at) if text[at..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// Fix texts are written with `\n`; a file with other line ends keeps its own.
fn with_line_end(new_text: &str, line_end: &str) -> String {
    if line_end == "\n" || !new_text.contains('\n') {
        return new_text.to_string();
    }
    new_text.replace("\r\n", "\n").replace('\n', line_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_crlf_in_inserted_text() {
        assert_eq!(with_line_end("a\nb", "\r\n"), "a\r\nb");
        assert_eq!(with_line_end("a\r\nb", "\r\n"), "a\r\nb");
        assert_eq!(dominant_line_end("{\r\n}"), "\r\n");
        assert_eq!(dominant_line_end("{\r}"), "\r");
        assert_eq!(dominant_line_end("{}"), "\n");
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let a = [Edit::replace(TextRange::new(0, 3), "x")];
        let b = [Edit::replace(TextRange::new(2, 4), "y")];
        let c = [Edit::replace(TextRange::new(6, 7), "z")];
        let chosen = non_overlapping([&a[..], &b[..], &c[..]].into_iter());
        assert_eq!(chosen.len(), 2);
    }

    #[test]
    fn removes_trailing_commas_and_is_idempotent() {
        let (fixed, n) = fix_text("{\"image\": \"x\",}");
        assert_eq!(fixed, "{\"image\": \"x\"}");
        assert_eq!(n, 1);
        assert_eq!(fix_text(&fixed).1, 0);
    }
}
