//! Checks the options given to features the catalog knows: unknown option names, values
//! outside a strict `enum`, and values of the wrong type. A plain string value means
//! `{"version": value}`. Works whatever tag or digest the key carries.
//!
//! Invalid: `".../go:1": {"verison": "1.22"}`, `".../java:1": {"installMaven": "yes"}`,
//! `".../go:1": {"version": 1.20}` (the CLI passes the number on as "1.2").
//! Valid: `".../go:1": {"version": "1.22"}`, `".../go:1": "1.22"`, `{"installMaven": true}`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::features::{self, FeatureInfo, OptionInfo, OptionType};
use crate::rules::support::features_keys::{feature_entries, show};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeKind, NodeRef};

pub const FEATURE_OPTION_UNKNOWN: RuleInfo = RuleInfo {
    code: "feature-option-unknown",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An option the feature does not have: the CLI passes it on and the feature ignores it.",
    why: "The CLI passes unknown options on to the feature as environment variables, and the feature ignores them, so the setting silently does nothing.",
    fix: FixSafety::Safe {
        reason: "Safe only for a plain string on a feature without a `version` option (replaced by `{}`, which installs the same); a renamed option is offered but not preferred.",
    },
    domain: Domain::Any,
};

pub const FEATURE_OPTION_VALUE: RuleInfo = RuleInfo {
    code: "feature-option-value",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A value outside the fixed list of values an option accepts.",
    why: "The option accepts a fixed list of values; the feature's install script fails or falls back on any other.",
    fix: FixSafety::Unsafe {
        reason: "A close allowed value is offered, but it may not be the one meant.",
    },
    domain: Domain::Any,
};

pub const FEATURE_OPTION_TYPE: RuleInfo = RuleInfo {
    code: "feature-option-type",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An option value of the wrong type (e.g. \"yes\" for a boolean, 1.20 for a version).",
    why: "Options reach `install.sh` as strings: `\"yes\"` is not `true` to a boolean option, and a number such as `1.20` is printed as `1.2`.",
    fix: FixSafety::Safe {
        reason: "Safe for a number turned into the string it was written as; other conversions are offered but not preferred.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    FEATURE_OPTION_UNKNOWN,
    FEATURE_OPTION_VALUE,
    FEATURE_OPTION_TYPE,
];

/// Options lists longer than this are not spelled out in messages.
const MAX_LISTED: usize = 8;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in feature_entries(cx) {
        if entry.reference.problem.is_some() {
            continue;
        }
        let Some(info) = features::lookup(entry.reference.key) else {
            continue;
        };
        let Some(value) = entry.member.value else {
            continue;
        };
        match value.kind() {
            NodeKind::String(text) => bare_version(cx, info, value, text, out),
            NodeKind::Object(_) => options_object(cx, info, value, out),
            _ => {}
        }
    }
}

/// `"feature": "1.22"` is `{"version": "1.22"}`.
fn bare_version(
    cx: &Context,
    info: &FeatureInfo,
    value: NodeRef,
    text: &str,
    out: &mut Vec<Diagnostic>,
) {
    match info.option("version") {
        Some(option) => check_value(cx, info, option, value, out),
        // "latest" asks for what the feature installs anyway.
        None if text.trim().eq_ignore_ascii_case("latest") => {}
        None => out.push(
            FEATURE_OPTION_UNKNOWN.at(value.range(),
                format!(
                    "A plain string sets the \"version\" option, which \"{}\" does not have: \"{}\" is ignored. Write {{}} or an object of its options ({}).",
                    info.id,
                    show(text),
                    option_list(info)
                ),
            )
            .with_fix(Fix::safe(
                "Replace with {}",
                vec![Edit::replace(value.range(), "{}")],
            )),
        ),
    }
}

fn options_object(cx: &Context, info: &FeatureInfo, object: NodeRef, out: &mut Vec<Diagnostic>) {
    for member in object.members() {
        let name = member.key();
        let Some(option) = find_option(info, name) else {
            if is_undeclared(info, name) {
                continue;
            }
            unknown_option(info, member.key_range(), name, out);
            continue;
        };
        if let Some(value) = member.value {
            check_value(cx, info, option, value, out);
        }
    }
}

/// The option `name` sets. Option names reach the install script as upper-cased
/// environment variables, so `Version` sets `version`.
fn find_option(info: &FeatureInfo, name: &str) -> Option<&'static OptionInfo> {
    info.option(name).or_else(|| {
        let wanted = env_name(name);
        info.options.iter().find(|o| env_name(o.name) == wanted)
    })
}

fn is_undeclared(info: &FeatureInfo, name: &str) -> bool {
    let wanted = env_name(name);
    info.undeclared_options()
        .iter()
        .any(|o| env_name(o) == wanted)
}

/// The environment variable name the CLI derives from an option name.
fn env_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let rest = replaced.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
    let prefix = if rest.len() < replaced.len() { "_" } else { "" };
    format!("{prefix}{}", rest.to_uppercase())
}

