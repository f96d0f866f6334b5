//! `file:` URIs and the POSIX paths they name, so that a configuration's Dockerfile can be found
//! among the open documents (whose URIs the client spelled) or on disk. Percent-escapes are
//! decoded as RFC 3986 section 2.1 says; other schemes (`untitled:`) name no file.

/// The absolute POSIX path of a `file:` URI (`file:///a/b`, `file://localhost/a/b`), with
/// escapes decoded; a Windows drive keeps its letter (`/c:/x` -> `c:/x`). `None` otherwise.
pub fn to_path(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(at) if &rest[..at] == "localhost" => &rest[at..],
        // A UNC host (`file://server/share`) is not a local path we can read.
        _ => return None,
    };
    let decoded = decode(path)?;
    let b = decoded.as_bytes();
    if b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
        return Some(decoded[1..].to_string());
    }
    Some(decoded)
}

/// A `file:` URI for an absolute POSIX path; everything but unreserved characters and `/` is
/// escaped, as VS Code's `Uri.file` does.
pub fn from_path(path: &str) -> String {
    let mut out = String::from("file://");
    if !path.starts_with('/') {
        out.push('/');
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_through_paths() {
        assert_eq!(
            to_path("file:///w/my%20app/Dockerfile").as_deref(),
            Some("/w/my app/Dockerfile")
        );
        assert_eq!(to_path("file://localhost/w/x").as_deref(), Some("/w/x"));
        assert_eq!(to_path("file:///c%3A/w/x").as_deref(), Some("c:/w/x"));
        assert_eq!(to_path("untitled:Untitled-1"), None);
        assert_eq!(to_path("file://server/share/x"), None);
        assert_eq!(to_path("file:///bad%zz"), None);
        let path = "/w/my app/コンテナ/Dockerfile";
        assert_eq!(to_path(&from_path(path)).as_deref(), Some(path));
        assert_eq!(from_path("/w/a b"), "file:///w/a%20b");
    }
}
