#!/usr/bin/env bash
# A PDF per report: builds the example site and checks every pack-item-N.pdf against its
# meeting's pack.pdf and pack.json — same pages and text as the item's range in the pack (so the
# stamps and pack page numbers are kept), page labels that carry on the pack's numbers, a clean
# qpdf check, embedded fonts — and that the meeting and paper pages list it with size and pages.
# Usage: bash report_pdfs.sh <boardpack binary> <repo root>
source "$(dirname "$0")/lib.sh"
out="$WORK/site"
if ! (cd "$WORK" && "$BOARDPACK" build --source "$ROOT" --out "$out" >"$WORK/build.log" 2>&1); then
  cat "$WORK/build.log"
  fail "the example site does not build"
  finish
  exit 1
fi

reports=0
for json in "$out"/*/*/pack.json; do
  dir=$(dirname "$json")
  while IFS=$'\t' read -r number first last restricted title; do
    file="$dir/pack-item-$(echo "$number" | tr 'A-Z' 'a-z').pdf"
    label="${dir#$out/} item $number"
    if [ "$first" -le 0 ] || [ "$restricted" = "True" ]; then
      check "$label: no PDF for an item without pages or withheld" test ! -e "$file"
      continue
    fi
    [ -e "$file" ] || continue # an item with no papers of its own (a heading for sub-items)
    reports=$((reports + 1))
    check "$label: qpdf --check passes" qpdf --check "$file"
    check "$label: has $((last - first + 1)) pages" test "$(pdf_pages "$file")" -eq $((last - first + 1))
    check "$label: every font is embedded" bash -c "pdffonts '$file' | awk 'NR > 2 && \$5 != \"yes\" {bad = 1} END {exit bad}'"
    # PDF pages run behind the printed numbers after a withheld item's one page.
    sheet="$(python3 "$ROOT/tests/e2e/page_labels.py" "$dir/pack.pdf" "$first")"
    check "$label: the same text as pages $first-$last of the pack" \
      cmp -s <(pdftotext -f "$sheet" -l "$((sheet + last - first))" -layout "$dir/pack.pdf" -) <(pdftotext -layout "$file" -)
    check "$label: stamped 'Agenda Item $number'" bash -c "pdftotext -l 1 '$file' - | grep -q 'Agenda Item $number'"
    check "$label: the first page is labelled $first, as in the pack" bash -c \
      "qpdf --json --json-key=pagelabels '$file' | grep -q '\"/St\": $first'"
    page="$dir/index.html"
    check "$label: the meeting page lists it with its size and pages" \
      grep -q "href=\"$(basename "$file")\">Item $number: .*PDF, [0-9.]* [KM]B, $((last - first + 1)) page" "$page"
  done < <(python3 -c '
import json, sys
for item in json.load(open(sys.argv[1]))["items"]:
    print("\t".join(str(v) for v in (item["number"], item["first_page"], item["last_page"], item["restricted"], item["title"])))
' "$json")
done
check "at least ten reports have their own PDF" test "$reports" -ge 10
check "a paper page links its item's PDF" bash -c "grep -l 'pack-item-7.pdf' '$out'/csp/2017-09-12/7-*.html"
finish
