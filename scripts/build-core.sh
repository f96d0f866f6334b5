#!/usr/bin/env bash
# Builds the WASM core into dist/core/: cargo (wasm32) -> wasm-bindgen --target web -> wasm-opt -Oz.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm

cd "$ROOT"
step "building the WASM core"
# wasm32 aborts on a panic whatever the profile says (see src/wasm.rs), so unwinding tables
# and landing pads are dead weight there; the native CLI and LSP keep `panic = "unwind"`.
CARGO_PROFILE_RELEASE_PANIC=abort \
  cargo build --release --lib --target wasm32-unknown-unknown -p devcontainer-doctor
rm -rf dist/core
mkdir -p dist/core
# The reset function lets the TS wrapper replace the instance after a panic (an abort in wasm).
wasm-bindgen --target web --experimental-reset-state-function --out-dir dist/core \
  target/wasm32-unknown-unknown/release/devcontainer_doctor.wasm
# binaryen from npm: Debian's wasm-opt is too old for wasm-bindgen's output.
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/core/devcontainer_doctor_bg.wasm -o dist/core/devcontainer_doctor_bg.wasm
# Node reads the glue as the ES module it is.
echo '{ "type": "module" }' > dist/core/package.json
ls -l dist/core
