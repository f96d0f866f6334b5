//! Lifecycle hooks (`onCreateCommand` ... `postAttachCommand`) and `waitFor`.

pub mod lifecycle_hooks;
