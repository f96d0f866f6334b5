//! `forwardPorts` items and `portsAttributes` keys.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`port-as-string/`,
//! `port-out-of-range/`, `port-invalid-host/`, `port-malformed/`, `duplicate-port/`,
//! `ports-attributes-key/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::docker::port::{is_digits, is_host_label, parse_port};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeRef, Value, clip};
use crate::text::TextRange;
use std::collections::HashMap;

pub const PORT_AS_STRING: RuleInfo = RuleInfo {
    code: "port-as-string",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A forwarded port written as a string of digits instead of a number.",
    why: "A string in `forwardPorts` must be `host:port`; digits in quotes are not forwarded the way a number is.",
    fix: FixSafety::Safe {
        reason: "The number is the port the string spells.",
    },
    domain: Domain::Any,
};

pub const PORT_OUT_OF_RANGE: RuleInfo = RuleInfo {
    code: "port-out-of-range",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A port number outside 0-65535.",
    why: "Ports are 16-bit numbers, so a value outside 0-65535 cannot be forwarded; the container still starts, without that forward.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const PORT_INVALID_HOST: RuleInfo = RuleInfo {
    code: "port-invalid-host",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A `host:port` whose host is not a lowercase service name such as `localhost` or `db`.",
    why: "The host of a `host:port` entry is a service name (such as `db` in Docker Compose) or `localhost`; other hosts, IP addresses included, do not match the schema and are not forwarded.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const PORT_MALFORMED: RuleInfo = RuleInfo {
    code: "port-malformed",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A forwarded port that is neither a number nor a `host:port` string.",
    why: "A forwarded port is a number or a `host:port` string; anything else is not forwarded.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const DUPLICATE_PORT: RuleInfo = RuleInfo {
    code: "duplicate-port",
    aliases: &[],
    severity: Severity::Warning,
    summary: "The same port is forwarded twice.",
    why: "A port forwarded twice is forwarded once; the second entry is dead weight and often a typo for another port.",
    fix: FixSafety::Safe {
        reason: "Removing the repeated entry keeps the forwarding as it is.",
    },
    domain: Domain::Any,
};

pub const PORTS_ATTRIBUTES_KEY: RuleInfo = RuleInfo {
    code: "ports-attributes-key",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A `portsAttributes` key that looks like a port or range but is not a valid one.",
    why: "A `portsAttributes` key is a port, a range `from-to` or a regular expression; a key that looks like a port but is not a valid one matches no port, so its attributes never apply.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    PORT_AS_STRING,
    PORT_OUT_OF_RANGE,
    PORT_INVALID_HOST,
    PORT_MALFORMED,
    DUPLICATE_PORT,
    PORTS_ATTRIBUTES_KEY,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    if let Some(ports) = root.get("forwardPorts") {
        forward_ports(cx, ports, out);
    }
    if let Some(attributes) = root.get("portsAttributes") {
        for member in attributes.members() {
            attributes_key(member.key(), member.key_range(), out);
        }
    }
}

fn forward_ports(cx: &Context, ports: NodeRef, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let items: Vec<NodeRef> = ports.items().collect();
    for (index, item) in items.iter().enumerate() {
        let Some(key) = forward_port(cx.wants_fixes(), *item, out) else {
            continue;
        };
        if seen.insert(key.clone(), index).is_some() {
            let mut d = DUPLICATE_PORT.at(
                item.range(),
                format!("Port {key} is already in `forwardPorts`; remove this second entry."),
            );
            if let Some(prev) = index.checked_sub(1).and_then(|i| items.get(i)) {
                // From the end of the previous item: removes `, 2345` with its comma.
                let range = TextRange::new(prev.range().end, item.range().end);
                let between = cx
                    .text
                    .get(prev.range().end..item.range().start)
                    .unwrap_or("");
                if between.trim() == "," {
                    d = d.with_fix_if(cx.wants_fixes(), || {
                        Fix::safe("Remove the duplicate port", vec![Edit::delete(range)])
                    });
                }
            }
            out.push(d);
        }
    }
}

