# A character in a chart's words that no installed font has (here U+E000, a private-use code
# point, in an indicator's measure, which the chart's y axis names) is a warning at the place it
# was written, once, with a hint naming the fonts to install; the build still succeeds.
source "$(dirname "$0")/lib.sh"

site="$(fixture chart-glyphs)"
"$BOARDPACK" build --source "$site" --out "$WORK/out" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"
check "chart-glyphs: build exits 0" test $? -eq 0
check "chart-glyphs: pack.pdf written" test -s "$WORK/out/board/2024-09-10/pack.pdf"
expected="content/board/indicators/night-bus-journeys.yaml:3:19: warning: no installed font has U+E000 ($(printf '\xee\x80\x80')), so the chart 'night-bus-journeys-monthly' shows nothing in its place"
if grep -qxF "$expected" "$WORK/stderr.txt"; then pass; else
  fail "chart-glyphs: expected warning missing; got: $(head -c 600 "$WORK/stderr.txt")"; fi
count="$(grep -c 'U+E000' "$WORK/stderr.txt")"
check "chart-glyphs: warned once (got $count)" test "$count" -eq 1
if grep -A1 -F "$expected" "$WORK/stderr.txt" | grep -q "hint: .*fonts-noto-core"; then pass; else
  fail "chart-glyphs: the warning has no hint naming the fonts"; fi
# No other warning: the chart's other words are all drawable.
others="$(grep 'warning:' "$WORK/stderr.txt" | grep -vF "$expected")"
if [ -z "$others" ]; then pass; else fail "chart-glyphs: other warnings: $others"; fi
finish
