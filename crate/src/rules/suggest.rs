//! "Did you mean ...?": the closest known name to a misspelled one.

/// Levenshtein distance over chars, giving up (returning `limit + 1`) past `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
            best = best.min(row[j + 1]);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// The candidate closest to `name`: a case-insensitive match first, else the smallest edit
/// distance within a third of the name's length (at most 3).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if name.len() > 200 {
        return None;
    }
    let lower = name.to_lowercase();
    let limit = (name.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        if candidate.to_lowercase() == lower {
            return Some(candidate);
        }
        let d = distance(&lower, &candidate.to_lowercase(), limit);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_close_names() {
        let names = ["remoteUser", "remoteEnv", "runArgs", "dockerFile"];
        assert_eq!(closest("remoteuser", names), Some("remoteUser"));
        assert_eq!(closest("remoteUsr", names), Some("remoteUser"));
        assert_eq!(closest("runArg", names), Some("runArgs"));
        assert_eq!(closest("zzz", names), None);
        assert_eq!(closest("", names), None);
    }
}
