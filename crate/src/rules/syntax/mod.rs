//! What the JSONC parser found: `syntax-error`, `trailing-comma`, `duplicate-key`.

pub mod syntax_errors;
