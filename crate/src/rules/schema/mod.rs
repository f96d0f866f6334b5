//! What the dev container spec model (`crate::spec`) says about properties, types and values.

pub mod container_source;
pub mod deprecated_property;
pub mod invalid_enum_value;
pub mod invalid_value;
pub mod kind_mismatch_property;
pub mod type_mismatch;
pub mod unknown_property;
