# `build --out` never replaces a folder that holds the user's files: the site itself, a folder
# that holds the site, a folder the build reads, or any existing folder without the marker a
# previous build wrote. Each refusal exits 2 and deletes nothing.
source "$(dirname "$0")/lib.sh"

site="$(fixture valid-minimal)"
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum; }
before="$(digest "$site")"

refused() { # description, --out value, run from folder
  local what="$1" out="$2" from="${3:-$site}"
  (cd "$from" && "$BOARDPACK" build --source "$site" --out "$out") >/dev/null 2>"$WORK/refused.txt"
  local status=$?
  check "$what: exit 2 (got $status)" test "$status" -eq 2
  check "$what: says why" grep -q "error: --out" "$WORK/refused.txt"
  check "$what: the site is untouched" test "$(digest "$site")" = "$before"
}

refused "--out the site folder" "$site"
refused "--out . inside the site" "."
refused "--out the site by another spelling" "$site/content/.."
refused "--out content" "content"
refused "--out a meeting folder" "content/board/2024-05-14"
refused "--out the folder holding the site" "$(dirname "$site")"
refused "--out the root" "/"
ln -s "$site" "$WORK/site-link"
refused "--out a symlink to the site" "$WORK/site-link"
mkdir -p "$WORK/documents" && echo "keep me" >"$WORK/documents/notes.txt"
refused "--out a folder of other files" "$WORK/documents"
check "the other files are kept" grep -q "keep me" "$WORK/documents/notes.txt"
echo "a file" >"$WORK/plain-file"
refused "--out an existing file" "$WORK/plain-file"

(cd "$site" && "$BOARDPACK" build --out "$WORK/fresh") >/dev/null 2>&1
check "a new folder is accepted" test -f "$WORK/fresh/index.html"
check "the output carries the marker" test -f "$WORK/fresh/.boardpack-output"
(cd "$site" && "$BOARDPACK" build --out "$WORK/fresh") >/dev/null 2>&1
check "a previous output is replaced" test "$?" -eq 0
mkdir -p "$WORK/empty"
(cd "$site" && "$BOARDPACK" build --out "$WORK/empty") >/dev/null 2>&1
check "an empty folder is accepted" test -f "$WORK/empty/index.html"
(cd "$site" && "$BOARDPACK" build) >/dev/null 2>&1
check "the default public/ inside the site is accepted" test -f "$site/public/index.html"
finish
