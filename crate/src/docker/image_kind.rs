//! What an image's name and tag say: the language an official language image pins
//! ([`pinned_language`]) and the distribution and release it is built on ([`base_os`]), with
//! the glibc of that release ([`BaseOs::glibc`]). One function per question, taking the image
//! string, so devcontainer.json's `image` and a Dockerfile's final `FROM` share them.
//!
//! Tag schemes: Docker Hub's official images write the language version first
//! (`golang:1.23-bookworm`, `node:20-alpine3.19`, `eclipse-temurin:21-jdk-jammy`); the
//! devcontainers images write `[image version-]language version[-variant]`
//! (`mcr.microsoft.com/devcontainers/go:1-1.22-bookworm`, `python:3.12`; devcontainers/images
//! `src/*/manifest.json`, `build.tags` and `build.variantTags`).

use super::image::ImageRef;

/// A language whose official images pin a version and whose feature may install another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Go,
    Node,
    Python,
    Ruby,
    Java,
    Rust,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Self::Go => "Go",
            Self::Node => "Node.js",
            Self::Python => "Python",
            Self::Ruby => "Ruby",
            Self::Java => "Java",
            Self::Rust => "Rust",
        }
    }
    /// The id of the official feature that installs it (`ghcr.io/devcontainers/features/<id>`).
    pub fn feature_id(self) -> &'static str {
        match self {
            Self::Go => "go",
            Self::Node => "node",
            Self::Python => "python",
            Self::Ruby => "ruby",
            Self::Java => "java",
            Self::Rust => "rust",
        }
    }
}

/// The language an image is built around and the version its tag pins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinnedLanguage {
    pub language: Language,
    /// As the tag writes it, trimmed to digits and dots (`1.23`, `20`, `21.0.2`).
    pub version: String,
    /// A devcontainers image (built with the feature's tools), not a Docker Hub one.
    pub devcontainers: bool,
}

fn hub_language(name: &str) -> Option<Language> {
    Some(match name {
        "golang" => Language::Go,
        "node" => Language::Node,
        "python" => Language::Python,
        "ruby" => Language::Ruby,
        "eclipse-temurin" | "openjdk" => Language::Java,
        "rust" => Language::Rust,
        _ => return None,
    })
}

fn devcontainers_language(name: &str) -> Option<Language> {
    Some(match name {
        "go" => Language::Go,
        "javascript-node" | "typescript-node" => Language::Node,
        "python" => Language::Python,
        "ruby" => Language::Ruby,
        "java" | "java-8" => Language::Java,
        "rust" => Language::Rust,
        _ => return None,
    })
}

/// The leading `[0-9.]` run of a tag part (`21.0.2_13` -> `21.0.2`, `8u402` -> `8`).
fn leading_version(part: &str) -> Option<&str> {
    let end = part
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(part.len());
    let v = part[..end].trim_end_matches('.');
    (!v.is_empty() && v.starts_with(|c: char| c.is_ascii_digit())).then_some(v)
}

fn is_version(part: &str) -> bool {
    !part.is_empty() && part.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The language and version an official language image pins; `None` for other images and
/// for tags that pin nothing (`golang:latest`, `node:lts-alpine`, `devcontainers/go:1`).
pub fn pinned_language(image: &str) -> Option<PinnedLanguage> {
    let r = ImageRef::parse(image)?;
    let tag = r.tag?;
    if let Some(language) = r
        .registry
        .is_none()
        .then(|| hub_language(&r.repository))
        .flatten()
    {
        let version = leading_version(tag.split('-').next()?)?;
        let pinned = PinnedLanguage {
            language,
            version: version.to_string(),
            devcontainers: false,
        };
        return pinned.pins_a_release().then_some(pinned);
    }
    let name = r
        .under_mcr("devcontainers")
        .or_else(|| r.under_mcr("vscode/devcontainers"))?;
    let language = devcontainers_language(name)?;
    if name == "java-8" {
        return Some(PinnedLanguage {
            language,
            version: "8".into(),
            devcontainers: true,
        });
    }
    let parts: Vec<&str> = tag.split('-').collect();
    let version = match parts.as_slice() {
        [image_version, lang, ..] if is_version(image_version) && is_version(lang) => *lang,
        [lang, ..] if is_version(lang) => *lang,
        _ => return None,
    };
    let pinned = PinnedLanguage {
        language,
        version: version.to_string(),
        devcontainers: true,
    };
    pinned.pins_a_release().then_some(pinned)
}

impl PinnedLanguage {
    /// False for a version that names no release line: a bare `1` of Go or Rust and a bare `3`
    /// of Python (any release), and a bare number below the language's first major (`go:1`,
    /// `javascript-node:1`: the image's own version, or "the newest").
    fn pins_a_release(&self) -> bool {
        if self.version.contains('.') {
            return true;
        }
        let major: u32 = self.version.parse().unwrap_or(0);
        match self.language {
            Language::Go | Language::Rust | Language::Python => false,
            Language::Node => major >= 4,
            Language::Java => major >= 5,
            Language::Ruby => major >= 2,
        }
    }
}

/// The distribution an image is built on, as `/etc/os-release` names it (`ID`), and the
/// release when the name or tag says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseOs {
    /// `debian`, `ubuntu`, `alpine`, `centos`, `amzn`, `rhel`, `fedora`, `rocky`, ...
    pub distro: &'static str,
    /// `12`, `18.04`, `3.19`, `7`, `2`.
    pub release: Option<String>,
}

