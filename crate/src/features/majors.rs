//! One major version of a feature: which of its options a key may set, and what an option
//! name does once the CLI has turned it into an environment variable for the install script.

use super::{
    FeatureInfo, FeatureRef, MajorInfo, OptionInfo, OsFamily, RefKind, env_var_name, lookup,
    parse_reference, same_env_var, sets_var,
};

/// What an option name written under a feature does in one major version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionEffect {
    /// A declared option (by name, or by the variable it sets: `Version` sets `version`) that
    /// the install script reads, or whose script was not read.
    Declared(&'static OptionInfo),
    /// A declared option whose variable the install script never reads: it has no effect.
    DeclaredUnread(&'static OptionInfo),
    /// Not declared, but the install script reads the variable it sets (`username`): it works.
    ReadUndeclared,
    /// Not declared, and the install script never reads the variable it sets: no effect.
    Unread,
    /// Not declared, and the install script was not read: most likely no effect.
    Undeclared,
}

/// The feature a key means and the major version its tag pins (none or `latest`: the newest;
/// a digest or an old short id: the newest too). `None` for an unknown feature, and for a
/// major version the catalog does not hold (`go:7`, or an old major of a feature whose history
/// was not read), where nothing sure can be said about options.
pub fn lookup_major(key: &str) -> Option<(&'static FeatureInfo, &'static MajorInfo)> {
    let r = parse_reference(key);
    major_of(lookup(key)?, &r)
}

/// The major of `feature` that the parsed key `r` pins (see [`lookup_major`]).
pub fn major_of(
    feature: &'static FeatureInfo,
    r: &FeatureRef,
) -> Option<(&'static FeatureInfo, &'static MajorInfo)> {
    let tag = match r.kind {
        RefKind::Oci if r.digest.is_none() => r.tag,
        _ => None,
    };
    Some((feature, feature.for_tag(tag)?))
}

impl MajorInfo {
    /// The option declared under exactly this name.
    pub fn option(&self, name: &str) -> Option<&'static OptionInfo> {
        self.options.iter().find(|o| o.name == name)
    }
    /// The declared option `name` sets: the same name, else the one with the same variable.
    pub fn find_option(&self, name: &str) -> Option<&'static OptionInfo> {
        self.option(name)
            .or_else(|| self.options.iter().find(|o| same_env_var(o.name, name)))
    }
    /// Whether this version installs on `family` (see [`super::ScriptFacts::supports`]):
    /// `None` when its script was not read or calls no package manager.
    pub fn supports(&self, family: OsFamily) -> Option<bool> {
        self.script.as_ref()?.supports(family)
    }
    /// What writing `name` under this major does (see [`OptionEffect`]).
    pub fn option_effect(&self, name: &str) -> OptionEffect {
        match (self.find_option(name), &self.script) {
            // The catalog lists the declared options whose variable goes unread: no variable
            // name to build per option and keystroke.
            (Some(o), Some(script)) if script.unread_options().any(|u| u == o.name) => {
                OptionEffect::DeclaredUnread(o)
            }
            (Some(o), _) => OptionEffect::Declared(o),
            (None, Some(script)) if script.reads(&env_var_name(name)) => {
                OptionEffect::ReadUndeclared
            }
            (None, Some(_)) => OptionEffect::Unread,
            (None, None) => OptionEffect::Undeclared,
        }
    }
    /// A variable the install script reads that no declared option sets and whose name is
    /// close to the one `name` sets: the same letters without `_` (`enableNonRootDocker` ->
    /// `ENABLE_NONROOT_DOCKER`), or at most two edits away.
    pub fn close_read_var(&self, name: &str) -> Option<&'static str> {
        let script = self.script.as_ref()?;
        let var = env_var_name(name);
        let squash = |v: &'static str| v.chars().filter(|c| *c != '_');
        let wanted: String = var.chars().filter(|c| *c != '_').collect();
        // A variable a declared option sets is no candidate; checked last, being the dearest.
        let declared = |v: &str| self.options.iter().any(|o| sets_var(o.name, v));
        let candidates = || script.read_vars().filter(|v| *v != var);
        candidates()
            .filter(|v| squash(v).eq(wanted.chars()))
            .find(|v| !declared(v))
            .or_else(|| {
                if wanted.len() <= 4 {
                    return None;
                }
                candidates()
                    .filter(|v| squash(v).count().abs_diff(wanted.len()) <= 2)
                    .filter_map(|v| {
                        let squashed: String = squash(v).collect();
                        crate::suggest::edit_distance_at_most(&squashed, &wanted, 2).map(|d| (d, v))
                    })
                    .filter(|(_, v)| !declared(v))
                    .min_by_key(|(d, _)| *d)
                    .map(|(_, v)| v)
            })
    }
    /// The tags this major is published under, newest first: `1`, `1.2`, `1.2.0`.
    pub fn published_tags(&self) -> Vec<String> {
        let mut parts = self.version.split('.');
        let major = parts.next().unwrap_or("0");
        let minor = parts.next().unwrap_or("0");
        let patch = parts.next().unwrap_or("0");
        vec![
            major.to_string(),
            format!("{major}.{minor}"),
            format!("{major}.{minor}.{patch}"),
        ]
    }
}

