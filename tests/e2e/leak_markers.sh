# Restricted material must never reach the public edition. The leak-markers fixture plants a
# marker word (LEAKMARKERnn) in every place restricted material can live: item descriptions,
# presenters and sub-items of a restricted item and of an item withheld because all its papers
# are restricted; the body, summary, author, contact, headings, footnotes, alt text, link text
# and addresses, tables, code, raw HTML, charts (title and caption), scorecards and event lists
# of restricted papers; an image (its file name and its bytes) and a PDF appendix (its file name
# and its text); actions raised in restricted minutes and in minutes under a restricted item,
# with their updates from actions.csv and the action plans that list them; decisions and
# attendance recorded by restricted minutes or by minutes under a restricted item; an
# interest declared on a restricted item; and the lead and notes of a restricted report in the
# forward plan. Every marker must appear somewhere in the members'
# edition (so the test can fail) and nowhere in the public one: not in any file's name or bytes
# (pages, packs, pack.json, feeds, calendars, sitemap, search index shards), PDF text,
# decompressed PDF objects or PDF metadata.
source "$(dirname "$0")/lib.sh"

site="$(fixture leak-markers)"
for audience in members public; do
  (cd "$site" && "$BOARDPACK" build --out "$WORK/$audience" --audience "$audience") \
    >"$WORK/$audience.log" 2>&1
  status=$?
  check "the $audience edition builds (exit $status)" test "$status" -eq 0
  [ "$status" -eq 0 ] || cat "$WORK/$audience.log" >&2
done

python3 - "$site" "$WORK/members" "$WORK/public" >"$WORK/markers.txt" <<'PY'
import os, re, subprocess, sys, tempfile
site, members, public = sys.argv[1:4]
marker = re.compile(rb"leakmarker\d\d", re.I)

def planted():
    found = set()
    for folder, _, files in os.walk(site):
        for name in files:
            found.update(m.upper() for m in marker.findall(open(os.path.join(folder, name), "rb").read()))
    return found

def pdf_views(path):
    views = []
    for command in (["pdftotext", "-layout", path, "-"], ["pdfinfo", "-meta", path]):
        views.append(subprocess.run(command, capture_output=True).stdout)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as qdf:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, qdf.name],
                       capture_output=True)
        raw = open(qdf.name, "rb").read()
    views.append(raw)
    # Strings written as UTF-16 (outlines, metadata): <FEFF…> and (\xfe\xff…).
    for hexed in re.findall(rb"<FEFF([0-9A-Fa-f]+)>", raw):
        try:
            views.append(bytes.fromhex(hexed.decode()).decode("utf-16-be").encode())
        except ValueError:
            pass
    return views

def found_in(root, path):
    views = [os.path.relpath(path, root).encode(), open(path, "rb").read()]
    if path.endswith(".pdf"):
        views += pdf_views(path)
    return {m.upper() for view in views for m in marker.findall(view)}

def seen(root):
    found = set()
    for folder, _, files in os.walk(root):
        for name in files:
            found |= found_in(root, os.path.join(folder, name))
    return found

# Where the members' edition must show the markers planted in derived records, so a marker
# dropped from its proper place (not merely found elsewhere) fails the test.
expected_places = {
    "08": "board/decisions.html",            # decision in restricted minutes
    "44": "board/decisions.html",            # decision in minutes under a restricted item
    "42": "board/2024-03-12/index.html",     # attendance from restricted minutes
    "54": "board/2024-01-16/index.html",     # interest declared on a restricted item
    "19": "board/2024-09-10/pack-members.pdf",       # action from restricted minutes in an action plan
    "20": "board/actions.html",              # action from minutes under a restricted item
    "45": "board/actions.html",              # actions.csv update of a restricted action
    "46": "board/2024-09-10/pack-members.pdf",       # sub-item of an item withheld by its papers
    "57": "board/2024-09-10/agenda-members.pdf",     # presenter of that item
    "26": "board/2024-09-10/pack-members.pdf",       # text of a PDF appendix
    "50": "board/2024-09-10/pack-members.pdf",       # chart caption in a restricted paper
    "58": "board/forward-plan.html",         # lead of a restricted forward-plan report
    "59": "board/forward-plan.html",         # its notes
}

markers = planted()
in_members, in_public = seen(members), seen(public)
for number, place in expected_places.items():
    path = os.path.join(members, place)
    shown = os.path.exists(path) and f"LEAKMARKER{number}".encode() in found_in(members, path)
    print(("ok" if shown else "FAIL") + f" members edition shows LEAKMARKER{number} in {place}")
for m in sorted(markers):
    print(("ok" if m in in_members else "FAIL") + f" members edition shows {m.decode()}")
    print(("ok" if m not in in_public else "FAIL") + f" public edition leaks nothing of {m.decode()}")
print(f"markers {len(markers)}")
PY
markers="$(awk '/^markers/ {print $2}' "$WORK/markers.txt")"
check "the fixture plants at least 59 markers (got ${markers:-none})" test "${markers:-0}" -ge 59
while read -r verdict what; do
  case "$verdict" in
    ok) pass ;;
    FAIL) fail "$what" ;;
  esac
done <"$WORK/markers.txt"
finish
