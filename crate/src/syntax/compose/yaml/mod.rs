//! YAML text to a small tree with byte ranges, read by our own YAML 1.2 reader: `input`
//! (positions and character classes), `scan` with `indicators`, `keys`, `props`, `scalars` and
//! `block` (text to tokens), and `events` with `nodes` (tokens to events), all without recursion
//! and in one pass. The tree is built without recursion too: nesting deeper than [`MAX_DEPTH`] is reported
//! once and skipped, an alias refers to the anchored node instead of copying it, and the nodes an
//! alias (or a `<<` merge key) stands for are counted against [`MAX_ALIAS_EXPANSION`], so a
//! billion-laughs text costs no more than its own length. The first syntax error ends the
//! stream (the reader does not recover); what was read until then is kept.

mod block;
mod events;
mod indicators;
mod input;
mod keys;
mod nodes;
mod props;
mod scalars;
mod scan;

use crate::syntax::SyntaxError;
use crate::text::TextRange;
use events::Parser;
#[doc(hidden)]
pub use events::{Event, EventStream, ScalarStyle, events};
use std::collections::{HashMap, HashSet};

/// Deepest nesting of mappings and sequences that is kept; deeper content becomes one error.
pub const MAX_DEPTH: usize = 64;
/// Most nodes that aliases and merge keys may stand for in one document, counted expanded.
pub const MAX_ALIAS_EXPANSION: u64 = 100_000;

