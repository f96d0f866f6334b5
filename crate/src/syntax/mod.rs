//! JSON with comments, parsed into a tree that survives syntax errors.

pub mod compose;
pub mod dockerfile;
mod lexer;
mod parser;
mod tree;

pub use lexer::clip;
pub use parser::{MAX_DEPTH, parse};
pub use tree::{
    Member, MemberRef, Node, NodeId, NodeKind, NodeRef, PathSegment, SyntaxError, Tree,
};
