//! Values of enum and boolean properties (for the configuration's kind), and an empty `{}`,
//! `[]` or `""` for a property whose value is still missing.

use super::{Insert, Item, Request};
use crate::ide::complete::CompletionKind;
use crate::ide::cursor::Place;
use crate::ide::props;
use crate::spec::JsonType;

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    let Some(key) = req.value_key() else {
        return;
    };
    let Some(prop) = props::prop(req.path(), key) else {
        return;
    };
    let default = props::default_for(prop, req.kind);
    for value in props::values_for(prop, req.kind) {
        let mut item = req.string_item(value.value, CompletionKind::Enum);
        item.documentation = Some(value.doc.to_string());
        if default.as_deref() == Some(value.value) {
            item.detail = Some("default".into());
        }
        items.push(item);
    }
    if prop.types.contains(&JsonType::Boolean) {
        for value in ["true", "false"] {
            let mut item = req.item(value, CompletionKind::Keyword, Insert::Plain(value.into()));
            if default.as_deref() == Some(value) {
                item.detail = Some("default".into());
            }
            items.push(item);
        }
    }
    let missing = matches!(req.cursor.place, Place::Value { member } if member.value.is_none());
    if missing && let Some((label, snippet)) = props::empty_value(prop) {
        let mut item = req.item(
            label,
            CompletionKind::Value,
            Insert::Snippet(snippet.into()),
        );
        item.detail = Some(prop.types_text());
        item.sort_text = "9".into();
        items.push(item);
    }
}

/// Items of arrays with well-known values: capabilities and `docker run` flags a debugger needs.
pub fn complete_items(req: &Request, items: &mut Vec<Item>) {
    let keys = req.keys();
    let values: &[(&str, &str)] = match keys.as_slice() {
        [Some("capAdd")] => &[
            (
                "SYS_PTRACE",
                "Lets a debugger such as Delve attach to processes.",
            ),
            ("NET_ADMIN", "Lets processes change network settings."),
        ],
        [Some("runArgs")] => &[
            (
                "--cap-add=SYS_PTRACE",
                "Lets a debugger such as Delve attach (or use `capAdd`).",
            ),
            (
                "--security-opt=seccomp=unconfined",
                "Turns the default seccomp filter off (or use `securityOpt`).",
            ),
            ("--init", "Runs an init process as PID 1 (or use `init`)."),
        ],
        [Some("securityOpt")] => &[(
            "seccomp=unconfined",
            "Turns the default seccomp filter off; Delve needs it on some hosts.",
        )],
        _ => return,
    };
    let present = req.present_strings();
    for (value, doc) in values {
        if present.contains(&value.to_ascii_lowercase()) {
            continue;
        }
        let mut item = req.string_item(value, CompletionKind::Value);
        item.documentation = Some(doc.to_string());
        items.push(item);
    }
}
