# A build that cannot write every byte, to its output or to a temporary file, fails with exit 1
# and leaves the previous output as it was; builds killed with SIGKILL leave staging folders that
# the next build removes; an output folder whose parent cannot be created is a located error.
source "$(dirname "$0")/lib.sh"

site="$(fixture valid-minimal)"
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum; }

(cd "$site" && "$BOARDPACK" build --out "$WORK/out") >/dev/null 2>&1
check "the first build succeeds" test -f "$WORK/out/index.html"
before="$(digest "$WORK/out")"

# A file-size limit makes writes fail part-way, as a full disk does.
# --no-cache: with nothing changed, a cached build would have nothing to write.
(cd "$site" && trap '' XFSZ && ulimit -f 40 && "$BOARDPACK" build --no-cache --out "$WORK/out") \
  >/dev/null 2>"$WORK/full.txt"
status=$?
check "a failed write exits 1 (got $status)" test "$status" -eq 1
check "the failed write is reported" grep -q "error: .*cannot write" "$WORK/full.txt"
check "the previous output is intact" test "$(digest "$WORK/out")" = "$before"
check "no staging folder is left" bash -c "! ls -a '$WORK' | grep -q staging"

# The search index keeps its postings in temporary files in $TMPDIR until it is written.
(cd "$site" && TMPDIR="$WORK/no-such-folder" "$BOARDPACK" build --no-cache --out "$WORK/out") \
  >/dev/null 2>"$WORK/tmpdir.txt"
status=$?
check "an unusable TMPDIR exits 1 (got $status)" test "$status" -eq 1
check "it names the folder and says what to do" \
  grep -q "error: .*temporary file for the search index in $WORK/no-such-folder.*TMPDIR" "$WORK/tmpdir.txt"
check "it says so once, not once a meeting" \
  test "$(grep -c "temporary file for the search index" "$WORK/tmpdir.txt")" = 1
check "the previous output is intact after it" test "$(digest "$WORK/out")" = "$before"

touch "$WORK/plain-file"
(cd "$site" && "$BOARDPACK" build --out "$WORK/plain-file/out") >/dev/null 2>"$WORK/parent.txt"
status=$?
check "an output under a file exits 1 (got $status)" test "$status" -eq 1
check "it says which folder" grep -q "plain-file/out.*error: cannot create" "$WORK/parent.txt"

# Kill builds at random moments, then build again: no staging folder may survive.
for delay in 0.05 0.2 0.4; do
  (cd "$site" && exec "$BOARDPACK" build --out "$WORK/out") >/dev/null 2>&1 &
  victim=$!
  sleep "$delay"
  kill -9 "$victim" 2>/dev/null
  wait "$victim" 2>/dev/null
  check "after kill -9 at ${delay}s the output is whole" test -f "$WORK/out/index.html"
done
mkdir -p "$WORK/.out.staging-999999999/leftover"
(cd "$site" && "$BOARDPACK" build --out "$WORK/out") >/dev/null 2>&1
check "the next build succeeds" test -f "$WORK/out/index.html"
check "stale staging folders are removed" bash -c "! ls -a '$WORK' | grep -q 'staging\|\.old-'"
check "the rebuilt output equals the first" test "$(digest "$WORK/out")" = "$before"
finish
