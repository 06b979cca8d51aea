# The stress-tables fixture: a 40-row, 9-column portrait table of long words and web
# addresses, a 30-row landscape action plan and tables of one kind. The pack must build
# cleanly, hold every word of its source, keep every line inside the page and set the big
# table on few pages.
source "$(dirname "$0")/lib.sh"

site="$(fixture stress-tables)"
out="$WORK/out"
log="$("$BOARDPACK" build --source "$site" --out "$out" 2>&1)"
check "stress-tables builds" test $? -eq 0
# One warning only, located at the table too wide for a portrait page.
check "stress-tables warns once" test "$(grep -c "warning:" <<<"$log")" -eq 1
check "the wide table's warning names its file, line and column" grep -qE \
  "05-partner-funding\.md:18:1: warning: the table is too wide for a portrait page, so it is set on a landscape page" <<<"$log"
pack="$out/board/2025-06-10/pack.pdf"
check "the pack exists" test -s "$pack"
check "qpdf --check passes" qpdf --check "$pack"
if pdffonts "$pack" 2>/dev/null | awk 'NR>2 && $(NF-4) != "yes" {bad=1} END {exit bad}'; then pass; else fail "a font is not embedded"; fi

# Pages on which a text first and last appears.
pages_between() { # pdf first-text last-text
  local pdf="$1" n first="" last=""
  n="$(pdf_pages "$pdf")"
  for page in $(seq 1 "$n"); do
    local text; text="$(pdftotext -f "$page" -l "$page" -layout "$pdf" - 2>/dev/null)"
    if [ -z "$first" ] && grep -qF -- "$2" <<<"$text"; then first="$page"; fi
    if grep -qF -- "$3" <<<"$text"; then last="$page"; fi
  done
  [ -n "$first" ] && [ -n "$last" ] && echo $((last - first + 1))
}
# Before rows could split and columns were sized by their hyphenated words, the register took
# 12 pages and the action plan (item 3) 16; before crowded tables were set solid at 9 pt, 8.
register_pages="$(pages_between "$pack" "R01" "R40")"
echo "40-row register: ${register_pages:-?} pages"
check "the 40-row register takes at most 5 pages" test "${register_pages:-99}" -le 5
item_range() { # item index in pack.json -> "first last"
  python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["items"][int(sys.argv[2])]; print(i["first_page"], i["last_page"])' \
    "$out/board/2025-06-10/pack.json" "$1"
}
# Page numbers from first to last whose MediaBox is wider than tall.
landscape_pages() { # pdf first last
  pdfinfo -box -f "$2" -l "$3" "$1" 2>/dev/null |
    awk '/^Page +[0-9]+ MediaBox:/ && $6 - $4 > $7 - $5 {printf "%s ", $2}'
}
read -r plan_first plan_last <<<"$(item_range 2)"
plan_pages=$((plan_last - plan_first + 1))
echo "30-row action plan: ${plan_pages:-?} pages"
check "the 30-row action plan takes at most 6 pages" test "${plan_pages:-99}" -le 6
plan_landscape="$(landscape_pages "$pack" "$plan_first" "$plan_last" | wc -w)"
check "every page of the action plan is landscape ($plan_landscape of $plan_pages)" \
  test "$plan_landscape" -eq "$plan_pages"
# The portrait funding paper: its wide table alone is turned, with its heading; the paper's
# first page and its recommendation stay portrait.
read -r funding_first funding_last <<<"$(item_range 4)"
funding_turned="$(landscape_pages "$pack" "$funding_first" "$funding_last")"
echo "funding paper: pages $funding_first-$funding_last, landscape: ${funding_turned:-none}"
check "the wide table is on one landscape page" test "$(wc -w <<<"$funding_turned")" -eq 1
turned_page="${funding_turned%% *}"
turned_text="$(pdftotext -f "${turned_page:-0}" -l "${turned_page:-0}" -layout "$pack" - 2>/dev/null)"
check "the landscape page holds the table and its heading" bash -c \
  'grep -q "Contributions by financial year" <<<"$1" && grep -q "Housing associations" <<<"$1" && grep -q "£1,376,250" <<<"$1"' _ "$turned_text"
