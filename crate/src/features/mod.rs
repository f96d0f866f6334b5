//! The catalog of published dev container features (ids, versions, options) and the parser
//! for the keys of `features`. Used by the feature rules, completion and hover.
//!
//! - Which feature a key means: [`lookup`] (any tag or digest, old short ids, renamed ids,
//!   the `devcontainers-contrib` namespace). Exact matches only: [`find`], [`find_renamed`].
//! - The parts of a key, with byte ranges inside it (to complete or underline the tag
//!   alone): [`parse_reference`].
//! - For completion: [`all`] (ids: [`FeatureInfo::full_id`] / [`FeatureInfo::pinned_id`]),
//!   [`FeatureInfo::published_tags`] (versions), [`FeatureInfo::options`] (names, types,
//!   defaults) and [`OptionInfo::suggested_values`] (values); [`legacy_short_ids`].
//! - For hover: [`FeatureInfo::name`], [`FeatureInfo::summary`], `version`, and the
//!   container settings a feature turns on (`cap_add`, `security_opt`, `privileged`, `init`).
//!
//! - Per major version ([`lookup_major`], [`FeatureInfo::for_tag`]): the options of that major
//!   and what its install script reads ([`MajorInfo::option_effect`]: set, read without being
//!   declared, or without effect), the package managers and OS families it supports
//!   ([`ScriptFacts::supports`]).
//! - Well-known VS Code extension ids, renames and local-only ones: [`extensions`].
//!
//! The data is a snapshot ([`SNAPSHOTS`]) made by `scripts/gen-features.py` into
//! `generated/`: a feature published since may be newer than its entry here. Only
//! [`COMPLETE_NAMESPACES`] are known in full, with their history and install scripts.
//!
//! ```
//! use devcontainer_doctor::features;
//! let go = features::lookup("ghcr.io/devcontainers/features/go:1").unwrap();
//! assert_eq!(go.full_id(), "ghcr.io/devcontainers/features/go");
//! assert!(go.option("version").is_some());
//! let key = "ghcr.io/devcontainers/features/go:1.3";
//! let r = features::parse_reference(key);
//! assert_eq!(r.tag, Some("1.3"));
//! assert_eq!(&key[r.id_range.start..r.id_range.end], "go");
//! ```

pub mod extensions;
mod generated;
mod legacy;
mod majors;
mod reference;
mod script;
mod summaries;

pub use crate::suggest::closest_or_prefix as closest;
pub use legacy::{LEGACY_TAG, LegacyShortId, legacy_short_id, legacy_short_ids};
pub use majors::{OptionEffect, lookup_major, major_of};
pub use reference::{FeatureRef, RefKind, RefProblem, parse_reference};
pub use script::{OsFamily, PackageManager, ScriptFacts, env_var_name, same_env_var, sets_var};

/// Namespaces whose every feature is in the catalog: an id missing there does not exist.
pub const COMPLETE_NAMESPACES: &[&str] = &["ghcr.io/devcontainers/features"];

/// The namespace the old `devcontainers-contrib` one moved to (the CLI rewrites it silently).
pub const CONTRIB_NAMESPACE: &str = "ghcr.io/devcontainers-contrib/features";
pub const EXTRA_NAMESPACE: &str = "ghcr.io/devcontainers-extra/features";

/// Registry namespace and snapshot date (YYYY-MM-DD) of each source of the catalog.
pub use generated::catalog::SNAPSHOTS;

/// One published feature, as its metadata declares it.
#[derive(Debug)]
pub struct FeatureInfo {
    /// Registry and namespace, e.g. `ghcr.io/devcontainers/features`.
    pub namespace: &'static str,
    /// The feature id, e.g. `go`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Newest published version (semver).
    pub version: &'static str,
    /// The options of the newest version (the same table as the last of [`Self::majors`]).
    pub options: &'static [OptionInfo],
    /// Each published major version, oldest first; the last one is the newest. Only the
    /// newest is known for namespaces whose history the generator did not read.
    pub majors: &'static [MajorInfo],
    /// Ids this feature was published under before a rename.
    pub legacy_ids: &'static [&'static str],
    pub deprecated: bool,
    /// Container settings the feature turns on when installed.
    pub cap_add: &'static [&'static str],
    pub security_opt: &'static [&'static str],
    pub privileged: bool,
    pub init: bool,
    /// Features this one is installed after when both are present.
    pub installs_after: &'static [&'static str],
}

/// The JSON type an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionType {
    String,
    Boolean,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionValue {
    Str(&'static str),
    Bool(bool),
}

/// One option of a feature.
#[derive(Debug, PartialEq, Eq)]
pub struct OptionInfo {
    pub name: &'static str,
    pub kind: OptionType,
    pub default: Option<OptionValue>,
    /// When not empty, the only values the feature accepts.
    pub enum_values: &'static [&'static str],
    /// Suggested values; others are accepted too.
    pub proposals: &'static [&'static str],
    /// The feature's own one-line description of the option (may be empty).
    pub description: &'static str,
}

