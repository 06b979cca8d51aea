# The filter script's count line in headless Chromium (site_filters.js): the meeting-record
# fixture's action tracker and decisions page, and a public tracker that lists one action (the
# leak-markers fixture), so both the singular and the plural wording are exercised.
# Needs the Debian package `chromium` and the npm tool puppeteer-core.
source "$(dirname "$0")/lib.sh"

chromium_bin=${CHROMIUM:-/usr/bin/chromium}
for need in "$ROOT/node_modules/puppeteer-core" "$chromium_bin"; do
  if [ ! -e "$need" ]; then
    fail "$need is missing (apt-get install chromium; npm ci in $ROOT)"
    finish
    exit 1
  fi
done

record="$(fixture meeting-record)"
"$BOARDPACK" build --source "$record" --out "$WORK/record" >"$WORK/record.log" 2>&1
check "the meeting-record fixture builds" test $? -eq 0
markers="$(fixture leak-markers)"
"$BOARDPACK" build --source "$markers" --out "$WORK/markers" >"$WORK/markers.log" 2>&1
check "the leak-markers fixture builds" test $? -eq 0
one="$WORK/markers/board/actions.html"
check "the public leak-markers tracker lists exactly one action" \
  test "$(grep -c '<span class="action-id">' "$one")" -eq 1

node "$(dirname "$0")/site_filters.js" "$ROOT" "$chromium_bin" "$WORK/profile" \
  "$WORK/record/board/actions.html" "$WORK/record/board/decisions.html" "$one"
status=$?
check "every filter count reads correctly in the browser" test "$status" -eq 0
finish
