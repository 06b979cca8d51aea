"""A PDF's page labels: the number printed on each page, read from /PageLabels.

As a script: `page_labels.py PDF NUMBER` prints the 1-based PDF page that carries page NUMBER
(the public edition prints one page for a withheld item, so its PDF pages run behind the
printed numbers); `page_labels.py PDF` prints every page's label, one a line."""
import json
import subprocess
import sys


def labels(pdf):
    """The decimal label of each page, in PDF order."""
    info = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pages",
                                      "--json-key=pagelabels", pdf],
                                     capture_output=True, text=True).stdout)
    count = len(info.get("pages", []))
    starts = sorted((entry["index"], entry["label"].get("/St", 1))
                    for entry in info.get("pagelabels", []))
    result = []
    for page in range(count):
        start = max((s for s in starts if s[0] <= page), default=(0, 1))
        result.append(start[1] + page - start[0])
    return result


def sheet_of(pdf, number):
    """The 1-based PDF page labelled `number`, or 0 when none is."""
    for index, label in enumerate(labels(pdf)):
        if label == number:
            return index + 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(sheet_of(sys.argv[1], int(sys.argv[2])))
    else:
        print("\n".join(str(label) for label in labels(sys.argv[1])))
