//! `mounts`, `workspaceMount` and `workspaceFolder`.

pub mod mount_specs;
pub mod vscode_server_other_user;
