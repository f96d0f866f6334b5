//! Image references as far as the container view needs them: repository and tag, and the OS
//! family a tag or name reveals (`golang:1.22-alpine3.19` is Alpine, `debian:bookworm`
//! Debian). Unknown stays unknown: a rule judges only what the name says.

use crate::docker::image::split_image;

/// The Linux distribution family an image is built on, as far as its name tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OsFamily {
    Alpine,
    Debian,
    Ubuntu,
    RedHat,
    #[default]
    Unknown,
}

impl OsFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            OsFamily::Alpine => "Alpine",
            OsFamily::Debian => "Debian",
            OsFamily::Ubuntu => "Ubuntu",
            OsFamily::RedHat => "RHEL-family",
            OsFamily::Unknown => "unknown",
        }
    }
}

/// The family an image name or tag reveals.
pub fn os_family(image: &str) -> OsFamily {
    let (repo, tag) = split_image(image);
    let name = repo.rsplit('/').next().unwrap_or(&repo);
    let has = |word: &str| name == word || tag.split(['-', '.', '_']).any(|t| t.starts_with(word));
    if has("alpine") {
        OsFamily::Alpine
    } else if name == "ubuntu"
        || ["jammy", "noble", "focal", "bionic", "ubuntu"]
            .iter()
            .any(|w| has(w))
    {
        OsFamily::Ubuntu
    } else if name == "debian"
        || [
            "bookworm", "bullseye", "buster", "trixie", "stretch", "debian",
        ]
        .iter()
        .any(|w| has(w))
    {
        OsFamily::Debian
    } else if [
        "fedora",
        "centos",
        "rockylinux",
        "almalinux",
        "ubi8",
        "ubi9",
        "amazonlinux",
    ]
    .contains(&name)
    {
        OsFamily::RedHat
    } else if matches!(
        name,
        "golang" | "python" | "node" | "rust" | "buildpack-deps"
    ) && is_docker_hub(&repo)
        && tag.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        // Docker Hub's language images are Debian-based unless the tag says otherwise.
        OsFamily::Debian
    } else {
        OsFamily::Unknown
    }
}

/// True for a Docker Hub official image (`golang`, `library/golang`, `docker.io/golang`).
pub fn is_docker_hub(repo: &str) -> bool {
    let r = repo.strip_prefix("docker.io/").unwrap_or(repo);
    let r = r.strip_prefix("library/").unwrap_or(r);
    !r.contains('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_from_names_and_tags() {
        assert_eq!(os_family("golang:1.22-alpine3.19"), OsFamily::Alpine);
        assert_eq!(os_family("alpine"), OsFamily::Alpine);
        assert_eq!(os_family("golang:1.22-bookworm"), OsFamily::Debian);
        assert_eq!(os_family("golang:1.22"), OsFamily::Debian);
        assert_eq!(os_family("ubuntu:22.04"), OsFamily::Ubuntu);
        assert_eq!(
            os_family("mcr.microsoft.com/devcontainers/base:alpine-3.20"),
            OsFamily::Alpine
        );
        assert_eq!(os_family("example.com/thing:1"), OsFamily::Unknown);
    }
}
