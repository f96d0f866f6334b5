//! `mounts`, `workspaceMount` and `workspaceFolder`.

pub mod mount_specs;
