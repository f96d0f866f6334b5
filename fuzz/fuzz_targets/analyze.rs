//! Fuzz target analyze: devcontainer.json alone and with a Dockerfile and a Compose file (input split at 0xFF).
//! The checks live in `fuzz/src/lib.rs`, shared with `crate/tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| devcontainer_doctor_fuzz::check_analyze(data));
