"""A tiny PDF writer for the "EMREX transcript" attachment (text pages, Helvetica).

Only what the sandbox needs: a few pages of left-aligned text lines, a header rule, and an
optional full-page noise image that makes the file several megabytes big and
incompressible (the ``big_pdf`` switch), as a scanned document would be.
"""

from __future__ import annotations

import datetime as dt
import os

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
LINE = 13
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN - 40) // LINE
#: x offsets of table cells (code, title, credits, grade, date) when a line is a list
COLUMNS = (0, 78, 330, 385, 425)


def _text(value: str) -> str:
    data = value.encode("cp1252", errors="replace").decode("latin-1")
    return data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(lines: list[tuple[str, str]], title: str, page_no: int, pages: int) -> bytes:
    out = [
        "0.15 0.25 0.45 RG 1.2 w",
        f"{MARGIN} {PAGE_H - MARGIN - 26} m {PAGE_W - MARGIN} {PAGE_H - MARGIN - 26} l S",
        "BT /F2 15 Tf 0.1 0.1 0.1 rg",
        f"{MARGIN} {PAGE_H - MARGIN - 16} Td ({_text(title)}) Tj ET",
        "BT /F1 8 Tf 0.4 0.4 0.4 rg",
        f"{PAGE_W - MARGIN - 60} {MARGIN - 24} Td (Page {page_no} of {pages}) Tj ET",
    ]
    y = PAGE_H - MARGIN - 46
    for style, text in lines:
        font, size = {"h": ("F2", 11), "b": ("F2", 9), "s": ("F1", 8)}.get(style, ("F1", 9))
        shade = "0.35 0.35 0.35" if style == "s" else "0.1 0.1 0.1"
        cells = [(0, text)] if isinstance(text, str) else list(zip(COLUMNS, text))
        for x, cell in cells:
            if cell:
                out.append(f"BT /{font} {size} Tf {shade} rg {MARGIN + x} {y} Td ({_text(cell)}) Tj ET")
        y -= LINE
    return "\n".join(out).encode("latin-1")


def build_pdf(title: str, lines: list[tuple[str, str]], *, noise_bytes: int = 0) -> bytes:
    """A valid PDF 1.4 document; ``lines`` are ``(style, text)`` with style h/b/s or '', where
    ``text`` is a string or a list of table cells (see ``COLUMNS``)."""
    chunks = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    pages = len(chunks) + (1 if noise_bytes else 0)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # placeholder, filled below
    pages_obj = add(b"")
    helvetica = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    fonts = f"/Font << /F1 {helvetica} 0 R /F2 {bold} 0 R >>".encode()
    kids = []
    for n, chunk in enumerate(chunks, start=1):
        stream = _page_stream(chunk, title, n, pages)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << %s >> "
                        b"/Contents %d 0 R >>" % (pages_obj, PAGE_W, PAGE_H, fonts, content)))
    if noise_bytes:
        side = max(8, int((noise_bytes / 3) ** 0.5))
        pixels = os.urandom(side * side * 3)
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, len(pixels))
                    + pixels + b"\nendstream")
        draw = (b"q %d 0 0 %d %d %d cm /Im1 Do Q\nBT /F2 11 Tf %d %d Td (Appendix: scanned pages) Tj ET"
                % (PAGE_W - 2 * MARGIN, PAGE_W - 2 * MARGIN, MARGIN, PAGE_H - MARGIN - (PAGE_W - 2 * MARGIN) - 30,
                   MARGIN, PAGE_H - MARGIN - 16))
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << %s "
                        b"/XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, PAGE_W, PAGE_H, fonts, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                              % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    stamp = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")
    info = add(b"<< /Title (%s) /Producer (Haku EMP sandbox) /CreationDate (%s) >>"
               % (_text(title).encode("latin-1"), stamp.encode()))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)
