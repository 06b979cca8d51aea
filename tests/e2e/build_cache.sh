# The build cache: a rebuild takes unchanged meetings' packs and pages from .boardpack-cache, and
# what it writes is byte for byte what a clean build (--no-cache) writes, after no change, a
# changed paper, image, theme, minutes, meeting.yaml or data file, a deleted cache, or a damaged
# cache entry or output file; a font installed, upgraded or removed lays every meeting out again.
# The site's index, meeting by meeting, is kept there too.
source "$(dirname "$0")/lib.sh"

site="$WORK/example"
mkdir -p "$site"
cp -r "$ROOT/site.yaml" "$ROOT/content" "$ROOT/assets" "$site/"
cache="$site/.boardpack-cache"
layout=v11 # the cache's layout: src/cli/build_cache.cpp
meeting="content/csp/2017-12-12"

cached() { # NAME [options]: builds with the cache into the new folder $WORK/NAME
  local name="$1"; shift
  "$BOARDPACK" build --source "$site" --out "$WORK/$name" "$@" >"$WORK/$name.log" 2>&1
}
clean() { # NAME [options]: builds afresh, without the cache
  local name="$1"; shift
  "$BOARDPACK" build --source "$site" --out "$WORK/$name" --no-cache "$@" >"$WORK/$name.log" 2>&1
}
from_cache() { # the number of meetings whose packs came from the cache, from a build's log
  grep -o 'packs of [0-9]* unchanged' "$1.log" | grep -o '[0-9]*' || echo 0
}
pages_from_cache() { # the number of meetings whose pages came from the cache as well
  grep -o 'pages of [0-9]* unchanged' "$1.log" | grep -o '[0-9]*' || echo 0
}
same() { diff -r "$1" "$2" >"$WORK/diff.txt" 2>&1; }
entry_of() { # the cache entry holding a meeting's packs
  echo "$cache/$layout/public/meetings/csp/$1"
}
# An entry's file: its first line ends with the sizes of the lines, the note and the tail that
# follow it. "part OFFSET SIZE" for the note or the tail of an entry, as this prints them.
entry_part() { # note|tail ENTRY
  python3 - "$@" <<'PY'
import sys
which, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
first = data.index(b"\n") + 1
lines, note, tail = (int(size) for size in data[:first].split()[-3:])
start = first + lines + (note if which == "tail" else 0)
print(start, tail if which == "tail" else note)
PY
}
note_of() { # the note an entry's file holds
  read -r start size <<<"$(entry_part note "$1")"
  tail -c "+$((start + 1))" "$1" | head -c "$size"
}
flip_byte() { # FILE OFFSET: one bit of the byte there flipped, the size kept
  python3 - "$1" "$2" <<'PY'
import sys
path, at = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, "rb").read())
data[at] ^= 0x01
open(path, "wb").write(bytes(data))
PY
}

clean reference; reference="$WORK/reference"
check "a clean build leaves no cache" test ! -e "$cache"
cached first; first="$WORK/first"
check "the first build fills the cache" test -f "$(entry_of 2017-12-12)/entry"
check "the first build takes nothing from the cache" test "$(from_cache "$first")" = 0
check "the first build equals a clean build" same "$first" "$reference"
check "the cache keeps the archive packs too" bash -c "ls '$cache'/$layout/public/quarters/csp/*-q*/entry"

