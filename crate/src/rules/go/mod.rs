//! Go dev containers: Delve (ptrace, its flags), the race detector and cgo, the Go feature on
//! Alpine, and the Go extension's id and settings. Each rule judges only configs that use Go.

pub mod delve_ptrace;
pub mod dlv_flags;
pub mod dlv_port_not_forwarded;
pub mod extension_old_id;
pub mod feature_on_alpine;
pub mod race_without_cgo;
pub mod settings;