const CODENAMES: &[(&str, &str, &str)] = &[
    ("wheezy", "debian", "7"),
    ("jessie", "debian", "8"),
    ("stretch", "debian", "9"),
    ("buster", "debian", "10"),
    ("bullseye", "debian", "11"),
    ("bookworm", "debian", "12"),
    ("trixie", "debian", "13"),
    ("trusty", "ubuntu", "14.04"),
    ("xenial", "ubuntu", "16.04"),
    ("bionic", "ubuntu", "18.04"),
    ("focal", "ubuntu", "20.04"),
    ("jammy", "ubuntu", "22.04"),
    ("noble", "ubuntu", "24.04"),
];

fn os(distro: &'static str, release: Option<&str>) -> BaseOs {
    BaseOs {
        distro,
        release: release.map(str::to_string),
    }
}

/// A distribution named by one tag part (`bookworm`, `alpine3.19`, `ubuntu22.04`, `debian11`);
/// `next` is the part after it, for `alpine-3.19` and `ubuntu-20.04`.
fn os_in_part(part: &str, next: Option<&str>) -> Option<BaseOs> {
    if let Some(&(_, distro, release)) = CODENAMES.iter().find(|(c, _, _)| *c == part) {
        return Some(os(distro, Some(release)));
    }
    for distro in ["alpine", "ubuntu", "debian", "centos"] {
        if let Some(rest) = part.strip_prefix(distro) {
            let release = leading_version(rest).or_else(|| next.filter(|n| is_version(n)));
            if rest.is_empty() || is_version(rest) {
                return Some(os(distro, release));
            }
        }
    }
    None
}

/// The release a distribution image's own tag names (`debian:9-slim` -> `9`,
/// `ubuntu:bionic` -> `18.04`, `centos:centos7` -> `7`, `amazonlinux:2.0.2024` -> `2`).
fn release_of(distro: &str, tag: &str) -> Option<String> {
    let first = tag.split('-').next().unwrap_or(tag);
    if let Some(&(_, _, release)) = CODENAMES
        .iter()
        .find(|(c, d, _)| *c == first && *d == distro)
    {
        return Some(release.to_string());
    }
    let first = first.strip_prefix(distro).unwrap_or(first);
    let v = leading_version(first)?;
    let mut parts = v.split('.');
    let major = parts.next()?;
    Some(match distro {
        "ubuntu" | "alpine" => match parts.next() {
            Some(minor) => format!("{major}.{minor}"),
            None => major.to_string(),
        },
        _ => major.to_string(),
    })
}

/// The distribution of `image` when its name or tag says it; `None` when nothing does.
/// Official language images default to Debian (`golang:1.23`), Temurin to Ubuntu.
pub fn base_os(image: &str) -> Option<BaseOs> {
    let r = ImageRef::parse(image)?;
    let tag = r.tag_or_latest().to_ascii_lowercase();
    if r.registry.is_none() {
        let distro = match &*r.repository {
            "debian" => Some("debian"),
            "ubuntu" => Some("ubuntu"),
            "alpine" => Some("alpine"),
            "centos" => Some("centos"),
            "amazonlinux" => Some("amzn"),
            "fedora" => Some("fedora"),
            "rockylinux" | "rockylinux/rockylinux" => Some("rocky"),
            "almalinux" => Some("almalinux"),
            "oraclelinux" => Some("ol"),
            _ => None,
        };
        if let Some(distro) = distro {
            return Some(BaseOs {
                distro,
                release: release_of(distro, &tag),
            });
        }
    }
    let last = r.repository.rsplit('/').next().unwrap_or_default();
    if let Some(ubi) = last.strip_prefix("ubi").and_then(leading_version) {
        return Some(os("rhel", Some(ubi)));
    }
    let parts: Vec<&str> = tag.split('-').collect();
    for (i, part) in parts.iter().enumerate() {
        if let Some(found) = os_in_part(part, parts.get(i + 1).copied()) {
            return Some(found);
        }
        if let Some(ubi) = part.strip_prefix("ubi").filter(|v| is_version(v)) {
            return Some(os("rhel", Some(ubi)));
        }
    }
    if tag.contains("windowsservercore") || tag.contains("nanoserver") {
        return None;
    }
    if r.registry.is_none() {
        return match &*r.repository {
            "golang" | "node" | "python" | "ruby" | "rust" | "buildpack-deps" | "php" => {
                Some(os("debian", None))
            }
            "eclipse-temurin" => Some(os("ubuntu", None)),
            _ => None,
        };
    }
    let name = r
        .under_mcr("devcontainers")
        .or_else(|| r.under_mcr("vscode/devcontainers"))?;
    // `rootDistro` is `debian` (Debian or Ubuntu) in every devcontainers/images
    // `src/*/manifest.json` but base-alpine's, whose tags say `alpine`; `universal` is Ubuntu.
    match name {
        "universal" => Some(os("ubuntu", None)),
        _ => Some(os("debian", None)),
    }
}

