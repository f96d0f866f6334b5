//! Options that install scripts read although the feature metadata does not declare them.
//! The official templates and images set these, so they are not reported as unknown.

const OFFICIAL: &str = "ghcr.io/devcontainers/features";

/// (feature id, undeclared option names) in the official namespace.
const UNDECLARED: &[(&str, &[&str])] = &[
    ("docker-in-docker", &["enableNonRootDocker", "username"]),
    (
        "docker-outside-of-docker",
        &["enableNonRootDocker", "username"],
    ),
    ("go", &["username"]),
    ("java", &["username"]),
    ("node", &["additionalVersions", "username"]),
    ("php", &["additionalVersions", "username"]),
    (
        "python",
        &["additionalVersions", "useOryxIfAvailable", "username"],
    ),
    ("ruby", &["additionalVersions", "username"]),
    ("rust", &["username"]),
    ("sshd", &["username"]),
];

/// Option names the install script of `namespace/id` reads without declaring them.
pub fn undeclared_options(namespace: &str, id: &str) -> &'static [&'static str] {
    if !namespace.eq_ignore_ascii_case(OFFICIAL) {
        return &[];
    }
    UNDECLARED
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(id))
        .map_or(&[], |(_, names)| names)
}
