//! IntelliSense over the recovering tree: where the cursor is, what to complete there, hover
//! text, and code actions built from the rules' fixes. Byte offsets here; `api` converts.

pub mod code_actions;
pub mod complete;
pub mod cursor;
pub mod files;
pub mod hover;
pub mod hover_files;
pub mod props;
pub mod snippet;
