# Two editions that agree: builds the example site for the public and for members and checks
# every meeting's packs against each other (editions.py), then the exempt-information grounds
# and Part 2 on the site and the agendas, and the appendix titles.
source "$(dirname "$0")/lib.sh"

"$BOARDPACK" build --source "$ROOT" --out "$WORK/public" >/dev/null || fail "public build"
"$BOARDPACK" build --source "$ROOT" --out "$WORK/members" --audience members >/dev/null ||
  fail "members' build"

meetings=0
for json in "$WORK"/public/*/*/pack.json; do
  folder="${json#$WORK/public/}"
  folder="${folder%/pack.json}"
  meetings=$((meetings + 1))
  python3 "$ROOT/tests/e2e/editions.py" "$WORK/public/$folder" "$WORK/members/$folder" "$folder" >&2 &&
    pass || fail "$folder: the editions disagree"
done
check "the example has meetings to compare ($meetings)" test "$meetings" -ge 4

flat() { tr -s ' \n' ' ' | sed 's/ *$//'; }
ground7="Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local Government Act 1972 (information relating to action taken or to be taken in connection with the prevention, investigation or prosecution of crime)"
september="csp/2017-09-12"
public_agenda="$(pdftotext "$WORK/public/$september/agenda.pdf" - | flat)"
check "the public agenda PDF gives the Schedule 12A ground" grep -qF "$ground7" <<<"$public_agenda"
members_agenda="$(pdftotext "$WORK/members/$september/agenda-members.pdf" - | flat)"
check "the members' agenda PDF gives the ground too" grep -qF "$ground7" <<<"$members_agenda"
public_page="$(sed 's/<[^>]*>//g' "$WORK/public/$september/index.html" | flat)"
check "the public meeting page gives the ground" grep -qF "$ground7" <<<"$public_page"
check "the public meeting page links pack.pdf" grep -q 'href="pack.pdf"' "$WORK/public/$september/index.html"
check "the members' meeting page links pack-members.pdf" grep -q 'href="pack-members.pdf"' "$WORK/members/$september/index.html"
check "the members' meeting page links agenda-members.pdf" grep -q 'href="agenda-members.pdf"' "$WORK/members/$september/index.html"
check "the members' meeting page links no pack.pdf" bash -c "! grep -q 'href=\"pack.pdf' '$WORK/members/$september/index.html'"
check "the members' per-report PDFs have their own names" test -e "$WORK/members/$september/pack-members-item-7.pdf"

# The item after the withheld one: its page link counts PDF pages, which run behind.
item12="$(python3 -c "import json; i=[i for i in json.load(open('$WORK/public/$september/pack.json'))['items'] if i['number']=='12'][0]; print(i['first_page'])")"
sheet12="$(python3 "$ROOT/tests/e2e/page_labels.py" "$WORK/public/$september/pack.pdf" "$item12")"
check "item 12 sits on a PDF page before its number ($sheet12 < $item12)" test "$sheet12" -lt "$item12"
check "the meeting page links item 12 at PDF page $sheet12" grep -q "pack.pdf#page=$sheet12\"" "$WORK/public/$september/index.html"

# Appendix titles from meeting.yaml: on the appendix pages, in the bookmarks, on the front sheet.
appendix="Appendix 1: Safer Neighbourhood Board executive minutes, 17 August 2017"
check "the front sheet lists the appendix" grep -qF "$appendix" <<<"$public_agenda"
check "the bookmarks name the appendix" bash -c "qpdf --json --json-key=outlines '$WORK/public/$september/pack.pdf' | grep -qF '$appendix'"
range="$(python3 -c "import json; i=[i for i in json.load(open('$WORK/members/$september/pack.json'))['items'] if i['number']=='8'][0]; print(i['first_page'], i['last_page'])")"
read -r first last <<<"$range"
labelled=0
for page in $(seq "$first" "$last"); do
  pdftotext -f "$page" -l "$page" "$WORK/members/$september/pack-members.pdf" - | flat | grep -qF "$appendix" && labelled=$((labelled + 1))
done
check "every appendix page carries its title ($labelled of $((last - first + 1)))" test "$labelled" -eq $((last - first + 1))

# Part 2: December's exempt item is taken last, under the exclusion resolution.
december="csp/2017-12-12"
december_agenda="$(pdftotext "$WORK/public/$december/agenda.pdf" - | flat)"
check "the December agenda opens Part 2" grep -qF "Part 2: exclusion of the press and public" <<<"$december_agenda"
check "the December agenda gives the exclusion resolution" grep -qF "the press and public be excluded" <<<"$december_agenda"
check "the December meeting page opens Part 2" grep -qF "Part 2: exclusion of the press and public" "$WORK/public/$december/index.html"
withheld_sheet="$(python3 -c "import json; print(next(i['first_page'] for i in json.load(open('$WORK/public/$december/pack.json'))['items'] if i['number'] == '9'))")"
check "the December meeting page points the public at the withheld item's page in their pack" \
  grep -qF "<a href=\"pack.pdf#page=$withheld_sheet\">page $withheld_sheet (withheld)</a>" "$WORK/public/$december/index.html"
order="$(python3 -c "import json; print(' '.join(i['number'] for i in json.load(open('$WORK/public/$december/pack.json'))['items'] if '.' not in i['number']))")"
check "the exempt item 9 comes last in December ($order)" bash -c "[ '${order##* }' = 9 ]"
finish