fn unknown_option(
    info: &FeatureInfo,
    key_range: crate::text::TextRange,
    name: &str,
    out: &mut Vec<Diagnostic>,
) {
    let suggestion = features::closest(name, info.options.iter().map(|o| o.name));
    let mut message = format!(
        "\"{}\" is not an option the \"{}\" feature declares, so it most likely has no effect (the CLI passes it on without a word).",
        show(name),
        info.id
    );
    match suggestion {
        Some(s) => message.push_str(&format!(" Did you mean \"{s}\"?")),
        None if info.options.is_empty() => {
            message.push_str(" This feature has no options: remove it.")
        }
        None => message.push_str(&format!(" Its options: {}.", option_list(info))),
    }
    let mut d = FEATURE_OPTION_UNKNOWN.at(key_range, message);
    if let Some(s) = suggestion {
        d = d.with_fix(Fix::unsafe_(
            format!("Rename to {s}"),
            vec![Edit::replace(key_range, format!("\"{s}\""))],
        ));
    }
    out.push(d);
}

fn option_list(info: &FeatureInfo) -> String {
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

fn check_value(
    cx: &Context,
    info: &FeatureInfo,
    option: &OptionInfo,
    value: NodeRef,
    out: &mut Vec<Diagnostic>,
) {
    match (option.kind, value.kind()) {
        (OptionType::Boolean, NodeKind::Bool(_)) => {}
        // The value reaches the script as text, so "true" and "false" work the same.
        (OptionType::Boolean, NodeKind::String(s)) if s == "true" || s == "false" => {}
        (OptionType::Boolean, NodeKind::String(s)) if s.contains("${") => {}
        (OptionType::Boolean, _) => {
            let mut d = FEATURE_OPTION_TYPE.at(value.range(),
                format!(
                    "\"{}\" of \"{}\" is a boolean: write true or false (the install script only treats \"true\" as on).",
                    option.name, info.id
                ),
            );
            if let Some(b) = value.as_str().and_then(yes_no) {
                d = d.with_fix(Fix::unsafe_(
                    format!("Write {b}"),
                    vec![Edit::replace(value.range(), b.to_string())],
                ));
            }
            out.push(d);
        }
        (OptionType::String, NodeKind::String(s)) => check_enum(info, option, value, s, out),
        (OptionType::String, NodeKind::Number(raw)) => number_as_text(cx, info, option, value, raw, out),
        (OptionType::String, NodeKind::Bool(b)) => {
            let text = if *b { "true" } else { "false" };
            if !option.suggested_values().contains(&text) {
                out.push(FEATURE_OPTION_TYPE.at(value.range(),
                    format!(
                        "\"{}\" of \"{}\" takes text, not a boolean: write the value in quotes.",
                        option.name, info.id
                    ),
                ));
            }
        }
        (OptionType::String, NodeKind::Invalid) => {}
        (OptionType::String, NodeKind::Array(_)) => out.push(FEATURE_OPTION_TYPE.at(value.range(),
            format!(
                "\"{}\" of \"{}\" takes a string, not an array (the CLI would join the items with commas): write one string.",
                option.name, info.id
            ),
        )),
        (OptionType::String, _) => out.push(FEATURE_OPTION_TYPE.at(value.range(),
            format!(
                "\"{}\" of \"{}\" takes a string, not {}: feature options are strings or booleans.",
                option.name,
                info.id,
                article(value.type_name())
            ),
        )),
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "array" | "object" | "integer" | "invalid value" => format!("an {type_name}"),
        "null" => "null".to_string(),
        other => format!("a {other}"),
    }
}

fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "on" | "1" => Some(true),
        "no" | "n" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// A number is passed on as JavaScript prints it: `1.20` arrives as "1.2". Only numbers that
/// change on the way are reported; `18` arrives as "18".
fn number_as_text(
    cx: &Context,
    info: &FeatureInfo,
    option: &OptionInfo,
    value: NodeRef,
    raw: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Ok(number) = raw.parse::<f64>() else {
        return;
    };
    let printed = format!("{number}");
    if printed == raw {
        return;
    }
    let source = cx
        .text
        .get(value.range().start..value.range().end)
        .unwrap_or(raw);
    out.push(
        FEATURE_OPTION_TYPE.at(value.range(),
            format!(
                "{} is a number, so \"{}\" of \"{}\" receives \"{printed}\". Put it in quotes to pass it as written.",
                show(raw),
                option.name,
                info.id
            ),
        )
        .with_fix(Fix::safe(
            format!("Write \"{}\"", show(source)),
            vec![Edit::replace(value.range(), format!("\"{source}\""))],
        )),
    );
}

fn check_enum(
    info: &FeatureInfo,
    option: &OptionInfo,
    value: NodeRef,
    text: &str,
    out: &mut Vec<Diagnostic>,
) {
    if option.enum_values.is_empty() || option.enum_values.contains(&text) || text.contains("${") {
        return;
    }
    let suggestion = features::closest(text, option.enum_values.iter().copied());
    let mut message = format!(
        "\"{}\" is not a value \"{}\" of \"{}\" accepts: use one of {}.",
        show(text),
        option.name,
        info.id,
        option
            .enum_values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut fix = None;
    if let Some(s) = suggestion {
        message.push_str(&format!(" Did you mean \"{s}\"?"));
        fix = Some(Fix::unsafe_(
            format!("Change to \"{s}\""),
            vec![Edit::replace(value.range(), format!("\"{s}\""))],
        ));
    }
    let mut d = FEATURE_OPTION_VALUE.at(value.range(), message);
    if let Some(fix) = fix {
        d = d.with_fix(fix);
    }
    out.push(d);
}
