//! Fuzz target fixes: every fix applied alone, then fix all (no new syntax errors, idempotent).
//! The checks live in `fuzz/src/lib.rs`, shared with `crate/tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| devcontainer_doctor_fuzz::check_fixes(data));
