//! What a build sees of its context: which `COPY`/`ADD` sources are local paths, whether such
//! a path exists in folder listings the host gave, and which paths `.dockerignore` keeps out.
//!
//! BuildKit's rules (moby/buildkit):
//! - A source is cleaned against the context root, so `..` cannot leave it
//!   (`system.NormalizePath("/", src)`, frontend/dockerfile/dockerfile2llb/convert_copy.go).
//! - A missing plain path fails the build: "failed to compute cache key: failed to calculate
//!   checksum of ref ...: \"/path\": not found" (cache/contenthash/checksum.go, solver/edge.go).
//! - A wildcard (`*`, `?`, `[`, as Go's `path.Match`) that matches nothing copies nothing and
//!   does not fail (`AllowEmptyWildcard: true` in convert_copy.go; solver/llbsolver/file/backend.go).
//! - Only what `.dockerignore` leaves in is sent, so an excluded path is missing to the build.
//!   `<Dockerfile>.dockerignore` beside the Dockerfile wins over the context's `.dockerignore`
//!   (frontend/dockerui/config.go).
//!
//! `.dockerignore` patterns (docs.docker.com/build/concepts/context/#dockerignore-files): one
//! a line, `#` starts a comment line, blanks are trimmed, the path is cleaned and a leading `/`
//! dropped; `!` makes an exception; `**` matches any number of folders; a pattern that matches
//! a folder excludes what is inside; the last matching line decides.

use super::{join, normalize};
use crate::syntax::dockerfile::{Instruction, InstructionKind, Word};

/// The sources of a `COPY`/`ADD` that name paths in the build context: not `--from` (another
/// stage or image), not `--parents` (patterns of their own), not URLs or git remotes, not
/// heredocs, and not holding a variable (expanded at build time).
pub fn local_sources(i: &Instruction) -> Vec<&Word> {
    let transfer = match &i.kind {
        InstructionKind::Copy(t) | InstructionKind::Add(t) => t,
        _ => return Vec::new(),
    };
    if i.flag("from").is_some() || i.flag("parents").is_some() {
        return Vec::new();
    }
    transfer
        .sources
        .iter()
        .filter(|w| {
            let v = w.value.as_str();
            !(v.is_empty()
                || v.starts_with("<<")
                || v.contains("://")
                || v.starts_with("git@")
                || v.contains('$'))
        })
        .collect()
}

/// A source cleaned against the context root: `./a/../b/` -> `b`, `../x` -> `x`, `/` -> `.`.
pub fn clean_source(source: &str) -> String {
    let cleaned = normalize(&format!("/{}", source.replace('\\', "/")));
    let kept: Vec<&str> = cleaned.split('/').filter(|s| *s != "..").collect();
    normalize(&kept.join("/"))
}

/// Whether a path segment is a wildcard pattern for BuildKit.
pub fn is_wildcard(segment: &str) -> bool {
    segment.contains(['*', '?', '['])
}

/// What the listings say of one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceState {
    Present,
    /// `missing` (a path in the context) does not exist; `near` is a name in its folder.
    Missing {
        missing: String,
        near: Option<String>,
    },
    /// A wildcard that matches no entry of the folder it is in.
    Unmatched,
    /// Not known from the listings given.
    Unknown,
}

/// Looks `source` (cleaned) up in the listings of `context` and its sub-folders;
/// `listing(folder)` gives a folder's names (sub-folders end with `/`) when the host listed it.
/// A name that differs only in case is not called missing (the host's disk may not care).
pub fn source_state<'l>(
    context: &str,
    source: &str,
    listing: impl Fn(&str) -> Option<&'l [String]>,
) -> SourceState {
    if source == "." {
        return SourceState::Present;
    }
    let segments: Vec<&str> = source.split('/').collect();
    // With a wildcard anywhere BuildKit matches the whole path as a pattern, so a missing
    // folder before it only means nothing matches.
    let pattern = segments.iter().any(|s| is_wildcard(s));
    let mut folder = context.to_string();
    for (at, segment) in segments.iter().enumerate() {
        let last = at + 1 == segments.len();
        let Some(names) = listing(&folder) else {
            return SourceState::Unknown;
        };
        if segment.contains(['[', '\\']) {
            // Classes and escapes are not matched here.
            return SourceState::Unknown;
        }
        if is_wildcard(segment) {
            let hit = names.iter().any(|n| {
                let name = n.strip_suffix('/');
                (last || name.is_some()) && glob_segment(segment, name.unwrap_or(n))
            });
            return match (hit, last) {
                (false, _) => SourceState::Unmatched,
                (true, true) => SourceState::Present,
                (true, false) => SourceState::Unknown,
            };
        }
        let as_folder = format!("{segment}/");
        let is_folder = names.contains(&as_folder);
        let is_file = names.iter().any(|n| n == segment);
        if is_folder || (last && is_file) {
            folder = join(&folder, segment);
            continue;
        }
        // A file where a folder is needed may be a link to one: not judged.
        let other_case = names
            .iter()
            .any(|n| n.trim_end_matches('/').eq_ignore_ascii_case(segment));
        if is_file || other_case {
            return SourceState::Unknown;
        }
        if pattern {
            return SourceState::Unmatched;
        }
        let near = crate::suggest::closest(
            segment,
            names
                .iter()
                .map(|n| n.trim_end_matches('/'))
                .filter(|n| !n.is_empty()),
        )
        .map(|n| {
            let mut near = segments[..at].to_vec();
            near.push(n);
            near.join("/")
        });
        return SourceState::Missing {
            missing: segments[..=at].join("/"),
            near,
        };
    }
    SourceState::Present
}

