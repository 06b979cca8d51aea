# The preview server answers only with files inside the built site and only to requests that
# name it by a loopback address; it keeps its working folder private and removes it on exit.
source "$(dirname "$0")/lib.sh"

site="$(fixture valid-minimal)"
port=$((20000 + RANDOM % 20000))
"$BOARDPACK" serve --source "$site" --port "$port" --audience members --stop-after 60 \
  >"$WORK/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$url/__boardpack/status" >/dev/null && break; sleep 0.1; done

code() { curl -s -o /dev/null -w '%{http_code}' --path-as-is "$@"; }
refused() { # description, expected codes (regex), curl arguments...
  local what="$1" codes="$2"; shift 2
  local got
  got="$(code "$@")"
  if [[ "$got" =~ ^($codes)$ ]]; then pass; else fail "$what (got HTTP $got)"; fi
  if curl -s --path-as-is "$@" | grep -q "root:x:0:0\|PATH="; then fail "$what: a system file was served"; else pass; fi
}

check "the home page is served" bash -c "curl -sf '$url/' | grep -q '<html'"
refused "//etc/passwd" "403|404" "$url//etc/passwd"
refused "/%2fetc%2fpasswd" "403|404" "$url/%2fetc%2fpasswd"
refused "/%2Fetc%2Fpasswd" "403|404" "$url/%2Fetc%2Fpasswd"
refused "//proc/self/environ" "403|404" "$url//proc/self/environ"
refused "/../../../etc/passwd" "403|404" "$url/../../../etc/passwd"
refused "/%2e%2e/%2e%2e/etc/passwd" "403|404" "$url/%2e%2e/%2e%2e/etc/passwd"
refused "/board/..%2f..%2f..%2fetc%2fpasswd" "403|404" "$url/board/..%2f..%2f..%2fetc%2fpasswd"
refused "a backslash path" "403|404" "$url/..%5c..%5cetc%5cpasswd"
refused "the source's restricted paper" "403|404" "$url/content/board/2024-09-10/02-night-time-review.md"
refused "a hidden file" "403|404" "$url/.boardpack-output"
refused "a foreign Host header" "403" -H "Host: attacker.example" "$url/"
refused "a foreign Host with the port" "403" -H "Host: attacker.example:$port" "$url/"
refused "a name that only starts like a loopback address" "403" -H "Host: 127.0.0.1.attacker.example" "$url/"
check "Host: localhost is answered" test "$(code -H "Host: localhost:$port" "$url/")" = 200
check "Host: 127.0.0.1 is answered" test "$(code "$url/")" = 200
check "the members' edition warns" grep -q "warning: serving the members' edition" "$WORK/serve.log"

work="$(ls -d /tmp/boardpack-serve-"$server"-* 2>/dev/null | head -1)"
check "the working folder exists" test -d "$work"
check "the working folder is private (0700)" test "$(stat -c %a "$work" 2>/dev/null)" = 700
kill -INT $server 2>/dev/null
wait $server 2>/dev/null
check "the working folder is removed on exit" test ! -e "$work"

"$BOARDPACK" serve --source "$site" --port "$port" --audience members --bind 0.0.0.0 \
  --stop-after 5 >/dev/null 2>"$WORK/bind.txt"
status=$?
check "the members' edition on a public address is refused (exit $status)" test "$status" -eq 2
check "the refusal says why" grep -q "loopback only" "$WORK/bind.txt"

# A server killed with SIGKILL leaves its folder; the next server removes it.
"$BOARDPACK" serve --source "$site" --port "$port" --stop-after 60 >/dev/null 2>&1 &
victim=$!
for _ in $(seq 1 300); do curl -sf "$url/__boardpack/status" >/dev/null && break; sleep 0.1; done
stale="$(ls -d /tmp/boardpack-serve-"$victim"-* 2>/dev/null | head -1)"
kill -9 $victim; wait $victim 2>/dev/null
check "a killed server leaves its folder behind" test -d "$stale"
"$BOARDPACK" serve --source "$site" --port "$port" --stop-after 1 >/dev/null 2>&1
check "the next server removes it" test ! -e "$stale"
finish
