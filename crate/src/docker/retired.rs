//! The retired image repository `mcr.microsoft.com/vscode/devcontainers/*` (built from
//! microsoft/vscode-dev-containers, no longer updated) and where its images live now:
//! `mcr.microsoft.com/devcontainers/*` (devcontainers/images). Both publish with the same build
//! script, so a tag keeps its meaning (`go:0-1.19-bullseye`); whether the new repository has a
//! given tag is known from the tags its manifests ever produced (`generated/image_tags.rs`).

use super::generated::image_tags::PUBLISHED_TAGS;
use super::image::ImageRef;

/// The registry path of the retired repository.
pub const RETIRED_PREFIX: &str = "vscode/devcontainers";
/// The registry path of the maintained one.
pub const MAINTAINED_PREFIX: &str = "devcontainers";

/// Where a retired image lives now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Successor {
    /// The image name in the retired repository (`go`).
    pub name: String,
    /// The tag as written (`latest` when none), and the digest, dropped from the new reference.
    pub tag: String,
    /// `mcr.microsoft.com/devcontainers/<name>[:<tag>]` when the name is published there.
    pub new_reference: Option<String>,
    /// True when the maintained repository published this exact tag (its manifests show it).
    pub tag_published: bool,
}

/// Calls `visit` with each tag the maintained repository published for `name`, in order, until
/// it returns true. Says whether it did, or `None` when `name` is not published there. The tags
/// are decoded into one buffer (the table is front coded, see `generated/image_tags.rs`).
pub fn any_published_tag(name: &str, mut visit: impl FnMut(&str) -> bool) -> Option<bool> {
    let (_, coded) = PUBLISHED_TAGS.iter().find(|(n, _)| *n == name)?;
    let mut tag = String::new();
    let mut rest = *coded;
    while let Some(first) = rest.bytes().next() {
        // A tag starts with 1 + the length it shares with the tag before it; the generator
        // writes only ASCII, so every cut here is on a character boundary.
        let shared = usize::from(first.saturating_sub(1));
        let body = rest.get(1..).unwrap_or("");
        let end = body.bytes().position(|b| b < 0x20).unwrap_or(body.len());
        tag.truncate(shared.min(tag.len()));
        tag.push_str(body.get(..end).unwrap_or(""));
        if visit(&tag) {
            return Some(true);
        }
        rest = body.get(end..).unwrap_or("");
    }
    Some(false)
}

/// The major version a tag starts with: `1` of `1-bookworm` and of `1`, none for `1.2` or
/// `latest` (the digits must end the tag or come before a `-`).
pub fn leading_major(tag: &str) -> Option<u32> {
    let bytes = tag.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 || !matches!(bytes.get(digits), None | Some(b'-')) {
        return None;
    }
    Some(
        bytes[..digits]
            .iter()
            .fold(0, |n, &b| n * 10 + u32::from(b - b'0')),
    )
}

/// For an image of the retired repository, its successor; `None` for any other image.
pub fn successor(image: &str) -> Option<Successor> {
    let r = ImageRef::parse(image)?;
    let name = r.under_mcr(RETIRED_PREFIX)?.to_string();
    let tag = r.tag_or_latest().to_string();
    let published = any_published_tag(&name, |t| t == tag);
    let new_reference = published.is_some().then(|| match &r.tag {
        Some(t) => format!("mcr.microsoft.com/{MAINTAINED_PREFIX}/{name}:{t}"),
        None => format!("mcr.microsoft.com/{MAINTAINED_PREFIX}/{name}"),
    });
    let tag_published = published == Some(true);
    Some(Successor {
        name,
        tag,
        new_reference,
        tag_published,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag of `name`, decoded.
    fn tags(name: &str) -> Vec<String> {
        let mut out = Vec::new();
        any_published_tag(name, |t| {
            out.push(t.to_string());
            false
        });
        out
    }

    #[test]
    fn majors_read_as_split_and_parse_do() {
        for (name, _) in PUBLISHED_TAGS {
            for tag in tags(name) {
                let parsed = tag.split('-').next().and_then(|t| t.parse::<u32>().ok());
                assert_eq!(leading_major(&tag), parsed, "{tag}");
            }
        }
        assert_eq!(leading_major("12-bookworm"), Some(12));
        assert_eq!(leading_major("1.2"), None);
        assert_eq!(leading_major("latest"), None);
    }

    #[test]
    fn the_visit_stops_at_the_first_tag_it_accepts() {
        let mut seen = 0;
        assert_eq!(
            any_published_tag("go", |t| {
                seen += 1;
                t == "latest"
            }),
            Some(true)
        );
        assert_eq!(
            seen,
            tags("go").iter().position(|t| t == "latest").unwrap() + 1
        );
        assert_eq!(any_published_tag("go", |t| t == "no-such-tag"), Some(false));
        assert_eq!(any_published_tag("no-such-image", |_| true), None);
    }

    #[test]
    fn old_images_have_successors() {
        let s = successor("mcr.microsoft.com/vscode/devcontainers/go:0-1.19-bullseye").unwrap();
        assert_eq!(
            s.new_reference.as_deref(),
            Some("mcr.microsoft.com/devcontainers/go:0-1.19-bullseye")
        );
        assert!(s.tag_published);
        let s = successor("mcr.microsoft.com/vscode/devcontainers/base").unwrap();
        assert_eq!(
            s.new_reference.as_deref(),
            Some("mcr.microsoft.com/devcontainers/base")
        );
        assert!(s.tag_published);
        let s = successor("mcr.microsoft.com/vscode/devcontainers/go:0-1.16").unwrap();
        assert!(!s.tag_published);
        let s = successor("mcr.microsoft.com/vscode/devcontainers/dotnetcore:3.1").unwrap();
        assert_eq!(s.new_reference, None);
        assert!(successor("mcr.microsoft.com/devcontainers/go:1").is_none());
        assert!(successor("golang:1.22").is_none());
    }

    #[test]
    fn every_maintained_image_name_is_known() {
        // The image names of devcontainers/images `src/*/manifest.json` (base-alpine,
        // base-debian and base-ubuntu publish as `base`).
        let names: Vec<&str> = PUBLISHED_TAGS.iter().map(|(n, _)| *n).collect();
        for name in [
            "anaconda",
            "base",
            "cpp",
            "dotnet",
            "go",
            "java",
            "javascript-node",
            "jekyll",
            "miniconda",
            "php",
            "python",
            "ruby",
            "rust",
            "typescript-node",
            "universal",
        ] {
            assert!(names.contains(&name), "{name}");
        }
        assert!(tags("base").iter().any(|t| t == "alpine"));
        assert!(tags("go").iter().any(|t| t == "latest"));
    }

    #[test]
    fn each_image_lists_docker_tags_sorted() {
        for (name, coded) in PUBLISHED_TAGS {
            let tags = tags(name);
            assert_eq!(
                tags.len(),
                coded.bytes().filter(|b| *b < 0x20).count(),
                "{name}: a tag per control byte"
            );
            assert!(
                tags.iter().all(|t| !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))),
                "{name}: not a Docker tag"
            );
            assert!(tags.windows(2).all(|w| w[0] < w[1]), "{name}: not sorted");
        }
    }
}
