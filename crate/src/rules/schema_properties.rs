//! `unknown-property`: a key the spec does not know at that level of the document.
//!
//! Invalid: `{"image": "golang:1.23", "remoteUsr": "vscode"}` (did you mean `remoteUser`?).
//! Valid: `{"image": "golang:1.23", "customizations": {"vscode": {"settings": {"any.key": 1}}}}`.

use super::schema_walk::walk;
use super::{Context, RuleInfo, suggest};
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::spec::OtherKeys;
use crate::syntax::clip;

pub const CODES: &[RuleInfo] = &[RuleInfo {
    code: "unknown-property",
    severity: Severity::Error,
    summary: "A property the dev container spec does not define at this place.",
}];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        let Some(object) = visit.spec.object else {
            return;
        };
        if !matches!(object.other_keys, OtherKeys::Closed) || !visit.node.is_object() {
            return;
        }
        let level = match &visit.member {
            Some(m) => format!("in `{}`", clip(m.key())),
            None if visit.in_array => "in this object".to_string(),
            None => "at the top level".to_string(),
        };
        for member in visit.node.members() {
            let key = member.key();
            if object.prop(key).is_some() {
                continue;
            }
            let names = object.props.iter().map(|p| p.name);
            let d = match suggest::closest(key, names) {
                Some(near) => Diagnostic::error(
                    "unknown-property",
                    member.key_range(),
                    format!(
                        "Unknown property \"{}\" {level}: did you mean \"{near}\"? Rename it, or remove it (the tools ignore it).",
                        clip(key)
                    ),
                )
                .with_fix(Fix::unsafe_(
                    format!("Rename to \"{near}\""),
                    vec![Edit::replace(member.key_range(), quote(near))],
                )),
                None => Diagnostic::error(
                    "unknown-property",
                    member.key_range(),
                    format!(
                        "Unknown property \"{}\" {level}: the dev container spec does not define it. Check the spelling, or remove it.",
                        clip(key)
                    ),
                ),
            };
            out.push(d);
        }
    });
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}
