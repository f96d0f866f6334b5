//! Reads a mount string as `docker run --mount` does: comma-separated `key=value` fields
//! (quoted fields may hold commas), keys case-insensitive, and reports the first part that
//! Docker would reject.

use std::borrow::Cow;

/// Mount types Docker accepts.
pub const TYPES: &[&str] = &["bind", "volume", "tmpfs", "npipe", "cluster", "image"];

/// Keys that take a value.
const VALUE_KEYS: &[&str] = &[
    "type",
    "source",
    "src",
    "target",
    "dst",
    "destination",
    "readonly",
    "ro",
    "consistency",
    "bind-propagation",
    "bind-nonrecursive",
    "bind-recursive",
    "bind-create-src",
    "volume-driver",
    "volume-label",
    "volume-nocopy",
    "volume-opt",
    "volume-subpath",
    "tmpfs-size",
    "tmpfs-mode",
    "image-subpath",
];

/// Keys that may stand alone, without `=value`.
const FLAG_KEYS: &[&str] = &["readonly", "ro", "volume-nocopy", "bind-nonrecursive"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MountProblem {
    Empty,
    /// `/host/path:/container/path[:ro]`: the `-v` syntax.
    VolumeSyntax,
    /// A field without `=` that is not a flag.
    NotKeyValue(String),
    UnknownKey(String),
    UnknownType(String),
    MissingTarget,
    /// A bind mount needs the host path.
    BindWithoutSource,
}

impl MountProblem {
    /// What is wrong and what to write instead, for a message.
    pub fn explain(&self) -> String {
        use crate::syntax::clip;
        match self {
            MountProblem::Empty => "is empty; write `type=bind,source=...,target=...` or remove it".into(),
            MountProblem::VolumeSyntax => "uses the `-v` form `source:target`, which `--mount` does not read; write `type=bind,source=...,target=...` (or `type=volume,...`)".into(),
            MountProblem::NotKeyValue(f) => format!("has the field \"{}\" without `=value`; each field must be `key=value`", clip(f)),
            MountProblem::UnknownKey(k) if k.trim() != k => format!("has the key \"{}\" with a space around it; remove the space (fields are split at `,` only)", clip(k)),
            MountProblem::UnknownKey(k) => format!("has the unknown key \"{}\"; use `type`, `source`, `target`, `readonly`, `consistency` or another `--mount` key", clip(k)),
            MountProblem::UnknownType(t) => format!("has `type={}`; the type must be `bind` or `volume` (or `tmpfs`)", clip(t)),
            MountProblem::MissingTarget => "has no `target`; add `target=/path/in/container`".into(),
            MountProblem::BindWithoutSource => "is a bind mount without `source`; add `source=/path/on/host`".into(),
        }
    }
}

/// The first problem Docker would report for `spec`, or None when it reads fine. Keys are
/// compared ignoring case, without lower-cased copies: this runs on every mount string of the
/// file on every keystroke.
pub fn check_mount(spec: &str) -> Option<MountProblem> {
    if spec.trim().is_empty() {
        return Some(MountProblem::Empty);
    }
    if !spec.contains('=') && spec.contains(':') {
        return Some(MountProblem::VolumeSyntax);
    }
    let mut bind = false;
    let (mut has_target, mut has_source) = (false, false);
    for field in split_fields(spec) {
        let (key, value) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (&*field, None),
        };
        let is_one_of = |keys: &[&str]| keys.iter().any(|k| k.eq_ignore_ascii_case(key));
        if value.is_none() && !is_one_of(FLAG_KEYS) {
            return Some(MountProblem::NotKeyValue(field.to_string()));
        }
        if !is_one_of(VALUE_KEYS) {
            return Some(MountProblem::UnknownKey(key.to_ascii_lowercase()));
        }
        let value = value.unwrap_or("");
        if key.eq_ignore_ascii_case("type") {
            if !TYPES.iter().any(|t| t.eq_ignore_ascii_case(value)) {
                return Some(MountProblem::UnknownType(value.to_string()));
            }
            bind = value.eq_ignore_ascii_case("bind");
        } else if is_one_of(&["target", "dst", "destination"]) {
            has_target = !value.is_empty();
        } else if is_one_of(&["source", "src"]) {
            has_source = !value.is_empty();
        }
    }
    if !has_target {
        return Some(MountProblem::MissingTarget);
    }
    if bind && !has_source {
        return Some(MountProblem::BindWithoutSource);
    }
    None
}

/// The `target` (or `dst`, `destination`) of a mount string and its byte offset in `spec`,
/// when the string has no quotes (so fields and offsets are plain).
pub fn mount_target(spec: &str) -> Option<(&str, usize)> {
    if spec.contains('"') {
        return None;
    }
    let mut start = 0;
    for field in spec.split(',') {
        if let Some((key, value)) = field.split_once('=') {
            let key = key.trim().to_ascii_lowercase();
            if matches!(key.as_str(), "target" | "dst" | "destination") {
                return Some((value, start + field.len() - value.len()));
            }
        }
        start += field.len() + 1;
    }
    None
}

