//! Parsers, one per format: each turns text into a tree with byte ranges that survives syntax
//! errors, and knows nothing of what the text means. `jsonc` reads devcontainer.json (its tree
//! is re-exported here, as most of the engine reads it); `shell` splits command lines into words.

pub mod compose;
pub mod dockerfile;
pub mod json;
pub mod jsonc;
pub mod shell;

pub use jsonc::{
    MAX_DEPTH, Member, MemberRef, Node, NodeId, NodeKind, NodeRef, PathSegment, SyntaxError, Tree,
    Value, clip, parse,
};
