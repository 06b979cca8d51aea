# Two builds of the same input give byte-identical output, whatever the number of threads.
# Both are built afresh (--no-cache): from the cache the second would only repeat the first's
# files. That a cached build matches a fresh one is build_cache.sh's to show.
source "$(dirname "$0")/lib.sh"

for site in "$ROOT" "$ROOT/tests/fixtures/valid-minimal"; do
  name="$(basename "$site")"
  "$BOARDPACK" build --source "$site" --out "$WORK/$name-a" --jobs 1 --no-cache >/dev/null
  "$BOARDPACK" build --source "$site" --out "$WORK/$name-b" --jobs 4 --no-cache >/dev/null
  check "$name: both builds succeeded" test -f "$WORK/$name-b/index.html"
  if diff -r "$WORK/$name-a" "$WORK/$name-b" >&2; then pass; else fail "$name: builds differ"; fi
  "$BOARDPACK" build --source "$site" --out "$WORK/$name-m1" --audience members --jobs 1 --no-cache >/dev/null
  "$BOARDPACK" build --source "$site" --out "$WORK/$name-m2" --audience members --jobs 4 --no-cache >/dev/null
  if diff -r "$WORK/$name-m1" "$WORK/$name-m2" >&2; then pass; else fail "$name: members' builds differ"; fi
done
SOURCE_DATE_EPOCH=1700000000 "$BOARDPACK" build --source "$ROOT" --out "$WORK/other-epoch" >/dev/null
check "SOURCE_DATE_EPOCH changes only what it should (the build still succeeds)" test -f "$WORK/other-epoch/index.html"
finish
