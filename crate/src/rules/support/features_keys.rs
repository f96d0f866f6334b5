//! The keys of the root `features` object, parsed once for the feature rules, with the
//! mapping from ranges inside a key back to the document.

use crate::diag::Edit;
use crate::features::{FeatureInfo, FeatureRef, MajorInfo, RefKind, major_of, parse_reference};
use crate::rules::Context;
use crate::syntax::MemberRef;
use crate::text::TextRange;

/// One key of `features` with its parsed reference.
pub(crate) struct FeatureEntry<'a> {
    pub member: MemberRef<'a>,
    pub reference: FeatureRef<'a>,
    /// The catalog's feature and the major the key pins, looked up once for every rule.
    pub feature: Option<&'static FeatureInfo>,
    pub major: Option<&'static MajorInfo>,
    /// Document offset of the key's first character, when the key literal holds no escapes
    /// (so byte ranges inside the key map one to one onto the document).
    content_start: Option<usize>,
}

impl<'a> FeatureEntry<'a> {
    /// The feature with the major its key pins (see [`crate::features::lookup_major`]).
    pub fn feature_major(&self) -> Option<(&'static FeatureInfo, &'static MajorInfo)> {
        Some((self.feature?, self.major?))
    }

    /// The feature an OCI key names by its current id, as `features::find` finds it: not a
    /// feature found through one of its old ids (`lookup_parsed` tries the id first, then the
    /// old ids of the same namespace, so the same id means the same search).
    pub fn found_by_id(&self) -> Option<&'static FeatureInfo> {
        self.feature.filter(|f| {
            self.reference.kind == RefKind::Oci && f.id.eq_ignore_ascii_case(self.reference.id)
        })
    }

    /// The document range of `range` (inside the key), or the whole key literal when the
    /// key cannot be mapped character by character.
    pub fn doc_range(&self, range: TextRange) -> TextRange {
        match self.content_start {
            Some(start) if range.end <= self.reference.key.len() => {
                TextRange::new(start + range.start, start + range.end)
            }
            _ => self.member.key_range(),
        }
    }

    /// An edit that replaces `range` inside the key by `new_text`; rewrites the whole key
    /// literal when the key holds escapes.
    pub fn key_edit(&self, range: TextRange, new_text: &str) -> Edit {
        match self.content_start {
            Some(start) if range.end <= self.reference.key.len() => Edit::replace(
                TextRange::new(start + range.start, start + range.end),
                new_text,
            ),
            _ => {
                let key = self.reference.key;
                let mut replaced = String::with_capacity(key.len() + new_text.len());
                replaced.push_str(key.get(..range.start).unwrap_or(""));
                replaced.push_str(new_text);
                replaced.push_str(key.get(range.end..).unwrap_or(""));
                Edit::replace(self.member.key_range(), json_string(&replaced))
            }
        }
    }

    /// An edit that replaces the whole key by `new_key`.
    pub fn replace_key(&self, new_key: &str) -> Edit {
        self.key_edit(TextRange::new(0, self.reference.key.len()), new_key)
    }
}

/// Every key of the root `features` object.
pub(crate) fn feature_entries<'a>(cx: &Context<'a>) -> Vec<FeatureEntry<'a>> {
    let Some(features) = cx.root.and_then(|r| r.get("features")) else {
        return Vec::new();
    };
    features
        .members()
        // A key with no value yet is still being typed: judge it once it is written.
        .filter(|member| member.value.is_some())
        .map(|member| {
            let reference = parse_reference(member.key());
            let feature = crate::features::lookup_parsed(&reference);
            let major = feature
                .and_then(|f| major_of(f, &reference))
                .map(|(_, m)| m);
            FeatureEntry {
                member,
                reference,
                feature,
                major,
                content_start: content_start(cx.text, member),
            }
        })
        .collect()
}

/// Where the characters of a string literal start, if its source text equals its value.
pub(crate) fn literal_content_start(text: &str, literal: TextRange, value: &str) -> Option<usize> {
    let start = literal.start + 1;
    let inner = text.get(start..start + value.len())?;
    let quoted = text.get(literal.start..literal.end)?;
    (quoted.len() == value.len() + 2 && quoted.starts_with('"') && inner == value).then_some(start)
}

fn content_start(text: &str, member: MemberRef<'_>) -> Option<usize> {
    literal_content_start(text, member.key_range(), member.key())
}

/// `value` as a JSON string literal.
pub(crate) fn json_string(value: &str) -> String {
    crate::syntax::json::quote(value)
}

/// User text for a message: whole when it is of a reasonable length, else shortened.
pub(crate) fn show(text: &str) -> String {
    if text.chars().count() <= 120 {
        text.to_string()
    } else {
        crate::syntax::clip(text)
    }
}
