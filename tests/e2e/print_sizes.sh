# Nothing in a pack is printed under 9 pt: page furniture, front sheets, tables, captions,
# footnotes and chart labels alike. pdf_text_sizes measures each text run as printed (its font
# size through every matrix, charts' forms included). The example's logo is a picture, not
# text the pack sets, so the example is built without it; the external PDF appendix is its
# author's typesetting and is left out with --external.
source "$(dirname "$0")/lib.sh"

SIZES="$(dirname "$BOARDPACK")/pdf_text_sizes"
check "pdf_text_sizes is built beside boardpack" test -x "$SIZES"

# The probe itself: text 8.5 pt tall through a halving matrix, and 8.4 pt tall in a scaled
# form, are both reported; nothing is reported against an 8 pt floor.
python3 "$ROOT/tests/e2e/small_text_pdf.py" "$WORK/small.pdf"
probe="$("$SIZES" --min 9 "$WORK/small.pdf")"
check "the probe fails a page with text under 9 pt" test $? -eq 1
if grep -q "text at 8.500 pt" <<<"$probe" && grep -q "text at 8.400 pt" <<<"$probe"; then pass; else
  fail "the probe misses a small run: $probe"; fi
check "the probe passes the same page against 8 pt" "$SIZES" --min 8 "$WORK/small.pdf"

check_packs() { # output-folder label external-pdf...
  local out="$1" label="$2"; shift 2
  local externals=() pdfs=()
  for pdf in "$@"; do externals+=(--external "$pdf"); done
  mapfile -t pdfs < <(find "$out" \( -name 'pack*.pdf' -o -name 'agenda*.pdf' \) -not -name 'pack-item-*' | sort)
  mapfile -t -O "${#pdfs[@]}" pdfs < <(find "$out/archive" -name '*.pdf' 2>/dev/null | sort)
  if [ "${#pdfs[@]}" -eq 0 ]; then fail "$label: no packs built"; return; fi
  local report
  report="$("$SIZES" --min 9 "${externals[@]}" "${pdfs[@]}" 2>&1)"
  local status=$?
  if [ "$status" -eq 0 ]; then pass; else
    fail "$label: text under 9 pt (status $status): $(grep -v 'smallest text' <<<"$report" | head -5)"; fi
  # The pages were measured: every pack reports the size of its smallest text.
  local measured; measured="$(grep -c 'smallest text' <<<"$report")"
  check "$label: pages measured ($measured)" test "$measured" -ge "${#pdfs[@]}"
}

mkdir -p "$WORK/example"
cp -r "$ROOT/content" "$ROOT/themes" "$ROOT/assets" "$WORK/example/"
grep -v '^logo:' "$ROOT/site.yaml" >"$WORK/example/site.yaml"
mapfile -t appendices < <(find "$ROOT/content" -name '*.pdf')
"$BOARDPACK" build --source "$WORK/example" --out "$WORK/example-public" >/dev/null 2>&1 || fail "example: public build"
"$BOARDPACK" build --source "$WORK/example" --out "$WORK/example-members" --audience members >/dev/null 2>&1 || fail "example: members' build"
check_packs "$WORK/example-public" "example (public)" "${appendices[@]}"
check_packs "$WORK/example-members" "example (members)" "${appendices[@]}"

for name in stress-tables stress-scripts valid-minimal meeting-record; do
  site="$(fixture "$name")"
  "$BOARDPACK" build --source "$site" --out "$WORK/$name-out" --audience members >/dev/null 2>&1 || fail "$name: build"
  mapfile -t appendices < <(find "$site" -name '*.pdf')
  check_packs "$WORK/$name-out" "$name" "${appendices[@]}"
done

finish
