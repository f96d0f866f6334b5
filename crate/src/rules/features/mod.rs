//! The keys and values of `features` and `overrideFeatureInstallOrder`, judged against the
//! feature catalog (`crate::features`).

pub mod install_order;
mod option_names;
pub mod options;
pub mod reference;
pub mod version;
