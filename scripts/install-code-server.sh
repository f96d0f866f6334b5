#!/usr/bin/env bash
# Installs the pinned code-server (a real VS Code, web-served) into .cache/code-server for the e2e
# tests, offline but for the npm registry and Debian. Reused when already there.
# Steps that need care here: root needs unsafe-perm; @vscode/ripgrep would download a binary, so
# Debian's rg is put in its place first; argon2 and node-pty build from source.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100; newer releases need Node 22+
DIR="$ROOT/.cache/code-server"
BIN="$DIR/node_modules/code-server/out/node/entry.js"
STAMP="$DIR/installed-$CODE_SERVER_VERSION"

if [ -f "$STAMP" ] && [ -f "$BIN" ]; then
  exit 0
fi
ensure_apt ripgrep libkrb5-dev build-essential python3

step "installing code-server $CODE_SERVER_VERSION into .cache/code-server (a few minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false
echo '{ "name": "code-server-cache", "private": true }' > package.json
npm install --ignore-scripts "code-server@$CODE_SERVER_VERSION"
CS="$DIR/node_modules/code-server"
# argon2 is hoisted next to code-server; its prebuilt download fails, so it builds from source.
npm rebuild argon2 --foreground-scripts
node "$BIN" --version >/dev/null # fails here, not in the test, when a native module is missing
VS="$CS/lib/vscode"
(cd "$VS" && npm install --omit=dev --ignore-scripts)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && npm rebuild --foreground-scripts)
# What code-server's own postinstall would have made.
ln -sfn node_modules "$VS/node_modules.asar"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
(cd "$VS/extensions" && npm install --omit=dev)
touch "$STAMP"
step "code-server $CODE_SERVER_VERSION ready"
