//! Under `features`: feature ids from the catalog (the Go feature first in a Go configuration,
//! the official namespace before others), the published versions of every major once a `:` is
//! typed, and the options of the major version the key pins with their types, defaults and
//! proposed values.

use super::{Insert, Item, PreparedKey, Request, rank};
use crate::features::{
    self, FeatureInfo, MajorInfo, OptionEffect, OptionInfo, OptionType, OptionValue,
};
use crate::ide::complete::CompletionKind;
use crate::ide::cursor::Place;
use crate::ide::snippet;

const OFFICIAL: &str = "ghcr.io/devcontainers/features";

pub fn complete_keys(req: &Request, items: &mut Vec<Item>) {
    match req.keys().as_slice() {
        [Some("features")] if !complete_versions(req, items) => complete_ids(req, items),
        [Some("features"), Some(id)] => complete_options(req, id, items),
        _ => {}
    }
}

/// The feature a key means and the major version it pins; the newest when the catalog does
/// not hold that major (completion and hover still help there).
pub fn pinned(key: &str) -> Option<(&'static FeatureInfo, &'static MajorInfo)> {
    features::lookup_major(key).or_else(|| features::lookup(key).map(|f| (f, f.newest())))
}

/// Markdown about a feature in the major version a key pins, for completion and hover.
pub fn feature_doc(feature: &FeatureInfo, major: &MajorInfo) -> String {
    let mut out = format!("**{}** `{}`", feature.name, feature.full_id());
    if let Some(summary) = feature.summary() {
        out.push_str(&format!("\n\n{summary}"));
    }
    out.push_str(&format!("\n\nNewest version: `{}`", feature.version));
    if feature.deprecated {
        out.push_str(" (deprecated)");
    }
    if feature.majors.len() > 1 {
        let majors: Vec<String> = feature
            .majors
            .iter()
            .map(|m| format!("`:{}` ({})", m.major, m.version))
            .collect();
        out.push_str(&format!("\n\nMajor versions: {}", majors.join(", ")));
    }
    if let Some(script) = &major.script {
        let families: Vec<&str> = script.families().map(|f| f.name()).collect();
        if !families.is_empty() {
            out.push_str(&format!(
                "\n\nInstalls on: {} (the package managers its script calls)",
                families.join(", ")
            ));
        }
    }
    if !major.options.is_empty() {
        let names: Vec<String> = major
            .options
            .iter()
            .map(|o| format!("`{}`", o.name))
            .collect();
        let which = if feature.majors.len() > 1 {
            format!("Options of {}.x", major.major)
        } else {
            "Options".to_string()
        };
        out.push_str(&format!("\n\n{which}: {}", names.join(", ")));
    }
    out
}

/// Markdown about one option of a major version: type, default, values, and the variable
/// that carries it to the install script.
pub fn option_doc(feature: &FeatureInfo, major: &MajorInfo, option: &OptionInfo) -> String {
    let ty = match option.kind {
        OptionType::String => "string",
        OptionType::Boolean => "boolean",
    };
    let mut out = format!(
        "**{}** · `{ty}` · option of `{}:{}`",
        option.name,
        feature.full_id(),
        major.major
    );
    if !option.description.is_empty() {
        out.push_str(&format!("\n\n{}", option.description));
    }
    if let Some(default) = option.default {
        out.push_str(&format!("\n\nDefault: `{}`", value_text(default)));
    }
    let values = option.suggested_values();
    if !values.is_empty() {
        let what = if option.enum_values.is_empty() {
            "Suggested"
        } else {
            "Allowed"
        };
        let list: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        out.push_str(&format!("\n\n{what}: {}", list.join(", ")));
    }
    let var = features::env_var_name(option.name);
    if let OptionEffect::DeclaredUnread(_) = major.option_effect(option.name) {
        out.push_str(&format!(
            "\n\nThe install script of {}.x never reads `{var}`: setting it has no effect.",
            major.major
        ));
    } else if major.script.is_some() {
        out.push_str(&format!("\n\nReaches the install script as `{var}`."));
    }
    out
}

