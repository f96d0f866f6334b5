//! Property names valid at the cursor's object, for the configuration's kind, without those
//! already present; a new member comes with a value snippet for its type.

use super::{Item, Request, rank};
use crate::ide::complete::CompletionKind;
use crate::ide::props;
use crate::spec::PropSpec;

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
        item.documentation = Some(reference_doc(prop));
        item.sort_text = rank(1, i);
        items.push(item);
    }
}

/// The property's doc and a link to its reference, in one allocation of the final size.
fn reference_doc(prop: &PropSpec) -> String {
    let mut out = String::with_capacity(prop.doc.len() + prop.reference_link_len());
    out.push_str(prop.doc);
    prop.push_reference_link(&mut out);
    out
}
