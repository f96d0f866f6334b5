//! `go-dlv-port-not-forwarded`: dlv listens on a port that nothing forwards or publishes. Found
//! by the dlv flag scan of `dlv_flags.rs`, which calls [`not_forwarded`] for each `--listen`
//! whose address is not every interface.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-dlv-port-not-forwarded/`).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::docker::port::publish_spec_matches;
use crate::project::RefKind;
use crate::rules::support::config::{is_forwarded, published_by};
use crate::rules::support::insert::{append_to_array, insert_root_member};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::shell::Word;

pub const GO_DLV_PORT_NOT_FORWARDED: RuleInfo = RuleInfo {
    code: "go-dlv-port-not-forwarded",
    aliases: &[],
    severity: Severity::Hint,
    summary: "dlv listens on a port that nothing forwards: a debugger outside the container cannot reach it.",
    why: "A headless dlv listens inside the container; a debugger running there (the Go extension in a dev container window) reaches it directly, but one on the host or another machine needs the port forwarded (`forwardPorts`) or published (`appPort`, `runArgs -p`). VS Code may still forward it on its own when it notices the port (`remote.autoForwardPorts`), other tools do not.",
    fix: FixSafety::Unsafe {
        reason: "Forwarding is needed only if the author attaches from outside the container.",
    },
    domain: Domain::Go,
};

/// `--listen 127.0.0.1:2345` (or another host that is not every interface) with nothing that
/// forwards or publishes the port. Called only when `listen_all` said nothing.
pub(super) fn not_forwarded(cx: &Context, value: &str, word: &Word) -> Option<Diagnostic> {
    if value.starts_with("unix:") || has_variable(value) {
        return None;
    }
    let (_, port_text) = value.rsplit_once(':')?;
    let port: u16 = port_text.parse().ok()?;
    if is_forwarded(cx, port) || published_by(cx, port).is_some() {
        return None;
    }
    if cx.kind == ConfigKind::Compose && compose_may_reach(cx, port) {
        return None;
    }
    let root = cx.root?;
    let (ways, publish) = if cx.kind == ConfigKind::Compose {
        (
            "forwardPorts, the service's ports:",
            " (or publish it with ports: on the service)",
        )
    } else {
        ("forwardPorts, appPort, runArgs -p", "")
    };
    let d = GO_DLV_PORT_NOT_FORWARDED.at(word.range,
        format!(
            "dlv listens on {value}, and nothing forwards port {port} ({ways}). \
             That is fine for debugging from inside the container, where the Go extension reaches the port directly; \
             to attach from outside the container (a debugger on the host), add {port} to forwardPorts{publish}."
        ),
    );
    if !cx.wants_fixes() {
        return Some(d);
    }
    let edits = match root.get("forwardPorts") {
        Some(list) if list.is_array() => append_to_array(cx, list, &port.to_string()),
        Some(_) => None,
        None => insert_root_member(cx, "image", "forwardPorts", &format!("[{port}]")),
    };
    Some(match edits {
        Some(edits) => d.with_fix(Fix::unsafe_(format!("Forward port {port}"), edits)),
        None => d,
    })
}

/// Under Compose: true unless every Compose file is known and none publishes `port` on the
/// configuration's service, and `forwardPorts` has no `"service:port"` for it.
fn compose_may_reach(cx: &Context, port: u16) -> bool {
    let Some(root) = cx.root else {
        return true;
    };
    let Some(service) = root.get("service").and_then(|s| s.as_str()) else {
        return true;
    };
    let forwarded_by_name = root.get("forwardPorts").is_some_and(|list| {
        list.items().any(|i| {
            i.as_str()
                .and_then(|s| s.split_once(':'))
                .is_some_and(|(host, p)| host == service && p.parse::<u16>() == Ok(port))
        })
    });
    if forwarded_by_name {
        return true;
    }
    let Some(project) = cx.project.filter(|p| !p.isolated) else {
        return true;
    };
    let files: Vec<_> = cx
        .references()
        .iter()
        .filter(|r| r.kind == RefKind::Compose)
        .collect();
    if files.is_empty() {
        return true;
    }
    for reference in files {
        let Some(compose) = project
            .id(&reference.path)
            .and_then(|id| project.compose_file(id))
        else {
            return true;
        };
        let publishes = compose
            .services
            .iter()
            .filter(|s| s.name == service)
            .flat_map(|s| s.ports.iter())
            .any(|entry| match &entry.short {
                Some(short) => short.unresolved || publish_spec_matches(&short.value, port),
                None => entry
                    .field("target")
                    .is_none_or(|t| t.unresolved || t.value.trim().parse::<u16>() == Ok(port)),
            });
        if publishes {
            return true;
        }
    }
    false
}