/// Markdown about a name a major does not declare but its install script reads.
pub fn undeclared_doc(feature: &FeatureInfo, major: &MajorInfo, name: &str) -> Option<String> {
    (major.option_effect(name) == OptionEffect::ReadUndeclared).then(|| {
        format!(
            "**{name}** · not declared by `{}:{}`, but its install script reads `{}`, so it works.",
            feature.full_id(),
            major.major,
            features::env_var_name(name)
        )
    })
}

fn value_text(value: OptionValue) -> String {
    match value {
        OptionValue::Str(s) => s.to_string(),
        OptionValue::Bool(b) => b.to_string(),
    }
}

/// The key being edited, when the cursor is on one.
fn edited_key<'a>(req: &'a Request) -> Option<&'a str> {
    match req.cursor.place {
        Place::Key {
            member: Some(member),
        } => Some(member.key()),
        _ => None,
    }
}

/// After `id:` in a key: the feature's published tags. False when no version is being typed.
fn complete_versions(req: &Request, items: &mut Vec<Item>) -> bool {
    let Some(key) = edited_key(req) else {
        return false;
    };
    let reference = features::parse_reference(key);
    if reference.tag.is_none() {
        return false;
    }
    let Some(feature) = features::lookup(key) else {
        return false;
    };
    let base = reference.without_version();
    let mut tags = vec!["latest".to_string()];
    for major in feature.majors.iter().rev() {
        tags.extend(major.published_tags());
    }
    for (i, tag) in tags.iter().enumerate() {
        let id = format!("{base}:{tag}");
        let insert = req.key_insert(&id, "{$1}");
        let mut item = req.item(id, CompletionKind::Constant, insert);
        item.detail = Some(if tag == "latest" {
            "newest version, never pinned".into()
        } else {
            format!("version {tag}").into()
        });
        item.sort_text = rank(0, i);
        items.push(item);
    }
    true
}

/// The part of a catalog item that no cursor changes.
struct IdItem {
    feature: &'static FeatureInfo,
    /// The id with the newest major pinned (`ghcr.io/devcontainers/features/go:1`).
    id: String,
    key: PreparedKey,
    doc_id: String,
    /// The official namespace first, then the rest, each by id (the Go feature in a Go
    /// configuration goes before both, at the call).
    sort_text: String,
}

/// Made once: `features::all()` is static, so the table is too.
fn id_items() -> &'static [IdItem] {
    static ITEMS: std::sync::OnceLock<Vec<IdItem>> = std::sync::OnceLock::new();
    ITEMS.get_or_init(|| {
        features::all()
            .iter()
            .filter(|f| !f.deprecated)
            .map(|f| {
                let id = f.pinned_id();
                let rank = if f.namespace == OFFICIAL { 1 } else { 2 };
                IdItem {
                    feature: f,
                    doc_id: format!("{FEATURE_DOC}{id}"),
                    sort_text: format!("{rank}{}", f.id),
                    key: PreparedKey::new(&id),
                    id,
                }
            })
            .collect()
    })
}

const FEATURE_DOC: &str = "feature:";
const OPTION_DOC: &str = "option:";

/// The documentation a `doc_id` of these items stands for (completion resolves it lazily:
/// the whole catalog's Markdown on every keystroke in `features` was most of its cost).
pub fn resolve_doc(doc_id: &str) -> Option<String> {
    if let Some(key) = doc_id.strip_prefix(FEATURE_DOC) {
        let feature = features::lookup(key)?;
        return Some(feature_doc(feature, feature.newest()));
    }
    let (name, key) = doc_id.strip_prefix(OPTION_DOC)?.split_once(':')?;
    let (feature, major) = pinned(key)?;
    Some(option_doc(feature, major, major.find_option(name)?))
}