/// What one major version of a feature declares, and what its install script does.
#[derive(Debug)]
pub struct MajorInfo {
    pub major: u64,
    /// The highest version of this major in the catalog's history (e.g. `1.2.0`).
    pub version: &'static str,
    pub options: &'static [OptionInfo],
    /// What that version's `install.sh` reads and installs with; `None` when not read.
    pub script: Option<ScriptFacts>,
}

impl OptionInfo {
    /// Values worth offering in completion: the strict ones, else the suggestions.
    pub fn suggested_values(&self) -> &'static [&'static str] {
        if self.enum_values.is_empty() {
            self.proposals
        } else {
            self.enum_values
        }
    }
}

impl FeatureInfo {
    /// `namespace/id`, the key to write without a tag.
    pub fn full_id(&self) -> String {
        format!("{}/{}", self.namespace, self.id)
    }
    /// The key to write, pinned to the current major version (`.../go:1`).
    pub fn pinned_id(&self) -> String {
        format!("{}:{}", self.full_id(), self.major())
    }
    pub fn option(&self, name: &str) -> Option<&'static OptionInfo> {
        self.options.iter().find(|o| o.name == name)
    }
    /// Major, minor and patch of the newest version (missing parts are 0).
    pub fn version_parts(&self) -> (u64, u64, u64) {
        let mut parts = self
            .version
            .split('.')
            .map(|p| p.parse::<u64>().unwrap_or(0));
        (
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
        )
    }
    pub fn major(&self) -> u64 {
        self.version_parts().0
    }
    /// The tags this version is published under: `latest`, `1`, `1.3`, `1.3.4`.
    pub fn published_tags(&self) -> Vec<String> {
        let (major, minor, patch) = self.version_parts();
        vec![
            "latest".to_string(),
            format!("{major}"),
            format!("{major}.{minor}"),
            format!("{major}.{minor}.{patch}"),
        ]
    }
    /// The newest major version (the last of [`Self::majors`]).
    pub fn newest(&self) -> &'static MajorInfo {
        // The generator writes at least one major per feature.
        &self.majors[self.majors.len() - 1]
    }
    /// The major version a tag selects: none or `latest` mean the newest; `1`, `1.2` and
    /// `1.2.3` mean major 1. `None` for a major the catalog does not hold, or a tag that is not
    /// a version.
    pub fn for_tag(&self, tag: Option<&str>) -> Option<&'static MajorInfo> {
        match tag.map(str::trim) {
            None => Some(self.newest()),
            Some(t) if t.eq_ignore_ascii_case("latest") => Some(self.newest()),
            Some(t) => {
                let major: u64 = t.split('.').next()?.parse().ok()?;
                self.for_major(major)
            }
        }
    }
    /// The given major version, when the catalog holds it.
    pub fn for_major(&self, major: u64) -> Option<&'static MajorInfo> {
        self.majors.iter().find(|m| m.major == major)
    }
    /// A one-line summary in our own words, for the most used features.
    pub fn summary(&self) -> Option<&'static str> {
        summaries::summary(self.namespace, self.id)
    }
}

/// The date (YYYY-MM-DD) the catalog's data for `namespace` was taken.
pub fn snapshot_date(namespace: &str) -> Option<&'static str> {
    SNAPSHOTS.iter().find_map(|entry| {
        let (ns, date) = entry.split_once(' ')?;
        ns.eq_ignore_ascii_case(namespace).then_some(date)
    })
}

/// Every feature in the catalog, sorted by namespace then id.
pub fn all() -> &'static [FeatureInfo] {
    generated::catalog::FEATURES
}

/// The feature with exactly this namespace and id (both compared case-insensitively). A binary
/// search: the generator writes the catalog in lower case, sorted by namespace then id.
pub fn find(namespace: &str, id: &str) -> Option<&'static FeatureInfo> {
    let catalog = all();
    let (namespace, id) = (lower(namespace), lower(id));
    catalog
        .binary_search_by(|f| (f.namespace, f.id).cmp(&(&*namespace, &*id)))
        .ok()
        .and_then(|i| catalog.get(i))
}

/// The feature that lists `id` among its old ids in `namespace`. Only that namespace's part of
/// the catalog is read: a scan of all of it per unknown id was a fifth of some analyses.
pub fn find_renamed(namespace: &str, id: &str) -> Option<&'static FeatureInfo> {
    in_namespace(namespace)
        .iter()
        .find(|f| f.legacy_ids.iter().any(|old| old.eq_ignore_ascii_case(id)))
}

