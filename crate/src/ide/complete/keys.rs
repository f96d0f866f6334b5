//! Property names valid at the cursor's object, for the configuration's kind, without those
//! already present; a new member comes with a value snippet for its type.

use super::{Insert, Item, Request};
use crate::api::CompletionKind;
use crate::ide::cursor::Place;
use crate::ide::props;
use crate::ide::snippet;

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    let Some(object) = props::object_at(req.path()) else {
        return;
    };
    let present = req.present_keys();
    let key_only = matches!(
        req.cursor.place,
        Place::Key { member: Some(m) } if m.member.colon.is_some()
    );
    for (i, prop) in object.props.iter().enumerate() {
        if prop.deprecated.is_some() || prop.name == "$schema" {
            continue;
        }
        // Kinds filter the top level only: inside `build` the user has chosen a Dockerfile.
        let wrong_kind = req.path().is_empty() && !prop.kinds.allows(req.kind);
        if wrong_kind || present.contains(&prop.name) {
            continue;
        }
        let quoted = super::json_string(prop.name);
        let insert = if key_only {
            Insert::Plain(quoted)
        } else {
            Insert::Snippet(format!(
                "{}: {}",
                snippet::escape(&quoted),
                props::value_snippet(prop, req.kind)
            ))
        };
        let mut item = req.item(prop.name, CompletionKind::Property, insert);
        item.detail = Some(prop.types_text());
        item.documentation = Some(prop.doc.to_string());
        item.sort_text = format!("1{i:03}");
        items.push(item);
    }
}
