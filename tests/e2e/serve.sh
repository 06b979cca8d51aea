# The preview server: serves the built site on 127.0.0.1, rebuilds on change, shows errors
# while keeping the last good site, and recovers when the error is fixed.
source "$(dirname "$0")/lib.sh"

site="$(fixture valid-minimal)"
port=$((20000 + RANDOM % 20000))
"$BOARDPACK" serve --source "$site" --port "$port" --stop-after 60 >"$WORK/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$url/__boardpack/status" >/dev/null && break; sleep 0.1; done

status() { curl -sf "$url/__boardpack/status"; }
version() { status | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'; }
wait_for() { # condition-command, up to 30 s (a sanitized build is slow)
  for _ in $(seq 1 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}

check "the home page is served" bash -c "curl -sf '$url/' | grep -q '<html'"
check "served pages carry the reload script" bash -c "curl -sf '$url/' | grep -q '__boardpack/status'"
check "a missing page gives 404" bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' '$url/no-such-page.html')\" = 404"
check "paths cannot climb out of the site" bash -c "curl -s -o /dev/null -w '%{http_code}' --path-as-is '$url/../../etc/passwd' | grep -qx '403\|404'"
# The fixture's base_url is https://intranet.fenwick.example/papers/: the preview serves the
# site under /papers/ too, so the 404 page's links (which start from that path) lead somewhere.
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "the home page is served under the base path" bash -c "curl -sf '$url/papers/' | grep -q '<h1'"
check "the base path without its slash is the home page" test "$(code "$url/papers")" = 200
check "a meeting page is served under the base path" test "$(code "$url/papers/board/2024-09-10/index.html")" = 200
check "a missing page under the base path gives 404" test "$(code "$url/papers/no-such-page.html")" = 404
check "a look-alike of the base path is not stripped" test "$(code "$url/papersboard/2024-09-10/index.html")" = 404
check "paths under the base path cannot climb out of the site" bash -c "curl -s -o /dev/null -w '%{http_code}' --path-as-is '$url/papers/../../etc/passwd' | grep -qx '403\|404'"
check "a foreign Host is refused under the base path" test "$(code -H 'Host: evil.example' "$url/papers/")" = 403
links="$(curl -s "$url/no-such-page.html" | grep -o 'href="/papers/[^"]*"' | sed 's/^href="//; s/"$//' | sort -u)"
check "the 404 page links from the base path" test -n "$links"
for link in $links; do
  check "the 404 page's link $link is served" test "$(code "$url$link")" = 200
done
first_version="$(version)"

paper="$site/content/board/2024-05-14/02-plan-update.md"
sed -i 's/^date: 2024-05-02/date: 2024-05-99/' "$paper"
check "a broken change shows its error in the status" wait_for bash -c "curl -sf '$url/__boardpack/status' | grep -q 'is not a valid date'"
check "the last good site is still served" bash -c "curl -sf '$url/' | grep -q '<html'"
check "the version did not move on a failed build" test "$(version)" = "$first_version"

sed -i 's/^date: 2024-05-99/date: 2024-05-03/' "$paper"
check "fixing it rebuilds and bumps the version" wait_for bash -c "test \"\$(curl -sf '$url/__boardpack/status' | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"version\"])')\" != '$first_version'"
check "the fixed paper's pages were shown before its pack was laid out" wait_for grep -q "^Showed the pages of board/2024-05-14 in" "$WORK/serve.log"
check "the error overlay clears" wait_for bash -c "curl -sf '$url/__boardpack/status' | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)[\"errors\"] != \"\")'"
# The pages are shown (and the version moves on) before the build that lays out the pack ends.
check "a change to one paper lays out only its meeting's pack" wait_for grep -q "packs laid out: 1, unchanged: 1" "$WORK/serve.log"
check "the rebuilt paper is served" bash -c "curl -sf '$url/board/2024-05-14/2-plan-update.html' | grep -q '3 May 2024'"

# The first build's line says the same: count them.
before="$(grep -c 'packs laid out: 2, unchanged: 0' "$WORK/serve.log")"
sed -i 's/^venue: Committee Room 1, Fenwick Town Hall/venue: Committee Room 2, Fenwick Town Hall/' "$site/content/board/board.yaml"
check "a change to the board lays out every pack again" wait_for bash -c "test \"\$(grep -c 'packs laid out: 2, unchanged: 0' '$WORK/serve.log')\" -gt $before"
check "the new venue is served" wait_for bash -c "curl -sf '$url/board/2024-09-10/index.html' | grep -q 'Committee Room 2'"
check "the server binds to loopback only" bash -c "! ss -ltn 2>/dev/null | grep ':$port ' | grep -qv '127.0.0.1'"
kill $server 2>/dev/null
wait $server 2>/dev/null
finish
