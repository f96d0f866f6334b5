//! What the install script of one feature version does, as `scripts/gen-features.py` read it:
//! the environment variables it reads before setting them, and the package managers it calls.
//!
//! Options reach the script as environment variables named by the dev containers CLI's
//! `getSafeId` (devcontainers/cli, `src/spec-node/containerFeatures.ts`): [`env_var_name`].

/// The environment variable the dev containers CLI sets for an option: every char outside
/// `[A-Za-z0-9_]` becomes `_`, a leading run of digits and `_` becomes one `_`, then upper
/// case (`enableNonRootDocker` -> `ENABLENONROOTDOCKER`, `install-tools` -> `INSTALL_TOOLS`).
pub fn env_var_name(option: &str) -> String {
    env_var_chars(option).collect()
}

/// Whether two option names set the same variable, without building either name: the options
/// rules compare a key with every declared option of every major on each keystroke.
pub fn same_env_var(a: &str, b: &str) -> bool {
    env_var_chars(a).eq(env_var_chars(b))
}

/// Whether the option `name` sets the variable `var`, without building its name.
pub fn sets_var(name: &str, var: &str) -> bool {
    env_var_chars(name).eq(var.chars())
}

/// The chars of [`env_var_name`], one by one.
fn env_var_chars(option: &str) -> EnvVarChars<'_> {
    // Every char but an ASCII letter is a digit, `_`, or becomes `_`: the leading run of those
    // is the one that shrinks to a single `_`.
    let rest = option.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    EnvVarChars {
        prefix: rest.len() < option.len(),
        underscores: 0,
        rest: rest.chars(),
    }
}

struct EnvVarChars<'a> {
    prefix: bool,
    /// `_` still owed for the second UTF-16 unit of a char outside the BMP.
    underscores: usize,
    rest: std::str::Chars<'a>,
}

impl Iterator for EnvVarChars<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        if std::mem::take(&mut self.prefix) {
            return Some('_');
        }
        if self.underscores > 0 {
            self.underscores -= 1;
            return Some('_');
        }
        let c = self.rest.next()?;
        if c.is_ascii_alphanumeric() || c == '_' {
            return Some(c.to_ascii_uppercase());
        }
        // JavaScript replaces per UTF-16 unit: a char outside the BMP gives two `_`.
        self.underscores = c.len_utf16() - 1;
        Some('_')
    }
}

/// Facts about one version's `install.sh` and the scripts of its folder that it runs.
#[derive(Clone, Copy, Debug)]
pub struct ScriptFacts {
    /// Variables read before the script sets them, space-separated and sorted (variables of
    /// the shell and of `/etc/os-release` left out, unless an option maps there).
    pub(crate) reads: &'static str,
    /// Declared options whose variable the script never reads, space-separated.
    pub(crate) unread: &'static str,
    /// [`PackageManager`] bits.
    pub(crate) managers: u8,
    /// [`OsFamily`] bits: the families whose package manager the script calls, minus those a
    /// distribution check in the script refuses.
    pub(crate) families: u8,
}

/// A package manager an install script calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackageManager {
    Apt = 1,
    Apk = 2,
    Dnf = 4,
    Yum = 8,
    Microdnf = 16,
    Tdnf = 32,
    Zypper = 64,
}

impl PackageManager {
    pub const ALL: [PackageManager; 7] = [
        Self::Apt,
        Self::Apk,
        Self::Dnf,
        Self::Yum,
        Self::Microdnf,
        Self::Tdnf,
        Self::Zypper,
    ];
    /// The command name (`apt-get` for [`PackageManager::Apt`]).
    pub fn command(self) -> &'static str {
        match self {
            Self::Apt => "apt-get",
            Self::Apk => "apk",
            Self::Dnf => "dnf",
            Self::Yum => "yum",
            Self::Microdnf => "microdnf",
            Self::Tdnf => "tdnf",
            Self::Zypper => "zypper",
        }
    }
}

/// A family of Linux distributions, by the package manager it ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OsFamily {
    /// Debian, Ubuntu and derivatives (`apt-get`).
    Debian = 1,
    /// Alpine (`apk`).
    Alpine = 2,
    /// RHEL, Fedora, CentOS, Alma, Rocky, Amazon Linux, Azure Linux / Mariner (`dnf`, `yum`,
    /// `microdnf`, `tdnf`).
    RedHat = 4,
    /// openSUSE and SLES (`zypper`).
    Suse = 8,
}

