//! Checks the options given to features the catalog knows, against the major version the key
//! pins (`:1`, `:1.2`, `:1.2.3`; no tag or `latest`: the newest): names that set no variable
//! the install script reads (`feature-option-unknown` when undeclared, with the name of another
//! major or a close variable; `feature-option-no-effect` when declared but never read), values
//! outside a strict `enum`, and values of the wrong type. A name the script reads without
//! declaring it (`username`) works and is not reported. A plain string value means
//! `{"version": value}`. Fixtures: `crate/tests/fixtures/rules/feature-option-*/`.

use super::option_names::{Pinned, no_effect, option_list, unknown_option};
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::features::{self, FeatureInfo, OptionEffect, OptionInfo, OptionType};
use crate::rules::support::features_keys::show;
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeRef, Value};

pub const FEATURE_OPTION_UNKNOWN: RuleInfo = RuleInfo {
    code: "feature-option-unknown",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An option the feature does not have: the CLI passes it on and the feature ignores it.",
    why: "The CLI passes every option to the feature's install script as an environment variable (upper case, other chars than letters, digits and `_` turned into `_`); a name the pinned major does not declare and its script never reads silently does nothing. Names the script reads without declaring them (`username`) work and are not reported.",
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

pub const FEATURE_OPTION_NO_EFFECT: RuleInfo = RuleInfo {
    code: "feature-option-no-effect",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A declared option whose variable the feature's install script never reads: setting it changes nothing.",
    why: "The feature declares the option, but the install script of the pinned major never reads the environment variable it becomes, so any value other than the default is silently ignored.",
    fix: FixSafety::None,
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
    FEATURE_OPTION_NO_EFFECT,
    FEATURE_OPTION_TYPE,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in cx.feature_entries() {
        if entry.reference.problem.is_some() {
            continue;
        }
        // A major the catalog does not hold: nothing sure to say (the version rule speaks).
        let Some((info, major)) = entry.feature_major() else {
            continue;
        };
        let Some(value) = entry.member.value else {
            continue;
        };
        let f = Pinned { info, major };
        match value.value() {
            Value::String(text) => bare_version(cx, &f, value, text, out),
            Value::Object(_) => options_object(cx, &f, value, out),
            _ => {}
        }
    }
}

/// `"feature": "1.22"` is `{"version": "1.22"}`.
fn bare_version(cx: &Context, f: &Pinned, value: NodeRef, text: &str, out: &mut Vec<Diagnostic>) {
    let info = f.info;
    match f.major.find_option("version") {
        Some(option) => {
            let fixable = cx.tree.errors.is_empty();
            check_value(cx, info, option, value, fixable, out);
            if let OptionEffect::DeclaredUnread(_) = f.major.option_effect("version") {
                no_effect(f, option, value, out);
            }
        }
        // "latest" asks for what the feature installs anyway.
        None if text.trim().eq_ignore_ascii_case("latest") => {}
        None => out.push(
            FEATURE_OPTION_UNKNOWN.at(value.range(),
                format!(
                    "A plain string sets the \"version\" option, which \"{}\" does not have: \"{}\" is ignored. Write {{}} or an object of its options ({}).",
                    info.id,
                    show(text),
                    option_list(f.major)
                ),
            )
            .with_fix_if(cx.wants_fixes(), || Fix::safe(
                "Replace with {}",
                vec![Edit::replace(value.range(), "{}")],
            )),
        ),
    }
}

fn options_object(cx: &Context, f: &Pinned, object: NodeRef, out: &mut Vec<Diagnostic>) {
    // Around broken text a changed token can change how the rest is read (`1.20:` quoted
    // becomes a key): fixes only in a whole object (fuzz finding).
    let fixable = object.node().closed && !cx.broken_within(object.range());
    for member in object.members() {
        let name = member.key();
        match f.major.option_effect(name) {
            OptionEffect::Declared(option) => {
                if let Some(value) = member.value {
                    check_value(cx, f.info, option, value, fixable, out);
                }
            }
            OptionEffect::DeclaredUnread(option) => {
                if let Some(value) = member.value {
                    check_value(cx, f.info, option, value, fixable, out);
                    no_effect(f, option, value, out);
                }
            }
            // The script reads it although the metadata does not declare it: it works.
            OptionEffect::ReadUndeclared => {}
            OptionEffect::Unread | OptionEffect::Undeclared => {
                unknown_option(f, member.key_range(), name, cx.wants_fixes(), out)
            }
        }
    }
}

fn check_value(
    cx: &Context,
    info: &FeatureInfo,
    option: &OptionInfo,
    value: NodeRef,
    fixable: bool,
    out: &mut Vec<Diagnostic>,
) {
    match (option.kind, value.value()) {
        (OptionType::Boolean, Value::Bool(_)) => {}
        // The value reaches the script as text, so "true" and "false" work the same.
        (OptionType::Boolean, Value::String(s)) if s == "true" || s == "false" => {}
        (OptionType::Boolean, Value::String(s)) if has_variable(s) => {}
        (OptionType::Boolean, _) => {
            let mut d = FEATURE_OPTION_TYPE.at(value.range(),
                format!(
                    "\"{}\" of \"{}\" is a boolean: write true or false (the install script only treats \"true\" as on).",
                    option.name, info.id
                ),
            );
            if let Some(b) = value.as_str().and_then(yes_no).filter(|_| fixable) {
                d = d.with_fix_if(cx.wants_fixes(), || Fix::unsafe_(
                    format!("Write {b}"),
                    vec![Edit::replace(value.range(), b.to_string())],
                ));
            }
            out.push(d);
        }
        (OptionType::String, Value::String(s)) => check_enum(cx, info, option, value, s, out),
        (OptionType::String, Value::Number(raw)) => number_as_text(cx, info, option, value, raw, fixable, out),
        (OptionType::String, Value::Bool(b)) => {
            let text = if b { "true" } else { "false" };
            if !option.suggested_values().contains(&text) {
                out.push(FEATURE_OPTION_TYPE.at(value.range(),
                    format!(
                        "\"{}\" of \"{}\" takes text, not a boolean: write the value in quotes.",
                        option.name, info.id
                    ),
                ));
            }
        }
        (OptionType::String, Value::Invalid) => {}
        (OptionType::String, Value::Array(_)) => out.push(FEATURE_OPTION_TYPE.at(value.range(),
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
    fixable: bool,
    out: &mut Vec<Diagnostic>,
) {
    let Some(printed) = crate::syntax::json::shortest_number(raw) else {
        return;
    };
    if printed == raw {
        return;
    }
    let source = cx
        .text
        .get(value.range().start..value.range().end)
        .unwrap_or(raw);
    let d = FEATURE_OPTION_TYPE.at(value.range(),
        format!(
            "{} is a number, so \"{}\" of \"{}\" receives \"{printed}\". Put it in quotes to pass it as written.",
            show(raw),
            option.name,
            info.id
        ),
    );
    out.push(if fixable {
        d.with_fix_if(cx.wants_fixes(), || {
            Fix::safe(
                format!("Write \"{}\"", show(source)),
                vec![Edit::replace(value.range(), format!("\"{source}\""))],
            )
        })
    } else {
        d
    });
}

fn check_enum(
    cx: &Context,
    info: &FeatureInfo,
    option: &OptionInfo,
    value: NodeRef,
    text: &str,
    out: &mut Vec<Diagnostic>,
) {
    if option.enum_values.is_empty() || option.enum_values.contains(&text) || has_variable(text) {
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
    if let Some(s) = suggestion {
        message.push_str(&format!(" Did you mean \"{s}\"?"));
    }
    let mut d = FEATURE_OPTION_VALUE.at(value.range(), message);
    if let Some(s) = suggestion {
        d = d.with_fix_if(cx.wants_fixes(), || {
            Fix::unsafe_(
                format!("Change to \"{s}\""),
                vec![Edit::replace(value.range(), format!("\"{s}\""))],
            )
        });
    }
    out.push(d);
}
