//! "Did you mean ...?": the closest candidate by edit distance, compared case-insensitively.

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (at most a third of the word's length in edits, at least 1, or one contains the other).
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word = word.to_lowercase();
    let word_len = word.chars().count();
    if word_len == 0 || word_len > 100 {
        return None;
    }
    let limit = (word_len / 3).max(1);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let mut distance = edit_distance(&word, &lower);
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

/// Edit distance over chars where swapping two neighbours counts as one edit (optimal string
/// alignment); three rows, inputs are short (ids, option names, values).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().take(200).collect();
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
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_prefixes() {
        let ids = ["go", "node", "common-utils", "docker-in-docker"];
        assert_eq!(closest("golang", ids), Some("go"));
        assert_eq!(closest("nod", ids), Some("node"));
        assert_eq!(closest("common", ids), Some("common-utils"));
        assert_eq!(closest("docker-in-dokcer", ids), Some("docker-in-docker"));
        assert_eq!(closest("python", ids), None);
        assert_eq!(closest("VERSION", ["version"]), Some("version"));
        assert_eq!(closest("rbnev", ["none", "rbenv", "rvm"]), Some("rbenv"));
        assert_eq!(closest("verison", ["version"]), Some("version"));
    }
}
