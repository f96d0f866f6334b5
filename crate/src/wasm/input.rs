//! The text of a per-keystroke call, written by the host straight into this instance's memory.
//! wasm-bindgen passes a `String` argument by copying it one UTF-16 unit at a time in a JS loop
//! until the first non-ASCII character; `TextEncoder.encodeInto` into [`input_buffer`] does the
//! same work natively. On the corpus that took 2.5 to 3.4 µs off the median check (8 to 10%),
//! measured in one Node process, the two ways alternating.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The buffer is given back to the allocator when a text needs less than a quarter of it (and
/// it is above this size): one huge paste should not hold its memory for the whole session.
const KEEP_UP_TO: usize = 1 << 16;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// `inputBuffer(capacity)`: the address of at least `capacity` bytes where the host writes the
/// UTF-8 text of its next call, then passes the length written (`extension/src/engine.ts`).
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(capacity: u32) -> *mut u8 {
    INPUT.with_borrow_mut(|buffer| {
        let capacity = capacity as usize;
        if buffer.len() < capacity || buffer.len() > capacity.saturating_mul(4).max(KEEP_UP_TO) {
            *buffer = vec![0; capacity];
        }
        buffer.as_mut_ptr()
    })
}

/// `inputMemory()`: the memory [`input_buffer`] points into (a new one after a reset).
#[wasm_bindgen(js_name = inputMemory)]
pub fn input_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The first `len` bytes of the input buffer as text (clamped to the buffer; invalid UTF-8,
/// which `encodeInto` never writes, is replaced rather than trusted).
pub(super) fn text(len: u32) -> String {
    INPUT.with_borrow(|buffer| {
        let bytes = buffer.get(..len as usize).unwrap_or(buffer);
        // `from_utf8` reads a word at a time; the lossy reader went byte by byte (2.6% of a check).
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        }
    })
}
