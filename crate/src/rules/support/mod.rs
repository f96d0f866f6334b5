//! Helpers that several rules share and that are not rules themselves: walking the document
//! along the spec, lookups in the config, the commands it runs, and the edit builders fixes
//! are made of (which keep comments and layout).

pub mod commands;
pub mod compose_commands;
pub mod config;
pub mod dockerfile;
pub mod exec_form;
pub mod features_keys;
pub mod insert;
pub mod move_fix;
pub mod schema_walk;
pub mod string_source;
pub mod text_layout;
pub mod variable_scan;
