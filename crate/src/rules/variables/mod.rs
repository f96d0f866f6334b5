//! `${...}` variables in string values.

pub mod variable_refs;
