#!/usr/bin/env bash
# site.yaml's linearise_pdfs: by default the packs and archive packs a build writes are
# linearised, and the agenda and report PDFs cut from a pack (all under 1 MiB here) are not;
# with `linearise_pdfs: false` none is. Both builds pass qpdf --check and have the same pages
# and text.
# Usage: bash pdf_linearisation.sh <boardpack binary> <repo root>
source "$(dirname "$0")/lib.sh"

site=$(fixture valid-minimal)
flat="$WORK/flat"
cp -r "$site" "$flat"
printf 'linearise_pdfs: false\n' >>"$flat/site.yaml"
for source in "$site" "$flat"; do
  if ! "$BOARDPACK" build --source "$source" --out "$source-out" >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2
    fail "$(basename "$source") does not build"
  fi
done

# A linearised PDF opens with its linearisation dictionary.
linearised() { head -c 1024 "$1" | grep -aq /Linearized; }

pdfs=0
extracts=0
linearised_pdfs=0
while IFS= read -r pdf; do
  relative="${pdf#$site-out/}"
  other="$flat-out/$relative"
  pdfs=$((pdfs + 1))
  case "$(basename "$pdf")" in
    agenda*.pdf | pack*-item-*.pdf)
      check "$relative: a small extract is written plain" bash -c "! head -c 1024 '$pdf' | grep -aq /Linearized"
      extracts=$((extracts + 1)) ;;
    *)
      check "$relative: linearised by default" linearised "$pdf"
      check "$relative: qpdf finds no linearisation errors" bash -c "qpdf --check-linearization '$pdf' | grep -q 'no linearization errors'"
      linearised_pdfs=$((linearised_pdfs + 1)) ;;
  esac
  check "$relative: qpdf --check passes by default" qpdf --check "$pdf"
  check "$relative: written without linearise_pdfs: false too" test -s "$other"
  check "$relative: not linearised with linearise_pdfs: false" bash -c "! head -c 1024 '$other' | grep -aq /Linearized"
  check "$relative: qpdf --check passes when not linearised" qpdf --check "$other"
  check "$relative: the same number of pages either way" test "$(pdf_pages "$pdf")" = "$(pdf_pages "$other")"
  if [ "$(pdf_text "$pdf")" = "$(pdf_text "$other")" ]; then pass; else fail "$relative: the text differs"; fi
done < <(find "$site-out" -name '*.pdf' ! -path '*/papers/*' | sort)
check "packs, agendas, report PDFs and archive packs were found ($pdfs)" test "$pdfs" -ge 4
check "agendas and report PDFs among them ($extracts)" test "$extracts" -ge 2
check "packs and archive packs among them ($linearised_pdfs)" test "$linearised_pdfs" -ge 2
check "an archive pack is among them" bash -c "ls '$site-out'/archive/*.pdf"
finish
