//! Property names valid at the cursor's object, for the configuration's kind, without those
//! already present; a new member comes with a value snippet for its type.

use super::{Item, Request};
use crate::ide::complete::CompletionKind;
use crate::ide::props;

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    let Some(object) = props::object_at(req.path()) else {
        return;
    };
    let present = req.present_keys();
    for (i, prop) in object.props.iter().enumerate() {
        if prop.deprecated.is_some() || prop.name == "$schema" {
            continue;
        }
        // Kinds filter the top level only: inside `build` the user has chosen a Dockerfile.
        let wrong_kind = req.path().is_empty() && !prop.kinds.allows(req.kind);
        if wrong_kind || present.contains(&prop.name) {
            continue;
        }
        let insert = req.key_insert(prop.name, &props::value_snippet(prop, req.kind));
        let mut item = req.item(prop.name, CompletionKind::Property, insert);
        item.detail = Some(prop.types_text());
        item.documentation = Some(format!(
            "{}\n\n[Reference on containers.dev]({})",
            prop.doc,
            prop.docs_url()
        ));
        item.sort_text = format!("1{i:03}");
        items.push(item);
    }
}
