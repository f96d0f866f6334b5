//! Completion at a cursor. Each kind of suggestion has its own file; this one builds the
//! request (cursor, configuration kind, whether Go is in use) and the items' edits and commas.

mod enums;
mod env;
pub mod features;
mod hooks;
mod images;
mod item_text;
mod keys;
mod ports;
mod project_files;
mod skeleton;
mod variables;
pub mod vscode;

pub use item_text::{PreparedKey, Text, rank};

use super::cursor::{self, Cursor, Place};
use super::snippet;
use crate::diag::Edit;
use crate::project::Project;
use crate::spec::{ConfigKind, config_kind};
use crate::syntax::{self, NodeRef, PathSegment, Tree};
use crate::text::TextRange;

/// What a completion item stands for (an editor shows an icon for it); `api` maps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Property,
    Value,
    Enum,
    Keyword,
    Snippet,
    Variable,
    Module,
    Constant,
}

/// A completion with byte ranges; `api` turns it into UTF-16 positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub label: Text,
    pub kind: CompletionKind,
    pub detail: Option<Text>,
    pub documentation: Option<String>,
    /// Set instead of `documentation` when that is dear to make for every item (the feature
    /// catalog): the host asks `features::resolve_doc` for it when the item is shown.
    pub doc_id: Option<Text>,
    pub insert_text: String,
    pub is_snippet: bool,
    pub replace: TextRange,
    pub sort_text: Text,
    pub filter_text: Option<String>,
    pub additional_edits: Vec<Edit>,
}

impl Item {
    /// The edits that accepting the item makes, with the snippet expanded to plain text.
    pub fn plain_edits(&self) -> Vec<Edit> {
        let text = if self.is_snippet {
            snippet::expand(&self.insert_text)
        } else {
            self.insert_text.clone()
        };
        let mut edits = vec![Edit::replace(self.replace, text)];
        edits.extend(self.additional_edits.iter().cloned());
        edits
    }
}

/// What the completers look at.
pub struct Request<'t> {
    pub text: &'t str,
    pub tree: &'t Tree,
    pub cursor: Cursor<'t>,
    pub root: Option<NodeRef<'t>>,
    pub kind: ConfigKind,
    /// The configuration uses Go (Go feature, Go image or Go extension).
    pub go: bool,
    /// The other files, when the host handed them in.
    pub project: Option<&'t Project>,
}

