//! A targeted scan of a Compose file for the two keys path resolution needs: each service's
//! `build.context` (or `build: <context>`) and `build.dockerfile`, with byte ranges. Block
//! style only (what Compose files are written in); flow mappings, anchors and merges are not
//! followed. This is a seam: the Compose reader (`syntax/compose/`) replaces it when it lands.

use crate::text::TextRange;

/// One service's build, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Build {
    pub service: String,
    /// The `build` key, where a default `Dockerfile` is reported.
    pub build_range: TextRange,
    pub context: Option<(String, TextRange)>,
    pub dockerfile: Option<(String, TextRange)>,
}

struct Line<'a> {
    start: usize,
    indent: usize,
    /// The line without its indentation.
    body: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if !body.trim().is_empty() && !body.starts_with('#') {
            out.push(Line {
                start,
                indent,
                body,
            });
        }
        start += raw.len();
    }
    out
}

/// `key: value` split into the unquoted key, and the value with its offset in the body
/// (`None` when the line is not a mapping entry).
fn entry(body: &str) -> Option<(String, Option<(usize, &str)>)> {
    let (key, rest_at) = if let Some(q) = body.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = body[1..].find(q)? + 1;
        (body[1..close].to_string(), close + 1)
    } else {
        let colon = body
            .find(": ")
            .or_else(|| body.strip_suffix(':').map(|b| b.len()))?;
        (body[..colon].trim_end().to_string(), colon)
    };
    let rest = body.get(rest_at..)?.strip_prefix(':')?;
    let value_at = rest_at + 1 + (rest.len() - rest.trim_start().len());
    let value = strip_comment(rest.trim_start()).trim_end();
    Some((key, (!value.is_empty()).then_some((value_at, value))))
}

fn strip_comment(value: &str) -> &str {
    if value.starts_with('"') || value.starts_with('\'') {
        return value;
    }
    match value.find(" #") {
        Some(at) => &value[..at],
        None => value,
    }
}

/// A scalar's text without quotes, or `None` for a block, flow collection or alias.
fn scalar(value: &str) -> Option<String> {
    let first = value.chars().next()?;
    match first {
        '"' | '\'' => {
            let inner = value.strip_prefix(first)?.strip_suffix(first)?;
            Some(inner.to_string())
        }
        '{' | '[' | '&' | '*' | '|' | '>' | '!' => None,
        _ => Some(value.to_string()),
    }
}

/// Every service's build in the `services` mapping of one Compose file.
pub fn builds(text: &str) -> Vec<Build> {
    let lines = lines(text);
    let mut out = Vec::new();
    let Some(services_at) = lines.iter().position(|l| {
        l.indent == 0 && entry(l.body).is_some_and(|(k, v)| k == "services" && v.is_none())
    }) else {
        return out;
    };
    let body: Vec<&Line> = lines[services_at + 1..]
        .iter()
        .take_while(|l| l.indent > 0)
        .collect();
    let Some(service_indent) = body.first().map(|l| l.indent) else {
        return out;
    };
    let mut i = 0;
    while i < body.len() {
        let line = body[i];
        i += 1;
        if line.indent != service_indent {
            continue;
        }
        let Some((service, None)) = entry(line.body) else {
            continue;
        };
        let members: Vec<&Line> = body[i..]
            .iter()
            .copied()
            .take_while(|l| l.indent > service_indent)
            .collect();
        let Some(member_indent) = members.first().map(|l| l.indent) else {
            continue;
        };
        for (j, member) in members.iter().enumerate() {
            if member.indent != member_indent {
                continue;
            }
            let Some((key, value)) = entry(member.body) else {
                continue;
            };
            if key != "build" {
                continue;
            }
            let build_range = TextRange::new(
                member.start + member.indent,
                member.start + member.indent + member.body.find(':').unwrap_or(0),
            );
            let mut build = Build {
                service: service.clone(),
                build_range,
                context: None,
                dockerfile: None,
            };
            match value {
                Some((at, v)) => {
                    let Some(context) = scalar(v) else {
                        continue;
                    };
                    let start = member.start + member.indent + at;
                    build.context = Some((context, TextRange::new(start, start + v.len())));
                }
                None => {
                    let inner: Vec<&&Line> = members[j + 1..]
                        .iter()
                        .take_while(|l| l.indent > member_indent)
                        .collect();
                    let Some(key_indent) = inner.first().map(|l| l.indent) else {
                        continue;
                    };
                    for l in inner.iter().filter(|l| l.indent == key_indent) {
                        let Some((k, Some((at, v)))) = entry(l.body) else {
                            continue;
                        };
                        let Some(s) = scalar(v) else {
                            continue;
                        };
                        let start = l.start + l.indent + at;
                        let found = Some((s, TextRange::new(start, start + v.len())));
                        match k.as_str() {
                            "context" => build.context = found,
                            "dockerfile" => build.dockerfile = found,
                            _ => {}
                        }
                    }
                }
            }
            out.push(build);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_forms_with_ranges() {
        let text = "version: '3'\nservices:\n  app:\n    image: x\n    build:\n      context: ..   # up\n      dockerfile: \"docker/Dev.Dockerfile\"\n  db:\n    build: ./db\n  cache:\n    image: redis\nvolumes:\n  data:\n";
        let found = builds(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let (ctx, r) = found[0].context.clone().unwrap();
        assert_eq!(ctx, "..");
        assert_eq!(&text[r.start..r.end], "..");
        let (df, r) = found[0].dockerfile.clone().unwrap();
        assert_eq!(df, "docker/Dev.Dockerfile");
        assert_eq!(&text[r.start..r.end], "\"docker/Dev.Dockerfile\"");
        assert_eq!(found[1].service, "db");
        assert_eq!(found[1].context.as_ref().unwrap().0, "./db");
        assert_eq!(
            &text[found[1].build_range.start..found[1].build_range.end],
            "build"
        );
        assert!(found[1].dockerfile.is_none());
    }

    #[test]
    fn odd_inputs_give_nothing_and_never_panic() {
        for text in [
            "",
            "services:",
            "services:\n  a:\n",
            "services: {}\n",
            "\u{feff}services:\n\t a:\n  build: {context: .}\n",
            "services:\n  \"a\":\n    build:\n",
            "services:\n  a:\n    build: 'x\n",
        ] {
            let _ = builds(text);
        }
        assert!(builds("services:\n  a:\n    build: {context: .}\n").is_empty());
    }
}
