#!/usr/bin/env bash
# Builds the example site (public and members' editions) and validates every page with
# html-validate (npm, installed by `npm ci` in the repo root).
# Usage: bash site_html_valid.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
validator="$root/node_modules/.bin/html-validate"
if [ ! -x "$validator" ]; then
    echo "FAIL: $validator is missing; run 'npm ci' in $root"
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/.htmlvalidaterc.json" <<'JSON'
{
  "extends": ["html-validate:recommended"],
  "rules": {
    "no-inline-style": "off",
    "no-trailing-whitespace": "off",
    "long-title": "off",
    "no-redundant-role": "off",
    "valid-id": ["error", { "relaxed": true }],
    "prefer-native-element": ["error", { "exclude": ["region"] }]
  }
}
JSON

checks=0
failed=0
for audience in public members; do
    out="$work/$audience"
    if ! (cd "$work" && "$bin" build --source "$root" --out "$out" --audience "$audience" >"$work/build-$audience.log" 2>&1); then
        cat "$work/build-$audience.log"
        echo "FAIL: boardpack build --audience $audience failed"
        exit 1
    fi
    mapfile -t pages < <(cd "$out" && find . -name '*.html' | sort)
    checks=$((checks + ${#pages[@]}))
    if ! (cd "$out" && "$validator" --config "$work/.htmlvalidaterc.json" "${pages[@]}"); then
        echo "FAIL: html-validate found problems in the $audience edition"
        failed=1
    fi
done
echo "$checks pages validated, $([ $failed = 0 ] && echo 0 || echo some) failed"
exit $failed
