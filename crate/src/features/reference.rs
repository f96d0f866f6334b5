//! Splits a key of `features` into its parts, the way the dev containers CLI reads it, and
//! finds what makes the CLI reject it. Ranges are byte offsets inside the key text, so a
//! diagnostic can point at the tag or the id alone.

use crate::text::TextRange;

/// Which kind of reference a key is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// `registry/namespace/id[:tag]` or `registry/namespace/id@sha256:...`.
    Oci,
    /// `https://.../devcontainer-feature-<id>.tgz`.
    Tarball,
    /// `./dir` or `../dir` (relative to the folder of devcontainer.json), or a rejected path.
    Local,
    /// Deprecated `owner/repo/id[@tag]`, downloaded from GitHub releases.
    GithubRelease,
    /// No `/` at all: an old short id such as `golang`, or a local folder missing its `./`.
    ShortId,
}

/// What the CLI would reject in a reference, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefProblem {
    /// Byte range inside the key.
    pub range: TextRange,
    pub message: String,
}

/// A parsed key of `features`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureRef<'a> {
    pub key: &'a str,
    pub kind: RefKind,
    /// Registry and namespace (`ghcr.io/devcontainers/features`) for OCI, `owner/repo` for
    /// GitHub releases, the folder part of a path or URL; empty for short ids.
    pub namespace: &'a str,
    /// The feature id (`go`); for a local path its last folder; for a tarball the `<id>` of
    /// its file name.
    pub id: &'a str,
    pub id_range: TextRange,
    /// The tag after `:` (OCI) or `@` (GitHub releases), without the separator.
    pub tag: Option<&'a str>,
    pub tag_range: Option<TextRange>,
    /// The digest after `@` (`sha256:...`), without the `@`.
    pub digest: Option<&'a str>,
    pub digest_range: Option<TextRange>,
    /// The first thing the CLI would reject, if any.
    pub problem: Option<RefProblem>,
}

impl<'a> FeatureRef<'a> {
    /// The key without its tag or digest: what `overrideFeatureInstallOrder` expects.
    pub fn without_version(&self) -> &'a str {
        self.key.get(..self.id_range.end).unwrap_or(self.key)
    }
    /// The range of the version part including its `:` or `@` (empty at the id's end when
    /// there is none), for edits that change or drop it.
    pub fn version_range(&self) -> TextRange {
        TextRange::new(self.id_range.end, self.key.len())
    }
    /// The namespace lowercased, with `devcontainers-contrib` read as `devcontainers-extra`
    /// as the CLI does.
    pub fn effective_namespace(&self) -> std::borrow::Cow<'a, str> {
        if self
            .namespace
            .eq_ignore_ascii_case(super::CONTRIB_NAMESPACE)
        {
            std::borrow::Cow::Borrowed(super::EXTRA_NAMESPACE)
        } else {
            super::lower(self.namespace)
        }
    }
}

/// Parses one key of `features`. Never fails: what the CLI would reject is in `problem`.
pub fn parse_reference(key: &str) -> FeatureRef<'_> {
    let whole = TextRange::new(0, key.len());
    let mut r = FeatureRef {
        key,
        kind: RefKind::ShortId,
        namespace: "",
        id: key,
        id_range: whole,
        tag: None,
        tag_range: None,
        digest: None,
        digest_range: None,
        problem: None,
    };
    if key.trim().is_empty() {
        r.problem = problem(
            whole,
            "The feature key is empty: write a feature reference such as \"ghcr.io/devcontainers/features/go:1\".",
        );
        return r;
    }
    if key.starts_with("https://") || key.starts_with("http://") {
        parse_tarball(&mut r);
    } else if key.starts_with("./") || key.starts_with("../") {
        parse_local(&mut r);
    } else if key.starts_with('/') || key.starts_with('\\') || is_windows_absolute(key) {
        parse_local(&mut r);
        r.problem = problem(
            whole,
            "Absolute paths are not allowed for local features: put the feature folder inside .devcontainer/ and reference it as \"./<folder>\".",
        );
    } else if key.starts_with('.') {
        parse_local(&mut r);
        r.problem = problem(
            whole,
            format!(
                "A local feature path must start with \"./\" (relative to the folder of devcontainer.json): write \"./{}\".",
                key.trim_start_matches('.').trim_start_matches(['/', '\\'])
            ),
        );
    } else if !key.contains('/') {
        parse_short(&mut r);
    } else {
        parse_registry(&mut r);
    }
    r
}

