# Every pack of the example site and the valid fixtures, for both audiences: structure, fonts,
# text, page ranges and what each audience may see.
source "$(dirname "$0")/lib.sh"

check_pack() { # pack.pdf-or-pack-members.pdf label
  local pack="$1" label="$2" dir; dir="$(dirname "$1")"
  local agenda="$dir/agenda.pdf"
  [ "$(basename "$pack")" = pack-members.pdf ] && agenda="$dir/agenda-members.pdf"
  check "$label: $(basename "$pack") exists" test -s "$pack"
  check "$label: $(basename "$agenda") exists" test -s "$agenda"
  local qpdf_out; qpdf_out="$(qpdf --check "$pack" 2>&1)"
  if [ $? -eq 0 ] && ! grep -qi warning <<<"$qpdf_out"; then pass; else fail "$label: qpdf --check: $qpdf_out"; fi
  # Linearised ("fast web view") from 1 MiB up; these packs are smaller and written plain.
  if [ "$(stat -c %s "$pack")" -gt $((1024 * 1024)) ]; then
    check "$label: linearised" bash -c "qpdf --check-linearization '$pack' | grep -q 'no linearization errors'"
  else
    check "$label: under 1 MiB, written plain" bash -c "qpdf --check-linearization '$pack' | grep -q 'is not linearized'"
  fi
  if pdffonts "$pack" 2>/dev/null | awk 'NR>2 && $(NF-4) != "yes" {bad=1} END {exit bad}'; then pass; else fail "$label: a font is not embedded"; fi
  # Every chart of a pack is drawn in one PDF, so each chart face is embedded once, not once
  # per chart (the example packs hold up to a dozen charts); the logo's drawing has its own.
  local repeated; repeated="$(pdffonts "$pack" 2>/dev/null | awk 'NR>2 && $2 == "TrueType" && $3 == "WinAnsi" {sub(/^[A-Z]+\+/, "", $1); n[$1]++} END {for (f in n) if (n[f] > 2) print f, n[f]}')"
  if [ -z "$repeated" ]; then pass; else fail "$label: chart faces embedded once per chart: $repeated"; fi
  local warnings; warnings="$(pdftotext "$pack" /dev/null 2>&1)"
  if [ -z "$warnings" ]; then pass; else fail "$label: pdftotext warnings: $(head -c 200 <<<"$warnings")"; fi
  python3 "$ROOT/tests/e2e/pack_structure.py" "$pack" "$dir/pack.json" "$label" >&2 && pass || fail "$label: pack structure"
}

# --no-cache: the sources are the repository's own, where a test leaves nothing behind.
build_both() { # source name
  "$BOARDPACK" build --source "$1" --out "$WORK/$2-public" --no-cache >/dev/null || fail "$2: public build"
  "$BOARDPACK" build --source "$1" --out "$WORK/$2-members" --audience members --no-cache >/dev/null || fail "$2: members' build"
}

build_both "$ROOT" example
build_both "$ROOT/tests/fixtures/valid-minimal" minimal
for out in "$WORK"/example-public "$WORK"/example-members "$WORK"/minimal-public "$WORK"/minimal-members; do
  name=pack.pdf
  [[ "$out" == *-members ]] && name=pack-members.pdf
  for pack in "$out"/*/*/"$name"; do
    [ -e "$pack" ] || { fail "$(basename "$out"): no packs"; continue; }
    check_pack "$pack" "$(basename "$out")/${pack#$out/}"
  done
done

# Indicator one-page summaries: each holds its whole summary, down to the actions, on one page;
# charts are vector drawings, never raster images.
summaries=0
for pack in "$WORK"/example-members/csp/*/pack-members.pdf; do
  pages="$(pdf_pages "$pack")"
  for page in $(seq 1 "$pages"); do
    text="$(pdftotext -f "$page" -l "$page" "$pack" - 2>/dev/null)"
    grep -q "About this" <<<"$text" && grep -q "Why it" <<<"$text" || continue
    summaries=$((summaries + 1))
    if grep -q "Actions to sustain or improve performance" <<<"$text"; then pass; else
      fail "$pack page $page: the indicator summary runs over its page"; fi
  done
  images="$(pdfimages -list "$pack" 2>/dev/null | tail -n +3 | wc -l)"
  check "$pack: no raster images ($images found)" test "$images" -eq 0
done
check "the example has indicator summaries to check ($summaries)" test "$summaries" -ge 6

# The external PDF appendix is merged inside its item's page range, each page stamped.
september="$WORK/example-public/csp/2017-09-12"
range="$(python3 -c "import json; i=[i for i in json.load(open('$september/pack.json'))['items'] if i['number']=='8'][0]; print(i['first_page'], i['last_page'])")"
read -r first last <<<"$range"
appendix_pages=0
for page in $(seq "$first" "$last"); do
  text="$(pdftotext -f "$page" -l "$page" "$september/pack.pdf" - 2>/dev/null)"
  grep -q "Safer Neighbourhood Board" <<<"$text" && grep -q "Agenda Item 8" <<<"$text" && appendix_pages=$((appendix_pages + 1))
done
check "the appendix's 3 pages sit in item 8's range ($first–$last) and are stamped ($appendix_pages found)" test "$appendix_pages" -eq 3

# Letter paper from site.yaml gives Letter-sized pages.
letter="$(fixture valid-minimal)"
sed -i 's/^paper: a4/paper: letter/' "$letter/site.yaml"
"$BOARDPACK" build --source "$letter" --out "$WORK/letter" >/dev/null 2>&1
check "paper: letter gives 612 x 792 pt pages" bash -c "pdfinfo '$WORK/letter/board/2024-05-14/pack.pdf' | grep -q 'Page size: *612 x 792'"

# Quarterly archive packs: one per financial quarter with meetings, holding every meeting pack
# of that quarter behind a contents page.
for quarter in 1 2 3 4; do
  archive="$WORK/example-public/archive/csp-2017-18-q$quarter.pdf"
  check "quarter $quarter: archive pack exists" test -s "$archive"
  check "quarter $quarter: archive pack passes qpdf --check" qpdf --check "$archive"
  check "quarter $quarter: archive pack opens with its list of meetings and pages" bash -c "pdftotext -f 1 -l 1 '$archive' - | grep -q 'Meeting packs' && pdftotext -f 1 -l 1 '$archive' - | grep -q 'Pages 3 – '"
done
check "the archive page links the quarter's pack" grep -q 'href="csp-2017-18-q2.pdf"' "$WORK/example-public/archive/index.html"
meeting_pages="$(pdf_pages "$WORK/example-public/csp/2017-09-12/pack.pdf")"
archive_pages="$(pdf_pages "$WORK/example-public/archive/csp-2017-18-q2.pdf")"
check "the quarter 2 archive holds the September pack ($meeting_pages pages) and more" test "$archive_pages" -gt "$meeting_pages"

# The restricted paper's distinctive word must be nowhere in the public output, PDFs included.
search_everything() { # folder word
  grep -rqiF "$2" "$1" && return 0
  for pdf in $(find "$1" -name '*.pdf'); do pdftotext "$pdf" - 2>/dev/null | grep -qiF "$2" && return 0; done
  return 1
}
if search_everything "$WORK/minimal-public" Lanternfish; then fail "restricted text leaked into the public build"; else pass; fi
check "restricted text is in the members' build" search_everything "$WORK/minimal-members" Lanternfish
check "the public agenda marks the item not for publication" bash -c "pdftotext '$WORK/minimal-public/board/2024-09-10/agenda.pdf' - | grep -q 'Not for publication'"
finish
