//! Fuzz target ide: completion, hover and code actions at two offsets taken from the first four bytes.
//! The checks live in `fuzz/src/lib.rs`, shared with `crate/tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| devcontainer_doctor_fuzz::check_ide(data));
