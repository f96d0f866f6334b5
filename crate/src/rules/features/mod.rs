//! The keys and values of `features` and `overrideFeatureInstallOrder`, judged against the
//! feature catalog (`crate::features`).

pub mod install_order;
pub mod language_reinstalled;
mod option_names;
pub mod options;
pub mod os_unsupported;
pub mod reference;
pub mod version;