cached again; again="$WORK/again"
check "a rebuild with nothing changed takes every meeting's packs from the cache" test "$(from_cache "$again")" = 4
check "a rebuild with nothing changed equals a clean build" same "$again" "$reference"
check "a rebuild with nothing changed takes every meeting's pages from the cache" test "$(pages_from_cache "$again")" = 4
# The first build's files were linked into the cache, and the rebuild linked them from there:
# one file on disk, however many folders show it.
same_file() { test "$(stat -c %d:%i "$1")" = "$(stat -c %d:%i "$2")"; }
check "the cache's packs are linked into the output, not copied" same_file "$again/csp/2017-12-12/pack.pdf" "$first/csp/2017-12-12/pack.pdf"
check "a meeting's pages are linked from the cache too" same_file "$again/csp/2017-12-12/index.html" "$first/csp/2017-12-12/index.html"
check "the board's record pages are linked from the cache" same_file "$again/csp/actions.html" "$first/csp/actions.html"
check "the board's indicator pages are linked from the cache" same_file "$again/csp/indicators/index.html" "$first/csp/indicators/index.html"
check "the board's own page is linked from the cache" same_file "$again/csp/index.html" "$first/csp/index.html"
check "the board's feed and calendar are linked from the cache" bash -c "[ '$again/csp/feed.xml' -ef '$first/csp/feed.xml' ] && [ '$again/csp/calendar.ics' -ef '$first/csp/calendar.ics' ]"
check "the site's own pages are written afresh" bash -c "! [ '$again/index.html' -ef '$first/index.html' ]"
# Editing an output file in place writes through its link into the cache: that is noticed.
echo "<!-- edited in place -->" >>"$again/csp/2017-12-12/index.html"
cached after_edit; after_edit="$WORK/after_edit"
check "a cached page edited through its link in the output is not served" test "$(pages_from_cache "$after_edit")" = 3
check "the edited page is rendered again, the output equal to a clean build" same "$after_edit" "$reference"

kept="$WORK/kept"
stamps() { (cd "$kept" && find . -type f -printf '%p %s %T@\n' | sort); }
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-1.log" 2>&1
stamps >"$WORK/stamps-1.txt"
touch "$site/$meeting/08-chairs-report.md" # a new time, the same bytes
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-2.log" 2>&1
check "a rebuild into the same folder with nothing changed says so" grep -q "^Nothing has changed since the last build" "$WORK/kept-2.log"
check "a rebuild with nothing changed leaves the folder as it was" diff <(stamps) "$WORK/stamps-1.txt"
check "the folder left as it was equals a clean build" same "$kept" "$reference"
echo "<!-- edited by hand -->" >>"$kept/index.html"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-3.log" 2>&1
check "an output file altered since the last build is noticed" bash -c "! grep -q '^Nothing has changed' '$WORK/kept-3.log'"
check "the altered output is replaced by what a clean build writes" same "$kept" "$reference"
rm "$kept/csp/2017-12-12/pack.pdf"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-4.log" 2>&1
check "an output file removed since the last build is written again" same "$kept" "$reference"
echo "<p>stray</p>" >"$kept/csp/stray.html"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-4b.log" 2>&1
check "a file added to the output since the last build is noticed" bash -c "! grep -q '^Nothing has changed' '$WORK/kept-4b.log'"
check "and the folder is put back to what a clean build writes" same "$kept" "$reference"
touch -d "2001-01-01" "$kept/csp/2017-12-12/pack.pdf"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-4c.log" 2>&1
check "an output file whose time changed is noticed" bash -c "! grep -q '^Nothing has changed' '$WORK/kept-4c.log'"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-4d.log" 2>&1
check "and the build after that has nothing to do" grep -q "^Nothing has changed since the last build" "$WORK/kept-4d.log"