fn problem(range: TextRange, message: impl Into<String>) -> Option<RefProblem> {
    Some(RefProblem {
        range,
        message: message.into(),
    })
}

fn is_windows_absolute(key: &str) -> bool {
    let b = key.as_bytes();
    b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/')
}

fn parse_tarball(r: &mut FeatureRef<'_>) {
    let key = r.key;
    r.kind = RefKind::Tarball;
    let file_start = key.rfind('/').map_or(0, |i| i + 1);
    r.namespace = &key[..file_start];
    let file = &key[file_start..];
    if key.starts_with("http://") {
        r.problem = problem(
            TextRange::new(0, 4),
            "Feature tarballs are only downloaded over https: write \"https://\".",
        );
    }
    const PREFIX: &str = "devcontainer-feature-";
    match file
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(".tgz"))
    {
        Some(id) => {
            let start = file_start + PREFIX.len();
            r.id = id;
            r.id_range = TextRange::new(start, start + id.len());
            if !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                && r.problem.is_none()
            {
                r.problem = problem(
                    r.id_range,
                    "The id in a feature tarball name may only hold letters, digits, '_' and '-'.",
                );
            }
        }
        None => {
            r.id = file;
            r.id_range = TextRange::new(file_start, key.len());
            if r.problem.is_none() {
                r.problem = problem(
                    r.id_range,
                    "A feature tarball URL must end with a file named \"devcontainer-feature-<id>.tgz\"; rename the published file or fix the URL.",
                );
            }
        }
    }
}

fn parse_local(r: &mut FeatureRef<'_>) {
    let key = r.key;
    r.kind = RefKind::Local;
    let trimmed = key.trim_end_matches(['/', '\\']);
    let start = trimmed.rfind(['/', '\\']).map_or(0, |i| i + 1);
    r.namespace = &key[..start];
    r.id = &trimmed[start..];
    r.id_range = TextRange::new(start, trimmed.len());
}

fn parse_short(r: &mut FeatureRef<'_>) {
    let key = r.key;
    r.kind = RefKind::ShortId;
    // `golang:1` or `node@1`: keep the id apart so the rules can map it.
    let end = key.find([':', '@']).unwrap_or(key.len());
    r.id = &key[..end];
    r.id_range = TextRange::new(0, end);
    if end < key.len() {
        r.tag = Some(&key[end + 1..]);
        r.tag_range = Some(TextRange::new(end + 1, key.len()));
    }
}

/// `host/namespace/id[:tag|@sha256:...]`, or `owner/repo/id[@tag]` when the first part is
/// not a registry host (no `.` or `:`, not `localhost`), as docker decides.
fn parse_registry(r: &mut FeatureRef<'_>) {
    let key = r.key;
    let mut rest_end = key.len();
    let mut at_tag = None;
    if let Some(at) = key.rfind('@') {
        let after = &key[at + 1..];
        if after.starts_with("sha256:") {
            r.digest = Some(after);
            r.digest_range = Some(TextRange::new(at + 1, key.len()));
        } else {
            at_tag = Some(at);
        }
        rest_end = at;
    }
    let slash = key[..rest_end].rfind('/');
    let id_start = slash.map_or(0, |i| i + 1);
    if r.digest.is_none()
        && at_tag.is_none()
        && let Some(colon) = key[id_start..rest_end].rfind(':')
    {
        let colon = id_start + colon;
        r.tag = Some(&key[colon + 1..rest_end]);
        r.tag_range = Some(TextRange::new(colon + 1, rest_end));
        rest_end = colon;
    }
    let path = &key[..rest_end];
    r.namespace = &path[..slash.unwrap_or(0)];
    r.id = &path[id_start..];
    r.id_range = TextRange::new(id_start, rest_end);
    // Byte counts: `str::split` sets up a searcher per call, for every feature key.
    let first = match path.as_bytes().iter().position(|&b| b == b'/') {
        Some(slash) => path.get(..slash).unwrap_or(path),
        None => path,
    };
    let segments = path.bytes().filter(|&b| b == b'/').count() + 1;
    let is_host = first.contains('.') || first.contains(':') || first == "localhost";
    if !is_host {
        if segments == 3 {
            r.kind = RefKind::GithubRelease;
            if let Some(at) = at_tag {
                r.tag = Some(&key[at + 1..]);
                r.tag_range = Some(TextRange::new(at + 1, key.len()));
            }
            check_github_release(r);
        } else {
            r.kind = RefKind::Local;
            r.problem = problem(
                TextRange::new(0, key.len()),
                format!(
                    "\"{}\" is neither a local path nor a registry reference: a local feature starts with \"./\" (\"./{}\"), a published one reads \"registry/namespace/id:version\".",
                    crate::syntax::clip(key),
                    crate::syntax::clip(key)
                ),
            );
        }
        return;
    }
    r.kind = RefKind::Oci;
    check_oci(r, at_tag, segments);
}

