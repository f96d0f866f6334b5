//! "Did you mean ...?": one edit distance for every suggestion the rules and completion make,
//! with the two ways of picking a candidate that the rules need.

/// Only this many chars of each word are compared: names are short, and a long one must not
/// cost quadratic time.
const MAX_CHARS: usize = 200;

/// How many chars of `s` [`edit_distance`] compares: the distance of two words is at least
/// the difference of these lengths, a cheap bound to skip most candidates.
pub fn compared_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len().min(MAX_CHARS);
    }
    s.chars().take(MAX_CHARS).count()
}

/// Edit distance over chars where swapping two neighbours counts as one edit (optimal string
/// alignment), so `verison` is one edit from `version`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    distance_up_to(a, b, usize::MAX, false).unwrap_or(usize::MAX)
}

/// [`edit_distance`] when it is at most `limit`, else `None`, stopping as soon as no later
/// row can come back under the limit (a typo check compares against hundreds of names).
pub fn edit_distance_at_most(a: &str, b: &str, limit: usize) -> Option<usize> {
    distance_up_to(a, b, limit, false)
}

/// [`edit_distance_at_most`] with ASCII letters compared ignoring case, without lower-casing
/// copies of the words (a did-you-mean compares one word with every candidate).
pub fn edit_distance_ignoring_case_at_most(a: &str, b: &str, limit: usize) -> Option<usize> {
    distance_up_to(a, b, limit, true)
}

fn distance_up_to(a: &str, b: &str, limit: usize, fold: bool) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        // ASCII (every id and name the rules compare): bytes in stack buffers, no allocation.
        let a = &a.as_bytes()[..a.len().min(MAX_CHARS)];
        let b = &b.as_bytes()[..b.len().min(MAX_CHARS)];
        if limit < MAX_CHARS && letters_differ_by_more(a, b, limit) {
            return None;
        }
        let (mut a_buf, mut b_buf) = ([0u8; MAX_CHARS], [0u8; MAX_CHARS]);
        return banded(
            folded(a, fold, &mut a_buf),
            folded(b, fold, &mut b_buf),
            limit,
        );
    }
    let chars = |s: &str| -> Vec<char> {
        s.chars()
            .take(MAX_CHARS)
            .map(|c| if fold { c.to_ascii_lowercase() } else { c })
            .collect()
    };
    banded(&chars(a), &chars(b), limit)
}

/// A cheap bound first: one edit changes the letter counts by at most two (a substitution
/// removes one letter and adds another), so counts that differ by more than `2 * limit` mean
/// more than `limit` edits. Most candidates of a did-you-mean stop here.
fn letters_differ_by_more(a: &[u8], b: &[u8], limit: usize) -> bool {
    // Buckets of the low five bits: merging letters can only lower the difference.
    let mut counts = [0i16; 32];
    // Upper and lower case share a bucket (they differ in bit 5), so this holds folded or not.
    for &c in a {
        counts[usize::from(c & 31)] += 1;
    }
    for &c in b {
        counts[usize::from(c & 31)] -= 1;
    }
    let differ: usize = counts.iter().map(|n| n.unsigned_abs() as usize).sum();
    differ > 2 * limit
}

/// `word` (at most `MAX_CHARS` bytes) copied into `buf`, lower-cased when `fold`.
fn folded<'b>(word: &[u8], fold: bool, buf: &'b mut [u8; MAX_CHARS]) -> &'b [u8] {
    let len = word.len();
    for (to, from) in buf.iter_mut().zip(word) {
        *to = if fold {
            from.to_ascii_lowercase()
        } else {
            *from
        };
    }
    &buf[..len]
}

/// Optimal string alignment distance computed only within `limit` of the diagonal: a cell
/// further out is already past the limit, so a check with limit 2 costs five cells per row.
fn banded<T: Copy + PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return None;
    }
    // The distance is never above the longer length, so that bounds the band too.
    let cap = limit.min(n.max(m));
    let far = cap as u16 + 1;
    let clamp = |v: usize| (v as u16).min(far);
    // Three rows, rotated by index: row `i % 3` is the current one.
    let mut rows = [[far; MAX_CHARS + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = clamp(j);
    }
    for i in 1..=n {
        let [current, previous, before] = rows_at(&mut rows, i);
        let lo = i.saturating_sub(cap).max(1);
        let hi = (i + cap).min(m);
        current[lo - 1] = if lo == 1 { clamp(i) } else { far };
        for j in lo..=hi {
            let substitution = previous[j - 1] + u16::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best.min(far);
        }
        if hi < m {
            current[hi + 1] = far;
        }
        // Each later cell comes from this row, or from the previous one plus a transposition:
        // once both are past the limit, so is the result.
        let row_min = |row: &[u16]| row.iter().copied().min().unwrap_or(far);
        let floor = row_min(&current[lo - 1..=hi]).min(row_min(&previous[lo - 1..=hi]) + 1);
        if floor > cap as u16 {
            return None;
        }
    }
    let d = usize::from(rows[n % 3][m]);
    (d <= limit && d <= cap).then_some(d)
}

type Row = [u16; MAX_CHARS + 1];

/// Rows `i`, `i - 1` and `i - 2` of the matrix, kept modulo 3.
fn rows_at(rows: &mut [Row; 3], i: usize) -> [&mut Row; 3] {
    let [r0, r1, r2] = rows;
    match i % 3 {
        0 => [r0, r2, r1],
        1 => [r1, r0, r2],
        _ => [r2, r1, r0],
    }
}

/// The candidate closest to a misspelled property or value name: the same name in another case
/// first, else the fewest edits within a third of the name's length (1 to 3).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_CHARS {
        return None;
    }
    // ASCII case only: candidates are ASCII names, and Unicode case tables cost ~30 KB of WASM.
    let limit = (chars / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        if candidate.eq_ignore_ascii_case(name) {
            return Some(candidate);
        }
        let d = edit_distance_ignoring_case_at_most(name, candidate, limit).unwrap_or(usize::MAX);
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
    let word_len = word.chars().count();
    if word_len == 0 || word_len > MAX_CHARS {
        return None;
    }
    let limit = (word_len / 3).max(1);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        let mut distance =
            edit_distance_ignoring_case_at_most(word, candidate, limit).unwrap_or(usize::MAX);
        if distance > limit
            && (starts_with_ignoring_case(candidate, word)
                || starts_with_ignoring_case(word, candidate))
            && word_len >= 3
            && candidate.len() >= 2
        {
            distance = limit;
        }
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `text` starts with `prefix`, ASCII letters compared ignoring case.
pub fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
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

        /// The banded distance equals the textbook full-matrix one, ASCII or not, any case.
        #[test]
        fn banded_distance_agrees_with_the_full_matrix(
            a in "[abAB\u{e9}\u{4e2d}]{0,12}", b in "[abAB\u{e9}\u{4e2d}]{0,12}", limit in 0usize..6
        ) {
            let exact = full_matrix(&a, &b);
            proptest::prop_assert_eq!(edit_distance(&a, &b), exact);
            proptest::prop_assert_eq!(
                edit_distance_at_most(&a, &b, limit),
                (exact <= limit).then_some(exact)
            );
            let folded = full_matrix(&a.to_ascii_lowercase(), &b.to_ascii_lowercase());
            proptest::prop_assert_eq!(
                edit_distance_ignoring_case_at_most(&a, &b, limit),
                (folded <= limit).then_some(folded)
            );
        }
    }

    /// Optimal string alignment over the whole matrix, as the reference.
    fn full_matrix(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j - 1] + cost)
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
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
