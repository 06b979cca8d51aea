# site.yaml's `style: body_font` reaches both outputs: the packs embed the installed family,
# the site's pages name it; a family that is not installed is a located warning and the
# bundled Noto Sans prints instead.
source "$(dirname "$0")/lib.sh"

site="$(fixture valid-minimal)"
printf 'style:\n  body_size: 11\n  body_font: "Noto Serif"\n' >>"$site/site.yaml"
(cd "$site" && "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/serif.txt"
check "a site with body_font: Noto Serif builds" test $? -eq 0
check "no warning names the installed family" bash -c "! grep -q 'font family' '$WORK/serif.txt'"
pack="$(ls "$site"/out/*/*/pack.pdf | head -1)"
check "the site has a pack" test -f "$pack"
pdffonts "$pack" >"$WORK/serif-fonts.txt" 2>&1
check "the pack embeds Noto Serif" grep -Eq '^[A-Z]{6}\+NotoSerif-Regular.* yes +yes +yes' "$WORK/serif-fonts.txt"
check "the pack embeds Noto Serif Bold" grep -Eq '^[A-Z]{6}\+NotoSerif-Bold' "$WORK/serif-fonts.txt"
# Charts set their text in the pack's own faces: no second copy of the family is embedded
# for them (Cairo would embed one as a simple TrueType font), and their words extract.
check "the pack's chart text is in its own Noto Serif" bash -c "! grep -Eq 'NotoSerif-Regular +TrueType ' '$WORK/serif-fonts.txt'"
check "the pack's chart words extract" bash -c "pdftotext '$pack' - 2>&1 | grep -q 'Number'"
check "nothing in the pack is set in the bundled face" bash -c "! grep -q 'NotoSans' '$WORK/serif-fonts.txt'"
check "the pack's words extract" bash -c "pdftotext '$pack' - 2>&1 | grep -q 'Fenwick'"
check "qpdf finds the pack sound" qpdf --check "$pack"
check "every page names the family for the site's font stack" \
  grep -q -- '--body-font:"Noto Serif"' "$site/out/index.html"
check "the theme's font stack starts with the family" \
  grep -q 'font-family: var(--body-font, "Noto Sans"), "Noto Sans"' "$site/out/assets/css/site.css"
chart_page="$(grep -l 'chart-drawing' "$site"/out/*/*/*.html | head -1)"
check "the site has a page with a chart" test -n "$chart_page"
cp "$chart_page" "$WORK/serif-chart.html"

sed -i 's/"Noto Serif"/"Quill Roman Nonexistent"/' "$site/site.yaml"
line="$(grep -n 'body_font' "$site/site.yaml" | cut -d: -f1)"
(cd "$site" && "$BOARDPACK" check) >/dev/null 2>"$WORK/missing-check.txt"
check "check passes with a family that is not installed" test $? -eq 0
check "check warns at the family's position" \
  grep -q "site.yaml:$line:14: warning: font family 'Quill Roman Nonexistent' is not installed" "$WORK/missing-check.txt"
# Which families the hint names depends on the machine; each must be one fontconfig lists.
hinted="$(sed -n 's/.*hint: installed families include \(.*\) (`fc-list.*/\1/p' "$WORK/missing-check.txt")"
check "the hint names installed families" test -n "$hinted"
fc-list :fontformat=TrueType family | tr ',' '\n' | sort -u >"$WORK/truetype-families.txt"
check "every family the hint names is installed as TrueType" bash -c '
  echo "$1" | sed "s/, /\n/g" | while read -r family; do
    grep -qxF "$family" "$2" || { echo "not installed: $family"; exit 1; }
  done' _ "$hinted" "$WORK/truetype-families.txt"
rm -rf "$site/out"
(cd "$site" && "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/missing-build.txt"
check "the build still succeeds" test $? -eq 0
check "the build warns once" test "$(grep -c "warning: font family" "$WORK/missing-build.txt")" -eq 1
pack="$(ls "$site"/out/*/*/pack.pdf | head -1)"
check "the pack falls back to the bundled Noto Sans" bash -c "pdffonts '$pack' | grep -Eq '^[A-Z]{6}\+NotoSans-Regular +CID TrueType'"
check "the pack's chart falls back to Noto Sans too" bash -c "! pdffonts '$pack' | grep -q 'NotoSerif'"
# The chart drawings on the page are outlines of other letters; everything around them is alike
# but the font stack and the sizes of the PDFs.
check "the site's charts were drawn in Noto Serif, now in Noto Sans" \
  bash -c "! diff -q <(sed -n '/<svg/,/<\/svg>/p' '$WORK/serif-chart.html') <(sed -n '/<svg/,/<\/svg>/p' '$site/out/${chart_page#"$site/out/"}') >/dev/null"
check "the page around the charts is the same" \
  diff <(sed '/<svg/,/<\/svg>/d' "$WORK/serif-chart.html" | grep -v -e 'body-font' -e ' KB') <(sed '/<svg/,/<\/svg>/d' "$site/out/${chart_page#"$site/out/"}" | grep -v -e 'body-font' -e ' KB')
finish
