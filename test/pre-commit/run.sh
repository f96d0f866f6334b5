#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit (installed from PyPI when missing):
# `pre-commit try-repo` with this repository runs each hook in a scratch git repository, on a
# broken devcontainer.json (must fail) and on a clean one (must pass).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$ROOT"
if ! command -v pre-commit >/dev/null; then
  step "pip install pre-commit"
  python3 -m pip install --quiet --user pre-commit
  export PATH="$HOME/.local/bin:$PATH"
fi
pre-commit --version
# The hook's build reuses this checkout's target folder, so only the first run compiles.
export CARGO_TARGET_DIR="$ROOT/target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
repo="$work/repo"
git init -q "$repo"
mkdir -p "$repo/.devcontainer"

failures=0
# expect <hook> <want exit code> <text the output must hold>
expect() {
  local hook="$1" want="$2" needle="$3" code=0
  (cd "$repo" && git add -A && pre-commit try-repo "$ROOT" "$hook" --all-files) >"$work/out" 2>&1 || code=$?
  if [ "$code" = "$want" ] && grep -q -- "$needle" "$work/out"; then
    echo "ok: $hook exits $code ($needle)"
  else
    echo "FAIL: $hook exited $code (wanted $want, and '$needle' in the output):"
    cat "$work/out"
    failures=$((failures + 1))
  fi
}

printf '{\n  "image": "debian",\n  "mounts": [{ "source": "cache", "type": "volume" }]\n}\n' >"$repo/.devcontainer/devcontainer.json"
expect devcontainer-doctor 1 "mount-missing-property"
printf '{\n  "image": "mcr.microsoft.com/devcontainers/go:1",\n  "forwardPorts": [8080]\n}\n' >"$repo/.devcontainer/devcontainer.json"
expect devcontainer-doctor 0 "Passed"
# The system hook runs the binary the first hook built.
export PATH="$CARGO_TARGET_DIR/release:$PATH"
printf '{\n  "image": "debian",\n  "mounts": [{ "source": "cache", "type": "volume" }]\n}\n' >"$repo/.devcontainer.json"
expect devcontainer-doctor-system 1 "mount-missing-property"
rm "$repo/.devcontainer.json"
expect devcontainer-doctor-system 0 "Passed"

[ "$failures" = 0 ] || { echo "$failures pre-commit check(s) failed" >&2; exit 1; }
