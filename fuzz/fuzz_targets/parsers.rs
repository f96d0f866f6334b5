//! Fuzz target parsers: the Dockerfile and Compose readers on any bytes.
//! The checks live in `fuzz/src/lib.rs`, shared with `crate/tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| devcontainer_doctor_fuzz::check_parsers(data));
