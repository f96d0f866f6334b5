//! The one way a test reaches `../shared` (the read-only material beside the checkout: corpus,
//! schemas, feature metadata). A clone without it skips those tests and says so; CI
//! (`CI=true`) must run them, so there a missing folder fails the test with the reason.

use std::path::{Path, PathBuf};

/// `../shared/<sub>` when it exists. When it does not, prints `skipped: ../shared/<sub> not
/// found` and returns `None`, or panics when `CI=true`, so that CI cannot pass by skipping.
pub fn dir(sub: &str) -> Option<PathBuf> {
    let path = root().join(sub);
    if path.exists() {
        return Some(path);
    }
    let shown = format!("../shared/{sub}");
    if in_ci() {
        panic!(
            "{shown} not found (looked at {}), and CI=true: CI must run the tests that read \
             ../shared, so they fail here instead of skipping. Put the shared folder beside the \
             checkout, or unset CI to skip them locally.",
            path.display()
        );
    }
    eprintln!("skipped: {shown} not found (looked at {})", path.display());
    None
}

/// Where `../shared` is: beside the repository root (the workspace holding `crate/`).
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    match manifest.parent().and_then(Path::parent) {
        Some(beside) => beside.join("shared"),
        None => manifest.join("../../shared"),
    }
}

/// CI sets `CI=true` (GitHub Actions and most others do, and so does `.ci/run`'s caller).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}