printf '\nA late note on the winter programme, added after the first build.\n' >>"$site/$meeting/08-chairs-report.md"
cached changed; changed="$WORK/changed"
check "one changed paper lays out only its meeting" test "$(from_cache "$changed")" = 3
clean reference_paper; reference="$WORK/reference_paper"
check "after one changed paper the build equals a clean build" same "$changed" "$reference"
linked_shards() { # how many of the search index's shards two builds share as one file
  local count=0 shard
  for shard in "$1"/search/index/terms-*.js; do
    [ "$shard" -ef "$2/search/index/${shard##*/}" ] && count=$((count + 1))
  done
  echo "$count"
}
check "the search shard of the changed paper's new words is written afresh" bash -c "! [ '$changed/search/index/terms-wi.js' -ef '$again/search/index/terms-wi.js' ]"
# Its words fall in about eight of the example's hundreds of shards: the rest are not rewritten.
shards=$(ls "$changed"/search/index/terms-*.js | wc -l)
check "the search shards the change leaves alone are linked from the cache" test "$(linked_shards "$changed" "$again")" -ge $((shards - 12))
check "the example's index has shards enough for that to tell" test "$shards" -gt 100
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-5.log" 2>&1
check "a changed paper is built into a folder that was up to date" bash -c "! grep -q '^Nothing has changed' '$WORK/kept-5.log'"
check "the folder then equals a clean build" same "$kept" "$reference"
check "the changed paper is in the pack" bash -c "pdftotext '$changed/csp/2017-12-12/pack.pdf' - | grep -q 'late note on the winter'"
# The folder a build swaps out is kept beside the output, and the next build starts from it:
# what it holds that the build does not write, or that is not what the build writes, is gone.
previous="$WORK/.kept.previous"
check "the previous build is kept beside the output" test -f "$previous/.boardpack-output"
echo "<p>planted</p>" >"$previous/csp/planted.html"
echo "<!-- edited in the kept folder -->" >>"$previous/index.html"
echo "<!-- edited by hand -->" >>"$kept/index.html"
# A page of an unchanged meeting edited in the kept folder writes through its link into the
# cache: the same file as stored, but no longer as stored.
echo "<!-- edited through its link -->" >>"$previous/csp/2017-06-13/index.html"
"$BOARDPACK" build --source "$site" --out "$kept" >"$WORK/kept-6.log" 2>&1
check "a build started from the kept folder equals a clean build" same "$kept" "$reference"
check "a kept page edited through its link is rendered again, and only its meeting's pages" test "$(pages_from_cache "$WORK/kept-6")" = 3
check "the next build took the kept folder and kept the one it swapped out" test -f "$previous/.boardpack-output"
check "what the kept folder held beyond the build is not carried over" test ! -e "$kept/csp/planted.html"
"$BOARDPACK" build --source "$site" --out "$kept" --no-cache >"$WORK/kept-7.log" 2>&1
check "a build without the cache keeps no previous build" test ! -e "$previous"
check "and equals a clean build" same "$kept" "$reference"

check "one changed paper renders only its meeting's pages" test "$(pages_from_cache "$changed")" = 3

# An image kept outside content/: only the image's own digest can tell that it changed.
mkdir -p "$site/images"
cp "$ROOT/tests/fixtures/stress-scripts/content/board/2025-03-11/images/grey.png" "$site/images/map.png"
printf '\n![Patrol routes](../../../images/map.png)\n' >>"$site/$meeting/08-chairs-report.md"
cached image_first
cp "$ROOT/tests/fixtures/stress-scripts/content/board/2025-03-11/images/rgb-alpha.png" "$site/images/map.png"
cached image_changed; image_changed="$WORK/image_changed"
check "a changed image lays out and renders the meeting showing it again" test "$(pages_from_cache "$image_changed")" = 3
check "a changed image lays out its meeting's pack again" test "$(from_cache "$image_changed")" = 3
clean reference_image; reference="$WORK/reference_image"
check "after a changed image the build equals a clean build" same "$image_changed" "$reference"

# The index: each meeting's agenda and its papers' front matter are kept in the cache as well,
# read again only for a meeting whose folder changed, or when its board's name, venue or times
# did; the record of publication is read afresh every time.
index_from_cache() { # the number of meetings whose agendas the index took from the cache
  grep -o 'paper headings of [0-9]* unchanged' "$1.log" | grep -o '[0-9]*' || echo 0
}
check "the first build reads every meeting's agenda" test "$(index_from_cache "$first")" = 0
check "a rebuild with nothing changed reads no agenda" test "$(index_from_cache "$again")" = 4
check "one changed paper has only its meeting's agenda read again" test "$(index_from_cache "$changed")" = 3
check "the index is kept in the cache, an entry for each board" test -f "$cache/$layout/public/index/content/csp/entry"
check "the sources' digests are kept for the next build" test -f "$cache/$layout/public/digests/entry"
sed -i 's/^venue: .*/venue: Council Chamber, Harbourside Town Hall/' "$site/content/csp/board.yaml"
cached venue_changed; venue_changed="$WORK/venue_changed"
check "a board's new venue has its meetings' agendas read again" test "$(index_from_cache "$venue_changed")" = 0
check "the meetings then print the new venue" grep -q "Council Chamber, Harbourside Town Hall" "$venue_changed/csp/2017-12-12/index.html"
clean reference_venue; reference="$WORK/reference_venue"
check "after a board's new venue the build equals a clean build" same "$venue_changed" "$reference"
python3 - "$cache/$layout/public/index/content/csp/entry" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
at = data.index(b"Harbourside Town Hall")  # one letter of a kept meeting's venue, same length
data[at] = ord("J")
open(path, "wb").write(bytes(data))
PY
cached index_altered; index_altered="$WORK/index_altered"
# Each meeting's record has its own damage check: the altered one is read afresh, alone.
check "an altered record of the index is never used" test "$(index_from_cache "$index_altered")" = 3
check "a build past an altered index entry equals a clean build" same "$index_altered" "$reference"
cached index_again
check "the altered index entry is stored afresh" test "$(index_from_cache "$WORK/index_again")" = 4