check "the funding paper starts portrait" test "$(landscape_pages "$pack" "$funding_first" "$funding_first" | wc -w)" -eq 0
check "the funding paper ends portrait" test "$(landscape_pages "$pack" "$funding_last" "$funding_last" | wc -w)" -eq 0
plan_text="$(pdftotext -layout "$pack" - 2>/dev/null)"
check "the continued action plan repeats its caption" grep -q "(continued)" <<<"$plan_text"

# Every word of the register and of the action log is in the pack, whole or hyphenated
# across lines, and every web address in pieces broken after its slashes.
pdftotext -raw "$pack" "$WORK/pack.txt" 2>/dev/null
python3 - "$site/content/board/2025-06-10/02-delivery-register.md" "$site/content/board/actions.csv" \
  "$WORK/pack.txt" <<'PY' && pass || fail "words of the source are missing from the pack"
import csv, re, sys
text = open(sys.argv[3], encoding="utf-8").read()
# Hyphens are left out on both sides: a word may be hyphenated, or broken after its own hyphen.
flat = text.replace("-", "")
tokens = {t.replace("-", "") for t in text.split()}
broken_ends = {t.replace("-", "") for t in text.split() if t.endswith("-")}
every_end = tokens
def found(word, start=0, ends=None):
    # Addresses break after their dots and slashes without a hyphen; other words with one.
    ends = ends or (every_end if "." in word or "@" in word else broken_ends)
    rest = word[start:]
    if start == 0 and rest in flat:
        return True
    if start > 0 and any(t.startswith(rest) for t in tokens):
        return True
    for end in range(start + 1, len(word)):
        piece = word[start:end]
        ok = any(t.endswith(piece) for t in ends) if start == 0 else piece in ends
        if ok and found(word, end, ends):
            return True
    return False
words = []
register = open(sys.argv[1], encoding="utf-8").read().split("## 2. Register")[1].split("## 3.")[0]
words += re.findall(r"[^\s|]+", register)
for row in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    update = re.sub(r"^\d{4}-\d\d-\d\d: ", "", row["update"])  # dates are reworded
    for field in (row["id"], row["action"], row["lead"], row["others"], update):
        words += field.split()
missing = []
for word in words:
    for piece in (word.split("/") if "://" in word else [word]):
        piece = piece.strip(".,:;()").replace("-", "")
        if len(piece) > 1 and not found(piece):
            missing.append(piece)
if missing:
    print("missing:", sorted(set(missing))[:20], file=sys.stderr)
    sys.exit(1)
print(f"{len(words)} words of the source found", file=sys.stderr)
PY

# Nothing is clipped: every word lies inside its page.
pdftotext -bbox "$pack" "$WORK/bbox.html" 2>/dev/null
python3 - "$WORK/bbox.html" <<'PY' && pass || fail "a word runs off its page"
import re, sys
page_width, outside = 0.0, []
for line in open(sys.argv[1], encoding="utf-8"):
    page = re.search(r'<page width="([\d.]+)"', line)
    if page:
        page_width = float(page.group(1))
    word = re.search(r'xMin="([\d.]+)".*xMax="([\d.]+)".*>(.*)</word>', line)
    if word and (float(word.group(2)) > page_width - 20 or float(word.group(1)) < 20):
        outside.append(word.group(3))
if outside:
    print("outside:", outside[:10], file=sys.stderr)
    sys.exit(1)
PY

# A table continued on a new page repeats its header row.
continued="$(pdftotext -f 4 -l 4 -layout "$pack" - 2>/dev/null)"
check "the register's header repeats on its second page" grep -q "Milestone" <<<"$continued"
finish
