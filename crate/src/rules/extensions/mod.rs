//! The VS Code extension ids of `customizations.vscode.extensions` (and the old top-level
//! `extensions`), judged against the well-known ids of `crate::features::extensions`.

pub mod extension_ids;
