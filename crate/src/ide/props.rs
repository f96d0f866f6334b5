//! What completion and hover read from the shared spec model (`crate::spec`), plus the few
//! things they need on top: defaults per configuration kind, plain-text defaults and the value
//! snippet a new property starts with.

use crate::spec::ConfigKind;
use crate::spec::{self, EnumValue, JsonType, ObjectSpec, PropSpec};
use crate::syntax::PathSegment;

pub use crate::spec::HOOK_NAMES;

/// The object spec at `path`, when the model describes that object.
pub fn object_at(path: &[PathSegment]) -> Option<&'static ObjectSpec> {
    spec::object_at(path)
}

/// The listed property `name` of the object at `path` (not a map's value spec).
pub fn prop(path: &[PathSegment], name: &str) -> Option<&'static PropSpec> {
    object_at(path)?.prop(name)
}

/// The values allowed for a configuration of `kind`.
pub fn values_for(prop: &PropSpec, kind: ConfigKind) -> Vec<&'static EnumValue> {
    prop.enum_values_for(kind).collect()
}

/// The default as plain text (no JSON quotes), for the configuration's kind.
pub fn default_for(prop: &PropSpec, kind: ConfigKind) -> Option<String> {
    if kind == ConfigKind::Compose {
        match prop.name {
            "shutdownAction" => return Some("stopCompose".to_string()),
            "overrideCommand" => return Some("false".to_string()),
            _ => {}
        }
    }
    let raw = prop.default?;
    Some(crate::syntax::json::unquote(raw).unwrap_or_else(|| raw.to_string()))
}

/// What one value means, whichever kind it belongs to.
pub fn value_doc(prop: &PropSpec, value: &str) -> Option<&'static str> {
    let values: &'static [EnumValue] = prop.enum_values;
    values.iter().find(|v| v.value == value).map(|v| v.doc)
}

/// The snippet a new member of this property starts with, by its type.
pub fn value_snippet(prop: &PropSpec, kind: ConfigKind) -> String {
    let values = values_for(prop, kind);
    let has = |t| prop.types.contains(&t);
    if !values.is_empty()
        && (has(JsonType::String) || prop.types.is_empty())
        && !has(JsonType::Boolean)
    {
        let default = default_for(prop, kind);
        let mut names: Vec<&str> = values.iter().map(|v| v.value).collect();
        if let Some(d) = default.and_then(|d| names.iter().position(|v| *v == d)) {
            let first = names.remove(d);
            names.insert(0, first);
        }
        return format!("\"${{1|{}|}}\"", names.join(","));
    }
    match prop.types.first() {
        Some(JsonType::Boolean) => {
            if prop.default == Some("true") {
                "${1|false,true|}".to_string()
            } else {
                "${1|true,false|}".to_string()
            }
        }
        Some(JsonType::Integer | JsonType::Number) if has(JsonType::Array) => "[$1]".to_string(),
        Some(JsonType::Integer | JsonType::Number) => "${1:0}".to_string(),
        Some(JsonType::Array) => "[$1]".to_string(),
        Some(JsonType::Object) => "{$1}".to_string(),
        Some(JsonType::Null) => "null".to_string(),
        Some(JsonType::String) | None => "\"$1\"".to_string(),
    }
}

/// The empty value offered while a property's value is still missing: label and snippet.
pub fn empty_value(prop: &PropSpec) -> Option<(&'static str, &'static str)> {
    let has = |t| prop.types.contains(&t);
    if has(JsonType::Object) {
        Some(("{}", "{$1}"))
    } else if has(JsonType::Array) {
        Some(("[]", "[$1]"))
    } else if has(JsonType::String) && prop.enum_values.is_empty() {
        Some(("\"\"", "\"$1\""))
    } else {
        None
    }
}
