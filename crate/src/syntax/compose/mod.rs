//! Compose files (`compose.yaml`, `docker-compose.yml`): the services and the attributes the
//! rules read, each value with its byte range and file, several files merged as
//! `docker compose -f a -f b` merges them, and `${VAR:-default}` interpolation with a given
//! environment. YAML is read by our own reader (`yaml/`: no recursion, linear in the text),
//! into a tree that bounds depth and alias expansion. [`parse`] never panics and returns a partial result with errors.

mod interp;
mod merge;
mod model;
mod read;
pub mod yaml;

pub use interp::{Interpolated, interpolate};
pub use merge::{merge, volume_target};
pub use model::{
    Build, Command, CommandForm, ComposeFile, Entry, EnvVar, MergedCompose, Origin, Service, Str,
};
pub use yaml::{MAX_ALIAS_EXPANSION, MAX_DEPTH};

use std::collections::HashMap;

/// Reads one Compose file; `${VAR:-default}` takes its default, `${VAR}` is kept as written.
pub fn parse(text: &str) -> ComposeFile {
    parse_with_env(text, &HashMap::new())
}

/// Reads one Compose file, interpolating with `env` (the variables Compose would see).
pub fn parse_with_env(text: &str, env: &HashMap<String, String>) -> ComposeFile {
    guarded(|| {
        let tree = yaml::load(text);
        read::read(text, &tree, env)
    })
}

/// The YAML reader is written not to panic (no indexing, no unwrap, tested on random text), but
/// a native host should not die if it does: the panic becomes an error. WASM aborts on panic
/// whatever we do.
fn guarded(f: impl FnOnce() -> ComposeFile) -> ComposeFile {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| ComposeFile {
            errors: vec![crate::syntax::SyntaxError {
                code: "compose-yaml-syntax",
                message: "The YAML reader failed on this file; it was not read.".into(),
                range: crate::text::TextRange::empty(0),
                replacement: None,
            }],
            ..ComposeFile::default()
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        f()
    }
}
