//! The names under a feature's options, judged by what the install script of the pinned major
//! reads: `feature-option-unknown` (not declared, not read: with the name another major uses or
//! the close variable the script reads) and `feature-option-no-effect` (declared, never read).
//! The codes are declared in `options.rs`, which calls these.

use super::options::{FEATURE_OPTION_NO_EFFECT, FEATURE_OPTION_UNKNOWN};
use crate::diag::{Diagnostic, Edit, Fix};
use crate::features::{self, FeatureInfo, MajorInfo, OptionInfo, OptionValue};
use crate::rules::support::features_keys::show;
use crate::syntax::{NodeRef, Value};

/// Options lists longer than this are not spelled out in messages.
const MAX_LISTED: usize = 8;

/// A feature and the major version its key pins.
pub(super) struct Pinned {
    pub info: &'static FeatureInfo,
    pub major: &'static MajorInfo,
}

impl Pinned {
    /// `go 1.x`, for messages.
    fn label(&self) -> String {
        format!("{} {}.x", self.info.id, self.major.major)
    }
}

/// A declared option the script never reads. Writing its default says nothing new, so only
/// other values are reported.
pub(super) fn no_effect(
    f: &Pinned,
    option: &OptionInfo,
    value: NodeRef,
    out: &mut Vec<Diagnostic>,
) {
    let same_as_default = match (option.default, value.value()) {
        (Some(OptionValue::Str(d)), Value::String(s)) => d == s,
        (Some(OptionValue::Bool(d)), Value::Bool(b)) => d == b,
        (Some(OptionValue::Bool(d)), Value::String(s)) => s.trim() == d.to_string(),
        _ => false,
    };
    if same_as_default {
        return;
    }
    out.push(FEATURE_OPTION_NO_EFFECT.at(
        value.range(),
        format!(
            "\"{}\" is declared by {}, but its install script never reads {}, the variable it sets: this value changes nothing. Remove it, or pin a version that uses it.",
            option.name,
            f.label(),
            features::env_var_name(option.name)
        ),
    ));
}

pub(super) fn unknown_option(
    f: &Pinned,
    key_range: crate::text::TextRange,
    name: &str,
    fixes: bool,
    out: &mut Vec<Diagnostic>,
) {
    let (info, major) = (f.info, f.major);
    let var = features::env_var_name(name);
    let elsewhere = info.option_elsewhere(major, name);
    let suggestion = match elsewhere {
        Some((_, renamed)) => renamed.map(|o| o.name),
        None => features::closest(name, major.options.iter().map(|o| o.name)),
    };
    let pinned = format!("{}.x, which this key pins,", major.major);
    let mut message = if let Some((other, renamed)) = elsewhere {
        let (name, id, old) = (show(name), info.id, other.major);
        match renamed {
            Some(new) if old < major.major => format!(
                "\"{name}\" is the name in {id} {old}.x; {pinned} renamed it \"{}\" and never reads {var}: as written it has no effect.",
                new.name
            ),
            Some(new) => format!(
                "\"{name}\" is the name in {id} {old}.x; {pinned} calls it \"{}\" and never reads {var}: as written it has no effect.",
                new.name
            ),
            None if old > major.major => format!(
                "\"{name}\" exists only since {id} {old}.x; {pinned} never reads {var}: it has no effect."
            ),
            None => format!(
                "\"{name}\" was an option of {id} {old}.x; {pinned} no longer has it and never reads {var}: it has no effect."
            ),
        }
    } else if major.script.is_some() {
        format!(
            "\"{}\" is not an option {} declares, and its install script never reads {var}, the variable it sets: it has no effect.",
            show(name),
            f.label()
        )
    } else {
        format!(
            "\"{}\" is not an option the \"{}\" feature declares, so it most likely has no effect (the CLI passes it on without a word).",
            show(name),
            info.id
        )
    };
    match (suggestion, elsewhere) {
        (Some(_), Some(_)) => {}
        (None, Some((other, _))) if other.major > major.major => message.push_str(&format!(
            " Pin \":{}\" to use it.",
            other.major
        )),
        (None, Some(_)) => message.push_str(&format!(" Its options here: {}.", option_list(major))),
        (Some(s), None) => message.push_str(&format!(" Did you mean \"{s}\"?")),
        (None, _) => match major.close_read_var(name) {
            Some(close) => message.push_str(&format!(
                " The script reads {close}, which no declared option sets (only a key spelled \"{}\" would).",
                close.to_ascii_lowercase()
            )),
            None if major.options.is_empty() => {
                message.push_str(" This feature has no options: remove it.")
            }
            None => message.push_str(&format!(" Its options: {}.", option_list(major))),
        },
    }
    let mut d = FEATURE_OPTION_UNKNOWN.at(key_range, message);
    if let Some(s) = suggestion {
        d = d.with_fix_if(fixes, || {
            Fix::unsafe_(
                format!("Rename to {s}"),
                vec![Edit::replace(key_range, format!("\"{s}\""))],
            )
        });
    }
    out.push(d);
}

pub(super) fn option_list(info: &MajorInfo) -> String {
    if info.options.is_empty() {
        return "none".to_string();
    }
    let mut names: Vec<&str> = info
        .options
        .iter()
        .take(MAX_LISTED)
        .map(|o| o.name)
        .collect();
    if info.options.len() > MAX_LISTED {
        names.push("...");
    }
    names.join(", ")
}