# Sources unchanged for a few seconds have their digests kept from one build to the next; one
# edited since, keeping its size, has new times and is read again.
sleep 3
cached settled_first
cached settled_again
board_inode="$(stat -c %i "$site/content/csp/board.yaml")"
check "a settled source's digest is kept for the next build" grep -q "^[0-9]* $board_inode " "$cache/$layout/public/digests/entry"
sed -i 's/late note on the winter programme/late note on the winter programmf/' "$site/$meeting/08-chairs-report.md"
cached settled_changed; settled_changed="$WORK/settled_changed"
check "a source edited to the same size is read again" bash -c "pdftotext '$settled_changed/csp/2017-12-12/pack.pdf' - | grep -q 'winter programmf'"
clean reference_settled; reference="$WORK/reference_settled"
check "after a same-size edit the build equals a clean build" same "$settled_changed" "$reference"

# The site's own theme: every page is rendered again, no pack laid out again.
mkdir -p "$site/themes/default/templates"
sed 's|</main>|<p class="note">Papers are published five working days before each meeting.</p></main>|' \
  "$ROOT/themes/default/templates/layout.mustache" >"$site/themes/default/templates/layout.mustache"
cached theme_changed; theme_changed="$WORK/theme_changed"
check "a changed theme renders every meeting's pages again" test "$(pages_from_cache "$theme_changed")" = 0
check "a changed theme lays out no pack again" test "$(from_cache "$theme_changed")" = 4
clean reference_theme; reference="$WORK/reference_theme"
check "the changed theme reaches the meetings' pages" grep -q "five working days" "$theme_changed/csp/2017-12-12/index.html"
check "after a changed theme the build equals a clean build" same "$theme_changed" "$reference"

rm -rf "$cache"
cached deleted; deleted="$WORK/deleted"
check "after deleting the cache everything is laid out again" test "$(from_cache "$deleted")" = 0
check "deleting the cache changes nothing in the output" same "$deleted" "$reference"

entry="$(entry_of 2017-12-12)"
pack_blob="$entry/$(python3 -c 'import sys; lines = open(sys.argv[1], "rb").read().split(b"\n"); count = int(lines[2].split()[1]); print([n for n, line in enumerate(lines[3:3 + count]) if line.endswith(b"/pack.pdf")][0])' "$entry/entry")"
truncate -s 1000 "$pack_blob"
cached truncated; truncated="$WORK/truncated"
check "a truncated cache entry is not used" test "$(from_cache "$truncated")" = 3
check "a truncated cache entry is built again, the output equal to a clean build" same "$truncated" "$reference"
check "the rebuilt entry is stored afresh" test "$(stat -c %s "$pack_blob")" = "$(stat -c %s "$reference/csp/2017-12-12/pack.pdf")"

python3 - "$pack_blob" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x20  # one altered byte, same length
open(path, "wb").write(bytes(data))
PY
cached altered; altered="$WORK/altered"
check "an altered byte in a cache entry is detected" test "$(from_cache "$altered")" = 3
check "an altered cache entry is never served" same "$altered" "$reference"

# The same, its time put back as stored: a build into another file system reads the cached file
# rather than linking it, and the file's damage check must find the change. The first of
# /dev/shm, /tmp and the build folder that is not the work folder's file system takes the
# output; where there is none, the check fails rather than pass untested.
elsewhere=""
for place in /dev/shm /tmp "$(dirname "$BOARDPACK")"; do
  if [ -d "$place" ] && [ -w "$place" ] && [ "$(stat -c %d "$place")" != "$(stat -c %d "$WORK")" ]; then
    elsewhere="$(mktemp -d "$place/boardpack-cache-test.XXXXXX")" && break
  fi
done
check "a second file system is there to build into" test -n "$elsewhere"
if [ -n "$elsewhere" ]; then
  cp -p "$pack_blob" "$WORK/blob-times"
  python3 - "$pack_blob" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 3] ^= 0x20  # one altered byte, same length
