#!/usr/bin/env bash
# Reads the example site's Atom feeds and iCalendar files with real parsers (Debian's
# python3-feedparser and python3-icalendar): feeds newest first, one per board holding only
# that board's papers; calendars with Europe/London times, the forward plan's meetings as
# tentative events, and each event's agenda with a link.
# Usage: bash site_feeds.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "$python" -c "import icalendar, feedparser" 2>/dev/null; then
    echo "FAIL: $python cannot import icalendar and feedparser (apt-get install python3-icalendar python3-feedparser)"
    echo "site_feeds: 0 passed, 1 failed"
    exit 1
fi
(cd "$work" && "$bin" build --source "$root" --out "$work/site" >"$work/build.log" 2>&1) || {
    cat "$work/build.log"
    echo "FAIL: boardpack build failed"
    echo "site_feeds: 0 passed, 1 failed"
    exit 1
}

"$python" - "$work/site" "$root" <<'PY'
import datetime, os, re, sys
import feedparser, icalendar

site, root = sys.argv[1], sys.argv[2]
passed, failed = 0, 0
def check(ok, message):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", message)

boards = sorted(d for d in os.listdir(os.path.join(root, "content"))
                if os.path.isfile(os.path.join(root, "content", d, "board.yaml")))
base = re.search(r"^base_url:\s*(\S+)", open(os.path.join(root, "site.yaml"), encoding="utf-8").read(), re.M).group(1)

def read_feed(path):
    feed = feedparser.parse(open(path, "rb").read())
    check(not feed.bozo, f"{path}: not a well-formed feed: {feed.get('bozo_exception')}")
    check(feed.version == "atom10", f"{path}: not Atom 1.0 ({feed.version})")
    check(len(feed.entries) > 0, f"{path}: no entries")
    updated = [entry.updated_parsed for entry in feed.entries]
    check(updated == sorted(updated, reverse=True), f"{path}: entries are not newest first")
    for entry in feed.entries:
        check(entry.link.startswith(base), f"{path}: entry link {entry.link} is not absolute under {base}")
        check(bool(entry.get("summary")), f"{path}: entry {entry.title!r} has no summary")
    return feed

site_feed = read_feed(os.path.join(site, "feed.xml"))
for board in boards:
    path = os.path.join(site, board, "feed.xml")
    check(os.path.isfile(path), f"no feed for the board {board}")
    if not os.path.isfile(path):
        continue
    feed = read_feed(path)
    check(all(f"/{board}/" in entry.link for entry in feed.entries),
          f"{path}: holds papers of other boards")
    check({e.id for e in feed.entries} <= {e.id for e in site_feed.entries},
          f"{path}: has entries the site feed lacks")

london = None
for board in boards:
    path = os.path.join(site, board, "calendar.ics")
    calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
    zones = [c for c in calendar.walk("VTIMEZONE")]
    check(len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/London",
          f"{path}: no VTIMEZONE for Europe/London")
    events = calendar.walk("VEVENT")
    check(len(events) > 0, f"{path}: no events")
    confirmed, tentative = 0, 0
    for event in events:
        start = event["DTSTART"]
        check(start.params.get("TZID") == "Europe/London", f"{path}: {event['SUMMARY']} has no TZID")
        moment = start.dt
        check(isinstance(moment, datetime.datetime) and moment.tzinfo is not None,
              f"{path}: {event['SUMMARY']} starts at a floating time")
        status = str(event.get("STATUS"))
        description = str(event.get("DESCRIPTION", ""))
        if status == "TENTATIVE":
            tentative += 1
            check("forward plan" in description.lower(),
                  f"{path}: tentative event {moment} does not say it comes from the forward plan")
        else:
            confirmed += 1
            check(description.startswith("Agenda:") and base in description,
                  f"{path}: event {moment} has no agenda with a link: {description[:80]!r}")
        # A June meeting at 14:00 in London is 13:00 UTC (BST); a December one 14:00 UTC.
        if isinstance(moment, datetime.datetime) and moment.tzinfo is not None:
            utc = moment.astimezone(datetime.timezone.utc)
            offset = (moment.replace(tzinfo=None) - utc.replace(tzinfo=None)).total_seconds() / 3600
            summer = 4 <= moment.month <= 9
            check(offset == (1 if summer else 0),
                  f"{path}: {moment} is {offset} h from UTC, expected {1 if summer else 0}")
    check(confirmed > 0, f"{path}: no confirmed meetings")
    forward_plan = os.path.join(root, "content", board, "forward-plan.yaml")
    if os.path.isfile(forward_plan):
        check(tentative > 0, f"{path}: the forward plan's later meetings are not tentative events")

print(f"site_feeds: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
