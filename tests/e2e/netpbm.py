# Reads a binary Netpbm image (P6 colour, P5 grey) as pdftoppm and pdfimages write them.


def read_netpbm(path):
    """The image's magic (b"P6" or b"P5"), width, height and samples, row after row."""
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:  # magic, width, height, maxval
        while data[at:at + 1].isspace():
            at += 1
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    return fields[0], int(fields[1]), int(fields[2]), data[at + 1:]
