#!/usr/bin/env bash
# Builds the example site for members and for the public, and checks that no page written only
# for members exists in the public site and that none of their body text appears in any public
# page, feed or calendar, while the public agenda still names the item as restricted.
# Usage: bash site_restricted.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for audience in public members; do
    (cd "$work" && "$bin" build --source "$root" --out "$work/$audience" --audience "$audience" >"$work/build-$audience.log" 2>&1) || {
        cat "$work/build-$audience.log"
        echo "FAIL: boardpack build --audience $audience failed"
        exit 1
    }
done

python3 - "$work/public" "$work/members" <<'PY'
import os, re, sys, html

public, members = sys.argv[1], sys.argv[2]
checks, failures = 0, []

def pages(site):
    found = set()
    for folder, _, files in os.walk(site):
        # search/index/*.js is the search index: it must not hold restricted text either.
        found.update(os.path.relpath(os.path.join(folder, f), site) for f in files
                     if f.endswith((".html", ".xml", ".ics", ".js")))
    return found

public_pages, member_pages = pages(public), pages(members)
public_text = "\n".join(html.unescape(open(os.path.join(public, p), encoding="utf-8").read())
                        for p in sorted(public_pages))
only_members = sorted(p for p in member_pages - public_pages if p.endswith(".html"))
checks += 1
if not only_members:
    failures.append("the members' edition has no pages of its own; the example site should "
                    "have a restricted item")
for page in only_members:
    text = open(os.path.join(members, page), encoding="utf-8").read()
    body = text.split('<div class="paper-body">', 1)[-1].split('</main>', 1)[0]
    sentences = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                 for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
    for sentence in [s for s in sentences if len(s) > 40][:5]:
        checks += 1
        if sentence[:60] in public_text:
            failures.append(f"text of the members-only page {page} is in the public site: "
                            f"{sentence[:60]!r}")
checks += 1
ground = ("Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local "
          "Government Act 1972 (information relating to action taken or to be taken in "
          "connection with the prevention, investigation or prosecution of crime)")
if ground not in re.sub(r"\s+", " ", public_text):
    failures.append("no public agenda gives the exempt item's ground under Schedule 12A")

for failure in failures:
    print("FAIL:", failure)
print(f"{checks} checks, {len(only_members)} members-only pages, {len(failures)} failed")
sys.exit(1 if failures else 0)
PY
