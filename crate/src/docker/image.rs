//! Image references (`registry/repository:tag@digest`) and what is known about some images.
//! What an image's name and tag say about its language and OS lives in [`super::image_kind`].

use std::borrow::Cow;

/// An image reference in its parts, as Docker reads `[registry/]repository[:tag][@digest]`.
/// Names are lower-cased (Docker refuses upper case in them); the tag keeps its case. The parts
/// borrow the text unless a name had to be lower-cased: every image rule reads the base image,
/// and the copies were most of what parsing it cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// The registry host when the first path part has a `.` or `:` or is `localhost`
    /// (`mcr.microsoft.com`); `None` for Docker Hub.
    pub registry: Option<Cow<'a, str>>,
    /// The path after the registry, without Docker Hub's `library/` prefix (`golang`,
    /// `devcontainers/go`).
    pub repository: Cow<'a, str>,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

impl<'a> ImageRef<'a> {
    /// Splits `image`; `None` for an empty name or one that holds a variable (`${...}`).
    pub fn parse(image: &'a str) -> Option<ImageRef<'a>> {
        let image = image.trim();
        if image.is_empty() || image.contains('$') || image.contains(char::is_whitespace) {
            return None;
        }
        let (rest, digest) = match image.split_once('@') {
            Some((r, d)) => (r, Some(d)),
            None => (image, None),
        };
        let (name, tag) = match rest.rfind(':') {
            Some(colon) if !rest[colon..].contains('/') => {
                (&rest[..colon], Some(&rest[colon + 1..]))
            }
            _ => (rest, None),
        };
        let name = lower(name);
        let (registry, mut path) = match name.find('/') {
            Some(slash) if is_registry_host(&name[..slash]) => {
                (Some(0..slash), slash + 1..name.len())
            }
            _ => (None, 0..name.len()),
        };
        let registry = registry.map(|r| part(&name, r));
        let hub = registry.as_deref().is_none_or(|r| r == "docker.io");
        if hub && name[path.clone()].starts_with("library/") {
            path.start += "library/".len();
        }
        if path.is_empty() {
            return None;
        }
        Some(ImageRef {
            registry: registry.filter(|r| r != "docker.io"),
            repository: part(&name, path),
            tag: tag.filter(|t| !t.is_empty()),
            digest,
        })
    }

    /// The Docker Hub official image of this name (`golang`, `docker.io/library/golang`).
    pub fn is_official(&self, name: &str) -> bool {
        self.registry.is_none() && self.repository == name
    }

    /// The image name under `mcr.microsoft.com/<prefix>/` (`go` for `devcontainers`).
    pub fn under_mcr<'s>(&'s self, prefix: &str) -> Option<&'s str> {
        if self.registry.as_deref() != Some("mcr.microsoft.com") {
            return None;
        }
        let name = self.repository.strip_prefix(prefix)?.strip_prefix('/')?;
        (!name.is_empty() && !name.contains('/')).then_some(name)
    }

    /// The tag, `latest` when none is written.
    pub fn tag_or_latest(&self) -> &str {
        self.tag.unwrap_or("latest")
    }
}

/// Whether the first part of an image name is a registry host, as Docker decides: it holds a
/// `.` or a `:`, or is `localhost`.
fn is_registry_host(first: &str) -> bool {
    first.contains('.') || first.contains(':') || first == "localhost"
}

/// `text` lower-cased, borrowed when it has no upper case (image names almost never do).
fn lower(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// `range` of `whole`, borrowing what `whole` borrows.
fn part<'a>(whole: &Cow<'a, str>, range: std::ops::Range<usize>) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
        Cow::Owned(text) => Cow::Owned(text[range].to_string()),
    }
}

/// An image reference split into repository (lowercase, with registry) and tag (lowercase).
pub fn split_image(image: &str) -> (Cow<'_, str>, Cow<'_, str>) {
    let image = image.split('@').next().unwrap_or(image);
    let (repo, tag) = match image.rfind(':') {
        Some(colon) if !image[colon..].contains('/') => (&image[..colon], &image[colon + 1..]),
        _ => (image, ""),
    };
    (lower(repo), lower(tag))
}

/// The Docker Hub `golang` image, under any of its spellings.
pub fn is_golang_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        &*repo,
        "golang" | "library/golang" | "docker.io/golang" | "docker.io/library/golang"
    )
}

