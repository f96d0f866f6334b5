//! `kind-mismatch-property`: a property of another configuration kind, which the tools ignore
//! (`runArgs` in a Docker Compose configuration, `service` next to `image`, ...).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`kind-mismatch-property/`).

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec;
use crate::spec::ConfigKind;

pub const KIND_MISMATCH_PROPERTY: RuleInfo = RuleInfo {
    code: "kind-mismatch-property",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A property that belongs to another kind of configuration and is ignored here.",
    why: "A property of another kind of configuration is ignored here (`runArgs` under Docker Compose, `service` next to `image`), so it silently does nothing.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[KIND_MISMATCH_PROPERTY];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    let here = match cx.kind {
        ConfigKind::Image => "an image",
        ConfigKind::Dockerfile => "a Dockerfile",
        ConfigKind::Compose => "a Docker Compose",
        ConfigKind::Missing | ConfigKind::Mixed => return,
    };
    for member in root.members() {
        let Some(prop) = spec::top_level(member.key()) else {
            continue;
        };
        if prop.kinds.allows(cx.kind) {
            continue;
        }
        let advice = match (cx.kind, member.key()) {
            (ConfigKind::Compose, "runArgs" | "appPort") => {
                "Put it in the compose file (e.g. `cap_add`, `ports`) or use `capAdd`/`securityOpt`/`forwardPorts`, and remove it here."
            }
            (ConfigKind::Compose, _) => "Set it in the compose file instead, and remove it here.",
            (ConfigKind::Image, "build" | "context") => {
                "Add `build.dockerfile` to build an image instead, or remove it."
            }
            _ => "Remove it, or switch the configuration to that kind.",
        };
        out.push(KIND_MISMATCH_PROPERTY.at(member.key_range(),
            format!(
                "\"{}\" only applies to {} configurations; in {here} configuration it is ignored. {advice}",
                member.key(),
                prop.kinds.describe()
            ),
        ));
    }
}
