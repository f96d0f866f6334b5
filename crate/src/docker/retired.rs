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

/// The tags the maintained repository published for `name`, when it publishes `name`.
pub fn published_tags(name: &str) -> Option<impl Iterator<Item = &'static str>> {
    PUBLISHED_TAGS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, tags)| words(tags))
}

/// The space-separated words of `s`, found byte by byte (`str::split` sets up a searcher per
/// word, and the base image has over a hundred tags).
fn words(s: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.as_bytes().iter().position(|&b| b == b' ') {
            Some(space) => {
                rest = r.get(space + 1..);
                r.get(..space)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
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
    let tags = published_tags(&name);
    let new_reference = tags.is_some().then(|| match &r.tag {
        Some(t) => format!("mcr.microsoft.com/{MAINTAINED_PREFIX}/{name}:{t}"),
        None => format!("mcr.microsoft.com/{MAINTAINED_PREFIX}/{name}"),
    });
    let tag_published = tags.is_some_and(|mut t| t.any(|t| t == tag));
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

    #[test]
    fn tags_split_and_majors_read_as_str_split_and_parse_do() {
        for (_, tags) in PUBLISHED_TAGS {
            assert_eq!(
                words(tags).collect::<Vec<_>>(),
                tags.split(' ').collect::<Vec<_>>()
            );
            for tag in tags.split(' ') {
                let parsed = tag.split('-').next().and_then(|t| t.parse::<u32>().ok());
                assert_eq!(leading_major(tag), parsed, "{tag}");
            }
        }
        assert_eq!(leading_major("12-bookworm"), Some(12));
        assert_eq!(leading_major("1.2"), None);
        assert_eq!(leading_major("latest"), None);
        assert_eq!(words("").collect::<Vec<_>>(), [""]);
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
        assert!(published_tags("base").unwrap().any(|t| t == "alpine"));
        assert!(published_tags("go").unwrap().any(|t| t == "latest"));
    }

    #[test]
    fn each_image_lists_tags_sorted_one_space_apart() {
        for (name, _) in PUBLISHED_TAGS {
            let tags: Vec<&str> = published_tags(name).unwrap().collect();
            assert!(tags.iter().all(|t| !t.is_empty()), "{name}: an empty tag");
            assert!(tags.windows(2).all(|w| w[0] < w[1]), "{name}: not sorted");
        }
    }
}
