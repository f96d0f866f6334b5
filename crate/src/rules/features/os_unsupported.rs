//! `feature-os-unsupported`: a feature whose install script supports only some families of
//! distributions, on an image of another family (an apt-only feature on Alpine, an apk-only
//! one on Debian). The families come from the feature facts (`MajorInfo::supports`, read from
//! the install scripts by `scripts/gen-features.py`); the image's family from its name and tag.
//! The Go feature on Alpine is left to `go-feature-on-alpine`.
//! Fixtures: `crate/tests/fixtures/rules/feature-os-unsupported/`.

use crate::diag::{Diagnostic, Severity};
use crate::features::OsFamily;
use crate::rules::support::config::{base_image, is_go_feature};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const FEATURE_OS_UNSUPPORTED: RuleInfo = RuleInfo {
    code: "feature-os-unsupported",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A feature whose install script does not support the image's OS family.",
    why: "A feature's install script installs with the package managers it knows and stops on other distributions (e.g. aws-cli calls only `apt-get`; devcontainers/features `src/<id>/install.sh`), so on an image of another family the build fails. The families are read from each published version's script; the image's family from its name and tag.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[FEATURE_OS_UNSUPPORTED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(base) = base_image(cx) else {
        return;
    };
    let image = base.name;
    let Some(os) = cx.base_os() else {
        return;
    };
    let Some(family) = OsFamily::of_distro(os.distro) else {
        return;
    };
    for entry in cx.feature_entries() {
        let member = entry.member;
        if family == OsFamily::Alpine && is_go_feature(member.key()) {
            continue;
        }
        let Some((feature, major)) = entry.feature_major() else {
            continue;
        };
        if major.supports(family) != Some(false) {
            continue;
        }
        let Some(script) = major.script else {
            continue;
        };
        let families: Vec<&str> = script.families().map(OsFamily::name).collect();
        let managers: Vec<&str> = script.package_managers().map(|m| m.command()).collect();
        let supported = if families.is_empty() {
            "no distribution family this checker knows".to_string()
        } else {
            families.join(", ")
        };
        out.push(FEATURE_OS_UNSUPPORTED.at(
            member.key_range(),
            format!(
                "The {} feature ({}) installs only on {supported} (its script calls {}), and {} is {}: the container build fails. Use an image of a supported family, or install the tool another way.",
                feature.id,
                major.version,
                managers.join(", "),
                crate::syntax::clip(image),
                family.name()
            ),
        ));
    }
}
