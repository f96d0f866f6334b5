//! The Go feature on an Alpine image: the feature installs only on Debian, Ubuntu and
//! RHEL-family images, so the container build fails.
//!
//! The image is `image`, or, with the container's files (`crate::container`), the base image of
//! the Dockerfile's built stage or the Compose service's `image`. Alpine = the image is `alpine` itself or its tag names alpine (`golang:1.22-alpine3.19`,
//! `mcr.microsoft.com/devcontainers/base:alpine-3.20`).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-feature-on-alpine/`).

use crate::diag::{Diagnostic, Severity};
use crate::docker::image::{is_golang_image, split_image};
use crate::rules::support::config::image;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;

pub const GO_FEATURE_ON_ALPINE: RuleInfo = RuleInfo {
    code: "go-feature-on-alpine",
    aliases: &[],
    severity: Severity::Warning,
    summary: "The Go feature does not install on Alpine images.",
    why: "The Go feature installs only on Debian, Ubuntu and RHEL-family images (devcontainers/features `src/go`), so on an Alpine image the container build fails.",
    fix: FixSafety::None,
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_FEATURE_ON_ALPINE];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let from_files = cx
        .container()
        .and_then(|c| c.base_image.as_ref())
        .filter(|b| b.place.file != crate::diag::FileId::MAIN);
    let name = match (cx.kind, from_files) {
        (ConfigKind::Image, _) => image(cx).map(|(n, _)| n.to_string()),
        (ConfigKind::Dockerfile | ConfigKind::Compose, Some(b)) => Some(b.value.clone()),
        _ => None,
    };
    let (Some(feature), Some(name)) = (cx.go_feature(), name) else {
        return;
    };
    let name = name.as_str();
    if !is_alpine(name) {
        return;
    }
    let advice = if is_golang_image(name) {
        "This image already has Go: remove the feature, or use a Debian-based tag (e.g. golang:1.24-bookworm) to keep it."
    } else {
        "Use a Debian or Ubuntu based image (e.g. mcr.microsoft.com/devcontainers/base:bookworm), or install Go another way."
    };
    out.push(GO_FEATURE_ON_ALPINE.at(feature.key_range(),
        format!(
            "The Go feature installs only on Debian, Ubuntu and RHEL-family images, and {}{} is Alpine: the container build fails. {advice}",
            crate::syntax::clip(name),
            from_files.map_or(String::new(), |b| {
                let path = cx.project.and_then(|p| p.path(b.place.file)).unwrap_or("the Dockerfile");
                format!(" (the base image in {path})")
            })
        ),
    ));
}

fn is_alpine(image: &str) -> bool {
    let (repo, tag) = split_image(image);
    let name = repo.rsplit('/').next().unwrap_or(&repo);
    name == "alpine" || tag.contains("alpine")
}
