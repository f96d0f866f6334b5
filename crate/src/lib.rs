//! Devcontainer Doctor: checks devcontainer.json files (JSON with comments) against the
//! dev container spec and the mistakes people make in them.

pub mod analysis;
pub mod api;
pub mod container;
pub mod diag;
pub mod docker;
pub mod features;
pub mod fix;
pub mod ide;
#[cfg(not(target_arch = "wasm32"))]
pub mod lsp;
pub mod project;
pub mod rebuild;
pub mod rules;
pub mod sorted;
pub mod spec;
pub mod suggest;
pub mod syntax;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
