//! The Go feature over a Dockerfile built `FROM golang:<version>`: the feature's default
//! version is `latest`, and its install script extracts that Go over `/usr/local/go`, which is
//! where the `golang` image keeps its own Go [devcontainers/features `src/go/install.sh`,
//! `TARGET_GOROOT`], so the version the Dockerfile pins is replaced at build time. With
//! `"version": "none"` the feature installs only its tools (gopls, dlv, linters) and keeps the
//! image's Go, as devcontainers/images does for its Go image. Alpine bases are left to
//! `go-feature-on-alpine`.
//!
//! Fixtures: `crate/tests/fixtures/rules/container-go-feature-over-golang/`.

use crate::container::OsFamily;
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::docker::image::{is_golang_image, split_image};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const GO_FEATURE_OVER_GOLANG: RuleInfo = RuleInfo {
    code: "container-go-feature-over-golang",
    aliases: &[],
    severity: Severity::Warning,
    summary: "The Go feature installs another Go over the one the Dockerfile's golang image pins.",
    why: "The Go feature installs its own version (`latest` by default) into `/usr/local/go`, where the `golang` image already has the Go its tag names, so the pinned version is silently replaced; `\"version\": \"none\"` keeps the image's Go and still installs the tools.",
    fix: FixSafety::Safe {
        reason: "Safe when the feature writes no version: the Dockerfile's tag is then the only version the author chose. A written version is replaced by an unsafe fix, since it may be the one meant.",
    },
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_FEATURE_OVER_GOLANG];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(container), Some(feature)) = (cx.container(), cx.go_feature()) else {
        return;
    };
    let Some(base) = container
        .base_image
        .as_ref()
        .filter(|b| b.place.file != crate::diag::FileId::MAIN)
    else {
        return;
    };
    if container.os == OsFamily::Alpine || !is_golang_image(&base.value) {
        return;
    }
    let (_, tag) = split_image(&base.value);
    if !tag.starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let value = feature.value;
    let version = match value {
        Some(v) if v.is_object() => v.get("version"),
        Some(v) if v.as_str().is_some() => Some(v),
        _ => None,
    };
    let written = version.and_then(|v| v.as_str());
    if written == Some("none") {
        return;
    }
    let version_text = written.map_or("latest (its default)".to_string(), |v| v.to_string());
    let pinned = tag.split('-').next().unwrap_or(&tag);
    let line =
        crate::rules::support::dockerfile::line_of(cx, base.place.file, base.place.range.start);
    let path = cx
        .project
        .and_then(|p| p.path(base.place.file))
        .unwrap_or("the Dockerfile");
    let mut d = GO_FEATURE_OVER_GOLANG.at(
        feature.key_range(),
        format!(
            "The Dockerfile ({path}:{line}) builds on {}, which already has Go {pinned}, and the Go feature installs Go {version_text} over it in /usr/local/go, replacing the version the tag pins. Set \"version\": \"none\" to keep the image's Go (the feature still installs gopls and dlv).",
            crate::syntax::clip(&base.value)
        ),
    );
    let edit = match (value, version) {
        (_, Some(v)) => Some(Edit::replace(v.range(), "\"none\"")),
        (Some(obj), None) if obj.is_object() && obj.node().closed => {
            let open = obj.range().start + 1;
            Some(if obj.members().next().is_none() {
                Edit::replace(
                    crate::text::TextRange::new(open, obj.range().end - 1),
                    " \"version\": \"none\" ",
                )
            } else {
                Edit::insert(open, " \"version\": \"none\",")
            })
        }
        _ => None,
    };
    if let Some(edit) = edit {
        d = d.with_fix_if(cx.wants_fixes(), || {
            if written.is_some() {
                Fix::unsafe_("Set \"version\": \"none\"", vec![edit])
            } else {
                Fix::safe("Set \"version\": \"none\"", vec![edit])
            }
        });
    }
    out.push(d);
}