fn check_github_release(r: &mut FeatureRef<'_>) {
    let ok = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
    };
    let path = &r.key[..r.id_range.end];
    if !path.split('/').all(ok) {
        r.problem = problem(
            TextRange::new(0, r.id_range.end),
            "Not a valid reference: a local feature starts with \"./\"; a published one reads \"registry/namespace/id:version\".",
        );
    }
}

fn check_oci(r: &mut FeatureRef<'_>, at_tag: Option<usize>, segments: usize) {
    let key = r.key;
    if segments < 3 || r.id.is_empty() {
        r.problem = problem(
            TextRange::new(0, r.id_range.end),
            "A registry reference needs a registry, a namespace and an id: \"registry/namespace/id:version\", e.g. \"ghcr.io/devcontainers/features/go:1\".",
        );
        return;
    }
    let registry = key.split('/').next().unwrap_or("");
    if !valid_registry(registry) {
        r.problem = problem(
            TextRange::new(0, registry.len()),
            format!(
                "\"{}\" is not a registry host: write a host name such as \"ghcr.io\" (a port may follow a ':').",
                crate::syntax::clip(registry)
            ),
        );
        return;
    }
    if let Some(at) = at_tag {
        r.problem = problem(
            TextRange::new(at, key.len()),
            "After '@' only a digest (\"@sha256:<64 hex digits>\") is allowed; write a version tag after ':' instead.",
        );
        return;
    }
    if let (Some(digest), Some(range)) = (r.digest, r.digest_range) {
        let hex = digest.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            r.problem = problem(
                range,
                "A digest is \"sha256:\" followed by 64 hex digits; copy it again from the registry or use a version tag.",
            );
            return;
        }
    }
    if let (Some(tag), Some(range)) = (r.tag, r.tag_range)
        && !valid_tag(tag)
    {
        let message = if tag.is_empty() {
            "The version after ':' is empty: write a version such as \"1\" or remove the ':'."
                .to_string()
        } else {
            format!(
                "\"{}\" is not a valid tag: a tag starts with a letter, digit or '_', then holds only letters, digits, '.', '_' and '-' (at most 128). Write a version such as \"1\".",
                crate::syntax::clip(tag)
            )
        };
        r.problem = problem(range, message);
        return;
    }
    // Namespace and id must be lowercase words joined by '.', '_' or '-' (the CLI lowercases
    // the key first, so uppercase is fine).
    let registry_end = key.find('/').unwrap_or(0);
    let mut offset = registry_end + 1;
    for segment in key[registry_end + 1..r.id_range.end].split('/') {
        if !valid_path_segment(segment) {
            r.problem = problem(
                TextRange::new(offset, offset + segment.len()),
                format!(
                    "\"{}\" is not a valid namespace or id part: use letters, digits and single '.', '_' or '-' between them.",
                    crate::syntax::clip(segment)
                ),
            );
            return;
        }
        offset += segment.len() + 1;
    }
}

/// A host name (letters, digits, '.', '-') with an optional `:port`.
fn valid_registry(registry: &str) -> bool {
    let (host, port) = registry.split_once(':').unwrap_or((registry, "0"));
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
}

