//! Well-known VS Code extension ids (`publisher.name`, compared case-insensitively), the ids
//! that moved to another one, and the ones that only work in the local window. Data from
//! `scripts/gen-features.py`: the ids that at least two configs of `../shared/corpus` write,
//! the official features' `customizations.vscode.extensions`, and a list of official ones.
//! An id missing here is not wrong: the list only backs renames and did-you-mean.

use super::generated::extensions::{LOCAL_ONLY, RENAMED, WELL_KNOWN};
use crate::sorted::SortedMap;
use std::cell::RefCell;

/// Every well-known id, in its usual spelling, sorted case-insensitively.
pub fn well_known() -> &'static [&'static str] {
    WELL_KNOWN
}

/// The well-known id equal to `id` ignoring case, in its usual spelling.
pub fn find(id: &str) -> Option<&'static str> {
    let id = id.trim();
    WELL_KNOWN
        .binary_search_by(|known| cmp_ignoring_case(known, id))
        .ok()
        .map(|i| WELL_KNOWN[i])
}

/// The order of the lower-case forms, without making them (one lookup per listed id).
fn cmp_ignoring_case(a: &str, b: &str) -> std::cmp::Ordering {
    // A plain loop: the iterator form (`map` ... `cmp`) cost about 150 instructions a compare.
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// The id an old or never-existing id stands for (`ms-vscode.go` -> `golang.go`).
pub fn renamed_to(id: &str) -> Option<&'static str> {
    let id = id.trim();
    RENAMED
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(id))
        .map(|(_, new)| *new)
}

/// True for extensions of the local window (the Dev Containers extension itself, Remote -
/// SSH, WSL, Codespaces): listed for the container, they do nothing there.
pub fn is_local_only(id: &str) -> bool {
    let id = id.trim();
    LOCAL_ONLY.iter().any(|l| l.eq_ignore_ascii_case(id))
}

/// A well-known id one or two edits from `id` (`ms-vscode-remote.remote-container`), when
/// `id` is not well-known itself. Only ids long enough for two edits to be a typo.
pub fn did_you_mean(id: &str) -> Option<&'static str> {
    // Remembered: while the user types elsewhere, every keystroke asks again about the same
    // unknown ids, and each answer compares with every well-known id (5% of a keystroke in the
    // corpus folders). Bounded, and pure, so forgetting costs only time.
    const REMEMBERED: usize = 512;
    thread_local! {
        static ANSWERS: RefCell<SortedMap<String, Option<&'static str>>> = RefCell::default();
    }
    if let Some(answer) = ANSWERS.with_borrow(|a| a.get(id).copied()) {
        return answer;
    }
    let answer = closest_well_known(id);
    ANSWERS.with_borrow_mut(|a| {
        if a.len() >= REMEMBERED {
            a.clear();
        }
        a.insert(id.to_string(), answer);
    });
    answer
}

fn closest_well_known(id: &str) -> Option<&'static str> {
    let lower = id.trim().to_ascii_lowercase();
    if lower.len() < 8 || find(&lower).is_some() || renamed_to(&lower).is_some() {
        return None;
    }
    let limit = if lower.len() >= 16 { 2 } else { 1 };
    let chars = crate::suggest::compared_len(&lower);
    WELL_KNOWN
        .iter()
        // The distance is at least the difference in length: most ids need no comparison.
        .filter(|k| crate::suggest::compared_len(k).abs_diff(chars) <= limit)
        .filter_map(|k| {
            let d = crate::suggest::edit_distance_ignoring_case_at_most(k, &lower, limit)?;
            (d >= 1 && !is_other_edition(k, &lower)).then_some((d, *k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// True when one id is the other plus a word of its own (`bracket-pair-colorizer` and
/// `bracket-pair-colorizer-2`, `x.tool` and `x.tool-pack`), ignoring case: two published
/// extensions, not a typo.
fn is_other_edition(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    crate::suggest::starts_with_ignoring_case(long, short)
        && long[short.len()..].starts_with(['-', '.', '_'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_case_blind_order_is_that_of_the_lower_case_forms() {
        let lower = |s: &str| s.to_ascii_lowercase();
        let pairs = [
            ("a", "b"),
            ("Go", "go"),
            ("golang.Go", "golang.go-nightly"),
            ("", "x"),
        ];
        let ids = WELL_KNOWN.iter().take(50).map(|k| (*k, "GoLang.go"));
        for (a, b) in pairs.into_iter().chain(ids) {
            assert_eq!(cmp_ignoring_case(a, b), lower(a).cmp(&lower(b)), "{a} {b}");
            assert_eq!(cmp_ignoring_case(b, a), lower(b).cmp(&lower(a)), "{b} {a}");
        }
        for known in WELL_KNOWN {
            assert_eq!(find(&known.to_ascii_uppercase()), Some(*known));
        }
    }

    #[test]
    fn remembered_answers_are_the_answers_past_the_bound_too() {
        // Typos of well-known ids (one letter dropped), more of them than are remembered.
        let typos: Vec<String> = WELL_KNOWN
            .iter()
            .flat_map(|k| {
                [
                    k[1..].to_string(),
                    k[..k.len() - 1].to_string(),
                    format!("{k}x"),
                    k.to_string(),
                ]
            })
            .collect();
        assert!(typos.len() > 512, "{} ids", typos.len());
        for round in 0..2 {
            for typo in &typos {
                assert_eq!(
                    did_you_mean(typo),
                    closest_well_known(typo),
                    "{typo}, round {round}"
                );
            }
        }
        assert!(typos.iter().any(|t| did_you_mean(t).is_some()));
    }

    #[test]
    fn list_is_sorted_for_binary_search() {
        let lower: Vec<String> = WELL_KNOWN.iter().map(|k| k.to_ascii_lowercase()).collect();
        assert!(lower.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lookups() {
        assert_eq!(
            find("GOLANG.GO").map(str::to_ascii_lowercase).as_deref(),
            Some("golang.go")
        );
        assert!(find("ms-vscode-remote.remote-containers").is_some());
        assert_eq!(renamed_to("ms-vscode.Go"), Some("golang.go"));
        assert_eq!(renamed_to("ms-vscode.vscode-go"), Some("golang.go"));
        assert!(find("ms-vscode.go").is_none());
        assert!(is_local_only("ms-vscode-remote.remote-containers"));
        assert!(!is_local_only("golang.go"));
        assert_eq!(
            did_you_mean("ms-vscode-remote.remote-container"),
            Some("ms-vscode-remote.remote-containers")
        );
        assert_eq!(did_you_mean("golang.go"), None);
        assert_eq!(did_you_mean("coenraads.bracket-pair-colorizer"), None);
        assert_eq!(did_you_mean("someone.private-tool"), None);
    }
}
