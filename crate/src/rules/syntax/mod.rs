//! What the JSONC parser found: `syntax-error`, `trailing-comma` (`syntax_error.rs`), `duplicate-key`.

pub mod duplicate_key;
pub mod syntax_error;
