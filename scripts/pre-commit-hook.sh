#!/usr/bin/env bash
# The entry of the `devcontainer-doctor` pre-commit hook: builds the checker from this
# repository (pre-commit's clone of it; cargo rebuilds only when needed) and checks the files
# pre-commit passes. Exit status is check's: 1 on errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$here/target}"
cargo build --quiet --release --manifest-path "$here/Cargo.toml" --bin devcontainer-doctor >&2
exec "$target/release/devcontainer-doctor" check "$@"
