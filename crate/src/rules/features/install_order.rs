//! Checks `overrideFeatureInstallOrder`: each entry names a feature of `features`, by its id
//! without a version tag or digest.
//!
//! Invalid: `["ghcr.io/devcontainers/features/go:1"]` (has a tag), an entry that matches no
//! key of `features`.
//! Valid: `["ghcr.io/devcontainers/features/go"]` with `".../go:1"` among the features.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::features::{FeatureRef, RefKind, parse_reference};
use crate::rules::support::features_keys::{literal_content_start, show};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::text::TextRange;

pub const FEATURE_INSTALL_ORDER: RuleInfo = RuleInfo {
    code: "feature-install-order",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An overrideFeatureInstallOrder entry with a version, or naming no feature of the file.",
    why: "`overrideFeatureInstallOrder` entries are feature ids without a version; an entry with a tag, or naming no feature of the file, is not matched and the order is not changed.",
    fix: FixSafety::Safe {
        reason: "Removing the version tag leaves the id the CLI matches.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[FEATURE_INSTALL_ORDER];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(order) = cx.root.and_then(|r| r.get("overrideFeatureInstallOrder")) else {
        return;
    };
    let entries = cx.feature_entries();
    let declared: Vec<String> = entries
        .iter()
        .flat_map(|e| identities(&e.reference, e.feature))
        .collect();
    // Features outside the catalog may pull others in through `dependsOn`, and those can be
    // ordered too: only judge unmatched entries when every feature is known.
    let all_known = entries.iter().all(|e| e.feature.is_some());
    for item in order.items() {
        let Some(text) = item.as_str() else {
            continue;
        };
        let reference = parse_reference(text);
        let version = reference.version_range();
        if !version.is_empty() && reference.kind == RefKind::Oci {
            let start = literal_content_start(cx.text, item.range(), text);
            let (range, edit) = match start {
                Some(s) => {
                    let r = TextRange::new(s + version.start, s + version.end);
                    (r, Edit::delete(r))
                }
                None => (
                    item.range(),
                    Edit::replace(
                        item.range(),
                        crate::rules::support::features_keys::json_string(
                            reference.without_version(),
                        ),
                    ),
                ),
            };
            out.push(
                FEATURE_INSTALL_ORDER.at(range,
                    format!(
                        "Entries of overrideFeatureInstallOrder take the feature id without a version or digest: write \"{}\".",
                        show(reference.without_version())
                    ),
                )
                .with_fix_if(cx.wants_fixes(), || Fix::safe("Remove the version", vec![edit])),
            );
        }
        if all_known && !declared.contains(&identity(&reference)) {
            out.push(FEATURE_INSTALL_ORDER.at(item.range(),
                format!(
                    "\"{}\" matches no key of \"features\", so it orders nothing: write the id of a feature listed there (without its version), or remove the entry.",
                    show(text)
                ),
            ));
        }
    }
}

/// The names a key of `features` can be ordered by: as written (without version), and the
/// full id of the feature it resolves to (`golang` is also `.../features/go`).
fn identities(r: &FeatureRef, feature: Option<&crate::features::FeatureInfo>) -> Vec<String> {
    let mut names = vec![identity(r)];
    if let Some(info) = feature {
        names.push(info.full_id().to_ascii_lowercase());
    }
    names
}

/// What two references to the same feature have in common: the lowercased id without
/// version, with the namespace the CLI would use.
fn identity(r: &FeatureRef) -> String {
    match r.kind {
        RefKind::Oci => format!("{}/{}", r.effective_namespace(), r.id.to_ascii_lowercase()),
        _ => r.without_version().to_ascii_lowercase(),
    }
}
