//! `saphyr-parser` reports a position as a character index (its `Marker::index` is documented
//! as "the index (in characters)"), and our ranges are UTF-8 byte offsets. An all-ASCII text
//! needs no table; any other text gets one byte offset per character, built once in linear time.

/// Character index to byte offset, for texts that are not all ASCII.
pub(super) struct Offsets {
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl Offsets {
    pub fn new(text: &str) -> Self {
        let bytes = (!text.is_ascii()).then(|| {
            let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            v.push(text.len());
            v
        });
        Offsets {
            bytes,
            len: text.len(),
        }
    }

    pub fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            None => char_index.min(self.len),
            Some(v) => v.get(char_index).map_or(self.len, |b| *b),
        }
    }
}
