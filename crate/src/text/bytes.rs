//! Byte searches that read eight bytes at a time, for the loops that see every byte of a file
//! on every keystroke (the strings of a devcontainer.json are most of its bytes). A plain
//! `position` costs about five instructions a byte there.
//!
//! Each test below flags, in one `u64`, the bytes of a word that match. Above a matching byte
//! a borrow can flag bytes that do not, but never below one, so the lowest flag is exact.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `word` that are zero.
fn zeros(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// The bytes of `word` equal to `byte`.
fn equal(word: u64, byte: u8) -> u64 {
    zeros(word ^ (ONES * u64::from(byte)))
}

/// The bytes of `word` below `limit` (at most 0x80).
fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS
}

/// The first position where `flags` finds a byte: `flags` gets each word, `exact` the tail.
fn first(bytes: &[u8], flags: impl Fn(u64) -> u64, exact: impl Fn(u8) -> bool) -> Option<usize> {
    // Arrays, not slices copied into one: in WASM `copy_from_slice` stayed a call per word.
    let (words, rest) = bytes.as_chunks::<8>();
    let mut at = 0;
    for word in words {
        let found = flags(u64::from_le_bytes(*word));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    rest.iter().position(|&b| exact(b)).map(|p| at + p)
}

/// Where a JSON string's plain run ends: the first `"`, `\` or control character.
pub fn string_stop(bytes: &[u8]) -> Option<usize> {
    first(
        bytes,
        |w| equal(w, b'"') | equal(w, b'\\') | below(w, 0x20),
        |b| b == b'"' || b == b'\\' || b < 0x20,
    )
}

/// The first `\n` or `\r` in `bytes`: where a line comment ends.
pub fn line_end(bytes: &[u8]) -> Option<usize> {
    first(
        bytes,
        |w| equal(w, b'\n') | equal(w, b'\r'),
        |b| b == b'\n' || b == b'\r',
    )
}

/// The first `byte` in `bytes`.
pub fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    first(bytes, |w| equal(w, byte), |b| b == byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_stop(bytes: &[u8]) -> Option<usize> {
        bytes
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
    }

    #[test]
    fn every_stop_byte_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for stop in [b'"', b'\\', 0, b'\n', 0x1f] {
                    // Bytes just around the stop ones (0x20, 0x21, 0x23, 0x5b, 0x5d, 0x80+).
                    for filler in [b'a', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x80, 0xff] {
                        let mut bytes = vec![filler; len];
                        bytes[at] = stop;
                        assert_eq!(string_stop(&bytes), Some(at), "{bytes:?}");
                        assert_eq!(find_byte(&bytes, stop), Some(at), "{bytes:?}");
                        let line_end_wanted = (stop == b'\n').then_some(at);
                        assert_eq!(line_end(&bytes), line_end_wanted, "{bytes:?}");
                        bytes[at] = b'\r';
                        assert_eq!(line_end(&bytes), Some(at), "{bytes:?}");
                    }
                }
            }
            assert_eq!(string_stop(&vec![b'x'; len]), None);
            assert_eq!(find_byte(&vec![b'x'; len], b'$'), None);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_position(bytes in proptest::collection::vec(any::<u8>(), 0..80), byte in any::<u8>()) {
            prop_assert_eq!(string_stop(&bytes), naive_stop(&bytes));
            prop_assert_eq!(find_byte(&bytes, byte), bytes.iter().position(|&b| b == byte));
            prop_assert_eq!(line_end(&bytes), bytes.iter().position(|&b| b == b'\n' || b == b'\r'));
        }
    }
}
