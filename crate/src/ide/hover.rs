//! Hover on a key or a value: what it does, its type and default, which configuration kind
//! it belongs to, a link to the containers.dev reference, and what replaces a deprecated key.

use super::complete::features;
use super::complete::vscode::{self, GO_SETTINGS, SettingType};
use super::props;
use crate::project::Project;
use crate::spec::PropSpec;
use crate::spec::{ConfigKind, config_kind};
use crate::syntax::{self, MemberRef, NodeKind, NodeRef, PathSegment, Tree};
use crate::text::TextRange;

/// Markdown for the range it describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub contents: String,
    pub range: TextRange,
}

pub fn hover(text: &str, offset: usize) -> Option<HoverInfo> {
    let tree = syntax::parse(text);
    hover_in(text, &tree, offset)
}

/// What lies under the cursor: a member's key, or a member's scalar value.
enum Target<'t> {
    Key(MemberRef<'t>),
    Value(MemberRef<'t>, NodeRef<'t>),
}

pub fn hover_in(text: &str, tree: &Tree, offset: usize) -> Option<HoverInfo> {
    hover_project_in(None, text, tree, offset)
}

/// Hover with the project's other files: a Compose service or a Dockerfile stage named by a
/// value is described from the file that defines it.
pub fn hover_project_in(
    project: Option<&Project>,
    text: &str,
    tree: &Tree,
    offset: usize,
) -> Option<HoverInfo> {
    if super::cursor::in_comment(text, tree, offset) {
        return None;
    }
    if let Some(item) = extension_at(tree, offset) {
        let id = item.as_str()?;
        return Some(HoverInfo {
            contents: vscode::extension_doc(id)?,
            range: item.range(),
        });
    }
    let (target, object) = target_at(tree, offset)?;
    let root = tree.root().filter(|r| r.is_object());
    let kind = root.map_or(ConfigKind::Missing, config_kind);
    let path = object.path();
    match target {
        Target::Key(member) => {
            let contents = key_doc(&path, member.key(), kind)?;
            Some(HoverInfo {
                contents,
                range: member.key_range(),
            })
        }
        Target::Value(member, value) => {
            let written = value.as_str()?;
            let from_files = project
                .and_then(|p| super::hover_files::value_doc(p, tree, &path, member.key(), written));
            let contents = match from_files {
                Some(doc) => doc,
                None => value_doc(&path, member.key(), written, kind)?,
            };
            Some(HoverInfo {
                contents,
                range: value.range(),
            })
        }
    }
}

/// A string item of an `extensions` array under the cursor.
fn extension_at(tree: &Tree, offset: usize) -> Option<NodeRef<'_>> {
    let (id, _) = tree.nodes.iter().enumerate().find(|(_, n)| {
        matches!(n.kind, NodeKind::String(_))
            && n.range.touches(offset)
            && n.parent
                .is_some_and(|p| matches!(tree.node(p).kind, NodeKind::Array(_)))
    })?;
    let item = tree.get(id);
    let path = item.parent()?.path();
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        })
        .collect();
    matches!(
        keys.as_slice(),
        ["customizations", "vscode", "extensions"] | ["extensions"]
    )
    .then_some(item)
}

/// The deepest key or scalar value whose range touches `offset`.
fn target_at(tree: &Tree, offset: usize) -> Option<(Target<'_>, NodeRef<'_>)> {
    let mut best: Option<(u32, Target, NodeRef)> = None;
    for (id, node) in tree.nodes.iter().enumerate() {
        if !matches!(node.kind, NodeKind::Object(_)) || !node.range.touches(offset) {
            continue;
        }
        if best
            .as_ref()
            .is_some_and(|(depth, _, _)| *depth > node.depth)
        {
            continue;
        }
        let object = tree.get(id);
        for member in object.members() {
            if member.key_range().touches(offset) {
                best = Some((node.depth, Target::Key(member), object));
                break;
            }
            if let Some(value) = member.value {
                let scalar = !matches!(value.kind(), NodeKind::Object(_) | NodeKind::Array(_));
                if scalar && value.range().touches(offset) {
                    best = Some((node.depth, Target::Value(member, value), object));
                    break;
                }
            }
        }
    }
    best.map(|(_, target, object)| (target, object))
}

fn key_doc(path: &[PathSegment], key: &str, kind: ConfigKind) -> Option<String> {
    if let Some(prop) = props::prop(path, key) {
        return Some(prop_doc(prop, kind));
    }
    let keys: Vec<Option<&str>> = path
        .iter()
        .map(|s| match s {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [Some("features")] => features::pinned(key).map(|(f, m)| features::feature_doc(f, m)),
        [Some("features"), Some(id)] => {
            let (feature, major) = features::pinned(id)?;
            match major.find_option(key) {
                Some(option) => Some(features::option_doc(feature, major, option)),
                None => features::undeclared_doc(feature, major, key),
            }
        }
        [Some("customizations"), Some("vscode"), Some("settings")] | [Some("settings")] => {
            let (name, ty, doc) = GO_SETTINGS.iter().find(|(n, _, _)| *n == key)?;
            let ty = match ty {
                SettingType::Bool => "boolean".to_string(),
                SettingType::String => "string".to_string(),
                SettingType::Enum(values) => list(values.iter().copied()),
                SettingType::Array => "array".to_string(),
                SettingType::Object => "object".to_string(),
            };
            Some(format!("**{name}** · {ty}\n\n{doc}"))
        }
        _ => None,
    }
}

fn list<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn prop_doc(prop: &PropSpec, kind: ConfigKind) -> String {
    let mut out = format!("**{}** · `{}`", prop.name, prop.types_text());
    if let Some(default) = props::default_for(prop, kind) {
        out.push_str(&format!(" · default `{default}`"));
    }
    out.push_str("\n\n");
    if let Some(deprecation) = prop.deprecated {
        out.push_str(&format!(
            "**Deprecated:** write `{}` instead.\n\n",
            deprecation.replacement
        ));
    }
    out.push_str(prop.doc);
    let values = props::values_for(prop, kind);
    if !values.is_empty() {
        out.push_str(&format!(
            "\n\nValues: {}",
            list(values.iter().map(|v| v.value))
        ));
    }
    if prop.kinds.is_all() {
        out.push_str("\n\nApplies to every configuration (image, Dockerfile, Docker Compose).");
    } else {
        out.push_str(&format!(
            "\n\nApplies to {} configurations only.",
            prop.kinds.describe()
        ));
    }
    prop.push_reference_link(&mut out);
    out
}

fn value_doc(path: &[PathSegment], key: &str, value: &str, kind: ConfigKind) -> Option<String> {
    let prop = props::prop(path, key)?;
    let doc = props::value_doc(prop, value)?;
    let allowed = props::values_for(prop, kind);
    let mut out = format!("`{value}` · value of **{}**\n\n{doc}", prop.name);
    if !allowed.is_empty() && !allowed.iter().any(|v| v.value == value) {
        out.push_str(&format!(
            "\n\nNot allowed in this configuration: use {}.",
            list(allowed.iter().map(|v| v.value))
        ));
    }
    prop.push_reference_link(&mut out);
    Some(out)
}
