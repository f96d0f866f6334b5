//! Image references (`registry/repository:tag`) and what is known about some images.

/// An image reference split into repository (lowercase, with registry) and tag.
pub fn split_image(image: &str) -> (String, String) {
    let image = image
        .split('@')
        .next()
        .unwrap_or(image)
        .to_ascii_lowercase();
    match image.rfind(':') {
        Some(colon) if !image[colon..].contains('/') => {
            (image[..colon].to_string(), image[colon + 1..].to_string())
        }
        _ => (image, String::new()),
    }
}

/// The Docker Hub `golang` image, under any of its spellings.
pub fn is_golang_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        repo.as_str(),
        "golang" | "library/golang" | "docker.io/golang" | "docker.io/library/golang"
    )
}

/// Images built by devcontainers/images whose metadata label already grants ptrace (they are
/// built with the Go feature).
pub fn is_devcontainers_go_image(image: &str) -> bool {
    let (repo, _) = split_image(image);
    matches!(
        repo.as_str(),
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
}