impl OsFamily {
    pub const ALL: [OsFamily; 4] = [Self::Debian, Self::Alpine, Self::RedHat, Self::Suse];
    /// The family of an `/etc/os-release` `ID` (`alpine`, `ubuntu`, `rocky`, ...).
    pub fn of_distro(id: &str) -> Option<OsFamily> {
        let id = id.trim().to_ascii_lowercase();
        let family = match id.as_str() {
            "debian" | "ubuntu" | "linuxmint" | "pop" | "raspbian" | "kali" => Self::Debian,
            "alpine" => Self::Alpine,
            "rhel" | "fedora" | "centos" | "almalinux" | "rocky" | "amzn" | "ol" | "mariner"
            | "azurelinux" => Self::RedHat,
            "opensuse" | "opensuse-leap" | "opensuse-tumbleweed" | "sles" => Self::Suse,
            _ => return None,
        };
        Some(family)
    }
    pub fn name(self) -> &'static str {
        match self {
            Self::Debian => "Debian/Ubuntu",
            Self::Alpine => "Alpine",
            Self::RedHat => "RHEL/Fedora",
            Self::Suse => "SUSE",
        }
    }
}

impl ScriptFacts {
    /// True when the script reads the environment variable `var` before setting it.
    pub fn reads(&self, var: &str) -> bool {
        self.reads.split(' ').any(|v| v == var)
    }
    /// The variables the script reads before setting them, sorted.
    pub fn read_vars(&self) -> impl Iterator<Item = &'static str> {
        self.reads.split(' ').filter(|v| !v.is_empty())
    }
    /// Declared options whose variable the script never reads.
    pub fn unread_options(&self) -> impl Iterator<Item = &'static str> {
        self.unread.split(' ').filter(|v| !v.is_empty())
    }
    pub fn uses(&self, manager: PackageManager) -> bool {
        self.managers & manager as u8 != 0
    }
    /// The package managers the script calls (in [`PackageManager::ALL`] order).
    pub fn package_managers(&self) -> impl Iterator<Item = PackageManager> + '_ {
        PackageManager::ALL.into_iter().filter(|m| self.uses(*m))
    }
    /// Whether the script can install on `family`: `None` when it calls no package manager
    /// (nothing is known either way).
    pub fn supports(&self, family: OsFamily) -> Option<bool> {
        (self.managers != 0).then_some(self.families & family as u8 != 0)
    }
    /// The families the script supports (empty when it calls no package manager).
    pub fn families(&self) -> impl Iterator<Item = OsFamily> + '_ {
        OsFamily::ALL
            .into_iter()
            .filter(|f| self.supports(*f) == Some(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_names_follow_get_safe_id() {
        // The cases of devcontainers/cli src/test/container-features/featureHelpers.test.ts.
        assert_eq!(env_var_name("option-name"), "OPTION_NAME");
        assert_eq!(
            env_var_name("option1-name-with_dashes-"),
            "OPTION1_NAME_WITH_DASHES_"
        );
        assert_eq!(env_var_name("myOptionName"), "MYOPTIONNAME");
        assert_eq!(env_var_name("1name"), "_NAME");
        assert_eq!(env_var_name("12345_option-name"), "_OPTION_NAME");
        assert_eq!(env_var_name("énable"), "_NABLE");
        assert_eq!(env_var_name("a😀b"), "A__B");
        assert_eq!(env_var_name("123"), "_");
        assert_eq!(env_var_name(""), "");
    }

    /// `getSafeId` as the CLI writes it: replace, then trim the leading run, then upper-case.
    fn get_safe_id(option: &str) -> String {
        let replaced: String = option
            .encode_utf16()
            .map(|unit| match char::from_u32(u32::from(unit)) {
                Some(c) if c.is_ascii_alphanumeric() || c == '_' => c,
                _ => '_',
            })
            .collect();
        let rest = replaced.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
        let prefix = if rest.len() < replaced.len() { "_" } else { "" };
        format!("{prefix}{}", rest.to_ascii_uppercase())
    }

    #[test]
    fn same_env_var_agrees_with_the_names() {
        let mut names: Vec<&str> = vec!["", "_", "1", "a-b", "a_b", "A-B", "éa", "_a", "😀a"];
        for f in crate::features::all() {
            for m in f.majors {
                names.extend(m.options.iter().map(|o| o.name));
            }
        }
        for a in &names {
            assert_eq!(env_var_name(a), get_safe_id(a), "{a}");
            for b in names.iter().step_by(7) {
                assert_eq!(
                    same_env_var(a, b),
                    env_var_name(a) == env_var_name(b),
                    "{a} / {b}"
                );
                assert_eq!(sets_var(a, b), env_var_name(a) == *b, "{a} / {b}");
            }
        }
    }

    #[test]
    fn distro_families() {
        assert_eq!(OsFamily::of_distro("Alpine"), Some(OsFamily::Alpine));
        assert_eq!(OsFamily::of_distro("ubuntu"), Some(OsFamily::Debian));
        assert_eq!(OsFamily::of_distro("plan9"), None);
    }
}
