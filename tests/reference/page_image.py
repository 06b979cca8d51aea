#!/usr/bin/env python3
"""Compares a rendered page with its stored reference image, or stores a new reference.

    page_image.py compare PAGE.pgm REFERENCE.png [DIFF.pgm]
    page_image.py store PAGE.pgm REFERENCE.png

PAGE.pgm is what `pdftoppm -gray` writes; references are 8-bit greyscale PNGs written by the
store command. A pixel differs when its grey level moves by more than PIXEL_TOLERANCE; the
images match when they have the same size and no more than AREA_TOLERANCE of their pixels
differ, so anti-aliasing noise passes and a moved line of text does not. DIFF.pgm, when given,
shows the differing pixels in black. Exit status 0: match (or stored), 1: differ, 2: unreadable.
Python's standard library only."""
import struct
import sys
import zlib

PIXEL_TOLERANCE = 48  # grey levels out of 255
AREA_TOLERANCE = 0.002  # fraction of the page's pixels


def read_pgm(path):
    with open(path, "rb") as handle:
        data = handle.read()
    fields, offset = [], 0
    while len(fields) < 4:
        while data[offset:offset + 1].isspace():
            offset += 1
        if data[offset:offset + 1] == b"#":
            offset = data.index(b"\n", offset)
            continue
        end = offset
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    if fields[0] != b"P5" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PGM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[offset + 1:offset + 1 + width * height]
    if len(pixels) != width * height:
        raise ValueError(f"{path}: truncated")
    return width, height, pixels


def paeth(left, up, up_left):
    p = left + up - up_left
    pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
    return left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    offset, width, height, idat = 8, 0, 0, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour != 0 or interlace != 0:
                raise ValueError(f"{path}: not an 8-bit greyscale PNG written by this tool")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    pixels, previous = bytearray(), bytearray(width)
    for y in range(height):
        start = y * (width + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + width])
        for x in range(width):
            left = line[x - 1] if x else 0
            up_left = previous[x - 1] if x else 0
            predictor = (0, left, previous[x], (left + previous[x]) // 2,
                         paeth(left, previous[x], up_left))[kind]
            line[x] = (line[x] + predictor) & 255
        pixels += line
        previous = line
    return width, height, bytes(pixels)


def write_png(path, width, height, pixels):
    # Filter "up" on every row: pages are mostly runs of white, which then compress well.
    raw, previous = bytearray(), bytes(width)
    for y in range(height):
        line = pixels[y * width:(y + 1) * width]
        raw.append(2)
        raw += bytes((a - b) & 255 for a, b in zip(line, previous))
        previous = line

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(bytes(raw), 9)))
        out.write(chunk(b"IEND", b""))


def compare(page, reference, diff_path=None):
    if page[:2] != reference[:2]:
        print(f"size {page[0]}x{page[1]} differs from the reference's "
              f"{reference[0]}x{reference[1]}")
        return 1
    width, height = page[:2]
    moved = [abs(a - r) > PIXEL_TOLERANCE for a, r in zip(page[2], reference[2])]
    differing = sum(moved)
    if diff_path:
        with open(diff_path, "wb") as out:
            out.write(b"P5 %d %d 255\n" % (width, height))
            out.write(bytes(0 if m else 255 for m in moved))
    fraction = differing / float(width * height)
    if fraction > AREA_TOLERANCE:
        print(f"{differing} of {width * height} pixels differ ({fraction:.2%}; "
              f"tolerance {AREA_TOLERANCE:.2%})")
        return 1
    return 0


def main(argv):
    if len(argv) < 4 or argv[1] not in ("compare", "store") or len(argv) > 5:
        print("usage: page_image.py compare|store PAGE.pgm REFERENCE.png [DIFF.pgm]",
              file=sys.stderr)
        return 2
    try:
        page = read_pgm(argv[2])
        if argv[1] == "store":
            write_png(argv[3], *page)
            return 0
        reference = read_png(argv[3])
    except (OSError, ValueError, IndexError, zlib.error, struct.error) as error:
        print(f"cannot read: {error}", file=sys.stderr)
        return 2
    return compare(page, reference, argv[4] if len(argv) == 5 else None)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
