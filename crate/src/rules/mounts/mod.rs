//! `mounts`, `workspaceMount` and `workspaceFolder`.

pub mod mount_malformed;
pub mod vscode_server_other_user;
pub mod workspace_mount_folder_pair;
