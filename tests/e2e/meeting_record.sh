# The meeting record on the meeting-record fixture: attendance names matched through ranks,
# titles and surnames (and warned about when unknown or ambiguous), declarations, decisions and
# the decisions page, draft and approved minutes linked both ways, and the HTML of a minute with
# one action. Fragments of the built pages are compared with the golden files in expected/.
source "$(dirname "$0")/lib.sh"

site="$(fixture meeting-record)"
expected="$ROOT/tests/fixtures/meeting-record/expected"

(cd "$site" && "$BOARDPACK" check) 2>"$WORK/check.txt" >/dev/null
status=$?
check "check exits 0 with warnings (got $status)" test "$status" -eq 0
if diff -u "$expected/check.txt" "$WORK/check.txt" >&2; then pass; else fail "check warnings differ"; fi

(cd "$site" && "$BOARDPACK" build --out out) >/dev/null 2>&1
status=$?
check "build exits 0 (got $status)" test "$status" -eq 0
out="$site/out/board"

# fragment FILE START END: the text from the line holding START up to (not including) the line
# holding END.
fragment() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, line in enumerate(lines) if sys.argv[2] in line)
end = next(i for i in range(start + 1, len(lines)) if sys.argv[3] in lines[i])
print("\n".join(lines[start:end]))
PY
}

golden() { # golden NAME FILE START END
  fragment "$2" "$3" "$4" >"$WORK/$1" 2>&1
  if diff -u "$expected/$1" "$WORK/$1" >&2; then pass; else fail "$1 differs from the golden file"; fi
}

golden march-minutes-row.html "$out/2024-03-12/index.html" "<dt>Minutes</dt>" "</dl>"
golden march-record.html "$out/2024-03-12/index.html" '<h2 id="attendance">' '<nav class="pager"'
golden june-minutes-row.html "$out/2024-06-11/index.html" "<dt>Minutes</dt>" "</dl>"
golden june-record.html "$out/2024-06-11/index.html" '<h2 id="attendance">' '<nav class="pager"'
golden minutes-links.html "$out/2024-06-11/2-minutes.html" "<dt>Minutes of</dt>" "<dt>In the pack</dt>"
golden minute-with-action.html "$out/2024-06-11/2-minutes.html" 'id="3-town-centre-cameras-review"' 'id="4-date-of-next-meeting"'
golden minutes-head.html "$out/2024-06-11/2-minutes.html" '<div class="paper-body">' 'id="1-welcome-and-apologies"'
golden decisions.html "$out/decisions.html" "<tbody>" "</tbody>"

# The board page and the agendas belong to the theme's general layout, so they are checked for
# what this record puts in them rather than byte for byte.
board_page="$(tr -d '\n' <"$out/index.html")"
for row in "Cllr Chidi Okoro</th>.*<td>2 of 2</td>" "Owen Trelawny</th>[^/]*</td><td>[^<]*</td><td>[^<]*</td><td>1 of 2</td>" \
           "Gideon Farrant</th>[^/]*</td><td>[^<]*</td><td>[^<]*</td><td>1 of 2</td>" "Meetings attended"; do
  check "the board page shows '$row'" grep -qE "$row" <<<"$board_page"
done
march_agenda="$(tr -d '\n' <"$out/2024-03-12/index.html")"
check "the March agenda names both presenters" grep -qF ">Owen Trelawny and Ines Marlowe<" <<<"$march_agenda"
check "the March agenda gives the next meeting from the content" grep -qF \
  "Tuesday 11 June 2024, 10:00 am to 12:00 pm, Committee Room 1, Fenwick Town Hall" <<<"$march_agenda"
june_agenda="$(tr -d '\n' <"$out/2024-06-11/index.html")"
check "the June agenda marks the presentation" grep -qF ">Presentation<" <<<"$june_agenda"
check "the June agenda marks the item to note" grep -qF ">To note<" <<<"$june_agenda"
check "the June agenda names both presenters" grep -qF ">Maja Lindqvist and Gideon Farrant<" <<<"$june_agenda"

# The pack prints the same record as the site, from the same blocks.
pack_text="$(pdf_text "$out/2024-06-11/pack.pdf" | tr -s ' \n' ' ')"
for phrase in "Present: Cllr Chidi Okoro (Chair), Freya Lindqvist (Vice-chair), Owen Trelawny" \
              "Absent: Gideon Farrant." "Minutes taken by: Lena Ashworth." \
              "Bernard Quilliam (Fenwick Youth Forum)" \
              "Declaration of interest: Cllr Chidi Okoro: He lives on the market square" \
              "Action: Owen Trelawny, by 31 July 2024" "Presentation"; do
  check "the June pack prints '$phrase'" grep -qF "$phrase" <<<"$pack_text"
done
march_text="$(pdf_text "$out/2024-03-12/agenda.pdf" | tr -s ' \n' ' ')"
check "the March agenda PDF names both presenters" grep -qF "Owen Trelawny and Ines Marlowe" <<<"$march_text"
check "the March agenda PDF prints the next meeting from the content" \
  grep -qF "Tuesday 11 June 2024, 10:00 am to 12:00 pm, Committee Room 1, Fenwick Town Hall" <<<"$march_text"
finish
