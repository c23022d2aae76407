#!/usr/bin/env bash
# Opens the timeline SVG in a real browser (headless Chromium), takes a screenshot and checks it:
# the size the SVG asks for, not blank, and the same picture as the PNG zeitstrahl renders
# itself (ink compared cell by cell). Installs Debian's chromium if it is missing.
#
#   scripts/browser-check.sh [out/timeline.svg]
#
# Exit 0 when the browser draws the picture, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

svg="${1:-out/timeline.svg}"
if [ ! -f "$svg" ]; then
    echo "browser-check: $svg does not exist (run: zeitstrahl build seeds --out out)" >&2
    exit 1
fi

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "browser-check: installing chromium" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
fi

# The size the SVG asks for, from its root element.
root="$(grep -m1 -o '<svg [^>]*>' "$svg")"
width="$(sed -n 's/.* width="\([0-9]*\)".*/\1/p' <<<"$root")"
height="$(sed -n 's/.* height="\([0-9]*\)".*/\1/p' <<<"$root")"
if [ -z "$width" ] || [ -z "$height" ]; then
    echo "browser-check: $svg has no width/height on its root element" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shot="$work/screenshot.png"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$width,$height" --screenshot="$shot" \
    "file://$(realpath "$svg")" >"$work/chromium.log" 2>&1 || {
    cat "$work/chromium.log" >&2
    echo "browser-check: chromium failed" >&2
    exit 1
}
if [ ! -s "$shot" ]; then
    cat "$work/chromium.log" >&2
    echo "browser-check: chromium wrote no screenshot" >&2
    exit 1
fi

# The checks themselves are a test of the suite that reads the screenshot and the SVG.
ZEITSTRAHL_SCREENSHOT="$shot" ZEITSTRAHL_SVG="$(realpath "$svg")" \
    cargo test --release --quiet --test suite -- --ignored --exact \
    render::browser_screenshot_matches_the_svg --nocapture
echo "browser-check: $svg renders in $("$browser" --version 2>/dev/null | head -1) at ${width}x${height}"
