//! `feature-language-reinstalled`: a language feature (Go, Node.js, Python, Ruby, Java) on an
//! official image of the same language that pins a version, with a `version` that makes the
//! feature's script install another one (its default, `latest`, or another version).
//!
//! What each install script does with a language already present (devcontainers/features
//! `src/<id>/install.sh`):
//! - go: downloads the requested Go unless `go version` already contains it, and unpacks it
//!   into `/usr/local/go`, the golang image's own GOROOT: `latest` replaces the image's Go.
//! - node: installs nvm and the requested Node.js under `/usr/local/share/nvm`, first on PATH,
//!   whatever Node.js the image has (default `lts`).
//! - python: `latest` or a version builds CPython into `/usr/local/python`, first on PATH; the
//!   default `os-provided` installs the distribution's python3 and links it there when the
//!   image has no `/usr/local/python/current` (Docker Hub's python images have none).
//! - ruby: installs the requested Ruby under `/usr/local/rubies`, first on PATH.
//! - java: installs the requested JDK with SDKMAN and points `JAVA_HOME` at it.
//! - rust: skips when `rustup` is present, as in both rust images: never reported.
//!
//! The devcontainers images themselves are built with these features at `"version": "none"`
//! (devcontainers/images `src/<name>/.devcontainer/devcontainer.json`).
//! Fixtures: `crate/tests/fixtures/rules/feature-language-reinstalled/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::docker::image_kind::{Language, PinnedLanguage, pinned_language};
use crate::features::OptionValue;
use crate::rules::support::config::base_image;
use crate::rules::support::insert::set_member;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::MemberRef;

pub const FEATURE_LANGUAGE_REINSTALLED: RuleInfo = RuleInfo {
    code: "feature-language-reinstalled",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A language feature installs a second Go, Node.js, Python, Ruby or Java over an image that pins one.",
    why: "The install scripts of the go, node, python, ruby and java features install the requested version even when the image has the language already (go unpacks over the image's `/usr/local/go`; node, python, ruby and java install beside it and come first on PATH), so `golang:1.23` with the Go feature's default `latest` runs the newest Go, not 1.23. The rust feature skips when `rustup` is present and is not reported.",
    fix: FixSafety::Unsafe {
        reason: "`\"version\": \"none\"` keeps the image's version and the feature's other tools, and the image's version is offered too, but the author may have wanted the feature's newer version.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[FEATURE_LANGUAGE_REINSTALLED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(base) = base_image(cx) else {
        return;
    };
    let image = base.name;
    let Some(pinned) = pinned_language(image) else {
        return;
    };
    // Go over a Dockerfile's golang image is `container-go-feature-over-golang`'s finding.
    let from_files = base.file != crate::diag::FileId::MAIN;
    if pinned.language == Language::Rust || (from_files && pinned.language == Language::Go) {
        return;
    }
    for entry in cx.feature_entries() {
        let member = entry.member;
        let Some((feature, major)) = entry.feature_major() else {
            continue;
        };
        if feature.namespace != crate::features::COMPLETE_NAMESPACES[0]
            || feature.id != pinned.language.feature_id()
        {
            continue;
        }
        let default = major
            .option("version")
            .and_then(|o| o.default)
            .and_then(|d| match d {
                OptionValue::Str(s) => Some(s),
                OptionValue::Bool(_) => None,
            })
            .unwrap_or("latest");
        let written = written_version(&member);
        let version = written.unwrap_or(default).trim().to_ascii_lowercase();
        if !reinstalls(&pinned, &version) {
            continue;
        }
        report(
            cx,
            out,
            image,
            &pinned,
            &member,
            &version,
            written.is_some(),
        );
    }
}

/// The `version` the entry writes: the string value of the old form, or the option.
fn written_version<'a>(member: &MemberRef<'a>) -> Option<&'a str> {
    let value = member.value?;
    value
        .as_str()
        .or_else(|| value.get("version").and_then(|v| v.as_str()))
}

/// Whether the feature's script installs another copy of the language for `version`.
fn reinstalls(pinned: &PinnedLanguage, version: &str) -> bool {
    match version {
        "none" | "" => false,
        "os-provided" | "system" => pinned.language == Language::Python && !pinned.devcontainers,
        v if v.starts_with(|c: char| c.is_ascii_digit()) => !compatible(v, &pinned.version),
        _ => true,
    }
}

/// `1.23.4` and `1.23` name the same release line; `1` and `1.23` do not (the feature's `1`
/// resolves to the newest 1.x).
fn compatible(wanted: &str, image: &str) -> bool {
    let w: Vec<&str> = wanted.split('.').collect();
    let i: Vec<&str> = image.split('.').collect();
    w.len() >= i.len().min(2) && w.iter().zip(&i).all(|(a, b)| a == b)
}

fn report(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    image: &str,
    pinned: &PinnedLanguage,
    member: &MemberRef,
    version: &str,
    written: bool,
) {
    let lang = pinned.language.name();
    let what = if written {
        format!("\"version\": \"{version}\"")
    } else {
        format!("its default version \"{version}\"")
    };
    let range = match member.value.and_then(|v| v.get("version")) {
        Some(v) => v.range(),
        None => member.key_range(),
    };
    let mut d = FEATURE_LANGUAGE_REINSTALLED.at(
        range,
        format!(
            "{} already has {lang} {}, and the {} feature with {what} installs another {lang} over it: the container runs the feature's {lang}, not {}. Set \"version\": \"none\" to keep the image's {lang}, or \"{}\" to match it.",
            crate::syntax::clip(image),
            pinned.version,
            pinned.language.feature_id(),
            pinned.version,
            pinned.version,
        ),
    );
    if let Some(value) = member.value {
        for (title, version) in [
            (
                format!("Keep the image's {lang}: \"version\": \"none\""),
                "none".to_string(),
            ),
            (
                format!("Match the image: \"version\": \"{}\"", pinned.version),
                pinned.version.clone(),
            ),
        ] {
            let text = format!("\"{version}\"");
            let edit = if value.as_str().is_some() {
                Some(Edit::replace(value.range(), text))
            } else {
                set_member(cx, value, "version", &text)
            };
            if let Some(edit) = edit {
                d = d.with_fix_if(cx.wants_fixes(), || Fix::unsafe_(title, vec![edit]));
            }
        }
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_that_reinstall() {
        let go = pinned_language("golang:1.23-bookworm").unwrap();
        assert!(reinstalls(&go, "latest"));
        assert!(!reinstalls(&go, "none"));
        assert!(!reinstalls(&go, "1.23"));
        assert!(!reinstalls(&go, "1.23.4"));
        assert!(reinstalls(&go, "1.22"));
        assert!(reinstalls(&go, "1"));
        let py = pinned_language("python:3.12").unwrap();
        assert!(reinstalls(&py, "os-provided"));
        let mcr_py = pinned_language("mcr.microsoft.com/devcontainers/python:1-3.12").unwrap();
        assert!(!reinstalls(&mcr_py, "os-provided"));
        assert!(reinstalls(&mcr_py, "latest"));
        let node = pinned_language("node:20").unwrap();
        assert!(reinstalls(&node, "lts"));
        assert!(!reinstalls(&node, "20"));
    }
}
