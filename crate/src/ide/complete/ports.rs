//! `forwardPorts` entries and `portsAttributes` keys: the ports the file itself implies come
//! first (Delve's 2345 when Go is in use, `appPort`, `runArgs -p`), each with a label.

use super::{Insert, Item, Request, rank};
use crate::ide::complete::CompletionKind;
use crate::syntax::NodeRef;

/// A suggested port and why.
struct Port {
    number: u16,
    label: String,
}

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    if req.keys().as_slice() != [Some("forwardPorts")] {
        return;
    }
    let present: Vec<String> = req
        .cursor
        .container
        .map(|c| {
            c.items()
                .filter(|n| !n.range().touches(req.cursor.offset))
                .map(port_text)
                .collect()
        })
        .unwrap_or_default();
    for (i, port) in implied_ports(req).into_iter().enumerate() {
        if present.contains(&port.number.to_string()) {
            continue;
        }
        let number = port.number.to_string();
        let mut item = req.item(number.clone(), CompletionKind::Value, Insert::Plain(number));
        item.detail = Some(port.label.into());
        item.sort_text = rank(0, i);
        items.push(item);
    }
}

/// Keys of `portsAttributes`: the ports forwarded or implied, not yet described.
pub fn complete_attribute_keys(req: &Request, items: &mut Vec<Item>) {
    if req.keys().as_slice() != [Some("portsAttributes")] {
        return;
    }
    let present = req.present_keys();
    let mut ports = forwarded(req);
    ports.extend(implied_ports(req));
    let mut seen = Vec::new();
    for port in ports {
        let key = port.number.to_string();
        if present.contains(&key.as_str()) || seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        let label = crate::ide::snippet::escape(&port.label);
        let insert = req.key_insert(&key, &format!("{{\"label\": \"${{1:{label}}}\"$0}}"));
        let mut item = req.item(key, CompletionKind::Value, insert);
        item.detail = Some(port.label.into());
        items.push(item);
    }
}

fn port_text(node: NodeRef<'_>) -> String {
    match node.as_i64() {
        Some(n) => n.to_string(),
        None => node.as_str().unwrap_or("").to_string(),
    }
}

/// The ports already in `forwardPorts`.
fn forwarded(req: &Request) -> Vec<Port> {
    let Some(list) = req.root.and_then(|r| r.get("forwardPorts")) else {
        return Vec::new();
    };
    list.items()
        .filter_map(|n| n.as_i64())
        .filter_map(|n| u16::try_from(n).ok())
        .map(|number| Port {
            number,
            label: "Forwarded port".to_string(),
        })
        .collect()
}

/// Ports the configuration points at, most specific first, then common defaults.
fn implied_ports(req: &Request) -> Vec<Port> {
    let mut ports = Vec::new();
    if req.go {
        ports.push(Port {
            number: 2345,
            label: "Delve debugger (dlv --listen=127.0.0.1:2345)".to_string(),
        });
    }
    if let Some(root) = req.root {
        if let Some(app) = root.get("appPort") {
            let values: Vec<NodeRef> = if app.is_array() {
                app.items().collect()
            } else {
                vec![app]
            };
            for value in values {
                let number = value
                    .as_i64()
                    .and_then(|n| u16::try_from(n).ok())
                    .or_else(|| value.as_str().and_then(container_port));
                if let Some(number) = number {
                    ports.push(Port {
                        number,
                        label: "Published by appPort".to_string(),
                    });
                }
            }
        }
        if let Some(args) = root.get("runArgs") {
            ports.extend(published_by_run_args(args));
        }
    }
    for (number, label) in [
        (8080, "Web server"),
        (3000, "Web app (dev server)"),
        (6060, "pprof / godoc"),
        (5432, "PostgreSQL"),
        (6379, "Redis"),
    ] {
        ports.push(Port {
            number,
            label: label.to_string(),
        });
    }
    let mut seen = Vec::new();
    ports.retain(|p| {
        let new = !seen.contains(&p.number);
        seen.push(p.number);
        new
    });
    ports
}

/// Container ports of `-p`/`--publish` arguments (`-p 8080:80`, `-p=80`, `--publish 9000`).
fn published_by_run_args(args: NodeRef<'_>) -> Vec<Port> {
    let words: Vec<&str> = args.items().filter_map(|n| n.as_str()).collect();
    let mut ports = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let spec = if word == "-p" || word == "--publish" {
            i += 1;
            words.get(i).copied()
        } else {
            word.strip_prefix("--publish=")
                .or_else(|| word.strip_prefix("-p="))
                .or_else(|| word.strip_prefix("-p").filter(|s| !s.is_empty()))
                .or_else(|| {
                    word.strip_prefix("-p ")
                        .or_else(|| word.strip_prefix("--publish "))
                })
        };
        if let Some(number) = spec.and_then(container_port) {
            ports.push(Port {
                number,
                label: "Published by runArgs".to_string(),
            });
        }
        i += 1;
    }
    ports
}

/// The container side of a Docker port mapping: `8080:80` -> 80, `127.0.0.1:80:80/tcp` -> 80.
fn container_port(spec: &str) -> Option<u16> {
    let spec = spec.trim();
    let spec = spec.split('/').next().unwrap_or(spec);
    let last = spec.rsplit(':').next().unwrap_or(spec);
    let last = last.split('-').next().unwrap_or(last);
    last.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::container_port;

    #[test]
    fn container_side_of_mappings() {
        assert_eq!(container_port("8080:80"), Some(80));
        assert_eq!(container_port("127.0.0.1:9000:9001/tcp"), Some(9001));
        assert_eq!(container_port("3000"), Some(3000));
        assert_eq!(container_port("x"), None);
    }
}
