//! Checks each key of `features` as a reference: what the CLI rejects, old short ids, renamed
//! and deprecated features, and ids that do not exist in a namespace the catalog knows fully.
//!
//! Invalid: `"myfeature": {}` (no `./`), `"golang": "1.22"` (old short id),
//! `"ghcr.io/devcontainers/features/golang:1": {}` (no such feature).
//! Valid: `"ghcr.io/devcontainers/features/go:1": {}`, `"./my-feature": {}`,
//! `"ghcr.io/someone/features/anything:1": {}` (other namespaces are not judged).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::features::{self, LEGACY_TAG, RefKind};
use crate::rules::support::features_keys::{FeatureEntry, show};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::text::TextRange;

pub const FEATURE_REFERENCE_INVALID: RuleInfo = RuleInfo {
    code: "feature-reference-invalid",
    aliases: &[],
    severity: Severity::Error,
    summary: "A feature key the dev containers CLI rejects (bad tag, path without ./, unknown short id).",
    why: "The dev containers CLI rejects such a feature key and the container does not start; a local feature without `./` gives the baffling \"Legacy feature not supported\" (devcontainers/cli#834).",
    fix: FixSafety::Unsafe {
        reason: "A likely intended reference is offered, but it may not be the one the author meant.",
    },
    domain: Domain::Any,
};

pub const FEATURE_LEGACY_ID: RuleInfo = RuleInfo {
    code: "feature-legacy-id",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An old short feature id (golang, common, node, ...) that should be written as its full id.",
    why: "The CLI still maps old short ids (`golang`, `common`, `node`, ...) to their features with a warning, but the mapping is frozen and the full id gets updates.",
    fix: FixSafety::Safe {
        reason: "The full id is the one the CLI maps the short id to.",
    },
    domain: Domain::Any,
};

pub const FEATURE_RENAMED: RuleInfo = RuleInfo {
    code: "feature-renamed",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A feature that moved to a new id or namespace (docker-from-docker, devcontainers-contrib).",
    why: "The feature moved to a new id or namespace (`docker-from-docker`, `devcontainers-contrib` became `devcontainers-extra`); the old one gets no updates or is rewritten silently.",
    fix: FixSafety::Safe {
        reason: "The new id is the one its authors moved it to.",
    },
    domain: Domain::Any,
};