/// Checks one item; returns its normalised form for duplicate detection when it is valid.
fn forward_port(fixes: bool, item: NodeRef, out: &mut Vec<Diagnostic>) -> Option<String> {
    let range = item.range();
    match item.value() {
        Value::Number(raw) => match raw.parse::<i64>() {
            Ok(n) if (0..=65535).contains(&n) => Some(n.to_string()),
            Ok(n) => {
                out.push(out_of_range(range, &n.to_string()));
                None
            }
            Err(_) => {
                out.push(PORT_MALFORMED.at(
                    range,
                    format!(
                        "`{}` is not a port: write a whole number from 0 to 65535.",
                        clip(raw)
                    ),
                ));
                None
            }
        },
        Value::String(s) => forward_port_string(fixes, s, range, out),
        _ => None,
    }
}

fn forward_port_string(
    fixes: bool,
    s: &str,
    range: TextRange,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    if is_digits(s) {
        let Some(port) = parse_port(s) else {
            out.push(out_of_range(range, s));
            return None;
        };
        out.push(
            PORT_AS_STRING.at(range,
                format!("Port \"{s}\" is written as a string; a string must be \"host:port\". Write the number {port}."),
            )
            .with_fix_if(fixes, || Fix::safe(
                format!("Write the number {port}"),
                vec![Edit::replace(range, port.to_string())],
            )),
        );
        return Some(port.to_string());
    }
    let Some((host, port_text)) = s.rsplit_once(':') else {
        out.push(malformed(range, s));
        return None;
    };
    if !is_digits(port_text) {
        out.push(malformed(range, s));
        return None;
    }
    let Some(port) = parse_port(port_text) else {
        out.push(out_of_range(range, port_text));
        return None;
    };
    if !is_host_label(host) {
        let message = if host.contains(['.', ':']) || host.is_empty() {
            format!(
                "\"{}\": the host must be a service name (such as `db`) or `localhost`, not an address. A forwarded port is reachable on localhost anyway: write {port} or \"localhost:{port}\".",
                clip(s)
            )
        } else {
            format!(
                "\"{}\": the host may hold only lowercase letters, digits and `-`. Write \"{}:{port}\".",
                clip(s),
                clip(&host.to_ascii_lowercase())
            )
        };
        out.push(PORT_INVALID_HOST.at(range, message));
        return None;
    }
    Some(format!("{host}:{port}"))
}

fn out_of_range(range: TextRange, port: &str) -> Diagnostic {
    PORT_OUT_OF_RANGE.at(
        range,
        format!(
            "Port {} is out of range: ports go from 0 to 65535.",
            clip(port)
        ),
    )
}

fn malformed(range: TextRange, s: &str) -> Diagnostic {
    PORT_MALFORMED.at(range,
        format!(
            "\"{}\" is not a port: write a number such as 2345, or \"host:port\" such as \"db:5432\".",
            clip(s)
        ),
    )
}

/// Keys are a port, a `from-to` range, or a pattern; only keys made of digits, `-` and spaces
/// that are neither a port nor a range are certainly a mistake.
fn attributes_key(key: &str, range: TextRange, out: &mut Vec<Diagnostic>) {
    let numeric_like = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace());
    if !numeric_like {
        return;
    }
    let problem = if parse_port(key).is_some() {
        return;
    } else if is_digits(key) {
        "is beyond the highest port, 65535".to_string()
    } else if let Some((from, to)) = key.split_once('-') {
        match (parse_port(from), parse_port(to)) {
            (Some(a), Some(b)) if a <= b => return,
            (Some(a), Some(b)) => format!("is a range that ends ({b}) before it starts ({a})"),
            _ => "is neither a port nor a `from-to` range of ports 0-65535".to_string(),
        }
    } else {
        "is neither a port nor a `from-to` range of ports 0-65535".to_string()
    };
    out.push(PORTS_ATTRIBUTES_KEY.at(range,
        format!(
            "`portsAttributes` key \"{}\" {problem}, so it matches no port. Write a port such as \"2345\" or a range such as \"8000-8010\".",
            clip(key)
        ),
    ));
}
