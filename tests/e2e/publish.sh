# Publishing freezes a meeting: a revised CSV leaves the published pack byte-identical (with a
# warning naming the figure), a changed paper is refused until a republication is declared,
# and a late paper goes out in a supplementary pack. Expected figures are worked out by hand
# from the fixture's CSV, not by boardpack.
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1500000000 # 2017-07-14, the publication date below

SITE="$(fixture valid-minimal)"
MEETING="$SITE/content/board/2024-05-14"
CSV="$SITE/content/board/indicators/asb-incidents.csv"
OUT="$WORK/out"
# The paper also quotes the figures' rating, which the indicator's definition decides.
printf '\nThe year to date is rated {{ asb-incidents.rag }}.\n' >>"$MEETING/02-plan-update.md"

build() { "$BOARDPACK" build --source "$SITE" --out "$OUT" "$@" >"$WORK/build.out" 2>"$WORK/build.err"; }
json_value() { # file python-expression-on-data
  python3 -c "import json,sys; data=json.load(open(sys.argv[1])); print($2)" "$1"
}

# --- bad input: a meeting that does not exist; a supplementary paper before publication ---
"$BOARDPACK" publish --source "$SITE" board/2024-05-15 >/dev/null 2>"$WORK/err"
check "publish of a missing meeting fails with exit 1" test $? -eq 1
check "the error names the meeting and suggests the nearest" \
  grep -q "content/board/2024-05-15: error: board 'board' has no meeting '2024-05-15'" "$WORK/err"
check "the hint suggests the right date" grep -q "hint: did you mean board/2024-05-14?" "$WORK/err"
"$BOARDPACK" publish --source "$SITE" nosuch/2024-05-14 >/dev/null 2>"$WORK/err"
check "publish of a missing board fails" grep -q "there is no board 'nosuch'" "$WORK/err"
check "nothing was written by a failed publish" test ! -e "$MEETING/published.yaml"

cp "$MEETING/meeting.yaml" "$WORK/meeting.yaml.orig"
cat > "$MEETING/03-late-paper.md" <<'MD'
---
title: Late note on the summer operation
author: Grace Oduya
date: 2024-05-10
---
## 1. Summary

The summer operation in Fenwick town centre starts on 1 June, a week earlier than planned.
MD
cat >> "$MEETING/meeting.yaml" <<'YAML'
  - number: "3"
    title: Summer operation – late note
    presenter: Grace Oduya
    supplementary: 1
    paper: 03-late-paper.md
YAML
build
check "a supplementary item on an unpublished meeting fails the build" test $? -eq 1
check "the error is located at the item" \
  grep -qE "content/board/2024-05-14/meeting.yaml:[0-9]+:[0-9]+: error: item 3 is supplementary, but the meeting has not been published" "$WORK/build.err"
check "its hint says to publish first" grep -q "hint: publish the meeting first" "$WORK/build.err"
check "the failed build wrote nothing" test ! -e "$OUT"
cp "$WORK/meeting.yaml.orig" "$MEETING/meeting.yaml"
mv "$MEETING/03-late-paper.md" "$WORK/03-late-paper.md"

# --- publish: digests of every input and every figure resolved ---
"$BOARDPACK" publish --source "$SITE" board/2024-05-14 >"$WORK/publish.out" 2>"$WORK/err"
check "publish succeeds" test $? -eq 0
RECORD="$MEETING/published.yaml"
check "published.yaml is written beside meeting.yaml" test -s "$RECORD"
paper_digest="$(sha256sum "$MEETING/02-plan-update.md" | cut -d' ' -f1)"
csv_digest="$(sha256sum "$CSV" | cut -d' ' -f1)"
check "the record holds the paper's SHA-256" grep -q "content/board/2024-05-14/02-plan-update.md: $paper_digest" "$RECORD"
check "the record holds the data file's SHA-256" grep -q "content/board/indicators/asb-incidents.csv: $csv_digest" "$RECORD"
check "the record holds meeting.yaml's digest" grep -q "content/board/2024-05-14/meeting.yaml: " "$RECORD"
# Apr 2023 – Mar 2024: 184+191+235+233+188+210+191+250+234+187+252+195 = 2550;
# Apr 2022 – Mar 2023: 221+199+230+186+189+248+192+226+254+187+244+207 = 2583.
check "the record holds the year-to-date figure" grep -A3 "figure: asb-incidents.fytd" "$RECORD"
if grep -A3 "figure: asb-incidents.fytd" "$RECORD" | grep -q "value: 2550" &&
   grep -A4 "figure: asb-incidents.fytd" "$RECORD" | grep -q "last_year: 2583"; then pass; else fail "record's fytd is not 2550 against 2583"; fi
