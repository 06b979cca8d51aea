# The preview watches before its first build starts, so a paper saved during that build is
# picked up; an edited paper's pages are shown before its pack is laid out; a data change lays
# out only its own board's packs, the other board's coming from the build cache.
source "$(dirname "$0")/lib.sh"

site="$WORK/example"
mkdir -p "$site"
cp -r "$ROOT/site.yaml" "$ROOT/content" "$ROOT/assets" "$site/"
cp -r "$site/content/csp" "$site/content/second"
sed -i 's/^name: .*/name: Second Partnership Board/' "$site/content/second/board.yaml"
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
log="$WORK/serve.log"
"$BOARDPACK" serve --source "$site" --port "$port" --cache "$WORK/cache" --stop-after 240 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for() { # seconds, condition-command...
  local seconds="$1"; shift
  for _ in $(seq 1 $((seconds * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}
served() { curl -sf "$url/$1" | grep -q "$2"; }

check "the preview says it watches before building" wait_for 20 grep -q "^Watching " "$log"
paper="$site/content/csp/2017-12-12/08-chairs-report.md"
printf '\nA sentence saved while the first build ran.\n' >>"$paper"
check "the edit was saved while the first build ran" bash -c "! grep -q '^Rebuilt' '$log'"
check "the preview comes up" wait_for 120 curl -sf "$url/__boardpack/status"
check "a paper saved during the first build is picked up" \
  wait_for 120 served csp/2017-12-12/8-chairs-report.html "saved while the first build ran"
# Whether the first build read the paper before or after the save, the save must not be lost:
# it starts a second build.
check "a save during the first build starts another build" \
  wait_for 120 bash -c "test \$(grep -c '^Rebuilt' '$log') -ge 2"

paper="$site/content/second/2017-09-12/10-chairs-report.md"
printf '\nA sentence that should be shown at once.\n' >>"$paper"
check "an edited paper's pages are shown before its pack is laid out" \
  wait_for 60 grep -q "^Showed the pages of second/2017-09-12 in [0-9]* ms" "$log"
check "the edited paper's page is served" \
  wait_for 60 served second/2017-09-12/10-chairs-report.html "shown at once"
check "its pack follows" wait_for 120 bash -c "grep -A1 '^Showed the pages of second/2017-09-12' '$log' | grep -q 'packs laid out: 1, unchanged: 7'"
grep "^Showed the pages" "$log" | tail -1 | sed 's/^/  /'

rebuilds="$(grep -c '^Rebuilt' "$log")"
shown="$(grep -c '^Showed the pages' "$log")"
sed -i 's/^2017-05,.*/2017-05,23/' "$site/content/second/indicators/arson.csv"
check "a data change rebuilds" wait_for 120 bash -c "test \$(grep -c '^Rebuilt' '$log') -gt $rebuilds"
check "a data change lays out only its own board's packs" bash -c "grep '^Rebuilt' '$log' | tail -1 | grep -q 'packs laid out: 4, unchanged: 4'"
check "a data change shows no page ahead of the build" test "$(grep -c '^Showed the pages' "$log")" = "$shown"

# A folder made while the preview runs is watched from then on; other saves do not look for
# new folders.
rebuilds="$(grep -c '^Rebuilt' "$log")"
mkdir "$site/assets/added"
check "a folder made while serving starts a build" \
  wait_for 120 bash -c "test \$(grep -c '^Rebuilt' '$log') -gt $rebuilds"
rebuilds="$(grep -c '^Rebuilt' "$log")"
printf 'a note\n' >"$site/assets/added/note.txt"
check "a file saved in the new folder starts a build" \
  wait_for 120 bash -c "test \$(grep -c '^Rebuilt' '$log') -gt $rebuilds"
kill $server 2>/dev/null
wait $server 2>/dev/null
[ "$FAILED" -eq 0 ] || sed "s/^/  log: /" "$log" >&2

# A site whose cache beside site.yaml is already there (any preview after the first; here the
# members' build filled it, so the preview's public build adds to it): the build writes into it,
# and the preview must not take those writes for edits and build again.
again="$(fixture valid-minimal)"
"$BOARDPACK" build --source "$again" --out "$WORK/again-out" --audience members >/dev/null 2>&1 ||
  fail "the fixture builds"
check "the fixture's cache is beside its site.yaml" test -d "$again/.boardpack-cache"
port=$((20000 + RANDOM % 20000))
again_log="$WORK/serve-again.log"
"$BOARDPACK" serve --source "$again" --port "$port" --stop-after 60 >"$again_log" 2>&1 &
server=$!
check "the preview of a cached site comes up" \
  wait_for 60 curl -sf "http://127.0.0.1:$port/__boardpack/status"
sleep 3
check "writing its own cache does not make the preview build again" \
  test "$(grep -c '^Rebuilt' "$again_log")" = 1
kill $server 2>/dev/null
wait $server 2>/dev/null
[ "$FAILED" -eq 0 ] || sed "s/^/  log: /" "$again_log" >&2
finish
