#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of the engine: builds the targets in fuzz/ and
# runs each for the given time, one after another, with one job each (a shared machine stays
# usable). Seeds come from crate/tests/fixtures and, when present, ../shared/corpus. Crashes,
# timeouts and slow inputs land in fuzz/artifacts/<target>/; the grown corpus in fuzz/corpus/.
# Usage: bash scripts/fuzz.sh [seconds per target, default 600] [target...]
#   targets: analyze ide fixes parsers (all when none is named)
#   FUZZ_SANITIZER=address to build with ASan (default none: the crate has no unsafe code,
#   and without ASan a run covers about twice the inputs).
# Stable Rust works: RUSTC_BOOTSTRAP=1 lets it take the -Z flags cargo-fuzz passes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

SECONDS_PER_TARGET="${1:-600}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(analyze ide fixes parsers)
SANITIZER="${FUZZ_SANITIZER:-none}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

SEEDS="$ROOT/fuzz/seeds"
rm -rf "$SEEDS"
mkdir -p "$SEEDS/json" "$SEEDS/project" "$SEEDS/files"

# devcontainer.json texts: the fixtures and the real corpus.
find crate/tests/fixtures ../shared/corpus/real -type f \( -name '*.json' -o -name '*.jsonc' \) \
  2>/dev/null | while read -r f; do
  cp "$f" "$SEEDS/json/$(echo "$f" | md5sum | cut -c1-16)"
done
# Folders as one input: devcontainer.json, 0xFF, a Dockerfile, 0xFF, a Compose file (the split
# the analyze and ide targets read). Dockerfiles and Compose files alone seed the parsers.
find crate/tests/fixtures ../shared/corpus/folders -type f -path '*.devcontainer/*devcontainer.json' \
  2>/dev/null | while read -r main; do
  dir="$(dirname "$main")"
  dockerfile="$(find "$dir/.." -maxdepth 2 -type f -name '*Dockerfile*' | head -1)"
  compose="$(find "$dir/.." -maxdepth 2 -type f \( -name '*.yml' -o -name '*.yaml' \) | head -1)"
  {
    cat "$main"
    printf '\377'
    [ -n "$dockerfile" ] && cat "$dockerfile"
    printf '\377'
    [ -n "$compose" ] && cat "$compose"
  } > "$SEEDS/project/$(echo "$main" | md5sum | cut -c1-16)"
done
find crate/tests/fixtures ../shared/corpus/folders -type f \
  \( -name '*Dockerfile*' -o -name '*.yml' -o -name '*.yaml' \) 2>/dev/null | while read -r f; do
  cp "$f" "$SEEDS/files/$(echo "$f" | md5sum | cut -c1-16)"
done

step "building the fuzz targets (sanitizer: $SANITIZER)"
cargo fuzz build -O -a -s "$SANITIZER"

for target in "${TARGETS[@]}"; do
  case "$target" in
    analyze | ide) seeds=("$SEEDS/json" "$SEEDS/project") ;;
    fixes) seeds=("$SEEDS/json") ;;
    parsers) seeds=("$SEEDS/files") ;;
    *) echo "unknown target: $target" >&2; exit 2 ;;
  esac
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  step "fuzzing $target for ${SECONDS_PER_TARGET}s"
  # -timeout: an input taking 5 s is a finding (a quadratic path), not a slow machine.
  cargo fuzz run -O -a -s "$SANITIZER" "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_PER_TARGET" -jobs=1 -workers=1 -max_len=16384 -timeout=5 \
    -rss_limit_mb=2048 -print_final_stats=1 || echo "$target: stopped with a finding"
  # With -jobs, libFuzzer writes the run's output to fuzz-<job>.log in the current folder.
  if [ -f fuzz-0.log ]; then
    grep -E '^(#[0-9]+.*DONE|stat::|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' fuzz-0.log \
      | tail -20 || true
    mv fuzz-0.log "fuzz/artifacts/$target/last-run.log"
  fi
  ls "fuzz/artifacts/$target"
done