/// Splits at commas outside double quotes, as a CSV reader does; quotes are removed.
/// The fields of `spec`, split at commas outside double quotes, the quotes removed; borrowed
/// when there are no quotes (nearly always).
fn split_fields(spec: &str) -> Vec<Cow<'_, str>> {
    if !spec.contains('"') {
        return spec.split(',').map(Cow::Borrowed).collect();
    }
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in spec.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(Cow::Owned(std::mem::take(&mut current))),
            _ => current.push(c),
        }
    }
    fields.push(Cow::Owned(current));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader `check_mount` replaced, with a lower-cased copy of every key and field (its
    /// fields split as `split_fields` still splits quoted ones, each into a `String`).
    fn check_mount_with_copies(spec: &str) -> Option<MountProblem> {
        if spec.trim().is_empty() {
            return Some(MountProblem::Empty);
        }
        let fields: Vec<String> = split_fields(spec)
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        if !spec.contains('=') && spec.contains(':') {
            return Some(MountProblem::VolumeSyntax);
        }
        let mut kind = "volume".to_string();
        let (mut has_target, mut has_source) = (false, false);
        for field in &fields {
            let (key, value) = match field.split_once('=') {
                Some((k, v)) => (k.to_ascii_lowercase(), Some(v)),
                None => (field.to_ascii_lowercase(), None),
            };
            if value.is_none() && !FLAG_KEYS.contains(&key.as_str()) {
                return Some(MountProblem::NotKeyValue(field.clone()));
            }
            if !VALUE_KEYS.contains(&key.as_str()) {
                return Some(MountProblem::UnknownKey(key));
            }
            let value = value.unwrap_or("");
            match key.as_str() {
                "type" => {
                    if !TYPES.contains(&value.to_ascii_lowercase().as_str()) {
                        return Some(MountProblem::UnknownType(value.to_string()));
                    }
                    kind = value.to_ascii_lowercase();
                }
                "target" | "dst" | "destination" => has_target = !value.is_empty(),
                "source" | "src" => has_source = !value.is_empty(),
                _ => {}
            }
        }
        if !has_target {
            return Some(MountProblem::MissingTarget);
        }
        if kind == "bind" && !has_source {
            return Some(MountProblem::BindWithoutSource);
        }
        None
    }

    proptest! {
        #[test]
        fn reads_as_the_copying_reader_did(pieces in proptest::collection::vec(
            prop_oneof![
                Just("type"), Just("TYPE"), Just("Bind"), Just("bind"), Just("volume"), Just("tmpfs"),
                Just("source"), Just("Src"), Just("target"), Just("DST"), Just("readonly"), Just("ro"),
                Just("volume-opt"), Just("x"), Just("/a"), Just("é"), Just("="), Just(","), Just("\""),
                Just(":"), Just(" "), Just(""),
            ],
            0..16,
        )) {
            let spec = pieces.concat();
            prop_assert_eq!(check_mount(&spec), check_mount_with_copies(&spec), "{}", spec);
        }

        #[test]
        fn reads_fields_as_the_copying_reader_did(fields in proptest::collection::vec(
            (
                prop_oneof![Just("type"), Just("Type"), Just("source"), Just("SRC"), Just("target"),
                    Just("Destination"), Just("readonly"), Just("consistency"), Just("targte"), Just(" dst")],
                proptest::option::of(prop_oneof![Just("bind"), Just("BIND"), Just("volume"), Just("npipe"),
                    Just("foo"), Just("/a"), Just(""), Just("\"o=1,rw\"")]),
            ),
            1..6,
        )) {
            let spec = fields
                .iter()
                .map(|(key, value)| match value {
                    Some(value) => format!("{key}={value}"),
                    None => key.to_string(),
                })
                .collect::<Vec<_>>()
                .join(",");
            prop_assert_eq!(check_mount(&spec), check_mount_with_copies(&spec), "{}", spec);
        }
    }

    #[test]
    fn good_mounts() {
        for spec in [
            "source=${localEnv:HOME}/.ssh,target=/home/vscode/.ssh,type=bind,consistency=cached",
            "type=volume,source=go-mod-cache,target=/go/pkg/mod",
            "src=/var/run/docker.sock,dst=/var/run/docker.sock,type=bind",
            "type=bind,source=/a,target=/b,readonly",
            "type=tmpfs,target=/tmp",
            "target=/data",
            "TYPE=Bind,Source=/a,Target=/b",
            "type=volume,target=/x,\"volume-opt=o=addr=1.2.3.4,rw\"",
        ] {
            assert_eq!(check_mount(spec), None, "{spec}");
        }
    }

    #[test]
    fn bad_mounts() {
        assert_eq!(check_mount(""), Some(MountProblem::Empty));
        assert_eq!(
            check_mount("/home/me/.ssh:/root/.ssh:ro"),
            Some(MountProblem::VolumeSyntax)
        );
        assert_eq!(
            check_mount("type=bind,source=/a"),
            Some(MountProblem::MissingTarget)
        );
        assert_eq!(
            check_mount("type=bind,target=/a"),
            Some(MountProblem::BindWithoutSource)
        );
        assert_eq!(
            check_mount("type=foo,target=/a"),
            Some(MountProblem::UnknownType("foo".into()))
        );
        assert_eq!(
            check_mount("type=bind,source=/a,targte=/b"),
            Some(MountProblem::UnknownKey("targte".into()))
        );
        assert_eq!(
            check_mount("type=bind,source=/a, target=/b"),
            Some(MountProblem::UnknownKey(" target".into()))
        );
        assert_eq!(
            check_mount("type=bind,/a,target=/b"),
            Some(MountProblem::NotKeyValue("/a".into()))
        );
        assert!(
            MountProblem::UnknownKey(" target".into())
                .explain()
                .contains("space")
        );
    }
}