/// Images built by devcontainers/images whose metadata label already grants ptrace (they are
/// built with the Go feature).
pub fn is_devcontainers_go_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        &*repo,
        "mcr.microsoft.com/devcontainers/go"
            | "mcr.microsoft.com/vscode/devcontainers/go"
            | "mcr.microsoft.com/devcontainers/universal"
            | "mcr.microsoft.com/vscode/devcontainers/universal"
    )
}

/// Images known to carry no `devcontainer.metadata` grants: the Docker Hub official images a
/// Go container is usually built on, and the devcontainers `base` image. Any other image may
/// have been built with features whose metadata this file cannot see.
pub fn is_image_without_metadata_grants(image: &str) -> bool {
    let (repo, _) = split_image(image);
    let name = repo
        .strip_prefix("docker.io/")
        .unwrap_or(&repo)
        .strip_prefix("library/")
        .unwrap_or(repo.strip_prefix("docker.io/").unwrap_or(&repo));
    matches!(
        name,
        "golang"
            | "debian"
            | "ubuntu"
            | "alpine"
            | "fedora"
            | "buildpack-deps"
            | "mcr.microsoft.com/devcontainers/base"
            | "mcr.microsoft.com/vscode/devcontainers/base"
    )
}

/// The user an image's dev container runs as when the config names none, where it is known:
/// the `remoteUser` that devcontainers/images bakes into each image's metadata (their
/// `src/<image>/.devcontainer/devcontainer.json`: `vscode`, `node` for the Node images,
/// `codespace` for universal), and `root` for Docker Hub official images that set no `USER`.
pub fn default_user(image: &str) -> Option<&'static str> {
    let (repo, _) = split_image(image);
    if let Some(name) = repo.strip_prefix("mcr.microsoft.com/devcontainers/") {
        return match name {
            "javascript-node" | "typescript-node" => Some("node"),
            "universal" => Some("codespace"),
            "anaconda" | "base" | "cpp" | "dotnet" | "go" | "java" | "java-8" | "jekyll"
            | "miniconda" | "php" | "python" | "ruby" | "rust" => Some("vscode"),
            _ => None,
        };
    }
    let name = repo.strip_prefix("docker.io/").unwrap_or(&repo);
    let name = name.strip_prefix("library/").unwrap_or(name);
    matches!(
        name,
        "golang"
            | "debian"
            | "ubuntu"
            | "alpine"
            | "fedora"
            | "buildpack-deps"
            | "python"
            | "node"
            | "rust"
            | "ruby"
    )
    .then_some("root")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised() {
        assert!(is_golang_image("golang:1.22-alpine"));
        assert!(is_devcontainers_go_image(
            "mcr.microsoft.com/devcontainers/go:1-1.22-bookworm"
        ));
        assert!(is_image_without_metadata_grants("golang:1.22"));
        assert!(is_image_without_metadata_grants(
            "docker.io/library/golang:1.22"
        ));
        assert!(!is_image_without_metadata_grants("ghcr.io/acme/go-dev:1"));
        assert!(!is_image_without_metadata_grants("acme/go-dev:1"));
        assert!(!is_image_without_metadata_grants("golangdev:1.18-alpine"));
        assert!(!is_devcontainers_go_image(
            "mcr.microsoft.com/devcontainers/base:bookworm"
        ));
    }

    #[test]
    fn references_split_in_parts() {
        let r = ImageRef::parse("docker.io/library/golang:1.22-alpine@sha256:ab").unwrap();
        assert_eq!(r.registry, None);
        assert_eq!(r.repository, "golang");
        assert_eq!(r.tag, Some("1.22-alpine"));
        assert_eq!(r.digest, Some("sha256:ab"));
        assert!(r.is_official("golang"));
        let r = ImageRef::parse("mcr.microsoft.com/devcontainers/go:1-1.22-bookworm").unwrap();
        assert_eq!(r.registry.as_deref(), Some("mcr.microsoft.com"));
        assert_eq!(r.under_mcr("devcontainers"), Some("go"));
        assert_eq!(r.under_mcr("vscode/devcontainers"), None);
        let r = ImageRef::parse("localhost:5000/team/img").unwrap();
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(r.tag_or_latest(), "latest");
        assert!(ImageRef::parse("acme/library/x").is_some_and(|r| !r.is_official("x")));
        assert_eq!(ImageRef::parse("${localEnv:IMAGE}"), None);
        assert_eq!(ImageRef::parse(""), None);
    }
}