impl BaseOs {
    /// The glibc version of this release, for the releases whose glibc is known here
    /// (VS Code's server needs 2.28 or newer since 1.86: microsoft/vscode#203375).
    pub fn glibc(&self) -> Option<&'static str> {
        let release = self.release.as_deref()?;
        let table: &[(&str, &str, &str)] = &[
            ("debian", "7", "2.13"),
            ("debian", "8", "2.19"),
            ("debian", "9", "2.24"),
            ("debian", "10", "2.28"),
            ("debian", "11", "2.31"),
            ("debian", "12", "2.36"),
            ("debian", "13", "2.41"),
            ("ubuntu", "14.04", "2.19"),
            ("ubuntu", "16.04", "2.23"),
            ("ubuntu", "18.04", "2.27"),
            ("ubuntu", "20.04", "2.31"),
            ("ubuntu", "22.04", "2.35"),
            ("ubuntu", "24.04", "2.39"),
            ("centos", "6", "2.12"),
            ("centos", "7", "2.17"),
            ("centos", "8", "2.28"),
            ("rhel", "7", "2.17"),
            ("rhel", "8", "2.28"),
            ("amzn", "1", "2.17"),
            ("amzn", "2", "2.26"),
            ("amzn", "2023", "2.34"),
        ];
        table
            .iter()
            .find(|(d, r, _)| *d == self.distro && *r == release)
            .map(|(_, _, g)| *g)
    }

    /// True when this release's glibc is older than 2.28, which VS Code's server needs.
    pub fn too_old_for_vscode_server(&self) -> bool {
        self.glibc().is_some_and(|g| {
            let minor = g.strip_prefix("2.").and_then(|m| m.parse::<u32>().ok());
            minor.is_some_and(|m| m < 28)
        })
    }

    /// The release in words: `Debian 9 (stretch)`, `Ubuntu 18.04`, `Alpine 3.19`.
    pub fn describe(&self) -> String {
        let name = match self.distro {
            "debian" => "Debian",
            "ubuntu" => "Ubuntu",
            "alpine" => "Alpine",
            "centos" => "CentOS",
            "amzn" => "Amazon Linux",
            "rhel" => "RHEL",
            "fedora" => "Fedora",
            "rocky" => "Rocky Linux",
            "almalinux" => "AlmaLinux",
            "ol" => "Oracle Linux",
            other => other,
        };
        match self.release.as_deref() {
            Some(release) => {
                let codename = CODENAMES
                    .iter()
                    .find(|(_, d, r)| *d == self.distro && *r == release && *d == "debian")
                    .map(|(c, _, _)| format!(" ({c})"))
                    .unwrap_or_default();
                format!("{name} {release}{codename}")
            }
            None => name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(image: &str) -> Option<(Language, String)> {
        pinned_language(image).map(|p| (p.language, p.version))
    }

    #[test]
    fn language_images_pin_versions() {
        assert_eq!(
            pin("golang:1.23-bookworm"),
            Some((Language::Go, "1.23".into()))
        );
        assert_eq!(
            pin("docker.io/library/golang:1.22"),
            Some((Language::Go, "1.22".into()))
        );
        assert_eq!(pin("golang:latest"), None);
        assert_eq!(pin("golang"), None);
        assert_eq!(
            pin("node:20-alpine3.19"),
            Some((Language::Node, "20".into()))
        );
        assert_eq!(pin("node:lts"), None);
        assert_eq!(
            pin("eclipse-temurin:21-jdk-jammy"),
            Some((Language::Java, "21".into()))
        );
        assert_eq!(pin("openjdk:8u342-jdk"), Some((Language::Java, "8".into())));
        assert_eq!(pin("rust:1.80-slim"), Some((Language::Rust, "1.80".into())));
        assert_eq!(
            pin("mcr.microsoft.com/devcontainers/go:1-1.22-bookworm"),
            Some((Language::Go, "1.22".into()))
        );
        assert_eq!(
            pin("mcr.microsoft.com/devcontainers/python:3.12"),
            Some((Language::Python, "3.12".into()))
        );
        assert_eq!(
            pin("mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm"),
            Some((Language::Node, "20".into()))
        );
        assert_eq!(
            pin("mcr.microsoft.com/vscode/devcontainers/ruby:0-3.1"),
            Some((Language::Ruby, "3.1".into()))
        );
        assert_eq!(pin("mcr.microsoft.com/devcontainers/go:bookworm"), None);
        assert_eq!(pin("mcr.microsoft.com/devcontainers/go:1"), None);
        assert_eq!(pin("mcr.microsoft.com/devcontainers/go:1-1-bookworm"), None);
        assert_eq!(
            pin("mcr.microsoft.com/devcontainers/javascript-node:1"),
            None
        );
        assert_eq!(pin("python:3-slim"), None);
        assert_eq!(
            pin("mcr.microsoft.com/devcontainers/ruby:3"),
            Some((Language::Ruby, "3".into()))
        );
        assert_eq!(pin("mcr.microsoft.com/devcontainers/base:bookworm"), None);
        assert_eq!(pin("ghcr.io/acme/golang:1.22"), None);
    }

    fn os_of(image: &str) -> Option<(&'static str, Option<String>)> {
        base_os(image).map(|o| (o.distro, o.release))
    }

    #[test]
    fn tags_name_the_os() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(os_of("golang:1.22-alpine3.19"), Some(("alpine", s("3.19"))));
        assert_eq!(os_of("golang:1.22-alpine"), Some(("alpine", None)));
        assert_eq!(
            os_of("mcr.microsoft.com/devcontainers/base:alpine-3.20"),
            Some(("alpine", s("3.20")))
        );
        assert_eq!(os_of("python:3.7-stretch"), Some(("debian", s("9"))));
        assert_eq!(os_of("debian:9-slim"), Some(("debian", s("9"))));
        assert_eq!(os_of("debian:stretch"), Some(("debian", s("9"))));
        assert_eq!(os_of("ubuntu:18.04"), Some(("ubuntu", s("18.04"))));
        assert_eq!(os_of("ubuntu:bionic"), Some(("ubuntu", s("18.04"))));
        assert_eq!(os_of("ubuntu"), Some(("ubuntu", None)));
        assert_eq!(os_of("centos:7"), Some(("centos", s("7"))));
        assert_eq!(os_of("centos:centos7"), Some(("centos", s("7"))));
        assert_eq!(os_of("amazonlinux:2"), Some(("amzn", s("2"))));
        assert_eq!(os_of("amazonlinux:2023"), Some(("amzn", s("2023"))));
        assert_eq!(
            os_of("mcr.microsoft.com/vscode/devcontainers/base:0-ubuntu-18.04"),
            Some(("ubuntu", s("18.04")))
        );
        assert_eq!(
            os_of("eclipse-temurin:17-focal"),
            Some(("ubuntu", s("20.04")))
        );
        assert_eq!(os_of("golang:1.23"), Some(("debian", None)));
        assert_eq!(
            os_of("mcr.microsoft.com/devcontainers/base"),
            Some(("debian", None))
        );
        assert_eq!(
            os_of("mcr.microsoft.com/devcontainers/base:ubuntu"),
            Some(("ubuntu", None))
        );
        assert_eq!(os_of("acme/tool:1.0"), None);
        assert_eq!(os_of("redhat/ubi8:latest"), Some(("rhel", s("8"))));
    }

    #[test]
    fn old_releases_are_too_old_for_the_server() {
        let old = |image: &str| base_os(image).is_some_and(|o| o.too_old_for_vscode_server());
        assert!(old("ubuntu:18.04"));
        assert!(old("debian:9"));
        assert!(old("node:16-stretch"));
        assert!(old("centos:7"));
        assert!(old("amazonlinux:2"));
        assert!(!old("debian:10"));
        assert!(!old("python:3.12-buster"));
        assert!(!old("ubuntu:20.04"));
        assert!(!old("amazonlinux:2023"));
        assert!(!old("alpine:3.19"));
        assert!(!old("ubuntu"));
        assert_eq!(
            base_os("debian:stretch").unwrap().describe(),
            "Debian 9 (stretch)"
        );
    }
}