open(path, "wb").write(bytes(data))
PY
  touch -r "$WORK/blob-times" "$pack_blob"
  "$BOARDPACK" build --source "$site" --out "$elsewhere/out" >"$WORK/elsewhere.log" 2>&1
  check "a cached file altered in place, its time kept, is not copied elsewhere" test "$(from_cache "$WORK/elsewhere")" = 3
  check "and the output elsewhere equals a clean build" same "$elsewhere/out" "$reference"
  rm -rf "$elsewhere"
fi

head -c 50 "$entry/entry" >"$WORK/part.txt" && cp "$WORK/part.txt" "$entry/entry"
cached damaged; damaged="$WORK/damaged"
check "a damaged entry record is detected" test "$(from_cache "$damaged")" = 3
check "a damaged entry record is never served" same "$damaged" "$reference"

# An entry one byte longer than its opening's sizes add up to: a small one is read whole in
# one go (its size is what that read found), a large one is asked its size.
printf 'x' >>"$entry/entry"
check "a meeting's packs entry is read in one go" test "$(stat -c %s "$entry/entry")" -lt 16384
cached lengthened; lengthened="$WORK/lengthened"
check "a small entry longer than it says is taken for damaged" test "$(from_cache "$lengthened")" = 3
check "a small entry longer than it says is never served" same "$lengthened" "$reference"
long_entry="$cache/$layout/public/pages/csp/2017-12-12/entry"
printf 'x' >>"$long_entry"
check "a meeting's pages entry is larger than one read" test "$(stat -c %s "$long_entry")" -gt 16384
cached lengthened_pages; lengthened_pages="$WORK/lengthened_pages"
check "a large entry longer than it says is taken for damaged" test "$(pages_from_cache "$lengthened_pages")" = 3
check "a large entry longer than it says is never served" same "$lengthened_pages" "$reference"

pages_entry="$cache/$layout/public/pages/csp/2017-12-12/entry"
note_of "$pages_entry" >"$WORK/pages-note"
read -r note_start note_size <<<"$(entry_part note "$pages_entry")"
check "a meeting's pages entry keeps a note" test "$note_size" -gt 1000
flip_byte "$pages_entry" "$((note_start + note_size / 2))"
cached altered_note; altered_note="$WORK/altered_note"
check "an altered note (a meeting's search terms) is detected" test "$(pages_from_cache "$altered_note")" = 3
check "an altered note is never served" same "$altered_note" "$reference"
check "the altered note is stored afresh" cmp -s <(note_of "$pages_entry") "$WORK/pages-note"

# A meeting's search records lie in its pages entry's tail, read only for the shards an edit
# touches and checked shard by shard against the sums in the note. Damaged records fail the
# build that reaches them, the entry dropped, and the next build lays the meeting out again.
read -r tail_start tail_size <<<"$(entry_part tail "$pages_entry")"
check "a meeting's search records lie in its pages entry's tail" test "$tail_size" -gt 1000
python3 - "$pages_entry" "$tail_start" <<'PY'
import sys
path, start = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, "rb").read())
for at in range(start, len(data), 7):  # every shard's records altered, the size kept
    data[at] ^= 0x01
open(path, "wb").write(bytes(data))
PY
cached tail_unread; tail_unread="$WORK/tail_unread"
check "records that no edit needs are not read" test "$(pages_from_cache "$tail_unread")" = 4
check "so a rebuild past them equals a clean build" same "$tail_unread" "$reference"
edited_paper="$site/content/csp/2018-03-13/08-chairs-report.md"
cp "$edited_paper" "$WORK/paper-before"
echo "The partnership agreed the community safety plan and the anti-social behaviour actions." \
  >>"$edited_paper"
cp -r "$tail_unread" "$WORK/tail_unread_kept"
"$BOARDPACK" build --source "$site" --out "$tail_unread" >"$WORK/tail_read.log" 2>&1
check "damaged records an edit needs stop the build" test "$?" -ne 0
check "damaged records an edit needs fail the build" grep -q "search postings kept in .* are damaged" "$WORK/tail_read.log"
check "and leave the output as it was" same "$tail_unread" "$WORK/tail_unread_kept"
check "the damaged entry is dropped from the cache" test ! -e "$pages_entry"
cached tail_healed; tail_healed="$WORK/tail_healed"
# The edited meeting's pages were stored by the build that failed after them.
check "the next build lays the meeting out again" test "$(pages_from_cache "$tail_healed")" = 3
check "and stores its pages afresh" test -f "$pages_entry"
clean reference_tail; reference_tail="$WORK/reference_tail"
check "and equals a clean build" same "$tail_healed" "$reference_tail"
cp "$WORK/paper-before" "$edited_paper"
cached tail_restored

