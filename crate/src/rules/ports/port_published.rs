//! Ports published with `appPort` or `runArgs -p`: a string or `-p` value without a host
//! address is reachable on every host interface; `forwardPorts` keeps a port on localhost.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`port-published/`).

use crate::diag::{Diagnostic, Severity};
use crate::docker::port::{parse_port, parse_publish};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::{NodeRef, clip};
use crate::text::TextRange;

pub const PORT_PUBLISHED: RuleInfo = RuleInfo {
    code: "port-published",
    aliases: &[],
    severity: Severity::Hint,
    summary: "A port published with `appPort` or `runArgs`; `forwardPorts` keeps it on localhost.",
    why: "A port published with `appPort` or `runArgs -p` without a host address listens on every interface of the host, so others on the network can reach it; `forwardPorts` keeps it on localhost.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[PORT_PUBLISHED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    // A Compose config ignores both; its ports are published in the compose file.
    if cx.kind == ConfigKind::Compose {
        return;
    }
    if let Some(app_port) = root.get("appPort") {
        app_ports(app_port, out);
    }
    if let Some(run_args) = root.get("runArgs") {
        run_args_publish(run_args, out);
    }
}

fn app_ports(app_port: NodeRef, out: &mut Vec<Diagnostic>) {
    let items: Vec<NodeRef> = if app_port.is_array() {
        app_port.items().collect()
    } else {
        vec![app_port]
    };
    // Numbers are published on 127.0.0.1 by the tools; strings go to `docker run -p` as written.
    for item in items {
        if let Some(value) = item.as_str() {
            published(value, item.range(), "`appPort`", out);
        } else if let Some(port) = item.as_i64().filter(|p| (0..=65535).contains(p)) {
            out.push(PORT_PUBLISHED.at(item.range(),
                format!(
                    "`appPort` publishes {port} on the host's localhost when the container is created; changing it needs a rebuild, and it fails when the port is taken. Prefer \"forwardPorts\": [{port}], which can change without a rebuild."
                ),
            ));
        }
    }
}

fn run_args_publish(run_args: NodeRef, out: &mut Vec<Diagnostic>) {
    let items: Vec<NodeRef> = run_args.items().collect();
    for (i, item) in items.iter().enumerate() {
        let Some(arg) = item.as_str() else {
            continue;
        };
        let arg = arg.trim();
        if arg == "-P" || arg == "--publish-all" {
            out.push(PORT_PUBLISHED.at(item.range(),
                "`runArgs` publishes every exposed port on all host interfaces, reachable from other machines. List the ports in `forwardPorts` instead; forwarded ports stay on localhost.",
            ));
            continue;
        }
        let value = if arg == "-p" || arg == "--publish" {
            items
                .get(i + 1)
                .and_then(|next| next.as_str().map(|v| (v, next.range())))
        } else {
            arg.strip_prefix("--publish=")
                .or_else(|| arg.strip_prefix("--publish "))
                .or_else(|| arg.strip_prefix("-p="))
                .or_else(|| arg.strip_prefix("-p"))
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit() || c == '[' || c == ' '))
                .map(|v| (v, item.range()))
        };
        if let Some((value, range)) = value {
            published(
                value.trim_start_matches(['=', ' ']),
                range,
                "`runArgs`",
                out,
            );
        }
    }
}

fn published(value: &str, range: TextRange, what: &str, out: &mut Vec<Diagnostic>) {
    let (port, loopback) = parse_publish(value);
    if loopback || value.trim().is_empty() {
        return;
    }
    let suggestion = if parse_port(&port).is_some() {
        format!("\"forwardPorts\": [{port}]")
    } else {
        "`forwardPorts`".to_string()
    };
    out.push(PORT_PUBLISHED.at(range,
        format!(
            "{what} publishes \"{}\" on all host interfaces, so other machines on the network can reach it. Prefer {suggestion}: a forwarded port stays on localhost (or prefix \"127.0.0.1:\").",
            clip(value)
        ),
    ));
}
