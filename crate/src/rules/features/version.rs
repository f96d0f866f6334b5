//! Checks the version tag of features the catalog knows: a tag that was never published
//! (`go:2` while the newest Go feature is 1.x, `common-utils:1.5` while 1.x ended at 1.2.0),
//! and a missing tag (it means `latest`). Fixtures: `crate/tests/fixtures/rules/feature-version-*/`.

use crate::diag::{Diagnostic, Fix, Severity};
use crate::features::{self, FeatureInfo, RefKind};
use crate::rules::support::features_keys::{FeatureEntry, show};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const FEATURE_VERSION_UNKNOWN: RuleInfo = RuleInfo {
    code: "feature-version-unknown",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A feature version tag that was never published (a major or minor above the newest).",
    why: "A version tag that was never published fails to download, so the container build fails.",
    fix: FixSafety::Unsafe {
        reason: "The newest published version is offered, but a major version may change the feature's options.",
    },
    domain: Domain::Any,
};

pub const FEATURE_VERSION_UNPINNED: RuleInfo = RuleInfo {
    code: "feature-version-unpinned",
    aliases: &[],
    severity: Severity::Hint,
    summary: "A feature without a version tag gets `latest`, including future major versions.",
    why: "A feature without a tag gets `latest`, which includes future major versions that may change or drop options.",
    fix: FixSafety::Unsafe {
        reason: "Pinning to the current major is offered, but whether to follow `latest` is the author's choice.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[FEATURE_VERSION_UNKNOWN, FEATURE_VERSION_UNPINNED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in cx.feature_entries() {
        let r = &entry.reference;
        if r.kind != RefKind::Oci || r.problem.is_some() || r.digest.is_some() {
            continue;
        }
        let Some(info) = entry.found_by_id() else {
            continue;
        };
        match r.tag {
            None => unpinned(cx.wants_fixes(), entry, info, out),
            Some(tag) => check_tag(cx.wants_fixes(), entry, info, tag, out),
        }
    }
}

fn unpinned(fixes: bool, entry: &FeatureEntry, info: &FeatureInfo, out: &mut Vec<Diagnostic>) {
    let major = info.major();
    let end = entry.reference.id_range;
    out.push(
        FEATURE_VERSION_UNPINNED.at(entry.doc_range(end),
            format!(
                "No version tag means \"latest\": a new major version of \"{}\" would be installed on the next rebuild. Add \":{major}\" to stay on the current major.",
                info.id
            ),
        )
        .with_fix_if(fixes, || Fix::unsafe_(
            format!("Pin to :{major}"),
            vec![entry.key_edit(
                crate::text::TextRange::empty(end.end),
                &format!(":{major}"),
            )],
        )),
    );
}

fn check_tag(
    fixes: bool,
    entry: &FeatureEntry,
    info: &FeatureInfo,
    tag: &str,
    out: &mut Vec<Diagnostic>,
) {
    if tag.eq_ignore_ascii_case("latest") {
        return;
    }
    let Some(range) = entry.reference.tag_range else {
        return;
    };
    let (major, minor, _) = info.version_parts();
    let parts: Vec<Option<u64>> = tag.split('.').map(|p| p.parse().ok()).collect();
    let numeric = parts.len() <= 3 && parts.iter().all(Option::is_some);
    // Only a finding spells the tags out; most pinned keys are fine.
    let published = || info.published_tags().join(", ");
    let mut fix_major = major;
    let message = if !numeric {
        format!(
            "\"{}\" is not a tag the \"{}\" feature is published under: tags are semantic versions or \"latest\" (newest: {}). Write a version such as \"{major}\".",
            show(tag),
            info.id,
            published()
        )
    } else {
        let wanted: Vec<u64> = parts.iter().map(|p| p.unwrap_or(0)).collect();
        let wanted_major = wanted.first().copied().unwrap_or(0);
        let date = features::snapshot_date(info.namespace).unwrap_or("the catalog's date");
        if let Some(older) = info.for_major(wanted_major).filter(|m| m.major != major) {
            // An older major: its last version bounds the minor and patch.
            let mut last = older
                .version
                .split('.')
                .map(|p| p.parse::<u64>().unwrap_or(0));
            let last: Vec<u64> = (0..3).map(|_| last.next().unwrap_or(0)).collect();
            if wanted[1..] <= last[1..wanted.len().min(3)] {
                return;
            }
            fix_major = older.major;
            format!(
                "Version {} of the \"{}\" feature does not exist: its {}.x versions ended at {} (newest on {date}: {}). Use \"{}\" for the last {}.x.",
                show(tag),
                info.id,
                older.major,
                older.version,
                info.version,
                older.major,
                older.major
            )
        } else {
            let wanted_minor = parts.get(1).copied().flatten();
            let too_new = wanted_major > major
                || (wanted_major == major && wanted_minor.is_some_and(|m| m > minor));
            if !too_new {
                return;
            }
            format!(
                "Version {} of the \"{}\" feature does not exist: the newest on {date} was {} (tags {}). Use \"{major}\" for the current major version.",
                show(tag),
                info.id,
                info.version,
                published()
            )
        }
    };
    out.push(
        FEATURE_VERSION_UNKNOWN
            .at(entry.doc_range(range), message)
            .with_fix_if(fixes, || {
                Fix::unsafe_(
                    format!("Change to :{fix_major}"),
                    vec![entry.key_edit(range, &fix_major.to_string())],
                )
            }),
    );
}
