# The stress fixture: paragraphs in five languages and scripts, symbols and an emoji, and an
# image of every PNG and JPEG kind plus an SVG. It builds without warnings; the pack holds
# every word and symbol of the source, embeds the fallback fonts, and draws every image.
source "$(dirname "$0")/lib.sh"

site="$(fixture stress-scripts)"
"$BOARDPACK" build --source "$site" --out "$WORK/out" >"$WORK/build.txt" 2>&1
check "stress-scripts: build exits 0" test $? -eq 0
if grep -q "warning:" "$WORK/build.txt"; then fail "stress-scripts: build warns: $(grep warning: "$WORK/build.txt" | head -3)"; else pass; fi
(cd "$site" && "$BOARDPACK" check) >"$WORK/check.txt" 2>&1
check "stress-scripts: check exits 0" test $? -eq 0

pack="$WORK/out/board/2025-03-11/pack.pdf"
check "stress-scripts: pack.pdf exists" test -s "$pack"
# Fallback text and SVG drawings are as deterministic as the rest: same input, same bytes.
"$BOARDPACK" build --source "$site" --out "$WORK/again" >/dev/null 2>&1
check "stress-scripts: a second build gives the same pack" cmp "$pack" "$WORK/again/board/2025-03-11/pack.pdf"
check "stress-scripts: qpdf --check" qpdf --check "$pack"
text="$(pdftotext "$pack" - 2>"$WORK/pdftotext.txt")"
if [ -s "$WORK/pdftotext.txt" ]; then fail "stress-scripts: pdftotext warns: $(head -c 200 "$WORK/pdftotext.txt")"; else pass; fi

# Every word of the Welsh, Polish, Chinese and Bengali paragraphs, and every symbol.
for word in "Cytunodd" "adolygu’r" "ŵyl" "Llanfair" "Zarząd" "zgodził" "bezpieczeństwa" \
            "źródła" "mieszkańców" "委员会同意在财政年度结束前审查社区安全计划" \
            "বোর্ড" "আর্থিক" "পরিকল্পনা" "সম্মত" "≥ 85%" "≤ 70%" "→" "✓" "✗" "★★★★" "🙂"; do
  if grep -qF -- "$word" <<<"$text"; then pass; else fail "stress-scripts: pdftotext lacks '$word'"; fi
done
# Urdu is right to left: each word must come out whole (the order of words on a line is the
# reader's to choose).
for word in "بورڈ" "مالی" "کمیونٹی" "اتفاق"; do
  if grep -qF -- "$word" <<<"$text"; then pass; else fail "stress-scripts: pdftotext lacks Urdu '$word'"; fi
done

# The fallback fonts are embedded.
fonts="$(pdffonts "$pack" 2>/dev/null)"
for family in NotoSansArabic NotoSansBengali NotoSansCJK; do
  if grep -q "$family" <<<"$fonts"; then pass; else fail "stress-scripts: pdffonts lacks $family"; fi
done
if awk 'NR>2 && $(NF-4) != "yes" {bad=1} END {exit bad}' <<<"$fonts"; then pass; else fail "stress-scripts: a font is not embedded"; fi

# Ten raster images, each drawn once, at their pixel sizes; the SVG is vector drawing.
images="$(pdfimages -list "$pack" 2>/dev/null | awk 'NR>2 && $3 == "image"')"
count="$(grep -c . <<<"$images")"
check "stress-scripts: ten images embedded (got $count)" test "$count" -eq 10
check "stress-scripts: every image is 240 x 120" bash -c "! awk '\$4 != 240 || \$5 != 120' <<<'$images' | grep -q ."
check "stress-scripts: a CMYK image stays CMYK" bash -c "awk '\$6 == \"cmyk\"' <<<'$images' | grep -q ."
check "stress-scripts: transparency kept as soft masks" bash -c "pdfimages -list '$pack' | awk '\$3 == \"smask\"' | grep -q ."

# Colours as embedded: every picture is red | blue (dark | light when grey, cyan | yellow ink
# when CMYK) left to right, so wrong colours or a doubled picture show at 10%, 45%, 55%, 90%.
mkdir -p "$WORK/images"
pdfimages "$pack" "$WORK/images/i" 2>/dev/null
python3 - "$(dirname "$0")" "$WORK/images" "$images" <<'PY' >&2 && pass || fail "stress-scripts: an image's colours are wrong"
import os, sys
sys.path.insert(0, sys.argv[1])
from netpbm import read_netpbm as read
folder, listing = sys.argv[2], sys.argv[3]
numbers = [int(line.split()[1]) for line in listing.splitlines() if line.strip()]
bad = 0
for number in numbers:
    name = next(f for f in os.listdir(folder) if f.startswith("i-%03d." % number))
    magic, width, height, pixels = read(os.path.join(folder, name))
    channels = 3 if magic == b"P6" else 1
    row = (height // 4) * width * channels  # the top quarter: opaque in every sample
    def at(fraction):
        x = int(width * fraction) * channels
        return tuple(pixels[row + x: row + x + channels])
    left, right = [at(0.1), at(0.45)], [at(0.55), at(0.9)]
    if channels == 1:
        ok = all(p[0] < 80 for p in left) and all(p[0] > 180 for p in right)
    else:
        red_blue = all(p[0] > 200 and p[2] < 60 for p in left) and all(p[0] < 60 and p[2] > 200 for p in right)
        cyan_yellow = all(p[0] < 60 and p[2] > 150 for p in left) and all(p[2] < 60 and p[0] > 150 for p in right)
        dark_light = all(max(p) < 80 for p in left) and all(min(p) > 180 for p in right)
        ok = red_blue or cyan_yellow or dark_light
    if not ok:
        print("image %d (%s): left %s right %s" % (number, name, left, right)); bad += 1
sys.exit(1 if bad or not numbers else 0)
PY
# The SVG's three boxes are drawn, in their colours, on one page. librsvg is opened for it
# (src/core/svg_library.hpp), and only then: not by a process that reads no SVG.
mkdir -p "$WORK/pages"
pdftoppm -r 40 "$pack" "$WORK/pages/p" 2>/dev/null
python3 - "$(dirname "$0")" "$WORK"/pages/p*.ppm <<'PY' >&2 && pass || fail "stress-scripts: the SVG's boxes are not drawn in their colours"
import sys
sys.path.insert(0, sys.argv[1])
from netpbm import read_netpbm
boxes = {"blue": (0x1d, 0x70, 0xb8), "green": (0x00, 0x70, 0x3c), "red": (0xb1, 0x0e, 0x1e)}
def drawn(page):
    magic, width, height, pixels = read_netpbm(page)
    found = {name: 0 for name in boxes}
    for n in range(0, len(pixels) - 2, 3):
        for name, colour in boxes.items():
            if all(abs(pixels[n + k] - colour[k]) <= 6 for k in range(3)):
                found[name] += 1
    print(page, found)
    return all(count > 500 for count in found.values())
sys.exit(0 if any(drawn(page) for page in sys.argv[2:]) else 1)
PY
check "stress-scripts: a build with an SVG opens librsvg" \
  bash -c "LD_DEBUG=libs '$BOARDPACK' build --source '$site' --out '$WORK/svg-build' --no-cache 2>&1 | grep -q 'calling init: .*librsvg'"
check "stress-scripts: boardpack --version does not open librsvg" \
  bash -c "! LD_DEBUG=libs '$BOARDPACK' --version 2>&1 | grep -q librsvg"
finish
