//! `unknown-property`: a key the spec does not know at that level of the document, and
//! `customizations-property-misplaced`: a tool's key written directly in `customizations`.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`unknown-property/`,
//! `customizations-property-misplaced/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::move_fix::{Move, move_into};
use crate::rules::support::schema_walk::Visit;
use crate::rules::support::schema_walk::walk;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::{ObjectSpec, OtherKeys};
use crate::suggest;
use crate::syntax::MemberRef;
use crate::syntax::clip;

pub const UNKNOWN_PROPERTY: RuleInfo = RuleInfo {
    code: "unknown-property",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A property the dev container spec does not define at this place.",
    why: "The tools ignore a property the spec does not define, so a misspelled or misplaced one silently does nothing (vscode-remote-release#2222).",
    fix: FixSafety::Unsafe {
        reason: "A rename or a move into the right object is offered, but the author may have meant another property.",
    },
    domain: Domain::Any,
};

pub const CUSTOMIZATIONS_PROPERTY_MISPLACED: RuleInfo = RuleInfo {
    code: "customizations-property-misplaced",
    aliases: &["unknown-property"],
    severity: Severity::Warning,
    summary: "A key directly in `customizations` that belongs to one tool's object: no tool reads it.",
    why: "`customizations` takes one object per tool; a tool's key written directly in it (`customizations.settings` instead of `customizations.vscode.settings`) is read by no tool.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[UNKNOWN_PROPERTY, CUSTOMIZATIONS_PROPERTY_MISPLACED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    walk(cx, |visit| {
        let Some(object) = visit.spec.object else {
            return;
        };
        if !visit.node.is_object() {
            return;
        }
        if !matches!(object.other_keys, OtherKeys::Closed) {
            misplaced_in_open_object(visit, object, out);
            return;
        }
        // Worded only for an object with an unknown key: most objects have none.
        let level = || match &visit.member {
            Some(m) => format!("in `{}`", clip(m.key())),
            None if visit.in_array => "in this object".to_string(),
            None => "at the top level".to_string(),
        };
        for member in visit.node.members() {
            let key = member.key();
            if object.prop(key).is_some() {
                continue;
            }
            let level = level();
            let names = object.props.iter().map(|p| p.name);
            let d = match suggest::closest(key, names) {
                Some(near) => UNKNOWN_PROPERTY.at(member.key_range(),
                    format!(
                        "Unknown property \"{}\" {level}: did you mean \"{near}\"? Rename it, or remove it (the tools ignore it).",
                        clip(key)
                    ),
                )
                .with_fix_if(cx.wants_fixes(), || Fix::unsafe_(
                    format!("Rename to \"{near}\""),
                    vec![Edit::replace(member.key_range(), quote(near))],
                )),
                None if home_below(object, key).is_some() => {
                    let home = home_below(object, key).map_or("", |p| p.name);
                    let d = UNKNOWN_PROPERTY.at(member.key_range(),
                        format!(
                            "\"{}\" does not belong {level}: it is a property of \"{home}\" (`{home}.{}`). Move it there.",
                            clip(key),
                            clip(key)
                        ),
                    );
                    match cx.wants_fixes().then(|| move_down(cx, visit, member, home)) {
                        Some(Some(fix)) => d.with_fix(fix),
                        _ => d,
                    }
                }
                None => UNKNOWN_PROPERTY.at(member.key_range(),
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
    crate::syntax::json::quote(s)
}

/// A top-level member moved into the object where it belongs (not preferred: the author may
/// have meant something else).
fn move_down(
    cx: &Context,
    visit: &Visit<'_>,
    member: MemberRef<'_>,
    home: &'static str,
) -> Option<Fix> {
    if visit.member.is_some() || visit.in_array {
        return None;
    }
    let new_key = crate::spec::top_level(home)?
        .object?
        .prop(member.key())?
        .name;
    let edits = move_into(cx, &[Move { member, new_key }], &[home])?;
    Some(Fix::unsafe_(format!("Move into \"{home}\""), edits))
}

/// The property of `object` whose own object defines `key` (`args` -> `build`).
fn home_below(object: &ObjectSpec, key: &str) -> Option<&'static crate::spec::PropSpec> {
    object
        .props
        .iter()
        .find(|p| p.object.is_some_and(|o| o.prop(key).is_some()))
}

/// In an object that takes any key next to its typed ones (`customizations`: any tool's name),
/// a key that belongs one level down (`customizations.settings` instead of
/// `customizations.vscode.settings`) is read by no tool: a warning.
fn misplaced_in_open_object(visit: &Visit<'_>, object: &ObjectSpec, out: &mut Vec<Diagnostic>) {
    if object.props.is_empty() {
        return;
    }
    for member in visit.node.members() {
        let key = member.key();
        if object.prop(key).is_some() {
            continue;
        }
        let Some(home) = home_below(object, key) else {
            continue;
        };
        let parent = visit.member.map_or("", |m| m.key());
        out.push(CUSTOMIZATIONS_PROPERTY_MISPLACED.at(member.key_range(),
            format!(
                "\"{}\" directly in `{parent}` is read by no tool: did you mean `{parent}.{}.{}`? Move it into \"{}\".",
                clip(key),
                home.name,
                clip(key),
                home.name
            ),
        ));
    }
}
