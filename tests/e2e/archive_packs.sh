#!/usr/bin/env bash
# Quarterly archive packs hold their meetings' packs unchanged: builds the example site (both
# editions) and checks, for every archive pack, that the page range its contents page gives
# each meeting has exactly that meeting's pack.pdf pages and text, in date order behind the
# contents, each starting on a right-hand page, that it passes qpdf --check, and that the
# archive packs of a build on one thread and on two are byte-identical.
# Usage: bash archive_packs.sh <boardpack binary> <repo root>
source "$(dirname "$0")/lib.sh"

build() { # build AUDIENCE JOBS OUT
  if ! (cd "$WORK" && "$BOARDPACK" build --source "$ROOT" --out "$3" --audience "$1" \
    --jobs "$2" >"$WORK/build.log" 2>&1); then
    cat "$WORK/build.log" >&2
    fail "the example site does not build ($1, --jobs $2)"
    finish
    exit 1
  fi
}

# The text of pages FIRST..LAST, one form feed per page, with nothing that names the page.
page_text() { pdftotext -f "$2" -l "$3" "$1" - 2>/dev/null; }

archives=0
meetings=0
for audience in public members; do
  out="$WORK/$audience"
  pack_name=pack.pdf edition=""
  [ "$audience" = members ] && pack_name=pack-members.pdf edition="-members"
  build "$audience" 2 "$out"
  # Named as the edition's meeting packs are: "csp-2017-18-q2-members.pdf" for the members.
  if [ "$audience" = members ]; then
    check "members: no archive pack has the public's name" bash -c "! ls '$out'/archive/*-q[1-4].pdf 2>/dev/null"
  fi
  for archive in "$out"/archive/*-q[1-4]$edition.pdf; do
    archives=$((archives + 1))
    name="$audience $(basename "$archive")"
    check "$name: qpdf --check passes" qpdf --check "$archive"
    total=$(pdf_pages "$archive")
    # The contents page lists each meeting as "<date>  <status>  Pages FIRST – LAST".
    mapfile -t ranges < <(pdftotext -layout -f 1 -l 2 "$archive" - |
      sed -n 's/^ *\([A-Z][a-z]* [0-9]* [A-Z][a-z]* [0-9]\{4\}\) .*Pages \([0-9]*\) – \([0-9]*\).*/\1|\2 \3/p')
    board=$(basename "$archive" | sed 's/-[0-9]*-[0-9]*-q[1-4]\(-members\)\?\.pdf$//')
    check "$name: the contents lists at least one meeting" test "${#ranges[@]}" -gt 0
    previous=0
    for entry in "${ranges[@]}"; do
      read -r first last <<<"${entry#*|}"
      pack="$out/$board/$(date -d "${entry%%|*}" +%F)/$pack_name"
      check "$name: ${entry%%|*} has a pack" test -s "$pack"
      [ -s "$pack" ] || continue
      check "$name: ${entry%%|*} follows the meeting before it" test "$first" -gt "$previous"
      previous=$last
      pages=$(pdf_pages "$pack")
      meetings=$((meetings + 1))
      label="$name, $(basename "$(dirname "$pack")")"
      check "$label: pages $first–$last lie inside the archive's $total" test "$last" -le "$total"
      check "$label: the range has the pack's $pages pages" test $((last - first + 1)) -eq "$pages"
      check "$label: starts on a right-hand page" test $((first % 2)) -eq 1
      text=$(page_text "$pack" 1 "$pages")
      check "$label: pack.pdf has text" test "${#text}" -gt 1000
      if [ "$(page_text "$archive" "$first" "$last")" = "$text" ]; then
        pass
      else
        fail "$label: the archive's pages $first–$last differ in text from pack.pdf"
      fi
    done
  done
done
check "archive packs were found ($archives) holding meetings ($meetings)" test "$archives" -ge 4 -a "$meetings" -ge 4

# The archive packs are written by whichever thread is free: the bytes must not depend on it.
build members 1 "$WORK/members-one-thread"
for archive in "$WORK"/members/archive/*-q[1-4]-members.pdf; do
  if cmp -s "$archive" "$WORK/members-one-thread/archive/$(basename "$archive")"; then
    pass
  else
    fail "$(basename "$archive"): differs between --jobs 1 and --jobs 2"
  fi
done
finish
