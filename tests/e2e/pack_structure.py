"""Checks a meeting pack against its pack.json: page count, odd first pages with their
"Agenda Item N" stamp, the front sheet's page ranges, blank pages, and bookmarks. Page numbers
are the printed ones, which the PDF's page labels carry (the public edition prints one page for
a withheld item, so its PDF pages may run behind)."""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_labels import labels  # noqa: E402

pack, manifest_path, label = sys.argv[1], sys.argv[2], sys.argv[3]
problems = []


def page_text(sheet):
    return subprocess.run(["pdftotext", "-layout", "-f", str(sheet), "-l", str(sheet), pack, "-"],
                          capture_output=True, text=True).stdout


with open(manifest_path, encoding="utf-8") as handle:
    manifest = json.load(handle)
info = subprocess.run(["pdfinfo", pack], capture_output=True, text=True).stdout
pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
page_labels = labels(pack)
if len(page_labels) != pages:
    problems.append(f"{len(page_labels)} page labels for {pages} pages")
if page_labels == list(range(1, pages + 1)) and pages != manifest["pages"]:
    problems.append(f"pdfinfo says {pages} pages, pack.json says {manifest['pages']}")
if page_labels and page_labels[-1] > manifest["pages"]:
    problems.append(f"the last page is numbered {page_labels[-1]}, past pack.json's "
                    f"{manifest['pages']} pages")
if any(b <= a for a, b in zip(page_labels, page_labels[1:])):
    problems.append("page numbers do not rise through the pack")

texts = {label: page_text(sheet) for sheet, label in enumerate(page_labels, start=1)}
front_sheet = "".join(page_text(n) for n in range(1, min(pages, 3) + 1))
front_sheet_flat = re.sub(r"\s+", " ", front_sheet)

for item in manifest["items"]:
    number, first, last = item["number"], item["first_page"], item["last_page"]
    if item["verbal"] or item["restricted"] and first == 0:
        if first != 0:
            problems.append(f"item {number} is verbal but has pages")
        continue
    if first == 0:
        continue
    if first % 2 != 1:
        problems.append(f"item {number} starts on even page {first}")
    if not (1 <= first <= last <= manifest["pages"]) or first not in texts:
        problems.append(f"item {number} has a bad range {first}-{last}")
        continue
    if f"Agenda Item {number}" not in texts[first]:
        problems.append(f"page {first} lacks 'Agenda Item {number}'")
    shown = f"{first} – {last}" if first != last else f"{first}"
    if shown not in front_sheet_flat:
        problems.append(f"front sheet does not show pages '{shown}' for item {number}")

for number, text in texts.items():
    words = text.split()
    if len(words) < 8 and "intentionally left blank" not in text:
        problems.append(f"page {number} is nearly empty without the blank-page sentence")

outlines = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pack],
                                     capture_output=True, text=True).stdout).get("outlines", [])
def all_titles(entries):
    for entry in entries:
        yield entry.get("title", "")
        yield from all_titles(entry.get("kids", []))


titles = " | ".join(all_titles(outlines))
for item in manifest["items"]:
    if item["first_page"] and item["number"] not in titles:
        problems.append(f"no bookmark for item {item['number']} (bookmarks: {titles[:200]})")

for problem in problems:
    print(f"{label}: {problem}")
sys.exit(1 if problems else 0)
