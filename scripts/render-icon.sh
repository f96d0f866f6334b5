#!/usr/bin/env bash
# Renders media/icon.svg (the source) to media/icon.png (256x256, shipped) with headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_apt chromium
page="$(mktemp --suffix=.html)"
trap 'rm -f "$page"' EXIT
echo "<html><body style=\"margin:0\"><img src=\"file://$ROOT/media/icon.svg\" width=\"256\" height=\"256\"></body></html>" > "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=256,256 --screenshot="$ROOT/media/icon.png" "file://$page" 2>/dev/null
ls -l "$ROOT/media/icon.png"
