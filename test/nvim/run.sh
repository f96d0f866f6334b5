#!/usr/bin/env bash
# The Neovim end-to-end test of `devcontainer-doctor lsp`: installs Neovim from the distribution
# when missing, builds the binary, and runs lsp_e2e.lua headless. Exits non-zero on failure.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$ROOT"
command -v nvim >/dev/null || ensure_apt neovim
cargo build -q --bin devcontainer-doctor
DD_SERVER="$ROOT/target/debug/devcontainer-doctor"
DD_DIR="$(mktemp -d)"
trap 'rm -rf "$DD_DIR"' EXIT
export DD_SERVER DD_DIR
nvim --version | head -1
# The server's log (stderr) goes to a file shown on failure; -u NONE: no user config.
LOG="$DD_DIR/nvim.log"
if ! timeout 60 nvim --headless -u NONE -i NONE -n +"luafile test/nvim/lsp_e2e.lua" >"$LOG" 2>&1; then
  cat "$LOG"
  echo "the Neovim LSP test failed" >&2
  exit 1
fi
cat "$LOG"
