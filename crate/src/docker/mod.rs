//! What Docker reads, as plain values: image references, port specs (`-p`, `forwardPorts`),
//! and mount specs (`--mount`). No rule and no diagnostic lives here: rules ask these models.
//!
//! - [`image`]: a reference in its parts; [`image_kind`]: the language an image pins and the
//!   OS its tag names; [`retired`]: the old `mcr.microsoft.com/vscode/devcontainers/*` images
//!   and the tags of the maintained ones (data in `generated/`, from `scripts/gen-images.py`).

mod generated;
pub mod image;
pub mod image_kind;
pub mod mount;
pub mod port;
pub mod retired;