pub type YamlId = usize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YamlKind {
    /// A scalar's value after YAML unescaping; `plain` is false for quoted and block scalars.
    Scalar {
        value: String,
        plain: bool,
    },
    Seq(Vec<YamlId>),
    /// Key and value pairs in order, `<<` merge keys already applied.
    Map(Vec<(YamlId, YamlId)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlNode {
    pub kind: YamlKind,
    /// Bytes of the node in the text: a quoted scalar with its quotes.
    pub range: TextRange,
    /// The tag as written after `!`, such as `reset` or `override`.
    pub tag: Option<String>,
    /// Nodes in this subtree counted as if aliases were expanded (saturating).
    size: u64,
}

impl YamlNode {
    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            YamlKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// `~`, `null`, or nothing, unquoted: YAML's null.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, YamlKind::Scalar { value, plain: true }
            if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// Every document of one YAML text; `docs` holds the root of each.
#[derive(Clone, Debug, Default)]
pub struct Yaml {
    pub nodes: Vec<YamlNode>,
    pub docs: Vec<YamlId>,
    pub errors: Vec<SyntaxError>,
}

impl Yaml {
    pub fn node(&self, id: YamlId) -> &YamlNode {
        &self.nodes[id]
    }

    /// The value of `key` in the mapping `map` (the last one when a key repeats).
    pub fn get(&self, map: YamlId, key: &str) -> Option<YamlId> {
        match &self.nodes[map].kind {
            YamlKind::Map(entries) => entries
                .iter()
                .rev()
                .find(|(k, _)| self.nodes[*k].scalar() == Some(key))
                .map(|(_, v)| *v),
            _ => None,
        }
    }
}

struct Frame {
    id: YamlId,
    anchor: usize,
    pending_key: Option<YamlId>,
}

struct Loader<'t> {
    text: &'t str,
    yaml: Yaml,
    stack: Vec<Frame>,
    anchors: HashMap<usize, YamlId>,
    expanded: u64,
    skipping: usize,
}

pub fn load(text: &str) -> Yaml {
    let mut l = Loader {
        text,
        yaml: Yaml::default(),
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        skipping: 0,
    };
    let mut parser = Parser::new(text);
    loop {
        match parser.next_event() {
            Ok((Event::StreamEnd, _, _)) => break,
            Ok((event, start, end)) => l.event(event, TextRange::new(start, end.max(start))),
            Err(e) => {
                let at = e.pos.min(text.len());
                let end = text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(at, |c| at + c.len_utf8());
                l.error(
                    "compose-yaml-syntax",
                    TextRange::new(at, end),
                    format!("YAML syntax error: {}.", e.message),
                );
                break;
            }
        }
    }
    // A stream cut by an error leaves collections open: close them where the text stopped.
    while !l.stack.is_empty() {
        l.close(TextRange::empty(text.len()));
    }
    l.yaml
}

impl Loader<'_> {
    fn error(&mut self, code: &'static str, range: TextRange, message: String) {
        if self.yaml.errors.len() < 100 {
            self.yaml.errors.push(SyntaxError {
                code,
                message,
                range,
                replacement: None,
            });
        }
    }

    fn push_node(&mut self, kind: YamlKind, range: TextRange, tag: Option<String>) -> YamlId {
        self.yaml.nodes.push(YamlNode {
            kind,
            range,
            tag,
            size: 1,
        });
        self.yaml.nodes.len() - 1
    }

    fn event(&mut self, event: Event, range: TextRange) {
        if self.skipping > 0 {
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => self.skipping += 1,
                Event::MappingEnd | Event::SequenceEnd => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let range = match style {
                    ScalarStyle::Literal | ScalarStyle::Folded => self.trim_end(range),
                    _ => range,
                };
                let plain = matches!(style, ScalarStyle::Plain);
                let kind = YamlKind::Scalar { value, plain };
                let id = self.push_node(kind, range, tag);
                self.anchor(anchor, id);
                self.attach(id);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if self.stack.len() >= MAX_DEPTH {
                    self.error(
                        "compose-yaml-depth",
                        range,
                        format!("Nesting deeper than {MAX_DEPTH} levels is not read."),
                    );
                    self.skipping = 1;
                    let id = self.push_node(null(), range, None);
                    self.attach(id);
                    return;
                }
                let kind = match event {
                    Event::SequenceStart(..) => YamlKind::Seq(Vec::new()),
                    _ => YamlKind::Map(Vec::new()),
                };
                let id = self.push_node(kind, range, tag.clone());
                self.stack.push(Frame {
                    id,
                    anchor,
                    pending_key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(range),
            Event::Alias(anchor) => {
                let target = self.anchors.get(&anchor).copied();
                let id = match target {
                    Some(t) if self.spend(self.yaml.nodes[t].size, range) => t,
                    Some(_) => self.push_node(null(), range, None),
                    None => {
                        self.error(
                            "compose-yaml-alias",
                            range,
                            "This alias names no anchor defined before it.".into(),
                        );
                        self.push_node(null(), range, None)
                    }
                };
                self.attach(id);
            }
            Event::DocumentEnd => {
                self.anchors.clear();
                self.expanded = 0;
            }
            Event::DocumentStart | Event::StreamEnd => {}
        }
    }

    /// Takes `cost` from the alias budget; false (and one error) once it is spent.
    fn spend(&mut self, cost: u64, range: TextRange) -> bool {
        if self.expanded > MAX_ALIAS_EXPANSION {
            return false;
        }
        self.expanded = self.expanded.saturating_add(cost);
        if self.expanded > MAX_ALIAS_EXPANSION {
            self.error(
                "compose-yaml-aliases",
                range,
                format!(
                    "Aliases here stand for more than {MAX_ALIAS_EXPANSION} values: the rest are not read."
                ),
            );
            return false;
        }
        true
    }

    fn trim_end(&self, range: TextRange) -> TextRange {
        let slice = self.text.get(range.start..range.end).unwrap_or("");
        TextRange::new(range.start, range.start + slice.trim_end().len())
    }

    fn anchor(&mut self, anchor: usize, id: YamlId) {
        if anchor > 0 {
            self.anchors.insert(anchor, id);
        }
    }

    fn attach(&mut self, id: YamlId) {
        let size = self.yaml.nodes[id].size;
        let Some(top) = self.stack.last_mut() else {
            self.yaml.docs.push(id);
            return;
        };
        let parent = &mut self.yaml.nodes[top.id];
        parent.size = parent.size.saturating_add(size);
        match &mut parent.kind {
            YamlKind::Seq(items) => items.push(id),
            YamlKind::Map(entries) => match top.pending_key.take() {
                None => top.pending_key = Some(id),
                Some(key) => entries.push((key, id)),
            },
            YamlKind::Scalar { .. } => {}
        }
    }

    fn close(&mut self, end: TextRange) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if let Some(key) = frame.pending_key {
            let at = self.yaml.nodes[key].range.end;
            let value = self.push_node(null(), TextRange::empty(at), None);
            if let YamlKind::Map(entries) = &mut self.yaml.nodes[frame.id].kind {
                entries.push((key, value));
            }
        }
        let last_end = match &self.yaml.nodes[frame.id].kind {
            YamlKind::Seq(items) => items.last().map(|i| self.yaml.nodes[*i].range.end),
            YamlKind::Map(entries) => entries.last().map(|(_, v)| self.yaml.nodes[*v].range.end),
            YamlKind::Scalar { .. } => None,
        };
        // A flow collection ends at its bracket; a block one at its last value.
        let node = &mut self.yaml.nodes[frame.id];
        let mut stop = last_end.unwrap_or(node.range.end).max(node.range.end);
        if !end.is_empty() {
            stop = stop.max(end.end);
        }
        node.range.end = stop;
        self.duplicate_keys(frame.id);
        self.merge_keys(frame.id);
        self.anchor(frame.anchor, frame.id);
        self.attach(frame.id);
    }

    /// Applies `<<: *base` and `<<: [*a, *b]`: keys written in the mapping win, then the
    /// first source that has a key.
    fn merge_keys(&mut self, id: YamlId) {
        let YamlKind::Map(entries) = &self.yaml.nodes[id].kind else {
            return;
        };
        if !entries.iter().any(|(k, _)| self.is_merge_key(*k)) {
            return;
        }
        let nodes = &self.yaml.nodes;
        let mut seen: HashSet<String> = HashSet::new();
        let mut own = Vec::new();
        let mut sources = Vec::new();
        for (k, v) in entries {
            if self.is_merge_key(*k) {
                match &nodes[*v].kind {
                    YamlKind::Seq(items) => sources.extend(items.iter().copied()),
                    _ => sources.push(*v),
                }
            } else {
                if let Some(s) = nodes[*k].scalar() {
                    seen.insert(s.to_string());
                }
                own.push((*k, *v));
            }
        }
        let mut merged = Vec::new();
        for source in sources {
            if let YamlKind::Map(from) = &nodes[source].kind {
                for (k, v) in from {
                    if let Some(s) = nodes[*k].scalar()
                        && seen.insert(s.to_string())
                    {
                        merged.push((*k, *v));
                    }
                }
            }
        }
        let cost = merged.len() as u64;
        let range = self.yaml.nodes[id].range;
        if !self.spend(cost, range) {
            merged.clear();
        }
        own.extend(merged);
        self.yaml.nodes[id].kind = YamlKind::Map(own);
    }

    fn duplicate_keys(&mut self, id: YamlId) {
        let YamlKind::Map(entries) = &self.yaml.nodes[id].kind else {
            return;
        };
        let mut seen = HashSet::new();
        let mut dups = Vec::new();
        for (k, _) in entries {
            if let Some(s) = self.yaml.nodes[*k].scalar()
                && !self.is_merge_key(*k)
                && !seen.insert(s)
            {
                dups.push((self.yaml.nodes[*k].range, s.to_string()));
            }
        }
        for (range, key) in dups {
            self.error(
                "compose-yaml-duplicate-key",
                range,
                format!(
                    "The key '{key}' is already defined in this mapping: Compose rejects the file."
                ),
            );
        }
    }

    fn is_merge_key(&self, key: YamlId) -> bool {
        matches!(&self.yaml.nodes[key].kind, YamlKind::Scalar { value, plain: true } if value == "<<")
    }
}

fn null() -> YamlKind {
    YamlKind::Scalar {
        value: String::new(),
        plain: true,
    }
}
