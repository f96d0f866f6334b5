//! `saphyr-parser`'s events in the shape of ours (`yaml::events`): byte ranges instead of
//! character indexes, tags by their suffix, no `StreamStart`, `Nothing` or `StreamEnd`, and
//! three span conventions of saphyr's moved to ours (see [`sensible_span`]). The adjustments
//! come from the loader as it was on saphyr (commit c99971a, `src/syntax/compose/yaml.rs` and
//! `offsets.rs`). Anchor ids need no renaming: both readers number anchors from 1 in the order
//! they appear in the stream, and never reset.

use devcontainer_doctor::syntax::compose::yaml::{Event, EventStream, ScalarStyle};
use devcontainer_doctor::text::TextRange;
use saphyr_parser::{Event as SEvent, Parser, ScalarStyle as SStyle, Tag};
use std::borrow::Cow;

/// Saphyr's events for `text` and the error that ended them (byte offset and message).
pub fn events(text: &str) -> EventStream {
    let offsets = Offsets::new(text);
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((SEvent::StreamEnd, _)) => break,
            Ok((event, span)) => {
                let start = offsets.byte(span.start.index());
                let end = offsets.byte(span.end.index()).max(start);
                let (start, end) = sensible_span(text, &event, start, end);
                if let Some(event) = ours(event) {
                    out.push((event, TextRange::new(start, end)));
                }
            }
            Err(e) => {
                return (
                    out,
                    Some((offsets.byte(e.marker().index()), e.info().into())),
                );
            }
        }
    }
    (out, None)
}

/// The same event as ours shows it; `None` for the events ours does not have.
fn ours(event: SEvent<'_>) -> Option<Event> {
    let tag = |t: Option<Cow<'_, Tag>>| t.map(|t| t.suffix.clone());
    Some(match event {
        SEvent::Nothing | SEvent::StreamStart | SEvent::StreamEnd => return None,
        SEvent::DocumentStart(_) => Event::DocumentStart,
        SEvent::DocumentEnd => Event::DocumentEnd,
        SEvent::Alias(anchor) => Event::Alias(anchor),
        SEvent::Scalar(value, style, anchor, t) => {
            let style = match style {
                SStyle::Plain => ScalarStyle::Plain,
                SStyle::SingleQuoted => ScalarStyle::SingleQuoted,
                SStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
                SStyle::Literal => ScalarStyle::Literal,
                SStyle::Folded => ScalarStyle::Folded,
            };
            Event::Scalar(value.into_owned(), style, anchor, tag(t))
        }
        SEvent::SequenceStart(anchor, t) => Event::SequenceStart(anchor, tag(t)),
        SEvent::SequenceEnd => Event::SequenceEnd,
        SEvent::MappingStart(anchor, t) => Event::MappingStart(anchor, tag(t)),
        SEvent::MappingEnd => Event::MappingEnd,
    })
}

/// Where our reader puts a span that saphyr puts elsewhere, on purpose (the differences the
/// differential test allows, each a range that would make a diagnostic or a fix cover too much):
/// - a quoted scalar ends at its closing quote; saphyr takes in the blanks and the comment after
///   it, so a fix replacing `"x"` in `image: "x"  # pinned` would delete the comment;
/// - a flow collection's closing `]` or `}` is the bracket alone, also where it is the range
///   of a missing value (`{a}`); saphyr takes in the blanks and comment after it;
/// - a flow mapping with a trailing comma (`{a: 1,}`) ends at its `}`; saphyr's end event spans
///   the comma (and the blanks after it), leaving the `}` outside the mapping.
fn sensible_span(text: &str, event: &SEvent<'_>, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    match event {
        SEvent::Scalar(_, SStyle::SingleQuoted | SStyle::DoubleQuoted, ..) => {
            // Past the anchor and tag, if any, to the opening quote.
            let mut q = start;
            while matches!(bytes.get(q), Some(b'&' | b'!')) {
                while bytes.get(q).is_some_and(|b| !b" \t\r\n".contains(b)) {
                    q += 1;
                }
                q = skip_blanks_and_comments(bytes, q);
            }
            (start, quote_end(bytes, q).unwrap_or(end))
        }
        // A null standing in for a missing value spans the token after it, a bracket among them.
        SEvent::Scalar(v, SStyle::Plain, ..)
            if v.is_empty() && end > start && matches!(bytes.get(start), Some(b']' | b'}')) =>
        {
            (start, start + 1)
        }
        SEvent::SequenceEnd | SEvent::MappingEnd if end > start => match bytes.get(start) {
            Some(b']' | b'}') => (start, start + 1),
            Some(b',') => {
                // Blanks, breaks and comments, then the `}`.
                let i = skip_blanks_and_comments(bytes, start + 1);
                if bytes.get(i) == Some(&b'}') {
                    (i, i + 1)
                } else {
                    (start, end)
                }
            }
            _ => (start, end),
        },
        _ => (start, end),
    }
}

/// Just past the quote that closes the one at `q`.
fn quote_end(bytes: &[u8], q: usize) -> Option<usize> {
    let quote = bytes.get(q).copied().unwrap_or(b'"');
    let mut i = q + 1;
    while let Some(b) = bytes.get(i) {
        match *b {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn skip_blanks_and_comments(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b) = bytes.get(i) {
        match *b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'#' => {
                while bytes.get(i).is_some_and(|b| *b != b'\n' && *b != b'\r') {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

/// Character index to byte offset, for texts that are not all ASCII.
struct Offsets {
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Self {
        let bytes = (!text.is_ascii()).then(|| {
            let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            v.push(text.len());
            v
        });
        Offsets {
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            None => char_index.min(self.len),
            Some(v) => v.get(char_index).map_or(self.len, |b| *b),
        }
    }
}