check "the record keeps March 2024's figure" grep -q "2024-03: 195" "$RECORD"
check "version 1" grep -q "^version: 1$" "$RECORD"
check "published on SOURCE_DATE_EPOCH's date" grep -q "^published: 2017-07-14$" "$RECORD"
cp "$RECORD" "$WORK/record.v1"
"$BOARDPACK" publish --source "$SITE" board/2024-05-14 >/dev/null 2>&1
check "publishing again unchanged gives the same record" cmp -s "$RECORD" "$WORK/record.v1"

build
check "the published meeting builds" test $? -eq 0
PACK="$OUT/board/2024-05-14/pack.pdf"
FIGURES="$OUT/board/2024-05-14/figures.json"
cp "$PACK" "$WORK/pack.v1.pdf"
cp "$OUT/board/2024-05-14/index.html" "$WORK/meeting.v1.html"
check "figures.json is written beside pack.json" test -s "$FIGURES"
check "figures.json: fytd value 2550" test "$(json_value "$FIGURES" "[f['value'] for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")" = "2550.0"
check "figures.json: fytd last year 2583" test "$(json_value "$FIGURES" "[f['last_year'] for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")" = "2583.0"
check "figures.json: the basis is said" test "$(json_value "$FIGURES" "[f['basis'] for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")" = "financial year to date against the same period last year"
check "figures.json: twelve input months, March 2024 = 195" test "$(json_value "$FIGURES" "[(len(f['inputs']['period']), f['inputs']['period'][-1]['value']) for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")" = "(12, 195.0)"
check "figures.json: the rating has its reason" test -n "$(json_value "$FIGURES" "[f['rag_reason'] for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")"
check "figures.json: published version 1" test "$(json_value "$FIGURES" "data['published']['version']")" = "1"
check "the meeting page says when it was published" grep -q "Published</dt><dd>14 July 2017 (version 1)" "$OUT/board/2024-05-14/index.html"
check "the meeting page links figures.json" grep -q 'href="figures.json"' "$OUT/board/2024-05-14/index.html"
check "the pack quotes 2,550" bash -c "pdftotext '$PACK' - | grep -q '2,550'"

# --- revise a figure: the published pack stays byte-identical, with a warning ---
sed -i 's/^2024-03,195$/2024-03,205/' "$CSV"
build
check "the build after a data revision succeeds" test $? -eq 0
check "the published pack is byte-identical" cmp -s "$PACK" "$WORK/pack.v1.pdf"
check "the meeting page is byte-identical" cmp -s "$OUT/board/2024-05-14/index.html" "$WORK/meeting.v1.html"
check "a warning names the revised figure" grep -q "warning: the data have been revised since publication; the pack and pages keep the published figures: asb-incidents.fytd 2,550 published, 2,560 now" "$WORK/build.err"
check "the warning is located at the record" grep -q "content/board/2024-05-14/published.yaml:1:1: warning" "$WORK/build.err"
check "figures.json still gives the published 2550" test "$(json_value "$FIGURES" "[f['value'] for f in data['figures'] if f['figure']=='asb-incidents.fytd'][0]")" = "2550.0"
"$BOARDPACK" publish --source "$SITE" board/2024-05-14 >/dev/null 2>&1
check "publishing the same version again keeps the record as first published" cmp -s "$RECORD" "$WORK/record.v1"
"$BOARDPACK" build --source "$SITE" --out "$WORK/members" --audience members >/dev/null 2>&1
check "the members' edition keeps the published figures too" bash -c "pdftotext '$WORK/members/board/2024-05-14/pack-members.pdf' - | grep -q '2,550'"

# --- a changed paper is an error until a republication is declared ---
sed -i 's/the revised delivery timetable/the revised delivery timetable and budget/' "$MEETING/02-plan-update.md"
build
check "a changed published paper fails the build" test $? -eq 1
check "the error is located at the paper" \
  grep -q "content/board/2024-05-14/02-plan-update.md:[0-9]*:[0-9]*: error: paper '02-plan-update.md' has changed since the meeting was published on 2017-07-14" "$WORK/build.err"
check "its hint says how to declare a republication" grep -q "hint: declare a republication in meeting.yaml" "$WORK/build.err"
check "the failed build replaced nothing" cmp -s "$PACK" "$WORK/pack.v1.pdf"
"$BOARDPACK" publish --source "$SITE" board/2024-05-14 >/dev/null 2>"$WORK/err"
check "publish refuses the changed paper too" test $? -eq 1
check "and leaves the record as it was" cmp -s "$RECORD" "$WORK/record.v1"

cat >> "$MEETING/meeting.yaml" <<'YAML'
republished:
  - { version: 2, date: 2024-05-09, reason: Budget added to the recommendation }
YAML
build
check "with a republication declared the build succeeds" test $? -eq 0
check "it reminds that version 2 is not yet recorded" grep -q "warning: republication 2 is not yet recorded in published.yaml" "$WORK/build.err"
MEETING_PAGE="$OUT/board/2024-05-14/index.html"
check "the meeting page lists the republication" grep -q "Version 2, republished 9 May 2024: Budget added to the recommendation" "$MEETING_PAGE"
"$BOARDPACK" publish --source "$SITE" board/2024-05-14 >"$WORK/publish.out" 2>"$WORK/err"
check "the republication is published" test $? -eq 0
check "the record is now version 2" grep -q "^version: 2$" "$RECORD"
check "version 2 records the changed paper" grep -q "02-plan-update.md: $(sha256sum "$MEETING/02-plan-update.md" | cut -d' ' -f1)" "$RECORD"
build
check "the republished meeting builds without a revision warning" bash -c "test $? -eq 0 && ! grep -q 'revised since publication' '$WORK/build.err'"
check "the republication issues today's figure, 2,560" bash -c "pdftotext '$PACK' - | grep -q '2,560'"
check "the meeting page still lists version 2" grep -q "Version 2, republished 9 May 2024" "$MEETING_PAGE"
cp "$PACK" "$WORK/pack.v2.pdf"

# --- a broken record is a located error ---
cp "$RECORD" "$WORK/record.v2"
sed -i '0,/: [0-9a-f]\{64\}$/s//: not-a-digest/' "$RECORD"
build
check "a damaged record fails the build" test $? -eq 1
check "the error is at the record's line" grep -qE "content/board/2024-05-14/published.yaml:[0-9]+:[0-9]+: error: the digest of .* is not 64 hexadecimal digits" "$WORK/build.err"
cp "$WORK/record.v2" "$RECORD"

# --- a supplementary pack after publication ---
mv "$WORK/03-late-paper.md" "$MEETING/03-late-paper.md"
python3 - "$MEETING/meeting.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
item = """  - number: "3"
    title: Summer operation – late note
    presenter: Grace Oduya
    supplementary: 1
    paper: 03-late-paper.md
"""
text = text.replace("republished:", item + "republished:", 1)
open(path, "w").write(text)
PY
build
check "a supplementary paper on a published meeting builds" test $? -eq 0
SUPPLEMENT="$OUT/board/2024-05-14/supplementary-1.pdf"
check "supplementary-1.pdf is written" test -s "$SUPPLEMENT"
check "the main pack is unchanged by the late paper" cmp -s "$PACK" "$WORK/pack.v2.pdf"
check "the supplementary pack passes qpdf --check" qpdf --check "$SUPPLEMENT"
supplement_text="$(pdftotext -layout "$SUPPLEMENT" - 2>/dev/null)"
first_page="$(pdftotext -f 1 -l 1 -layout "$SUPPLEMENT" - 2>/dev/null)"
check "its front sheet is headed Supplementary agenda 1" grep -q "Supplementary agenda 1" <<<"$first_page"
check "its front sheet lists the late item" grep -q "Summer operation – late note" <<<"$first_page"
check "its front sheet does not list the published items" bash -c "! grep -q 'Partnership plan update' <<<\"\$0\"" "$first_page"
check "the late paper carries the stamp Agenda Item 3" grep -q "Agenda Item 3" <<<"$supplement_text"
# Lines may break anywhere in the sentence: compare with runs of white space made one space.
check "the late paper's text is in it" grep -q "a week earlier than planned" <<<"$(tr -s '[:space:]' ' ' <<<"$supplement_text")"
check "the main pack does not hold the late paper" bash -c "! pdftotext '$PACK' - | tr -s '[:space:]' ' ' | grep -q 'a week earlier than planned'"
pages="$(pdf_pages "$SUPPLEMENT")"
check "the meeting page lists the supplementary pack with its pages" \
  grep -qE "href=\"supplementary-1.pdf\">Supplementary pack 1</a> <span class=\"downloads__detail\">[^<]*$pages pages" "$MEETING_PAGE"

# --- a changed definition: the pack keeps the published one, and the build says so ---
DEFINITION="$SITE/content/board/indicators/asb-incidents.yaml"
cp "$DEFINITION" "$WORK/definition.yaml"
cp "$PACK" "$WORK/pack.before-definition.pdf"
cp "$MEETING_PAGE" "$WORK/meeting.before-definition.html"
check "the record keeps the definition as published" grep -q "^    tolerance: 2$" "$RECORD"
sed -i 's/^tolerance: 2$/tolerance: 0/' "$DEFINITION"
build
# 2,560 against 2,583 is a 0.9% fall: Amber within 2%, Green with no tolerance.
check "a changed definition names the figure it would re-rate" \
  grep -q "warning: an indicator's definition has changed since publication; the pack and pages keep the published definition: asb-incidents.fytd rated Amber when published, Green by the definition now" "$WORK/build.err"
check "the pack is byte-identical under the changed definition" cmp -s "$PACK" "$WORK/pack.before-definition.pdf"
check "the meeting page is byte-identical under the changed definition" \
  cmp -s "$MEETING_PAGE" "$WORK/meeting.before-definition.html"
check "the pack still rates the figure Amber" bash -c "pdftotext '$PACK' - | grep -q 'is rated Amber'"
cp "$WORK/definition.yaml" "$DEFINITION"

# --- the public edition's figures.json holds no figure of a restricted paper ---
RESTRICTED="$SITE/content/board/2024-09-10"
sed -i 's/^status: scheduled$/status: scheduled\ndata_date: 2024-03-31/' "$RESTRICTED/meeting.yaml"
printf '\nIncidents in March: {{ asb-incidents.latest.value }}.\n' >> "$RESTRICTED/02-night-time-review.md"
"$BOARDPACK" build --source "$SITE" --out "$WORK/public2" >/dev/null 2>"$WORK/err"
check "the public build with a restricted figure succeeds" test $? -eq 0
"$BOARDPACK" build --source "$SITE" --out "$WORK/members2" --audience members >/dev/null 2>"$WORK/err"
check "the members' build with a restricted figure succeeds" test $? -eq 0
check "the members' figures.json has the restricted paper's figure (March 2024, revised above to 205)" \
  test "$(json_value "$WORK/members2/board/2024-09-10/figures.json" "[f['value'] for f in data['figures'] if f['figure']=='asb-incidents.latest'][0]")" = "205.0"
check "the public figures.json has none of it" \
  test "$(json_value "$WORK/public2/board/2024-09-10/figures.json" "len(data['figures'])")" = "0"
check "the public figures.json says the meeting is unpublished" \
  test "$(json_value "$WORK/public2/board/2024-09-10/figures.json" "data['published']")" = "None"

finish
