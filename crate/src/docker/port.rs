//! How the port strings of `forwardPorts`, `portsAttributes` keys and `docker run -p` read.

use crate::syntax::NodeRef;

/// A port number 0-65535 written in decimal digits only.
pub fn parse_port(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&p| p <= 65535)
}

/// Decimal digits only (any length), so "99999" is a port number out of range, not a name.
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A host label as `forwardPorts` allows it: lowercase letters, digits and `-`.
pub fn is_host_label(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `docker run -p` values: `[ip:]hostPort:containerPort[/proto]` or `containerPort[/proto]`.
/// Returns the container port part and whether the host side is bound to loopback only.
pub fn parse_publish(value: &str) -> (String, bool) {
    let value = value.trim();
    let without_proto = value.split('/').next().unwrap_or(value);
    let loopback = without_proto.starts_with("127.")
        || without_proto.starts_with("localhost:")
        || without_proto.starts_with("[::1]");
    let container = without_proto
        .rsplit(':')
        .next()
        .unwrap_or(without_proto)
        .to_string();
    (container, loopback)
}

/// True when `port` is a container port in `value` (a number, or a string like `2345`,
/// `8080:2345`, `127.0.0.1:8080:2345/tcp`, or a range `2340-2350`).
pub fn port_spec_matches(value: NodeRef, port: u16) -> bool {
    if let Some(n) = value.as_i64() {
        return n == i64::from(port);
    }
    let Some(spec) = value.as_str() else {
        return false;
    };
    publish_spec_matches(spec, port)
}

/// `docker run -p` syntax: the container port is the last `:` part.
pub fn publish_spec_matches(spec: &str, port: u16) -> bool {
    let container = spec.rsplit(':').next().unwrap_or(spec);
    let container = container.split('/').next().unwrap_or(container);
    match container.split_once('-') {
        Some((lo, hi)) => match (lo.parse::<u16>(), hi.parse::<u16>()) {
            (Ok(lo), Ok(hi)) => lo <= port && port <= hi,
            _ => false,
        },
        None => container.parse::<u16>() == Ok(port),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_specs_match_their_container_port() {
        assert!(publish_spec_matches("127.0.0.1:8080:2345/tcp", 2345));
        assert!(publish_spec_matches("2340-2350", 2345));
        assert!(!publish_spec_matches("2345:80", 2345));
    }

    #[test]
    fn ports() {
        assert_eq!(parse_port("2345"), Some(2345));
        assert_eq!(parse_port("65535"), Some(65535));
        assert_eq!(parse_port("65536"), None);
        assert_eq!(parse_port("-1"), None);
        assert_eq!(parse_port("23 45"), None);
        assert!(is_digits("99999"));
        assert!(is_host_label("db-1"));
        assert!(!is_host_label("127.0.0.1"));
        assert!(!is_host_label("DB"));
    }

    #[test]
    fn publish_values() {
        assert_eq!(parse_publish("8080:80"), ("80".into(), false));
        assert_eq!(
            parse_publish("127.0.0.1:2345:2345/tcp"),
            ("2345".into(), true)
        );
        assert_eq!(parse_publish("0.0.0.0:2345:2345"), ("2345".into(), false));
        assert_eq!(parse_publish("3000"), ("3000".into(), false));
    }
}