pub const FEATURE_DEPRECATED: RuleInfo = RuleInfo {
    code: "feature-deprecated",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A deprecated feature, or the deprecated GitHub-release reference form.",
    why: "Its authors deprecated the feature, or the GitHub-release reference form; it may stop working and gets no fixes.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const FEATURE_UNKNOWN: RuleInfo = RuleInfo {
    code: "feature-unknown",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A feature id that does not exist in a namespace whose features are all known.",
    why: "In a namespace whose features are all known (such as `ghcr.io/devcontainers/features`), an id that is not among them fails to download when the container is built.",
    fix: FixSafety::Unsafe {
        reason: "A close id is offered, but it may not be the feature the author meant.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    FEATURE_REFERENCE_INVALID,
    FEATURE_LEGACY_ID,
    FEATURE_RENAMED,
    FEATURE_DEPRECATED,
    FEATURE_UNKNOWN,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in cx.feature_entries() {
        let r = &entry.reference;
        if let Some(problem) = &r.problem {
            out.push(
                FEATURE_REFERENCE_INVALID
                    .at(entry.doc_range(problem.range), problem.message.clone()),
            );
            continue;
        }
        match r.kind {
            RefKind::ShortId => short_id(cx.wants_fixes(), entry, out),
            RefKind::Oci => oci(cx.wants_fixes(), entry, out),
            RefKind::GithubRelease => out.push(FEATURE_DEPRECATED.at(entry.member.key_range(),
                format!(
                    "\"{}\" uses the deprecated GitHub-release form (owner/repo/id): the CLI only falls back to it when no registry has the feature, and lock files skip it. Reference the feature as \"registry/namespace/id:version\" (publish it to a registry if needed).",
                    show(r.key)
                ),
            )),
            RefKind::Local | RefKind::Tarball => {}
        }
    }
}

fn short_id(fixes: bool, entry: &FeatureEntry, out: &mut Vec<Diagnostic>) {
    let r = &entry.reference;
    let range = entry.member.key_range();
    let Some(legacy) = features::legacy_short_id(r.id) else {
        let mut d = FEATURE_REFERENCE_INVALID.at(range,
            format!(
                "The CLI rejects \"{0}\" (\"Legacy feature not supported\"). A local feature starts with \"./\" (\"./{0}\"); a published one reads \"registry/namespace/id:version\".",
                show(r.key)
            ),
        );
        let official = features::all()
            .iter()
            .filter(|f| features::knows_namespace_fully(f.namespace));
        if let Some(same) = official.clone().find(|f| f.id.eq_ignore_ascii_case(r.id)) {
            d.message.push_str(&format!(
                " The official feature is \"{}\".",
                same.pinned_id()
            ));
            d = d.with_fix_if(fixes, || {
                Fix::unsafe_(
                    format!("Use {}", same.pinned_id()),
                    vec![entry.replace_key(&same.pinned_id())],
                )
            });
        }
        d = d.with_fix_if(fixes, || {
            Fix::unsafe_(
                format!("Reference the local folder ./{}", show(r.key)),
                vec![entry.replace_key(&format!("./{}", r.key))],
            )
        });
        out.push(d);
        return;
    };
    let Some(target) = legacy.target else {
        out.push(FEATURE_REFERENCE_INVALID.at(range,
            format!(
                "\"{}\" was a feature of the first feature system and the CLI no longer installs it. Pick a replacement from https://containers.dev/features, or install the tool in a Dockerfile.",
                legacy.id
            ),
        ));
        return;
    };
    let new_key = format!("{target}:{LEGACY_TAG}");
    match legacy.enables_option {
        None => out.push(
            FEATURE_LEGACY_ID.at(range,
                format!(
                    "\"{}\" is an old short feature id; the CLI maps it to \"{new_key}\" with a warning. Write the full id.",
                    show(r.key)
                ),
            )
            .with_fix_if(fixes, || Fix::safe(
                format!("Replace with {new_key}"),
                vec![entry.replace_key(&new_key)],
            )),
        ),
        Some(option) => out.push(FEATURE_LEGACY_ID.at(range,
            format!(
                "\"{}\" is an old short feature id that the CLI folds into \"{new_key}\" with \"{option}\": true. Write that feature with that option instead (it may be slated for removal).",
                legacy.id
            ),
        )),
    }
}

fn oci(fixes: bool, entry: &FeatureEntry, out: &mut Vec<Diagnostic>) {
    let r = &entry.reference;
    let namespace_range = TextRange::new(0, r.namespace.len());
    if r.namespace
        .eq_ignore_ascii_case(features::CONTRIB_NAMESPACE)
    {
        out.push(
            FEATURE_RENAMED.at(entry.doc_range(namespace_range),
                format!(
                    "The devcontainers-contrib features moved to \"{}\"; the CLI rewrites this reference silently. Write the new namespace.",
                    features::EXTRA_NAMESPACE
                ),
            )
            .with_fix_if(fixes, || Fix::safe(
                "Use the devcontainers-extra namespace",
                vec![entry.key_edit(namespace_range, features::EXTRA_NAMESPACE)],
            )),
        );
    }
    let namespace = r.effective_namespace();
    if let Some(info) = entry.found_by_id() {
        if info.deprecated {
            out.push(FEATURE_DEPRECATED.at(entry.doc_range(r.id_range),
                format!(
                    "The feature \"{}\" is deprecated by its authors and may stop working: look for a replacement at https://containers.dev/features.",
                    info.id
                ),
            ));
        }
        return;
    }
    // Found, but not by its id: through one of its old ids.
    if let Some(info) = entry.feature {
        out.push(
            FEATURE_RENAMED.at(entry.doc_range(r.id_range),
                format!(
                    "The feature \"{}\" was renamed to \"{}\": write the new id to get its updates.",
                    show(r.id),
                    info.id
                ),
            )
            .with_fix_if(fixes, || Fix::safe(
                format!("Rename to {}", info.id),
                vec![entry.key_edit(r.id_range, info.id)],
            )),
        );
        return;
    }
    if !features::knows_namespace_fully(&namespace) {
        return;
    }
    let in_namespace = features::all()
        .iter()
        .filter(|f| f.namespace.eq_ignore_ascii_case(&namespace));
    // An old short id written in full (`.../golang`) maps to its new name first.
    let suggestion = features::legacy_short_id(r.id)
        .and_then(|l| l.target)
        .and_then(|t| t.rsplit('/').next())
        .filter(|id| in_namespace.clone().any(|f| f.id == *id))
        .or_else(|| features::closest(r.id, in_namespace.map(|f| f.id)));
    let mut message = format!(
        "There is no feature \"{}\" in {} (as published on {}).",
        show(r.id),
        r.namespace,
        features::snapshot_date(&namespace).unwrap_or("the catalog's date")
    );
    let mut d;
    match suggestion {
        Some(id) => {
            message.push_str(&format!(" Did you mean \"{id}\"?"));
            d = FEATURE_UNKNOWN.at(entry.doc_range(r.id_range), message);
            d = d.with_fix_if(fixes, || {
                Fix::unsafe_(
                    format!("Change to {id}"),
                    vec![entry.key_edit(r.id_range, id)],
                )
            });
        }
        None => {
            message.push_str(" See https://containers.dev/features for the published ones.");
            d = FEATURE_UNKNOWN.at(entry.doc_range(r.id_range), message);
        }
    }
    out.push(d);
}
