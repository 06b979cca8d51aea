# Reference-image tests: chosen pages of the example and stress packs are rendered in grey at
# 30 dpi and compared with the PNGs in tests/reference/ within a tolerance, so a layout change
# shows up as a picture diff. After an intended change, store new references with
#   cmake --build build --target update_reference_images
# (or UPDATE_REFERENCES=1 bash tests/e2e/reference_images.sh build/boardpack .) and look at
# the new PNGs before committing them. A failing page leaves its rendering and a diff (the
# differing pixels in black) in reference-failures/ beside the boardpack binary.
source "$(dirname "$0")/lib.sh"

REFERENCES="$ROOT/tests/reference"
FAILURES="$(cd "$(dirname "$BOARDPACK")" && pwd)/reference-failures"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1500000000}"
rm -rf "$FAILURES"

"$BOARDPACK" build --source "$ROOT" --out "$WORK/example" --audience members >/dev/null 2>&1 ||
  fail "example: members' build"
"$BOARDPACK" build --source "$(fixture stress-tables)" --out "$WORK/stress" >/dev/null 2>&1 ||
  fail "stress-tables: build"

# name, pack, page: front sheet, membership, a paper's first page, a table page, a page of
# charts (drawn by the painter in the pack's faces), an archive's contents (set partly in its
# first pack's fonts), landscape.
pages=(
  "example-front $WORK/example/csp/2018-03-13/pack-members.pdf 1"
  "example-membership $WORK/example/csp/2018-03-13/pack-members.pdf 2"
  "example-minutes $WORK/example/csp/2018-03-13/pack-members.pdf 5"
  "example-action-plan $WORK/example/csp/2018-03-13/pack-members.pdf 9"
  "example-performance $WORK/example/csp/2018-03-13/pack-members.pdf 11"
  "example-chart $WORK/example/csp/2018-03-13/pack-members.pdf 13"
  "example-archive-contents $WORK/example/archive/csp-2017-18-q4-members.pdf 1"
  "stress-front $WORK/stress/board/2025-06-10/pack.pdf 1"
  "stress-register $WORK/stress/board/2025-06-10/pack.pdf 3"
  "stress-register-continued $WORK/stress/board/2025-06-10/pack.pdf 4"
  "stress-action-plan $WORK/stress/board/2025-06-10/pack.pdf 10"
  "stress-scorecards $WORK/stress/board/2025-06-10/pack.pdf 15"
  "stress-wide-table $WORK/stress/board/2025-06-10/pack.pdf 18"
)
for entry in "${pages[@]}"; do
  read -r name pack page <<<"$entry"
  rendered="$WORK/$name"
  if ! pdftoppm -gray -r 30 -f "$page" -l "$page" -singlefile "$pack" "$rendered" 2>/dev/null; then
    fail "$name: cannot render page $page of $pack"
    continue
  fi
  if [ -n "${UPDATE_REFERENCES:-}" ]; then
    python3 "$REFERENCES/page_image.py" store "$rendered.pgm" "$REFERENCES/$name.png" && pass ||
      fail "$name: cannot store the reference"
    continue
  fi
  if [ ! -e "$REFERENCES/$name.png" ]; then
    fail "$name: no reference image; store one with UPDATE_REFERENCES=1"
    continue
  fi
  if result="$(python3 "$REFERENCES/page_image.py" compare "$rendered.pgm" "$REFERENCES/$name.png" \
      "$WORK/$name-diff.pgm" 2>&1)"; then
    pass
  else
    mkdir -p "$FAILURES"
    cp "$rendered.pgm" "$WORK/$name-diff.pgm" "$FAILURES/" 2>/dev/null
    fail "$name (page $page): $result; see $FAILURES/$name.pgm"
  fi
done

# The comparison itself must catch a changed page: two different pages never match.
if [ -z "${UPDATE_REFERENCES:-}" ] && [ -e "$REFERENCES/stress-register.png" ]; then
  if python3 "$REFERENCES/page_image.py" compare "$WORK/stress-front.pgm" \
      "$REFERENCES/stress-register.png" >/dev/null 2>&1; then
    fail "the comparison passes two different pages"
  else
    pass
  fi
fi
finish
