#!/usr/bin/env bash
# site.yaml's linearise_pdfs: by default a PDF a build writes is linearised when it is larger
# than 1 MiB (here the pack, the archive pack and the report PDF that carry a 1.3 MB
# appendix) and written plain below that (the other meeting's files, every agenda); with
# `linearise_pdfs: false` none is. The appendix itself is served as it was given. Both builds
# pass qpdf --check and have the same pages and text.
# Usage: bash pdf_linearisation.sh <boardpack binary> <repo root>
source "$(dirname "$0")/lib.sh"

site=$(fixture valid-minimal)
meeting="$site/content/board/2024-05-14"
# An appendix of noise, which no compression shrinks: one page showing a 640 × 680 image.
python3 - "$meeting/03-appendix.pdf" <<'PY'
import random, sys
random.seed(7)
width, height = 640, 680
pixels = bytes(random.getrandbits(8) for _ in range(width * height * 3))
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length %d >>\nstream\n" % (width, height, len(pixels)) + pixels + b"\nendstream",
]
content = b"q 480 0 0 510 57 200 cm /Im1 Do Q"
objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
sed -i 's/^    paper: 02-plan-update.md$/    papers: [02-plan-update.md, 03-appendix.pdf]/' "$meeting/meeting.yaml"
check "the appendix is a valid PDF" qpdf --check "$meeting/03-appendix.pdf"
check "the appendix is listed" grep -q "03-appendix.pdf" "$meeting/meeting.yaml"

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
limit=$((1024 * 1024))

pdfs=0
plain_pdfs=0
linearised_pdfs=0
while IFS= read -r pdf; do
  relative="${pdf#$site-out/}"
  other="$flat-out/$relative"
  if [ "$relative" = board/2024-05-14/2-appendix.pdf ]; then
    check "the appendix is served as it was given" cmp "$pdf" "$meeting/03-appendix.pdf"
    continue
  fi
  pdfs=$((pdfs + 1))
  if [ "$(stat -c %s "$pdf")" -gt "$limit" ]; then
    check "$relative: larger than 1 MiB, linearised" linearised "$pdf"
    check "$relative: qpdf finds no linearisation errors" bash -c "qpdf --check-linearization '$pdf' | grep -q 'no linearization errors'"
    linearised_pdfs=$((linearised_pdfs + 1))
  else
    check "$relative: under 1 MiB, written plain" bash -c "! head -c 1024 '$pdf' | grep -aq /Linearized"
    plain_pdfs=$((plain_pdfs + 1))
  fi
  check "$relative: qpdf --check passes by default" qpdf --check "$pdf"
  check "$relative: written without linearise_pdfs: false too" test -s "$other"
  check "$relative: not linearised with linearise_pdfs: false" bash -c "! head -c 1024 '$other' | grep -aq /Linearized"
  check "$relative: qpdf --check passes when not linearised" qpdf --check "$other"
  check "$relative: the same number of pages either way" test "$(pdf_pages "$pdf")" = "$(pdf_pages "$other")"
  if [ "$(pdf_text "$pdf")" = "$(pdf_text "$other")" ]; then pass; else fail "$relative: the text differs"; fi
done < <(find "$site-out" -name '*.pdf' ! -path '*/papers/*' | sort)
check "packs, agendas, report PDFs and archive packs were found ($pdfs)" test "$pdfs" -ge 6
check "the appendix's pack, archive pack and report PDF among them, linearised ($linearised_pdfs)" test "$linearised_pdfs" -ge 3
check "small ones among them, plain ($plain_pdfs)" test "$plain_pdfs" -ge 3
check "the appendix's pack is linearised" linearised "$site-out/board/2024-05-14/pack.pdf"
check "the other meeting's pack is plain" bash -c "! head -c 1024 '$site-out/board/2024-09-10/pack.pdf' | grep -aq /Linearized"
check "an archive pack is linearised" bash -c "for f in '$site-out'/archive/*.pdf; do head -c 1024 \"\$f\" | grep -aq /Linearized && exit 0; done; exit 1"
finish
