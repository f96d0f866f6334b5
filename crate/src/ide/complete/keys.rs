//! Property names valid at the cursor's object, for the configuration's kind, without those
//! already present; a new member comes with a value snippet for its type.

use super::{Insert, Item, Request};
use crate::api::CompletionKind;
use crate::ide::cursor::Place;
use crate::ide::props::{self, Prop, Ty};
use crate::ide::snippet;

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    let Some(props) = props::object_props(req.path()) else {
        return;
    };
    let present = req.present_keys();
    let key_only = matches!(
        req.cursor.place,
        Place::Key { member: Some(m) } if m.member.colon.is_some()
    );
    for (i, prop) in props.iter().enumerate() {
        if prop.replaced_by.is_some() || prop.name == "$schema" {
            continue;
        }
        if !prop.scope.allows(req.kind) || present.contains(&prop.name) {
            continue;
        }
        let quoted = super::json_string(prop.name);
        let insert = if key_only {
            Insert::Plain(quoted)
        } else {
            Insert::Snippet(format!(
                "{}: {}",
                snippet::escape(&quoted),
                value_snippet(req, prop)
            ))
        };
        let mut item = req.item(prop.name, CompletionKind::Property, insert);
        item.detail = Some(prop.ty.describe().to_string());
        item.documentation = Some(prop.doc.to_string());
        item.sort_text = format!("1{i:03}");
        items.push(item);
    }
}

/// The value a new member starts with, by its type.
fn value_snippet(req: &Request, prop: &Prop) -> String {
    let values = props::values_for(req.path(), prop, req.kind);
    match prop.ty {
        Ty::String if !values.is_empty() => {
            let default = props::default_for(req.path(), prop, req.kind);
            let mut names: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
            if let Some(d) = default.and_then(|d| names.iter().position(|v| *v == d)) {
                let first = names.remove(d);
                names.insert(0, first);
            }
            format!("\"${{1|{}|}}\"", names.join(","))
        }
        Ty::String | Ty::Command | Ty::StringOrArray => "\"$1\"".to_string(),
        Ty::Bool | Ty::Gpu => {
            if prop.default == Some("true") {
                "${1|false,true|}".to_string()
            } else {
                "${1|true,false|}".to_string()
            }
        }
        Ty::Integer => "${1:0}".to_string(),
        Ty::Array | Ty::Port => "[$1]".to_string(),
        Ty::Object => "{$1}".to_string(),
    }
}