fn valid_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// `[a-z0-9]+([._-][a-z0-9]+)*`, case-insensitively.
fn valid_path_segment(segment: &str) -> bool {
    let b = segment.as_bytes();
    if b.is_empty() || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
        return false;
    }
    let mut previous_separator = false;
    for &c in b {
        let separator = matches!(c, b'.' | b'_' | b'-');
        if !(separator || c.is_ascii_alphanumeric()) || (separator && previous_separator) {
            return false;
        }
        previous_separator = separator;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(key: &str, range: Option<TextRange>) -> Option<&str> {
        range.map(|r| &key[r.start..r.end])
    }

    #[test]
    fn oci_with_tag() {
        let key = "ghcr.io/devcontainers/features/go:1.3";
        let r = parse_reference(key);
        assert_eq!(r.kind, RefKind::Oci);
        assert_eq!(r.namespace, "ghcr.io/devcontainers/features");
        assert_eq!(r.id, "go");
        assert_eq!(&key[r.id_range.start..r.id_range.end], "go");
        assert_eq!(slice(key, r.tag_range), Some("1.3"));
        assert_eq!(r.without_version(), "ghcr.io/devcontainers/features/go");
        assert!(r.problem.is_none());
    }

    #[test]
    fn oci_with_port_and_digest() {
        let digest = format!("sha256:{}", "a".repeat(64));
        let key = format!("localhost:5000/team/features/tool@{digest}");
        let r = parse_reference(&key);
        assert_eq!(r.kind, RefKind::Oci);
        assert_eq!(r.id, "tool");
        assert_eq!(r.digest, Some(digest.as_str()));
        assert!(r.tag.is_none());
        assert!(r.problem.is_none(), "{:?}", r.problem);
        let r = parse_reference("localhost:5000/team/tool");
        assert!(r.tag.is_none());
        assert_eq!(r.id, "tool");
    }

    #[test]
    fn uppercase_is_fine_bad_tag_is_not() {
        assert!(
            parse_reference("ghcr.io/DevContainers/features/Go:1")
                .problem
                .is_none()
        );
        let key = "ghcr.io/devcontainers/features/go:^1";
        let r = parse_reference(key);
        assert_eq!(slice(key, r.problem.map(|p| p.range)), Some("^1"));
        assert!(
            parse_reference("ghcr.io/devcontainers/features/go:")
                .problem
                .is_some()
        );
        assert!(
            parse_reference("ghcr.io/devcontainers/features/go@1")
                .problem
                .is_some()
        );
        assert!(
            parse_reference("ghcr.io/devcontainers/features/my__tool")
                .problem
                .is_some()
        );
        assert!(parse_reference("ghcr.io/go:1").problem.is_some());
        assert!(parse_reference(" ghcr.io/a/b:1").problem.is_some());
        assert!(parse_reference("ghcr.io:x/a/b:1").problem.is_some());
    }

    #[test]
    fn paths() {
        let r = parse_reference("./local-features/hello");
        assert_eq!((r.kind, r.id), (RefKind::Local, "hello"));
        assert!(r.problem.is_none());
        assert!(parse_reference("../shared/x").problem.is_none());
        assert!(parse_reference("/abs/feature").problem.is_some());
        assert!(parse_reference("C:\\features\\x").problem.is_some());
        assert!(parse_reference(".devcontainer/x").problem.is_some());
        assert!(parse_reference("features/foo").problem.is_some());
    }

    #[test]
    fn short_github_and_tarball() {
        let r = parse_reference("golang:1");
        assert_eq!(
            (r.kind, r.id, r.tag),
            (RefKind::ShortId, "golang", Some("1"))
        );
        let r = parse_reference("owner/repo/tool@v1.2");
        assert_eq!(
            (r.kind, r.id, r.tag),
            (RefKind::GithubRelease, "tool", Some("v1.2"))
        );
        assert!(r.problem.is_none());
        let r = parse_reference("https://example.com/x/devcontainer-feature-hello.tgz");
        assert_eq!((r.kind, r.id), (RefKind::Tarball, "hello"));
        assert!(r.problem.is_none());
        assert!(
            parse_reference("https://example.com/hello.tgz")
                .problem
                .is_some()
        );
    }

    #[test]
    fn never_panics_on_odd_keys() {
        for key in [
            "",
            " ",
            "/",
            "//",
            ":",
            "@",
            "a/b/",
            "a/b/:",
            "x.y/@",
            "é/ü/ß:é",
            "ghcr.io//x",
            "./",
            "..",
            "https://",
            "a@b@c/d",
            ":::/:::",
            "ghcr.io/a/b@sha256:",
        ] {
            let r = parse_reference(key);
            assert!(r.id_range.end <= key.len());
        }
    }
}
