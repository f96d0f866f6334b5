//! A flat result ([`api::flat::Flat`]) handed to the host in this instance's memory: the call
//! returns the address of four numbers (where the numbers start and how many, where the UTF-8
//! of the strings starts and its length), and the host reads both right away, before its next
//! call (`extension/src/engine.ts`). Building a `Uint32Array`, a JS string and the pair array
//! through wasm-bindgen's imports was about 8% of a check, measured with Node's profiler.

use crate::api;
use std::cell::RefCell;

#[derive(Default)]
struct Output {
    flat: api::flat::Flat,
    /// Where `flat`'s numbers and strings lie, as the host reads them.
    header: [u32; 4],
}

thread_local! {
    static OUTPUT: RefCell<Output> = RefCell::new(Output::default());
}

/// Keeps `flat` until the next result and returns the address of its header.
pub(super) fn flat(flat: api::flat::Flat) -> *const u32 {
    OUTPUT.with_borrow_mut(|output| {
        output.flat = flat;
        let Output { flat, header } = output;
        // Addresses and lengths fit in u32: wasm32 memory is at most 4 GiB.
        *header = [
            flat.numbers.as_ptr() as usize as u32,
            flat.numbers.len() as u32,
            flat.strings.as_ptr() as usize as u32,
            flat.strings.len() as u32,
        ];
        header.as_ptr()
    })
}
