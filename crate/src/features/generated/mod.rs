//! Data written by `scripts/gen-features.py` (see its header for the command and the inputs).
//! Never edited by hand; `crate/tests/features_catalog_current.rs` checks it is current.

#[rustfmt::skip]
pub mod catalog;
#[rustfmt::skip]
pub mod extensions;
