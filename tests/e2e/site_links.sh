#!/usr/bin/env bash
# Builds the example site and checks that every link and asset reference in every page resolves
# to a file in the output, that the feed and sitemap are well-formed XML and that the board
# calendars follow RFC 5545 line rules.
# Usage: bash site_links.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && "$bin" build --source "$root" --out "$work/public" --audience public >"$work/build.log" 2>&1) || {
    cat "$work/build.log"
    echo "FAIL: boardpack build failed"
    exit 1
}

python3 - "$work/public" "$root" <<'PY'
import os, sys, re, urllib.parse, xml.dom.minidom
from html.parser import HTMLParser

site, source = sys.argv[1], sys.argv[2]
checks = 0
failures = []

# Each board's record pages exist when the board has the data behind them.
content = os.path.join(source, "content")
for board in sorted(os.listdir(content)) if os.path.isdir(content) else []:
    folder = os.path.join(content, board)
    expected = []
    indicators = os.path.join(folder, "indicators")
    if os.path.isdir(indicators):
        ids = sorted(f[:-5] for f in os.listdir(indicators) if f.endswith(".yaml"))
        if ids:
            expected.append(f"{board}/indicators/index.html")
        for id in ids:
            expected += [f"{board}/indicators/{id}.html", f"{board}/indicators/{id}.csv"]
    if os.path.isfile(os.path.join(folder, "actions.csv")):
        expected.append(f"{board}/actions.html")
    if os.path.isfile(os.path.join(folder, "forward-plan.yaml")):
        expected.append(f"{board}/forward-plan.html")
    for path in expected:
        checks += 1
        if not os.path.isfile(os.path.join(site, path)):
            failures.append(f"missing record page {path}")

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs: self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs and attrs[name] is not None:
                self.refs.append((tag, attrs[name]))

site_path = "/"
site_yaml = os.path.join(source, "site.yaml")
if os.path.isfile(site_yaml):
    found = re.search(r"^base_url:\s*\S+?://[^/\s]+(/\S*)?", open(site_yaml, encoding="utf-8").read(), re.M)
    if found and found.group(1):
        site_path = found.group(1) if found.group(1).endswith("/") else found.group(1) + "/"

pages = {}
for folder, _, files in os.walk(site):
    for name in files:
        if name.endswith(".html"):
            path = os.path.join(folder, name)
            parser = Links()
            parser.feed(open(path, encoding="utf-8").read())
            pages[os.path.realpath(path)] = parser

for path, parser in sorted(pages.items()):
    for tag, ref in parser.refs:
        url = urllib.parse.urlsplit(ref)
        if url.scheme in ("http", "https", "mailto", "tel"):
            continue
        if url.scheme == "data":
            checks += 1
            if not ref.startswith("data:text/csv;charset=utf-8,Period"):
                failures.append(f"{path}: a data link that is not a chart's CSV: {ref[:60]}")
            continue
        checks += 1
        # The 404 page is served at any depth, so its links start from the site's own path.
        if (os.path.basename(path) == "404.html" and os.path.dirname(path) == os.path.realpath(site)
                and not ref.startswith("#")):
            if not ref.startswith(site_path):
                failures.append(f"{path}: link does not start from the site's path {site_path}: {ref}")
                continue
            ref = ref[len(site_path):]
            url = urllib.parse.urlsplit(ref)
        elif url.scheme or ref.startswith("/"):
            failures.append(f"{path}: link is not relative: {ref}")
            continue
        target = path if not url.path else os.path.realpath(
            os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path)))
        if not os.path.isfile(target):
            failures.append(f"{path}: broken link {ref}")
            continue
        if url.fragment and target.endswith(".html"):
            checks += 1
            if url.fragment not in pages[target].ids:
                failures.append(f"{path}: no id '{url.fragment}' in {ref}")

for name in ("feed.xml", "sitemap.xml"):
    checks += 1
    try:
        xml.dom.minidom.parse(os.path.join(site, name))
    except Exception as error:
        failures.append(f"{name}: not well-formed XML: {error}")

feed = xml.dom.minidom.parse(os.path.join(site, "feed.xml"))
checks += 1
if not feed.getElementsByTagName("entry"):
    failures.append("feed.xml has no entries")

calendars = [os.path.join(d, f) for d, _, fs in os.walk(site) for f in fs if f.endswith(".ics")]
checks += 1
if not calendars:
    failures.append("no board calendar (.ics) was written")
for path in calendars:
    data = open(path, "rb").read()
    lines = data.split(b"\r\n")
    checks += 3
    if b"\n" in data.replace(b"\r\n", b""):
        failures.append(f"{path}: a line ends without CRLF")
    if any(len(line) > 75 for line in lines):
        failures.append(f"{path}: a line is longer than 75 octets")
    if not data.startswith(b"BEGIN:VCALENDAR\r\n") or not data.endswith(b"END:VCALENDAR\r\n"):
        failures.append(f"{path}: not a VCALENDAR")
    for line in lines:
        if line.startswith(b"DTSTAMP:"):
            checks += 1
            if not re.fullmatch(rb"DTSTAMP:\d{8}T\d{6}Z", line):
                failures.append(f"{path}: bad {line!r}")

for failure in failures:
    print("FAIL:", failure)
print(f"{checks} checks over {len(pages)} pages, {len(failures)} failed")
sys.exit(1 if failures else 0)
PY
