//! The generated image tags (`crate/src/docker/generated/image_tags.rs`) must match the
//! history of devcontainers/images. With `IMAGES_GIT` set to a clone of it, the generator
//! compares its output with the file; without it the test says it was skipped.

use std::path::Path;
use std::process::Command;

#[test]
fn image_tags_match_the_images_repository() {
    let Some(git) = std::env::var_os("IMAGES_GIT") else {
        eprintln!("skipped: set IMAGES_GIT to a clone of devcontainers/images to check the tags");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = Command::new("python3")
        .arg(root.join("scripts/gen-images.py"))
        .arg("--images-git")
        .arg(&git)
        .arg("--check")
        .status()
        .expect("python3 runs");
    assert!(
        status.success(),
        "crate/src/docker/generated/image_tags.rs is stale: run `python3 scripts/gen-images.py --images-git PATH/TO/devcontainers/images`"
    );
}