/// The folders (project paths) whose listings [`source_state`] may read for `source`.
pub fn folders_to_list(context: &str, source: &str) -> Vec<String> {
    let mut out = vec![context.to_string()];
    if source == "." {
        return out;
    }
    let segments: Vec<&str> = source.split('/').collect();
    let mut folder = context.to_string();
    for segment in &segments[..segments.len() - 1] {
        if is_wildcard(segment) {
            break;
        }
        folder = join(&folder, segment);
        out.push(folder.clone());
    }
    out
}

/// The patterns of one `.dockerignore`.
#[derive(Clone, Debug, Default)]
pub struct Ignore {
    /// (exclude, pattern segments), in file order.
    rules: Vec<(bool, Vec<String>)>,
    /// A line this reader does not follow (`[` classes, `\` escapes, `**` inside a name):
    /// nothing is judged excluded then.
    unsure: bool,
}

impl Ignore {
    pub fn parse(text: &str) -> Self {
        let mut out = Self::default();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let line = line.trim();
            let (exclude, pattern) = match line.strip_prefix('!') {
                Some(p) => (false, p.trim()),
                None => (true, line),
            };
            if pattern.is_empty() {
                continue;
            }
            if pattern.contains(['[', '\\']) {
                out.unsure = true;
            }
            let cleaned = normalize(pattern.trim_start_matches('/'));
            let segments: Vec<String> = cleaned.split('/').map(str::to_string).collect();
            // `**` inside a name, or so many `**` that matching them could take long.
            let globstars = segments.iter().filter(|s| s.contains("**")).count();
            if globstars > 4 || segments.iter().any(|s| s.contains("**") && s != "**") {
                out.unsure = true;
            }
            out.rules.push((exclude, segments));
        }
        out
    }

    /// Whether `path` (cleaned, relative to the context) is surely left out of the context:
    /// the last rule matching it or a folder above it excludes, and no exception could bring
    /// back anything inside it.
    pub fn excludes(&self, path: &str) -> bool {
        if self.unsure || path == "." {
            return false;
        }
        let segments: Vec<&str> = path.split('/').collect();
        let last = self.rules.iter().rposition(|(_, pattern)| {
            (1..=segments.len()).any(|n| glob_path(pattern, &segments[..n]))
        });
        let Some(last) = last.filter(|at| self.rules[*at].0) else {
            return false;
        };
        // A later exception may re-include something inside an excluded folder; then the
        // folder itself is still sent, so only a path no later exception reaches into is gone.
        !self.rules[last + 1..]
            .iter()
            .any(|(exclude, pattern)| !exclude && may_reach_below(pattern, &segments))
    }
}

/// Whether `pattern` (an exception) could match something at or below `path`.
fn may_reach_below(pattern: &[String], path: &[&str]) -> bool {
    for (at, segment) in path.iter().enumerate() {
        match pattern.get(at) {
            None => return false,
            Some(p) if p == "**" => return true,
            Some(p) if !glob_segment(p, segment) => return false,
            Some(_) => {}
        }
    }
    true
}

/// A cleaned pattern against a path, both as segments; `**` matches zero or more segments.
fn glob_path(pattern: &[String], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|skip| glob_path(rest, &path[skip..]))
        }
        Some((first, rest)) => path
            .split_first()
            .is_some_and(|(name, tail)| glob_segment(first, name) && glob_path(rest, tail)),
    }
}

/// `*` and `?` within one name (Go's `path.Match` without classes and escapes).
fn glob_segment(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative matching with one backtrack point for the last `*`.
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some('?') => {
                pi += 1;
                ni += 1;
            }
            Some(c) if *c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests;