impl FeatureInfo {
    /// Where an option that `major` lacks exists in another major of the same feature, and
    /// what `major` calls it instead when that is clear (`uid` of common-utils 1 is `userUid`
    /// in 2: the new name contains the old one, or is the closest new option).
    pub fn option_elsewhere(
        &self,
        major: &MajorInfo,
        name: &str,
    ) -> Option<(&'static MajorInfo, Option<&'static OptionInfo>)> {
        let other = self
            .majors
            .iter()
            .rev()
            .find(|m| m.major != major.major && m.find_option(name).is_some())?;
        let lower = name.to_ascii_lowercase();
        let fresh = || {
            major
                .options
                .iter()
                .filter(|o| other.find_option(o.name).is_none())
        };
        let renamed = fresh()
            .find(|o| {
                let n = o.name.to_ascii_lowercase();
                n.contains(&lower) || lower.contains(&n)
            })
            .or_else(|| {
                let names: Vec<&'static str> = fresh().map(|o| o.name).collect();
                super::closest(name, names.iter().copied())
                    .and_then(|n| major.options.iter().find(|o| o.name == n))
            });
        Some((other, renamed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unread_list_is_every_declared_option_whose_variable_the_script_does_not_read() {
        let mut checked = 0;
        for feature in crate::features::all() {
            for major in feature.majors {
                let Some(script) = &major.script else {
                    continue;
                };
                for option in major.options {
                    let listed = script.unread_options().any(|u| u == option.name);
                    let unread = !script.reads(&env_var_name(option.name));
                    assert_eq!(listed, unread, "{} {}", feature.id, option.name);
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked} options");
    }

    const COMMON: &str = "ghcr.io/devcontainers/features/common-utils";

    #[test]
    fn tags_pick_the_major() {
        let (_, v1) = lookup_major(&format!("{COMMON}:1")).unwrap();
        assert_eq!(v1.major, 1);
        assert!(v1.option("uid").is_some());
        assert_eq!(lookup_major(&format!("{COMMON}:1.2.0")).unwrap().1.major, 1);
        let (feature, newest) = lookup_major(COMMON).unwrap();
        assert_eq!(newest.major, feature.newest().major);
        assert!(newest.major >= 2);
        assert_eq!(
            lookup_major(&format!("{COMMON}:latest")).unwrap().1.major,
            newest.major
        );
        assert!(lookup_major(&format!("{COMMON}:99")).is_none());
        assert!(lookup_major("./local").is_none());
    }

    #[test]
    fn option_effects_follow_the_script() {
        let (_, v1) = lookup_major(&format!("{COMMON}:1")).unwrap();
        assert!(matches!(v1.option_effect("uid"), OptionEffect::Declared(_)));
        let (feature, v2) = lookup_major(&format!("{COMMON}:2")).unwrap();
        assert_eq!(v2.option_effect("uid"), OptionEffect::Unread);
        let (old, renamed) = feature.option_elsewhere(v2, "uid").unwrap();
        assert_eq!(old.major, 1);
        assert_eq!(renamed.unwrap().name, "userUid");
        assert_eq!(
            v2.option_effect("username"),
            OptionEffect::Declared(v2.option("username").unwrap())
        );

        let (_, dood) =
            lookup_major("ghcr.io/devcontainers/features/docker-outside-of-docker:1").unwrap();
        assert_eq!(
            dood.option_effect("enableNonRootDocker"),
            OptionEffect::Unread
        );
        assert_eq!(
            dood.close_read_var("enableNonRootDocker"),
            Some("ENABLE_NONROOT_DOCKER")
        );
        assert_eq!(
            dood.option_effect("enable_nonroot_docker"),
            OptionEffect::ReadUndeclared
        );

        let (_, node) = lookup_major("ghcr.io/devcontainers/features/node:1").unwrap();
        assert_eq!(
            node.option_effect("additionalVersions"),
            OptionEffect::ReadUndeclared
        );

        let (_, sshd) = lookup_major("ghcr.io/devcontainers/features/sshd:1").unwrap();
        assert!(matches!(
            sshd.option_effect("version"),
            OptionEffect::DeclaredUnread(_)
        ));

        let (_, extra) = lookup_major("ghcr.io/devcontainers-extra/features/act:1").unwrap();
        assert_eq!(extra.option_effect("nope"), OptionEffect::Undeclared);
    }

    #[test]
    fn os_support_of_go_and_git() {
        use crate::features::{OsFamily, PackageManager};
        let (_, go) = lookup_major("ghcr.io/devcontainers/features/go:1").unwrap();
        let script = go.script.unwrap();
        assert_eq!(script.supports(OsFamily::Debian), Some(true));
        assert_eq!(script.supports(OsFamily::Alpine), Some(false));
        assert_eq!(script.supports(OsFamily::RedHat), Some(true));
        assert!(script.uses(PackageManager::Apt));
        let (_, git) = lookup_major("ghcr.io/devcontainers/features/git:1").unwrap();
        assert_eq!(git.script.unwrap().supports(OsFamily::Alpine), Some(true));
        let (_, extra) = lookup_major("ghcr.io/devcontainers-extra/features/act").unwrap();
        assert_eq!(extra.supports(OsFamily::Alpine), None);
        let (_, v1) = lookup_major("ghcr.io/devcontainers/features/common-utils:1").unwrap();
        assert_eq!(v1.supports(OsFamily::Alpine), Some(false));
        let (_, v2) = lookup_major("ghcr.io/devcontainers/features/common-utils:2").unwrap();
        assert_eq!(v2.supports(OsFamily::Alpine), Some(true));
        let (_, aws) = lookup_major("ghcr.io/devcontainers/features/aws-cli:1").unwrap();
        let families: Vec<_> = aws.script.unwrap().families().collect();
        assert_eq!(families, [OsFamily::Debian]);
    }
}
