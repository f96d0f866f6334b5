//! One-line summaries, in our own words, of the features people use most.

const OFFICIAL: &str = "ghcr.io/devcontainers/features";

const SUMMARIES: &[(&str, &str)] = &[
    (
        "go",
        "Go toolchain plus gopls, Delve and common Go tools; turns on ptrace for debugging.",
    ),
    (
        "common-utils",
        "Basic shell tools and a non-root user (zsh, Oh My Zsh, sudo).",
    ),
    (
        "node",
        "Node.js through nvm, with npm and optionally yarn or pnpm.",
    ),
    (
        "docker-in-docker",
        "A Docker engine running inside the container (needs privileged mode).",
    ),
    (
        "docker-outside-of-docker",
        "The Docker CLI talking to the host's Docker engine through its socket.",
    ),
    (
        "git",
        "A recent Git, built from source or taken from a package archive.",
    ),
    ("github-cli", "The GitHub command line tool `gh`."),
    (
        "python",
        "A Python interpreter with pip and common Python tools.",
    ),
    (
        "java",
        "A JDK through SDKMAN!, optionally with Maven, Gradle or Ant.",
    ),
    (
        "rust",
        "The Rust toolchain through rustup, with rust-analyzer support.",
    ),
    ("azure-cli", "The Azure command line tool `az`."),
    (
        "kubectl-helm-minikube",
        "kubectl, Helm and minikube for working with Kubernetes.",
    ),
    ("aws-cli", "The AWS command line tool `aws`."),
    (
        "sshd",
        "An SSH server, so other tools can connect into the container.",
    ),
];

pub fn summary(namespace: &str, id: &str) -> Option<&'static str> {
    if !namespace.eq_ignore_ascii_case(OFFICIAL) {
        return None;
    }
    SUMMARIES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(id))
        .map(|(_, text)| *text)
}