sed -i 's/^2017-05,.*/2017-05,23/' "$site/content/csp/indicators/arson.csv"
cached data_change; data_change="$WORK/data_change"
check "a changed data file lays out the board's meetings again" test "$(from_cache "$data_change")" = 0
clean reference_data; reference="$WORK/reference_data"
check "after a data change the build equals a clean build" same "$data_change" "$reference"
check "a changed data file renders the board's indicator pages again" bash -c "! [ '$data_change/csp/indicators/index.html' -ef '$damaged/csp/indicators/index.html' ]"

sed -i 's/^The Chair welcomed members/The Chair warmly welcomed members/' "$site/content/csp/2017-09-12/03-minutes.md"
cached minutes; minutes="$WORK/minutes"
clean reference_minutes; reference="$WORK/reference_minutes"
check "after changed minutes the build equals a clean build" same "$minutes" "$reference"
check "changed minutes reach the meetings that print them" test "$(from_cache "$minutes")" -lt 4

cached members --audience members; members="$WORK/members"
check "the members' edition has entries of its own" test -f "$cache/$layout/members/meetings/csp/2017-12-12/entry"
cached members_again --audience members; members_again="$WORK/members_again"
check "the members' edition is taken from the cache" test "$(from_cache "$members_again")" = 4
clean members_reference --audience members; members_reference="$WORK/members_reference"
check "the members' edition from the cache equals a clean build" same "$members_again" "$members_reference"

SOURCE_DATE_EPOCH=1700000000 cached other_epoch; other_epoch="$WORK/other_epoch"
check "another SOURCE_DATE_EPOCH does not use the cache" test "$(from_cache "$other_epoch")" = 0

elsewhere="$WORK/elsewhere-cache"
cached moved --cache "$elsewhere"; moved="$WORK/moved"
check "--cache puts the cache in the folder named" test -f "$elsewhere/$layout/public/meetings/csp/2017-12-12/entry"
check "a build with --cache equals a clean build" same "$moved" "$reference"

# An older layout's entries are never read again, so a build removes them; a folder of the
# user's own that only shares such a name is left alone.
cp -r "$elsewhere/$layout" "$elsewhere/v1"
mkdir -p "$elsewhere/v5/public" && echo "minutes of the away day" >"$elsewhere/v5/public/notes.txt"
mkdir -p "$elsewhere/v6/public/meetings" "$elsewhere/v6/photos"
cached moved_again --cache "$elsewhere"
check "an older layout of the cache is removed" test ! -e "$elsewhere/v1"
check "a folder that only looks like one keeps its files" test -f "$elsewhere/v5/public/notes.txt"
check "a folder with anything else in it is kept" test -d "$elsewhere/v6/photos"
check "the current layout stays" test -f "$elsewhere/$layout/public/meetings/csp/2017-12-12/entry"
rm -rf "$cache"
clean no_cache; no_cache="$WORK/no_cache"
check "--no-cache writes no cache" test ! -e "$cache"
check "--no-cache takes nothing from a cache" test "$(from_cache "$no_cache")" = 0

# Each board's part of the index is an entry of its own: an edit in one board's papers rewrites
# that board's entry and leaves every other board's as it was.
cp -r "$site/content/csp" "$site/content/youth"
sed -i 's/^name: .*/name: Harbourside Youth Justice Board/; s/^short_name: .*/short_name: YJ Board/' \
  "$site/content/youth/board.yaml"
