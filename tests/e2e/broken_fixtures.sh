# Each deliberately broken fixture must fail `check` and `build` with exactly the located
# messages in its expected-errors.txt, exit 1, and leave no output folder behind. Hostile
# inputs (alias bombs, cycles) must fail within the time limit, not hang or crash.
LIMIT=60
source "$(dirname "$0")/lib.sh"

for expected in "$ROOT"/tests/fixtures/*/expected-errors.txt; do
  name="$(basename "$(dirname "$expected")")"
  site="$(fixture "$name")"
  actual="$WORK/$name.check.txt"
  (cd "$site" && timeout "$LIMIT" "$BOARDPACK" check) 2>"$actual" >/dev/null
  status=$?
  check "$name: check exits 1 (got $status)" test "$status" -eq 1
  if diff -u "$expected" "$actual" >&2; then pass; else fail "$name: check messages differ"; fi
  (cd "$site" && timeout "$LIMIT" "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/$name.build.txt"
  status=$?
  check "$name: build exits 1 (got $status)" test "$status" -eq 1
  check "$name: build leaves no output folder" test ! -e "$site/out"
  check "$name: build leaves no staging folder" bash -c "! ls -a '$site' | grep -q staging"
  check "$name: build reports what check reports" grep -qF "$(grep -m1 error: "$expected")" "$WORK/$name.build.txt"
done
finish
