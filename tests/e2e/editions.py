"""The public and members' editions of one meeting agree: the same pack.json page ranges, PDF
page labels that give every item's pages their members' numbers, one page in the public pack
for each withheld item, every page of every item stamped, every page of a restricted item in
the members' pack marked NOT FOR PUBLICATION in its header and footer, and appendix titles on
their pages, in the bookmarks and on the front sheet.

Usage: editions.py PUBLIC_DIR MEMBERS_DIR LABEL; prints one line per check that fails and a
count of checks."""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_labels import labels  # noqa: E402

public_dir, members_dir, name = sys.argv[1:4]
checks, problems = 0, []


def expect(condition, message):
    global checks
    checks += 1
    if not condition:
        problems.append(f"{name}: {message}")


def texts(pdf):
    count = len(labels(pdf))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                           capture_output=True, text=True).stdout for n in range(1, count + 1)]


public_pack = os.path.join(public_dir, "pack.pdf")
members_pack = os.path.join(members_dir, "pack-members.pdf")
expect(os.path.exists(public_pack), "the public edition has pack.pdf")
expect(os.path.exists(members_pack), "the members' edition has pack-members.pdf")
expect(not os.path.exists(os.path.join(members_dir, "pack.pdf")),
       "the members' edition writes no pack.pdf")
expect(os.path.exists(os.path.join(members_dir, "agenda-members.pdf")),
       "the members' edition has agenda-members.pdf")
public = json.load(open(os.path.join(public_dir, "pack.json"), encoding="utf-8"))
members = json.load(open(os.path.join(members_dir, "pack.json"), encoding="utf-8"))
expect(public["pages"] == members["pages"],
       f"page counts differ: public {public['pages']}, members {members['pages']}")
members_items = {item["number"]: item for item in members["items"]}
for item in public["items"]:
    other = members_items.get(item["number"], {})
    expect((item["first_page"], item["last_page"], item["restricted"]) ==
           (other.get("first_page"), other.get("last_page"), other.get("restricted")),
           f"item {item['number']}: public {item['first_page']}-{item['last_page']} vs "
           f"members {other.get('first_page')}-{other.get('last_page')}")

public_labels, members_labels = labels(public_pack), labels(members_pack)
expect(members_labels == list(range(1, len(members_labels) + 1)),
       "the members' pack is numbered 1, 2, 3 … throughout")
public_texts, members_texts = texts(public_pack), texts(members_pack)
# Printed on both sides, a page's number and its side of the sheet agree: odd on the right.
for sheet, label in enumerate(public_labels, start=1):
    expect(sheet % 2 == label % 2,
           f"public PDF page {sheet} is numbered {label}, on the wrong side of the sheet")


def pages_of(item, page_labels):
    """PDF page indexes (0-based) whose labels fall in the item's range."""
    return [i for i, label in enumerate(page_labels)
            if item["first_page"] <= label <= item["last_page"]]


for text in members_texts[:1]:
    expect("MEMBERS\u2019 EDITION" in text, "the members' cover carries its banner")
expect("MEMBERS\u2019 EDITION" not in public_texts[0], "the public cover has no members' banner")
for item in members["items"]:
    if item["first_page"] == 0:
        continue
    stamp = f"Agenda Item {item['number']}"
    for edition, page_labels, page_texts in (("public", public_labels, public_texts),
                                             ("members'", members_labels, members_texts)):
        if edition == "public" and item["number"] not in {i["number"] for i in public["items"]}:
            continue
        for index in pages_of(item, page_labels):
            text = page_texts[index]
            if "intentionally left blank" in text:
                continue
            expect(stamp in text, f"{edition} page {page_labels[index]} lacks '{stamp}'")
            # The printed number is the label: the footer's number at the outer edge.
            expect(re.search(rf"(^|\s{{2,}}){page_labels[index]}(\s{{2,}}|$)", text, re.M),
                   f"{edition} page {page_labels[index]}: the footer shows another number")
    if not item["restricted"]:
        continue
    for index in pages_of(item, members_labels):
        text = members_texts[index]
        if "intentionally left blank" in text:
            continue
        expect(text.count("NOT FOR PUBLICATION") >= 2,
               f"members' page {members_labels[index]} of restricted item {item['number']} is "
               f"not marked NOT FOR PUBLICATION in header and footer")
    withheld = [i for i in pages_of(item, public_labels)]
    if item["number"] in {i["number"] for i in public["items"]} and withheld:
        text = re.sub(r"\s+", " ", public_texts[withheld[0]])
        expect(len([i for i in withheld if "intentionally left blank" not in public_texts[i]])
               == 1, f"the public pack prints more than one page for withheld item "
                     f"{item['number']}")
        expect("not published" in text and "Not for publication" in text,
               f"the public page for withheld item {item['number']} does not say why: "
               f"{text[:200]}")

for problem in problems:
    print(problem)
print(f"{name}: {checks} checks, {len(problems)} failed")
sys.exit(1 if problems else 0)