impl Request<'_> {
    pub fn path(&self) -> &[PathSegment] {
        &self.cursor.path
    }

    /// The path as keys, `None` for an array index.
    pub fn keys(&self) -> Vec<Option<&str>> {
        self.cursor
            .path
            .iter()
            .map(|s| match s {
                PathSegment::Key(k) => Some(k.as_str()),
                PathSegment::Index(_) => None,
            })
            .collect()
    }

    /// Key of the member whose value is under the cursor.
    pub fn value_key(&self) -> Option<&str> {
        match self.cursor.place {
            Place::Value { member } => Some(member.key()),
            _ => None,
        }
    }

    /// The item, ready to insert: the text replaces the cursor's range; a comma goes after it
    /// or before it when the neighbours need one.
    pub fn item(&self, label: impl Into<Text>, kind: CompletionKind, insert: Insert) -> Item {
        let label = label.into();
        let (body, is_snippet) = match insert {
            Insert::Plain(text) => (text, false),
            Insert::Snippet(text) => (text, true),
        };
        // A comma due right where the item goes is part of its text: two inserts at one
        // offset would have no defined order.
        let mut additional_edits = Vec::new();
        let comma_first = match self.cursor.comma_before {
            Some(at) if at == self.cursor.replace.start => true,
            Some(at) => {
                additional_edits.push(Edit::insert(at, ","));
                false
            }
            None => false,
        };
        // Built once at its final size: the feature list makes 88 of these per keystroke.
        let prefix = &self.cursor.insert_prefix;
        let mut insert_text = String::with_capacity(prefix.len() + body.len() + 2);
        if comma_first {
            insert_text.push(',');
        }
        insert_text.push_str(prefix);
        insert_text.push_str(&body);
        if self.cursor.comma_after {
            insert_text.push(',');
        }
        let filter_text = self.cursor.replaces_string(self.text).then(|| {
            let mut quoted = String::with_capacity(label.len() + 2);
            quoted.push('"');
            quoted.push_str(&label);
            quoted.push('"');
            quoted
        });
        Item {
            label,
            kind,
            detail: None,
            documentation: None,
            doc_id: None,
            insert_text,
            is_snippet,
            replace: self.cursor.replace,
            sort_text: Text::Borrowed(""),
            filter_text,
            additional_edits,
        }
    }

    /// What a property-name item inserts: only the quoted name when the key being edited
    /// already has its `:`, else the name with the value snippet.
    pub fn key_insert(&self, name: &str, value_snippet: &str) -> Insert {
        if self.key_has_colon() {
            Insert::Plain(item_text::quoted_key(name))
        } else {
            let mut text = String::with_capacity(name.len() + 4 + value_snippet.len());
            item_text::push_quoted_snippet(name, &mut text);
            text.push_str(": ");
            text.push_str(value_snippet);
            Insert::Snippet(text)
        }
    }

    /// [`Self::key_insert`] for a key quoted and escaped ahead of time (the catalog's ids,
    /// 88 items on every keystroke in `features`).
    pub fn prepared_key_insert(&self, key: &PreparedKey, value_snippet: &str) -> Insert {
        if self.key_has_colon() {
            Insert::Plain(key.quoted.clone())
        } else {
            let mut text = String::with_capacity(key.snippet.len() + 2 + value_snippet.len());
            text.push_str(&key.snippet);
            text.push_str(": ");
            text.push_str(value_snippet);
            Insert::Snippet(text)
        }
    }

    fn key_has_colon(&self) -> bool {
        matches!(
            self.cursor.place,
            Place::Key { member: Some(m) } if m.member.colon.is_some()
        )
    }

    /// A JSON string value (quoted here).
    pub fn string_item(&self, value: &str, kind: CompletionKind) -> Item {
        self.item(value.to_string(), kind, Insert::Plain(json_string(value)))
    }

    /// Strings already present in the array under the cursor (to leave them out).
    pub fn present_strings(&self) -> Vec<String> {
        self.cursor
            .container
            .map(|c| {
                c.items()
                    .filter(|n| Some(n.id) != self.current_item_id())
                    .filter_map(|n| n.as_str().map(str::to_ascii_lowercase))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn current_item_id(&self) -> Option<usize> {
        match self.cursor.place {
            Place::Item { node } => node.map(|n| n.id),
            _ => None,
        }
    }

    /// Keys already present in the object under the cursor, except the one being edited.
    pub fn present_keys(&self) -> Vec<&str> {
        let editing = match self.cursor.place {
            Place::Key {
                member: Some(member),
            } => Some(member.key_range()),
            _ => None,
        };
        self.cursor
            .container
            .map(|c| {
                c.members()
                    .filter(|m| Some(m.key_range()) != editing)
                    .map(|m| m.key())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// How an item's text is inserted.
pub enum Insert {
    Plain(String),
    Snippet(String),
}

pub fn json_string(value: &str) -> String {
    crate::syntax::json::quote(value)
}

/// Completion items at byte `offset` of `text`.
pub fn complete(text: &str, offset: usize) -> Vec<Item> {
    let tree = syntax::parse(text);
    complete_in(text, &tree, offset)
}

pub fn complete_in(text: &str, tree: &Tree, offset: usize) -> Vec<Item> {
    complete_project_in(None, text, tree, offset)
}

/// Completion with the project's other files: Compose services, Dockerfile stages, file names
/// from the folder listings. `text` and `tree` are the main file's (a kept document may be newer
/// than `project`'s copy of it).
pub fn complete_project_in(
    project: Option<&Project>,
    text: &str,
    tree: &Tree,
    offset: usize,
) -> Vec<Item> {
    let cursor = cursor::locate(text, tree, offset);
    let root = tree.root().filter(|r| r.is_object());
    let kind = root.map_or(ConfigKind::Missing, config_kind);
    let go = root.is_some_and(uses_go);
    let req = Request {
        text,
        tree,
        cursor,
        root,
        kind,
        go,
        project,
    };
    if let Some(items) = variables::complete(&req) {
        return items;
    }
    let mut items = Vec::new();
    match req.cursor.place {
        Place::Key { .. } => {
            keys::complete(&req, &mut items);
            features::complete_keys(&req, &mut items);
            vscode::complete_setting_keys(&req, &mut items);
            ports::complete_attribute_keys(&req, &mut items);
            env::complete_keys(&req, &mut items);
        }
        Place::Value { .. } => {
            enums::complete(&req, &mut items);
            images::complete(&req, &mut items);
            hooks::complete(&req, &mut items);
            vscode::complete_setting_values(&req, &mut items);
            features::complete_values(&req, &mut items);
            project_files::complete_values(&req, &mut items);
        }
        Place::Item { .. } => {
            ports::complete(&req, &mut items);
            vscode::complete_extensions(&req, &mut items);
            enums::complete_items(&req, &mut items);
            features::complete_install_order(&req, &mut items);
            project_files::complete_items(&req, &mut items);
        }
        Place::None => skeleton::complete(&req, &mut items),
    }
    for (i, item) in items.iter_mut().enumerate() {
        if item.sort_text.is_empty() {
            // Items without a rank of their own keep their order, after ranked "0..." ones.
            item.sort_text = format!("5{i:04}").into();
        }
    }
    items
}

/// Go is in use when a Go feature, a Go image or the Go extension appears.
pub fn uses_go(root: NodeRef<'_>) -> bool {
    let go_feature = root.get("features").is_some_and(|f| {
        f.members().any(|m| {
            let id = m.key().to_ascii_lowercase();
            let name = id.rsplit('/').next().unwrap_or("");
            let name = name.split([':', '@']).next().unwrap_or("");
            name == "go" || name == "golang"
        })
    });
    let go_image = root.get("image").and_then(|i| i.as_str()).is_some_and(|i| {
        let i = i.to_ascii_lowercase();
        i.contains("golang") || i.contains("/go:") || i.ends_with("/go") || i.starts_with("go:")
    });
    let go_extension = root
        .get("customizations")
        .and_then(|c| c.get("vscode"))
        .and_then(|v| v.get("extensions"))
        .is_some_and(|e| {
            e.items().any(|x| {
                x.as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case("golang.go"))
            })
        });
    go_feature || go_image || go_extension
}
