//! The short feature ids of the first feature system (`"golang": "1.20"`), and what the dev
//! containers CLI does with each today: most map onto the official namespace at tag `1`, a few
//! fold into an option of another feature, and the rest make the CLI fail.

/// One old short id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegacyShortId {
    /// The short id, as written in `features`.
    pub id: &'static str,
    /// The full id (no tag) to use instead; `None` when the CLI refuses the id.
    pub target: Option<&'static str>,
    /// A boolean option the CLI turns on in the target (`gradle` is Java with `installGradle`).
    pub enables_option: Option<&'static str>,
}

/// The tag the CLI pins mapped short ids to.
pub const LEGACY_TAG: &str = "1";

const SHORT_IDS: &[LegacyShortId] = &[
    mapped("aws-cli", "ghcr.io/devcontainers/features/aws-cli", None),
    mapped(
        "azure-cli",
        "ghcr.io/devcontainers/features/azure-cli",
        None,
    ),
    mapped(
        "desktop-lite",
        "ghcr.io/devcontainers/features/desktop-lite",
        None,
    ),
    mapped(
        "docker-in-docker",
        "ghcr.io/devcontainers/features/docker-in-docker",
        None,
    ),
    mapped("dotnet", "ghcr.io/devcontainers/features/dotnet", None),
    mapped("git", "ghcr.io/devcontainers/features/git", None),
    mapped("git-lfs", "ghcr.io/devcontainers/features/git-lfs", None),
    mapped(
        "github-cli",
        "ghcr.io/devcontainers/features/github-cli",
        None,
    ),
    mapped("java", "ghcr.io/devcontainers/features/java", None),
    mapped(
        "kubectl-helm-minikube",
        "ghcr.io/devcontainers/features/kubectl-helm-minikube",
        None,
    ),
    mapped("node", "ghcr.io/devcontainers/features/node", None),
    mapped(
        "powershell",
        "ghcr.io/devcontainers/features/powershell",
        None,
    ),
    mapped("python", "ghcr.io/devcontainers/features/python", None),
    mapped("ruby", "ghcr.io/devcontainers/features/ruby", None),
    mapped("rust", "ghcr.io/devcontainers/features/rust", None),
    mapped("sshd", "ghcr.io/devcontainers/features/sshd", None),
    mapped(
        "terraform",
        "ghcr.io/devcontainers/features/terraform",
        None,
    ),
    mapped("golang", "ghcr.io/devcontainers/features/go", None),
    mapped(
        "common",
        "ghcr.io/devcontainers/features/common-utils",
        None,
    ),
    // The CLI maps it to the old `docker-from-docker`, itself renamed since.
    mapped(
        "docker-from-docker",
        "ghcr.io/devcontainers/features/docker-outside-of-docker",
        None,
    ),
    mapped(
        "gradle",
        "ghcr.io/devcontainers/features/java",
        Some("installGradle"),
    ),
    mapped(
        "maven",
        "ghcr.io/devcontainers/features/java",
        Some("installMaven"),
    ),
    mapped(
        "jupyterlab",
        "ghcr.io/devcontainers/features/python",
        Some("installJupyterlab"),
    ),
    refused("fish"),
    refused("homebrew"),
];

const fn mapped(
    id: &'static str,
    target: &'static str,
    enables_option: Option<&'static str>,
) -> LegacyShortId {
    LegacyShortId {
        id,
        target: Some(target),
        enables_option,
    }
}

const fn refused(id: &'static str) -> LegacyShortId {
    LegacyShortId {
        id,
        target: None,
        enables_option: None,
    }
}

/// What the CLI does with the short id `id` (compared case-insensitively), if it is one.
pub fn legacy_short_id(id: &str) -> Option<LegacyShortId> {
    SHORT_IDS
        .iter()
        .find(|l| l.id.eq_ignore_ascii_case(id))
        .copied()
}

/// Every old short id the CLI still knows (mapped or refused).
pub fn legacy_short_ids() -> &'static [LegacyShortId] {
    SHORT_IDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_is_in_the_catalog() {
        for l in SHORT_IDS {
            if let Some(target) = l.target {
                let (ns, id) = target.rsplit_once('/').unwrap();
                let feature = crate::features::find(ns, id).unwrap();
                if let Some(option) = l.enables_option {
                    assert!(feature.option(option).is_some(), "{option}");
                }
            }
        }
    }
}