fn complete_ids(req: &Request, items: &mut Vec<Item>) {
    let present: Vec<&str> = req
        .present_keys()
        .into_iter()
        .filter_map(|k| features::lookup(k).map(|f| f.id))
        .collect();
    for id_item in id_items() {
        let feature = id_item.feature;
        if present.contains(&feature.id) {
            continue;
        }
        let insert = req.prepared_key_insert(&id_item.key, "{$1}");
        let mut item = req.item(id_item.id.as_str(), CompletionKind::Module, insert);
        item.detail = Some(feature.name.into());
        item.doc_id = Some(id_item.doc_id.as_str().into());
        item.sort_text = if req.go && feature.namespace == OFFICIAL && feature.id == "go" {
            format!("0{}", feature.id).into()
        } else {
            id_item.sort_text.as_str().into()
        };
        items.push(item);
    }
}

fn complete_options(req: &Request, id: &str, items: &mut Vec<Item>) {
    let Some((_, major)) = pinned(id) else {
        return;
    };
    let present = req.present_keys();
    for option in major.options {
        if present.contains(&option.name) {
            continue;
        }
        let insert = req.key_insert(option.name, &option_snippet(option));
        let mut item = req.item(option.name, CompletionKind::Property, insert);
        item.doc_id = Some(format!("{OPTION_DOC}{}:{id}", option.name).into());
        items.push(item);
    }
}

/// The value a new option starts with: the default first among the choices.
fn option_snippet(option: &OptionInfo) -> String {
    match option.kind {
        OptionType::Boolean => {
            if option.default == Some(OptionValue::Bool(true)) {
                "${1|true,false|}".to_string()
            } else {
                "${1|false,true|}".to_string()
            }
        }
        OptionType::String => {
            let default = match option.default {
                Some(OptionValue::Str(s)) => Some(s),
                _ => None,
            };
            let mut values: Vec<&str> = option.suggested_values().to_vec();
            if let Some(d) = default {
                values.retain(|v| *v != d);
                values.insert(0, d);
            }
            // Choices cannot hold `,` or `|`; such values become a plain placeholder.
            let choosable = values
                .iter()
                .all(|v| !v.contains([',', '|', '"', '\\', '$', '}']));
            match values.as_slice() {
                [] => "\"$1\"".to_string(),
                [first, ..] if !choosable => {
                    format!("\"${{1:{}}}\"", snippet::escape(&escape_json(first)))
                }
                _ => format!("\"${{1|{}|}}\"", values.join(",")),
            }
        }
    }
}

fn escape_json(value: &str) -> String {
    let quoted = super::json_string(value);
    quoted[1..quoted.len() - 1].to_string()
}

/// Items of `overrideFeatureInstallOrder`: the ids of the features in use, without version.
pub fn complete_install_order(req: &Request, items: &mut Vec<Item>) {
    if req.keys().as_slice() != [Some("overrideFeatureInstallOrder")] {
        return;
    }
    let Some(in_use) = req.root.and_then(|r| r.get("features")) else {
        return;
    };
    let present = req.present_strings();
    for member in in_use.members() {
        let id = features::parse_reference(member.key()).without_version();
        if id.is_empty() || present.contains(&id.to_ascii_lowercase()) {
            continue;
        }
        let mut item = req.string_item(id, CompletionKind::Module);
        item.detail = Some("feature in use".into());
        items.push(item);
    }
}

/// Values of a feature option, and the versions of a feature given as a plain string.
pub fn complete_values(req: &Request, items: &mut Vec<Item>) {
    let keys = req.keys();
    let Some(key) = req.value_key() else {
        return;
    };
    let (feature, option_name) = match keys.as_slice() {
        [Some("features"), Some(id)] => (pinned(id), key),
        // `"id": "1.24"` is short for `{ "version": "1.24" }`.
        [Some("features")] => (pinned(key), "version"),
        _ => return,
    };
    let Some(option) = feature.and_then(|(_, m)| m.find_option(option_name)) else {
        return;
    };
    match option.kind {
        OptionType::Boolean => {
            for value in ["true", "false"] {
                items.push(req.item(value, CompletionKind::Keyword, Insert::Plain(value.into())));
            }
        }
        OptionType::String => {
            for value in option.suggested_values() {
                let mut item = req.string_item(value, CompletionKind::Value);
                if option.default == Some(OptionValue::Str(value)) {
                    item.detail = Some("default".into());
                }
                items.push(item);
            }
        }
    }
}
