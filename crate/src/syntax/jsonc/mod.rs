//! JSON with comments (devcontainer.json), parsed into a tree that survives syntax errors.

mod lexer;
mod parser;
mod scanner;
mod tree;

pub use lexer::clip;
pub use parser::{MAX_DEPTH, parse};
pub use tree::{
    Member, MemberRef, Node, NodeId, NodeKind, NodeRef, PathSegment, Run, Span, SyntaxError, Tree,
    Value,
};
