//! Hand-written matchers for the patterns of the schemas (no regex crate in the engine).

/// `^\d+([tgmk]b)?$`: digits, then optionally a lowercase unit.
pub fn is_size(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    match s.as_bytes().get(digits..) {
        Some([]) => true,
        Some([unit, b'b']) => matches!(unit, b't' | b'g' | b'm' | b'k'),
        _ => false,
    }
}

/// The lowercase spelling of a size written with capitals (`8GB` -> `8gb`), when that fixes it.
pub fn size_lowercase_fix(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    (lower != s && is_size(&lower)).then_some(lower)
}

/// `^[a-zA-Z_][a-zA-Z0-9_]*$`.
pub fn is_env_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A publisher or name part of an extension id: `[a-zA-Z0-9][a-zA-Z0-9-]*`.
fn is_id_part(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `publisher.name`, optionally followed by `@prerelease` or `@` and a semantic version.
pub fn is_extension_id(s: &str) -> bool {
    let (id, version) = match s.split_once('@') {
        Some((id, v)) => (id, Some(v)),
        None => (s, None),
    };
    let Some((publisher, name)) = id.split_once('.') else {
        return false;
    };
    if !is_id_part(publisher) || !is_id_part(name) {
        return false;
    }
    match version {
        None => true,
        Some("prerelease") => true,
        Some(v) => is_semver(v),
    }
}

/// `MAJOR.MINOR.PATCH` without leading zeros, with optional `-pre` and `+build` parts.
pub fn is_semver(v: &str) -> bool {
    let (core, build) = match v.split_once('+') {
        Some((c, b)) => (c, Some(b)),
        None => (v, None),
    };
    let (core, pre) = match core.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (core, None),
    };
    let numbers: Vec<&str> = core.split('.').collect();
    let numeric = |n: &str| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'))
    };
    let ident =
        |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    numbers.len() == 3
        && numbers.iter().all(|n| numeric(n))
        && pre.is_none_or(|p| {
            p.split('.').all(|part| {
                ident(part) && (!part.bytes().all(|b| b.is_ascii_digit()) || numeric(part))
            })
        })
        && build.is_none_or(|b| b.split('.').all(ident))
}

/// `owner/repo` as Codespaces expects it: `[a-zA-Z0-9-_.]+/[a-zA-Z0-9-_*]+` (dots allowed after).
pub fn is_repository(s: &str) -> bool {
    let Some((owner, repo)) = s.split_once('/') else {
        return false;
    };
    let repo = repo.trim_end_matches('.');
    !owner.is_empty()
        && owner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !repo.is_empty()
        && repo
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        for ok in ["8", "8gb", "32gb", "1tb", "512mb", "64kb"] {
            assert!(is_size(ok), "{ok}");
        }
        for bad in ["", "8GB", "8 gb", "gb", "8g", "8pb", "-1", "8gbb", "８gb"] {
            assert!(!is_size(bad), "{bad}");
        }
        assert_eq!(size_lowercase_fix("8GB").as_deref(), Some("8gb"));
        assert_eq!(size_lowercase_fix("8gb"), None);
        assert_eq!(size_lowercase_fix("8 GB"), None);
    }

    #[test]
    fn extension_ids() {
        for ok in [
            "golang.Go",
            "golang.go@0.41.0",
            "ms-vscode.cpptools@prerelease",
            "a.b@1.0.0-beta.1+build.5",
        ] {
            assert!(is_extension_id(ok), "{ok}");
        }
        for bad in [
            "golang",
            "golang.",
            ".go",
            "golang.go@1.0",
            "golang.go@01.0.0",
            "-x.y",
            "x.y.z",
            "golang.go@",
        ] {
            assert!(!is_extension_id(bad), "{bad}");
        }
    }

    #[test]
    fn env_names_and_repositories() {
        assert!(is_env_name("GITHUB_TOKEN") && is_env_name("_x1"));
        assert!(!is_env_name("1X") && !is_env_name("MY-TOKEN") && !is_env_name(""));
        assert!(is_repository("octo/repo") && is_repository("my.org/*"));
        assert!(!is_repository("octo") && !is_repository("/repo") && !is_repository("a/b/c"));
    }
}
