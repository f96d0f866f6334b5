//! "Did you mean ...?": one edit distance for every suggestion the rules and completion make,
//! with the two ways of picking a candidate that the rules need.

/// Only this many chars of each word are compared: names are short, and a long one must not
/// cost quadratic time.
const MAX_CHARS: usize = 200;

/// How many chars of `s` [`edit_distance`] compares: the distance of two words is at least
/// the difference of these lengths, a cheap bound to skip most candidates.
pub fn compared_len(s: &str) -> usize {
    s.chars().take(MAX_CHARS).count()
}

/// Edit distance over chars where swapping two neighbours counts as one edit (optimal string
/// alignment), so `verison` is one edit from `version`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    distance_up_to(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// [`edit_distance`] when it is at most `limit`, else `None`, stopping as soon as no later
/// row can come back under the limit (a typo check compares against hundreds of names).
pub fn edit_distance_at_most(a: &str, b: &str, limit: usize) -> Option<usize> {
    distance_up_to(a, b, limit)
}

fn distance_up_to(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().take(MAX_CHARS).collect();
    let b: Vec<char> = b.chars().take(MAX_CHARS).collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 0..a.len() {
        current[0] = i + 1;
        for j in 0..b.len() {
            let substitution = previous[j] + usize::from(a[i] != b[j]);
            let mut best = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        // Each later cell comes from this row, or from the previous one plus a transposition:
        // once both are past the limit, so is the result.
        let floor = row_min(&current).min(row_min(&previous).saturating_add(1));
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
        if floor > limit {
            return None;
        }
    }
    Some(previous[b.len()]).filter(|d| *d <= limit)
}

fn row_min(row: &[usize]) -> usize {
    row.iter().copied().min().unwrap_or(0)
}

/// The candidate closest to a misspelled property or value name: the same name in another case
/// first, else the fewest edits within a third of the name's length (1 to 3).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_CHARS {
        return None;
    }
    let lower = name.to_lowercase();
    let limit = (chars / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        if candidate_lower == lower {
            return Some(candidate);
        }
        let d = edit_distance_at_most(&lower, &candidate_lower, limit).unwrap_or(usize::MAX);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Like [`closest`] for ids and option names, where a prefix also counts as close
/// (`common` -> `common-utils`, `golang` -> `go`).
pub fn closest_or_prefix<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let word = word.to_lowercase();
    let word_len = word.chars().count();
    if word_len == 0 || word_len > MAX_CHARS {
        return None;
    }
    let limit = (word_len / 3).max(1);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let mut distance = edit_distance_at_most(&word, &lower, limit).unwrap_or(usize::MAX);
        if distance > limit
            && (lower.starts_with(&word) || word.starts_with(&lower))
            && word_len >= 3
            && lower.len() >= 2
        {
            distance = limit;
        }
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(edit_distance("verison", "version"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        let long = "x".repeat(10_000);
        assert_eq!(edit_distance(&long, &long), 0);
    }

    proptest::proptest! {
        /// Stopping early never changes the answer: the full distance, or `None` past the limit.
        #[test]
        fn bounded_distance_agrees_with_the_full_one(
            a in "[abc]{0,9}", b in "[abc]{0,9}", limit in 0usize..5
        ) {
            let full = edit_distance(&a, &b);
            let bounded = edit_distance_at_most(&a, &b, limit);
            proptest::prop_assert_eq!(bounded, (full <= limit).then_some(full));
        }
    }

    #[test]
    fn finds_close_property_names() {
        let names = ["remoteUser", "remoteEnv", "runArgs", "dockerFile"];
        assert_eq!(closest("remoteuser", names), Some("remoteUser"));
        assert_eq!(closest("remoteUsr", names), Some("remoteUser"));
        assert_eq!(closest("runArg", names), Some("runArgs"));
        assert_eq!(closest("zzz", names), None);
        assert_eq!(closest("", names), None);
    }

    #[test]
    fn finds_typos_and_prefixes_of_ids() {
        let ids = ["go", "node", "common-utils", "docker-in-docker"];
        assert_eq!(closest_or_prefix("golang", ids), Some("go"));
        assert_eq!(closest_or_prefix("nod", ids), Some("node"));
        assert_eq!(closest_or_prefix("common", ids), Some("common-utils"));
        assert_eq!(
            closest_or_prefix("docker-in-dokcer", ids),
            Some("docker-in-docker")
        );
        assert_eq!(closest_or_prefix("python", ids), None);
        assert_eq!(closest_or_prefix("VERSION", ["version"]), Some("version"));
        assert_eq!(
            closest_or_prefix("rbnev", ["none", "rbenv", "rvm"]),
            Some("rbenv")
        );
    }
}