/// The features of one namespace (compared case-insensitively): a run of the sorted catalog.
fn in_namespace(namespace: &str) -> &'static [FeatureInfo] {
    let catalog = all();
    let namespace = lower(namespace);
    let start = catalog.partition_point(|f| f.namespace < &*namespace);
    let rest = &catalog[start..];
    &rest[..rest.partition_point(|f| f.namespace == &*namespace)]
}

/// `s` in lower case, copied only when it has an upper-case letter: keys are nearly always
/// written in lower case already, and the catalog is (so the searches compare bytes).
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// True when the catalog holds every feature of `namespace`.
pub fn knows_namespace_fully(namespace: &str) -> bool {
    COMPLETE_NAMESPACES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(namespace))
}

/// The feature the dev containers CLI would install for a key of `features`: OCI references
/// (any tag or digest), the `devcontainers-contrib` namespace, renamed ids (`legacyIds`) and
/// the old short ids (`golang`) all resolve. Local paths, tarballs and unknown ids give `None`.
pub fn lookup(reference: &str) -> Option<&'static FeatureInfo> {
    lookup_parsed(&parse_reference(reference))
}

/// [`lookup`] of a key parsed already (the feature rules parse each key once per analysis).
pub fn lookup_parsed(r: &FeatureRef) -> Option<&'static FeatureInfo> {
    match r.kind {
        RefKind::Oci => {
            let namespace = r.effective_namespace();
            find(&namespace, r.id).or_else(|| find_renamed(&namespace, r.id))
        }
        RefKind::ShortId => {
            let legacy = legacy_short_id(r.id)?;
            let (namespace, id) = legacy.target?.rsplit_once('/')?;
            find(namespace, id).or_else(|| find_renamed(namespace, id))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_ids_are_found_in_their_namespace_as_a_scan_of_all_finds_them() {
        let scan = |namespace: &str, id: &str| {
            all().iter().find(|f| {
                f.namespace.eq_ignore_ascii_case(namespace)
                    && f.legacy_ids.iter().any(|old| old.eq_ignore_ascii_case(id))
            })
        };
        let mut checked = 0;
        for f in all() {
            for old in f.legacy_ids {
                for namespace in [f.namespace.to_string(), f.namespace.to_ascii_uppercase()] {
                    let found = find_renamed(&namespace, &old.to_ascii_uppercase());
                    assert_eq!(found.map(|f| f.id), scan(&namespace, old).map(|f| f.id));
                    assert!(found.is_some(), "{namespace} {old}");
                    checked += 1;
                }
            }
            assert!(find_renamed(f.namespace, "no-such-old-id").is_none());
        }
        assert!(checked > 0);
        assert!(find_renamed("ghcr.io/nobody/features", "go").is_none());
        assert!(find_renamed("", "").is_none());
    }

    #[test]
    fn catalog_is_lower_case_and_sorted_for_the_binary_search() {
        for pair in all().windows(2) {
            assert!((pair[0].namespace, pair[0].id) < (pair[1].namespace, pair[1].id));
        }
        for f in all() {
            assert_eq!(f.namespace, f.namespace.to_ascii_lowercase());
            assert_eq!(f.id, f.id.to_ascii_lowercase());
            let found = find(
                &f.namespace.to_ascii_uppercase(),
                &f.id.to_ascii_uppercase(),
            );
            assert!(found.is_some_and(|g| std::ptr::eq(f, g)), "{}", f.id);
        }
        assert!(find(EXTRA_NAMESPACE, "no-such-feature").is_none());
        assert!(find("ghcr.io/devcontainers/feature", "go").is_none());
    }

    #[test]
    fn lookup_resolves_every_form() {
        let go = lookup("ghcr.io/devcontainers/features/go:1").unwrap();
        assert_eq!(go.id, "go");
        assert_eq!(
            lookup("GHCR.IO/devcontainers/features/Go").unwrap().id,
            "go"
        );
        assert_eq!(lookup("golang").unwrap().id, "go");
        assert_eq!(lookup("common").unwrap().id, "common-utils");
        assert_eq!(
            lookup("ghcr.io/devcontainers/features/docker-from-docker:1")
                .unwrap()
                .id,
            "docker-outside-of-docker"
        );
        assert_eq!(
            lookup("ghcr.io/devcontainers-contrib/features/act:1")
                .unwrap()
                .namespace,
            EXTRA_NAMESPACE
        );
        assert!(lookup("./go").is_none());
        assert!(snapshot_date("ghcr.io/devcontainers/features").is_some());
        assert!(lookup("ghcr.io/someone/features/go:1").is_none());
    }

    #[test]
    fn go_facts() {
        let go = lookup("ghcr.io/devcontainers/features/go").unwrap();
        assert_eq!(go.major(), 1);
        assert!(go.cap_add.contains(&"SYS_PTRACE"));
        assert!(go.init);
        assert!(go.summary().is_some());
        assert_eq!(go.pinned_id(), "ghcr.io/devcontainers/features/go:1");
    }
}
