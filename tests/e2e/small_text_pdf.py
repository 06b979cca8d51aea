# Writes a one-page PDF whose text stands 12 pt tall, 8.5 pt tall (17 pt under a halving
# matrix) and 8.4 pt tall (12 pt in a form placed at 70%), for checking the size probe.
import sys

content = (b"BT /F1 12 Tf 10 150 Td (Twelve) Tj ET "
           b"q 0.5 0 0 0.5 0 0 cm BT /F1 17 Tf 20 20 Td (Halved) Tj ET Q "
           b"q /Fx1 Do Q")
form = b"BT /F1 12 Tf 10 50 Td (Form) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >>"
    b" /XObject << /Fx1 6 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + 1, content),
    b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [0.7 0 0 0.7 0 0]"
    b" /Resources << /Font << /F1 4 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
    % (len(form) + 1, form),
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
