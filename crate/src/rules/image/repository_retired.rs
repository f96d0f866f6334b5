//! `image-repository-retired`: an image of `mcr.microsoft.com/vscode/devcontainers/*`, the
//! repository microsoft/vscode-dev-containers published to, which is no longer updated.
//! Fixtures: `crate/tests/fixtures/rules/image-repository-retired/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::docker::retired::successor;
use crate::rules::support::config::base_image;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const IMAGE_REPOSITORY_RETIRED: RuleInfo = RuleInfo {
    code: "image-repository-retired",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An image from mcr.microsoft.com/vscode/devcontainers, which is no longer updated.",
    why: "The images under `mcr.microsoft.com/vscode/devcontainers/` came from microsoft/vscode-dev-containers, which stopped publishing them; the maintained images are `mcr.microsoft.com/devcontainers/<name>` from devcontainers/images, built by the same script with the same tag scheme (`src/*/manifest.json`). An old image gets no security or tool updates.",
    fix: FixSafety::Safe {
        reason: "Offered as safe only when the manifests of devcontainers/images show that the new repository published the same name and tag; otherwise the fix is unsafe, because that tag may not exist there.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[IMAGE_REPOSITORY_RETIRED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(base) = base_image(cx) else {
        return;
    };
    let (image, range) = (base.name, base.range);
    let Some(next) = successor(image) else {
        return;
    };
    let shown = crate::syntax::clip(image);
    let Some(new_ref) = next.new_reference else {
        out.push(IMAGE_REPOSITORY_RETIRED.at(
            range,
            format!(
                "{shown} comes from mcr.microsoft.com/vscode/devcontainers, which is no longer updated, and devcontainers/images publishes no \"{}\" image: pick a maintained image (mcr.microsoft.com/devcontainers/base or another under mcr.microsoft.com/devcontainers/).",
                next.name
            ),
        ).in_file(base.file));
        return;
    };
    let edit = vec![Edit::replace(range, base.replacement(&new_ref)).in_file(base.file)];
    let d = IMAGE_REPOSITORY_RETIRED.at(
        range,
        if next.tag_published {
            format!(
                "{shown} comes from mcr.microsoft.com/vscode/devcontainers, which is no longer updated: use \"{new_ref}\", the same image and tag in the maintained repository."
            )
        } else {
            format!(
                "{shown} comes from mcr.microsoft.com/vscode/devcontainers, which is no longer updated: the maintained repository has \"{}\", but its manifests never list the tag \"{}\"; check the tags it publishes (e.g. \"{}\").",
                next.name,
                next.tag,
                newest_like(&next.name)
            )
        },
    );
    let d = d.in_file(base.file);
    if !base.plain {
        out.push(d);
        return;
    }
    out.push(d.with_fix_if(cx.wants_fixes(), || {
        if next.tag_published {
            Fix::safe(format!("Use {new_ref}"), edit)
        } else {
            Fix::unsafe_(format!("Use {new_ref} (tag not known there)"), edit)
        }
    }));
}

/// A tag the maintained repository publishes for `name`, to show in the message.
fn newest_like(name: &str) -> String {
    let mut major = None;
    crate::docker::retired::any_published_tag(name, |tag| {
        major = major.max(crate::docker::retired::leading_major(tag));
        false
    });
    match major {
        Some(m) => format!("mcr.microsoft.com/devcontainers/{name}:{m}"),
        None => format!("mcr.microsoft.com/devcontainers/{name}:latest"),
    }
}
