//! `service` and every `runServices` entry must be defined in the Compose files, merged in
//! order: the dev containers CLI runs `docker compose up <names>`, which stops with "no such
//! service" on an unknown name, and it attaches to `service`. Judged only when every listed
//! Compose file was supplied and read without a syntax error.
//!
//! Fixtures: `crate/tests/fixtures/rules/compose-service-undefined/`.

use crate::diag::{Diagnostic, Edit, FileId, Fix, Severity};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const SERVICE_UNDEFINED: RuleInfo = RuleInfo {
    code: "compose-service-undefined",
    aliases: &[],
    severity: Severity::Error,
    summary: "service or a runServices entry is not a service of the Compose files.",
    why: "The dev containers CLI starts `docker compose up` with `service` and `runServices`, and Compose stops with \"no such service\" on a name none of the files define, so the container does not start.",
    fix: FixSafety::Unsafe {
        reason: "The nearest service name is a guess: the service may be meant to be added to a Compose file.",
    },
    domain: Domain::Compose,
};

pub const CODES: &[RuleInfo] = &[SERVICE_UNDEFINED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(root), Some(_), Some(container)) = (cx.root, cx.project, cx.container()) else {
        return;
    };
    let Some(view) = &container.compose else {
        return;
    };
    let listed = cx
        .references()
        .iter()
        .filter(|r| r.kind == crate::project::RefKind::Compose && r.file == FileId::MAIN)
        .count();
    if listed == 0 || view.files.len() != listed || view.parsed.iter().any(|f| !f.errors.is_empty())
    {
        return;
    }
    let names: Vec<&str> = view
        .merged
        .services
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let files = if listed == 1 {
        "the Compose file defines"
    } else {
        "the Compose files define"
    };
    let mut nodes: Vec<(&str, crate::syntax::NodeRef)> = Vec::new();
    if let Some(s) = root.get("service") {
        nodes.push(("service", s));
    }
    for item in root
        .get("runServices")
        .into_iter()
        .flat_map(|r| r.items().collect::<Vec<_>>())
    {
        nodes.push(("runServices", item));
    }
    for (key, node) in nodes {
        let Some(name) = node.as_str() else {
            continue;
        };
        if names.contains(&name) || has_variable(name) {
            continue;
        }
        let known = if names.is_empty() {
            format!("{files} no service")
        } else {
            format!(
                "{files} {}",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let suggestion = crate::suggest::closest(name, names.iter().copied());
        let mut message = format!(
            "`{key}` names `{name}`, but {known}: `docker compose up` stops with \"no such service: {name}\"."
        );
        if let Some(s) = suggestion {
            message.push_str(&format!(" Did you mean `{s}`?"));
        }
        let mut d = SERVICE_UNDEFINED.at(node.range(), message);
        if let Some(s) = suggestion {
            d = d.with_fix_if(cx.wants_fixes(), || {
                Fix::unsafe_(
                    format!("Use `{s}`"),
                    vec![Edit::replace(node.range(), crate::syntax::json::quote(s))],
                )
            });
        }
        out.push(d);
    }
}
