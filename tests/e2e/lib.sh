# Shared helpers for the whole-site tests. Each script is run as: bash script BINARY REPO_ROOT
set -uo pipefail
BOARDPACK="$1"
ROOT="$2"
PASSED=0
FAILED=0
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*" >&2; }
check() { # check "description" command...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then pass; else fail "$what"; fi
}
finish() {
  echo "$(basename "$0" .sh): $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
# Copies a fixture into the work folder so builds never write into the source tree.
fixture() {
  cp -r "$ROOT/tests/fixtures/$1" "$WORK/$1"
  echo "$WORK/$1"
}
pdf_text() { pdftotext -layout "$1" - 2>/dev/null; }
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
