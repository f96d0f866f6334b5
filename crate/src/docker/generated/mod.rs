//! Data written by `scripts/gen-images.py` (see its header for the command and the input).
//! Never edited by hand.

#[rustfmt::skip]
pub mod image_tags;
