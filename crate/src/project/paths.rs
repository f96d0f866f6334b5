//! Project paths: POSIX, relative to the devcontainer.json folder, normalized lexically (the
//! core never asks the file system what a path is).

pub(super) fn trim_slash(s: &str) -> &str {
    let t = s.trim_end_matches('/');
    if t.is_empty() { s } else { t }
}

pub(super) fn is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('\\')
        || (b.len() >= 3
            && b[0].is_ascii_alphabetic()
            && b[1] == b':'
            && matches!(b[2], b'/' | b'\\'))
}

/// `base/rest` as a path (not normalized).
pub fn join(base: &str, rest: &str) -> String {
    if base.is_empty() || base == "." {
        rest.to_string()
    } else {
        format!("{}/{rest}", base.trim_end_matches('/'))
    }
}

/// The folder holding a project path (`.` for a top-level name, `..` for `.`).
pub fn parent(path: &str) -> String {
    // Most paths are normalized already: then the parent is what comes before the last `/`
    // (asked for every reference on every keystroke, so no join and split for those).
    if ends_in_name(path) {
        return match path.rfind('/') {
            Some(slash) => path[..slash].to_string(),
            None => ".".to_string(),
        };
    }
    normalize(&join(path, ".."))
}

/// True when `path` is normalized and ends in a name: `..` segments only at its start (a file
/// in a folder above, `../Dockerfile`), then names, none of them empty or `.`.
fn ends_in_name(path: &str) -> bool {
    let mut after_name = false;
    for segment in path.split('/') {
        match segment {
            "" | "." => return false,
            ".." if after_name => return false,
            ".." => {}
            _ => after_name = true,
        }
    }
    after_name
}

/// The last segment of a project path.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Removes `.` segments, empty segments and `name/..` pairs; leading `..` stay. `.` when
/// nothing is left.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// An absolute path relative to an absolute folder, with `..` where it lies outside.
pub(super) fn relative_to(absolute: &str, folder: &str) -> Option<String> {
    if !is_absolute(folder) {
        return None;
    }
    let split = |p: &str| -> Vec<String> {
        normalize(&p.replace('\\', "/"))
            .split('/')
            .filter(|s| *s != ".")
            .map(str::to_string)
            .collect()
    };
    let target = split(absolute);
    let base = split(folder);
    if target.iter().any(|s| s == "..") || base.iter().any(|s| s == "..") {
        return None;
    }
    // A different drive letter (Windows) has no relative path.
    if target.first().map(|s| s.to_ascii_lowercase())
        != base.first().map(|s| s.to_ascii_lowercase())
        && (target.first().is_some_and(|s| s.ends_with(':'))
            || base.first().is_some_and(|s| s.ends_with(':')))
    {
        return None;
    }
    let common = target.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; base.len() - common];
    parts.extend(target[common..].iter().map(String::as_str));
    Some(normalize(&parts.join("/")))
}

/// Whether an entry is what a reference of `kind` needs.
pub(super) fn found(entry: Option<&super::Entry>, kind: super::WantKind) -> bool {
    use super::{Entry, WantKind};
    matches!(
        (entry, kind),
        (Some(Entry::Text(_)), WantKind::File) | (Some(Entry::Folder(_)), WantKind::Folder)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_parent_is_the_normalized_one() {
        let paths = [
            "a",
            "a/b",
            "a/b/c.json",
            ".",
            "..",
            "../a",
            "a/..",
            "a/./b",
            "a//b",
            "a/b/",
            "/abs/x",
            "",
            "./a",
            "a/../../b",
            "..b/c",
            "a.b/.c",
            "../Dockerfile",
            "../../a/b",
            "../a/..",
            "../..",
            "../.",
            "../a/b/",
            "..a",
            "../a/./b",
        ];
        for path in paths {
            assert_eq!(parent(path), normalize(&join(path, "..")), "{path:?}");
        }
        assert_eq!(parent("docker/Dockerfile"), "docker");
        assert_eq!(parent("Dockerfile"), ".");
    }
}
