#!/usr/bin/env bash
# Builds the example site's public and members' editions and checks them in headless Chromium
# (site_browser.js): every page at 320, 390 and 1280 px for sideways scrolling, axe-core and
# chart text size; search from file:// and over HTTP; the 404 page at a deep address.
# Needs the Debian package `chromium` and the npm tools (axe-core, puppeteer-core).
# Usage: bash site_browser.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
for need in "$root/node_modules/axe-core/axe.min.js" "$root/node_modules/puppeteer-core" "$chromium_bin"; do
    if [ ! -e "$need" ]; then
        echo "FAIL: $need is missing (apt-get install chromium; npm ci in $root)"
        echo "site_browser: 0 passed, 1 failed"
        exit 1
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for audience in public members; do
    (cd "$work" && "$bin" build --source "$root" --out "$work/$audience" --audience "$audience" >"$work/build.log" 2>&1) || {
        cat "$work/build.log"
        echo "FAIL: boardpack build failed ($audience)"
        echo "site_browser: 0 passed, 1 failed"
        exit 1
    }
    node "$(dirname "$0")/site_browser.js" "$root" "$work/$audience" "$audience" "$chromium_bin" "$work/profile-$audience" || status=1
done
exit $status
