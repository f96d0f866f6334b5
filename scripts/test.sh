#!/usr/bin/env bash
# Runs every test: Rust format, lints and tests; the TypeScript type check; the build; the Node
# tests against the built WASM core; the language server in Neovim; the pre-commit hooks;
# the end-to-end test in code-server. Installs what is missing.
# Usage: bash scripts/test.sh   (CI runs it through .ci/run with CI=true)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
START=$SECONDS

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --all-targets -- -D warnings
ensure_wasm_target
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings # the WASM facade

step "cargo test"
cargo test

step "cargo package (what cargo install and crates.io get)"
cargo package -p devcontainer-doctor --allow-dirty --no-verify

step "language server in Neovim (test/nvim)"
bash test/nvim/run.sh

step "pre-commit hooks (test/pre-commit)"
bash test/pre-commit/run.sh

step "diagnostics per code over the real corpus (read them: each warning must be one its author wants)"
cargo test -q --test corpus -- --nocapture
cargo test -q --test corpus_folders -- --nocapture # with their Dockerfiles and Compose files

step "build (WASM core, bundles, .vsix)"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm
npm run build

step "TypeScript type check"
npm run typecheck

step "TypeScript format check (npm run format fixes it)"
npm run format:check

step "node tests (dist/core through node:test)"
npm test

step "end-to-end test in code-server"
# The fonts only make CJK and emoji readable in the screenshots.
ensure_apt chromium ripgrep libkrb5-dev fonts-wqy-zenhei fonts-noto-color-emoji
bash scripts/install-code-server.sh
npm run test:e2e

step "all tests passed in $((SECONDS - START)) s"
