//! Walks the document along the spec model with an explicit stack: every value the model
//! describes is visited once, with its spec. The walk only goes as deep as the model does, so
//! deeply nested input costs nothing extra and never recurses.

use crate::rules::Context;
use crate::spec::{self, JsonType, Owner, PropSpec};
use crate::syntax::{MemberRef, NodeKind, NodeRef};

/// One value met on the walk.
pub struct Visit<'t> {
    pub node: NodeRef<'t>,
    pub spec: &'static PropSpec,
    /// The member holding the value (None for array items and the root).
    pub member: Option<MemberRef<'t>>,
    /// True when the value is an item of an array.
    pub in_array: bool,
}

/// Calls `f` for every value the model describes, parents before children. The walk is made
/// once per analysis ([`Context::schema_visits`]) and shared by the schema rules.
pub fn walk<'t>(cx: &Context<'t>, f: impl FnMut(&Visit<'t>)) {
    cx.schema_visits().iter().for_each(f);
}

/// Every value the model describes, with its spec, parents before children.
pub fn visits<'t>(cx: &Context<'t>) -> Vec<Visit<'t>> {
    let mut out = Vec::new();
    let Some(root) = cx.tree.root() else {
        return out;
    };
    let mut stack = vec![Visit {
        node: root,
        spec: spec::document(),
        member: None,
        in_array: false,
    }];
    while let Some(visit) = stack.pop() {
        // The hooks rule owns the inside of lifecycle commands.
        let owned_elsewhere = visit.spec.owner == Owner::Hooks;
        let (node, spec) = (visit.node, visit.spec);
        out.push(visit);
        if owned_elsewhere {
            continue;
        }
        let start = stack.len();
        match node.kind() {
            NodeKind::Object(_) => {
                let Some(object) = spec.object else {
                    continue;
                };
                for member in node.members() {
                    let (Some(value), Some(child)) = (member.value, object.child(member.key()))
                    else {
                        continue;
                    };
                    stack.push(Visit {
                        node: value,
                        spec: child,
                        member: Some(member),
                        in_array: false,
                    });
                }
            }
            NodeKind::Array(_) => {
                let Some(items) = spec.items else {
                    continue;
                };
                // The ports rule owns `forwardPorts` items.
                if items.owner == Owner::Ports {
                    continue;
                }
                for item in node.items() {
                    stack.push(Visit {
                        node: item,
                        spec: items,
                        member: None,
                        in_array: true,
                    });
                }
            }
            _ => {}
        }
        // Keep document order: children were pushed first-to-last, pop them first-to-last.
        stack[start..].reverse();
    }
    out
}

/// The JSON type of a node (None for an invalid literal: a syntax error already covers it).
pub fn json_type(node: NodeRef<'_>) -> Option<JsonType> {
    Some(match node.kind() {
        NodeKind::Object(_) => JsonType::Object,
        NodeKind::Array(_) => JsonType::Array,
        NodeKind::String(_) => JsonType::String,
        NodeKind::Number(_) if node.type_name() == "integer" => JsonType::Integer,
        NodeKind::Number(_) => JsonType::Number,
        NodeKind::Bool(_) => JsonType::Boolean,
        NodeKind::Null => JsonType::Null,
        NodeKind::Invalid => return None,
    })
}

/// A name for the value in messages: `hostRequirements.cpus`, `an item of runArgs`.
pub fn describe(visit: &Visit<'_>) -> String {
    let path = visit.node.path();
    let mut out = String::new();
    for segment in &path {
        match segment {
            crate::syntax::PathSegment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&crate::syntax::clip(k));
            }
            crate::syntax::PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        "the document".to_string()
    } else {
        format!("`{out}`")
    }
}
