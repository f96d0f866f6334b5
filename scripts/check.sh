#!/usr/bin/env bash
# The fast loop, to run before every commit: Rust format and lints, the unit and fixture tests,
# the TypeScript type check and format check, the Node tests against the built core. Under two
# minutes once built; prints the time of each step. The full suite (corpus, property tests,
# WASM build, end-to-end) is scripts/test.sh.
# Usage: bash scripts/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
START=$SECONDS
TIMES=()

timed() {
  local name="$1" t0=$SECONDS
  shift
  step "$name"
  CURRENT="$name"
  "$@"
  TIMES+=("$(printf '%4d s  %s' $((SECONDS - t0)) "$name")")
  CURRENT=""
}

# The times so far, also when a step fails (set -e stops the script there).
summary() {
  local status=$?
  printf '\n'
  [ "${#TIMES[@]}" -gt 0 ] && printf '%s\n' "${TIMES[@]}"
  if [ "$status" -ne 0 ]; then
    printf 'FAILED in %s after %d s\n' "${CURRENT:-the script}" $((SECONDS - START))
  else
    printf 'fast loop passed in %d s\n' $((SECONDS - START))
  fi
}
CURRENT=""
trap summary EXIT

timed "cargo fmt --check" cargo fmt --all -- --check
timed "cargo clippy" cargo clippy --all-targets -- -D warnings

# Unit tests and the golden-file tests (snapshots, docs/rules.md); the repository rules too.
tests=(--lib --test rule_fixtures --test ide_fixtures --test rules_doc)
for t in tidy rules_declared; do
  [ -f "crate/tests/$t.rs" ] && tests+=(--test "$t")
done
timed "cargo test (unit, fixtures, snapshots)" cargo test -q "${tests[@]}"

ensure_npm
timed "TypeScript type check" npm run -s typecheck
timed "TypeScript format check" npm run -s format:check

# The Node tests load the built core (dist/core, dist/engine.mjs); building it takes minutes,
# so the fast loop only says when it is missing or older than the Rust and TS sources.
if [ -f dist/core/devcontainer_doctor_bg.wasm ] && [ -f dist/engine.mjs ]; then
  newer="$(find crate/src extension/src -newer dist/engine.mjs -type f | head -1)"
  if [ -n "$newer" ]; then
    step "note: $newer is newer than the built core; rebuild with: npm run build"
  fi
  timed "node tests" npm test --silent
else
  step "node tests skipped: dist/ is not built (once: npm run build)"
fi

