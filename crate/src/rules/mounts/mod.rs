//! `mounts`, `workspaceMount` and `workspaceFolder`.

pub mod mount_malformed;
pub mod workspace_mount_folder_pair;
