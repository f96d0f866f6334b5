//! What Docker reads, as plain values: image references, port specs (`-p`, `forwardPorts`),
//! and mount specs (`--mount`). No rule and no diagnostic lives here: rules ask these models.

pub mod image;
pub mod mount;
pub mod port;