cached two_boards
csp_index="$cache/$layout/public/index/content/csp/entry"
youth_index="$cache/$layout/public/index/content/youth/entry"
check "each board's index has an entry of its own" test -f "$csp_index" -a -f "$youth_index"
youth_before="$(stat -c %i "$youth_index")"
csp_before="$(stat -c %i "$csp_index")"
cp "$site/$meeting/08-chairs-report.md" "$WORK/chairs-report-before"
echo "The board thanked the officers for the winter programme." >>"$site/$meeting/08-chairs-report.md"
cached two_boards_edit; two_boards_edit="$WORK/two_boards_edit"
check "an edit in one board reads its meeting's agenda again, alone" test "$(index_from_cache "$two_boards_edit")" = 7
check "and rewrites that board's index entry" test "$(stat -c %i "$csp_index")" != "$csp_before"
check "leaving the other board's as it was" test "$(stat -c %i "$youth_index")" = "$youth_before"
clean two_boards_reference
check "the build with two boards equals a clean build" same "$two_boards_edit" "$WORK/two_boards_reference"
check "a board's feed lists its own papers alone" bash -c "! grep -q 'youth/' '$two_boards_edit/csp/feed.xml' && grep -q 'youth/' '$two_boards_edit/youth/feed.xml'"
# Without SOURCE_DATE_EPOCH a calendar's time stamp is the latest meeting's date in the whole
# site: a meeting added to one board changes every board's calendar, and a board's pages kept
# in the cache are not served.
unset_epoch() { env -u SOURCE_DATE_EPOCH "$@"; }
unset_epoch "$BOARDPACK" build --source "$site" --out "$WORK/no_epoch" >"$WORK/no_epoch.log" 2>&1
stamp_before="$(grep -m1 '^DTSTAMP' "$WORK/no_epoch/csp/calendar.ics")"
mkdir "$site/content/youth/2019-03-12"
printf 'date: 2019-03-12\nstatus: scheduled\nitems:\n  - number: "1"\n    title: Welcome and apologies\n    presenter: Chair\n' >"$site/content/youth/2019-03-12/meeting.yaml"
unset_epoch "$BOARDPACK" build --source "$site" --out "$WORK/no_epoch_later" >"$WORK/no_epoch_later.log" 2>&1
unset_epoch "$BOARDPACK" build --source "$site" --out "$WORK/no_epoch_reference" --no-cache >"$WORK/no_epoch_reference.log" 2>&1
check "a later meeting in another board moves a board's calendar stamp" bash -c "grep -q '^DTSTAMP:20190312' '$WORK/no_epoch_later/csp/calendar.ics' && [ '$stamp_before' != \"\$(grep -m1 '^DTSTAMP' '$WORK/no_epoch_later/csp/calendar.ics')\" ]"
check "and the build without SOURCE_DATE_EPOCH equals a clean build" same "$WORK/no_epoch_later" "$WORK/no_epoch_reference"
rm -rf "$site/content/youth"
cp "$WORK/chairs-report-before" "$site/$meeting/08-chairs-report.md"

# What a pack draws with depends on the installed fonts (an installed body family, fallback
# faces): a font installed, upgraded or removed since the last build makes every cached pack
# stale. fontconfig reads the system's fonts and a folder of the test's own.
fonts="$WORK/fonts"
mkdir -p "$fonts" "$WORK/fontconfig-cache"
cat >"$WORK/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <cachedir>$WORK/fontconfig-cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$fonts</dir>
</fontconfig>
EOF
regular="$(fc-match -f '%{file}' 'DejaVu Sans:style=Book')"
bold="$(fc-match -f '%{file}' 'DejaVu Sans:style=Bold')"
fonts_build() { FONTCONFIG_FILE="$WORK/fonts.conf" cached "$1"; }
fonts_build fonts_filled
fonts_build fonts_unchanged
check "with the same fonts every meeting comes from the cache" test "$(from_cache "$WORK/fonts_unchanged")" = 4
cp "$regular" "$fonts/extra.ttf"
fonts_build fonts_added
check "a font installed since the last build lays every meeting out again" test "$(from_cache "$WORK/fonts_added")" = 0
fonts_build fonts_added_again
check "the new font's entries are then taken from the cache" test "$(from_cache "$WORK/fonts_added_again")" = 4
cp "$bold" "$fonts/extra.ttf"
fonts_build fonts_upgraded
check "a font file replaced since the last build lays every meeting out again" test "$(from_cache "$WORK/fonts_upgraded")" = 0
rm "$fonts/extra.ttf"
fonts_build fonts_removed
check "a font removed since the last build lays every meeting out again" test "$(from_cache "$WORK/fonts_removed")" = 0
finish
