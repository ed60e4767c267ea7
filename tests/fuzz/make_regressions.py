#!/usr/bin/env python3
"""Writes the inputs the fuzzers found, remade by hand, for scripts/fuzz.sh.

  make_regressions.py OUTDIR

Each file is the smallest PDF that shows one finding, written here from PDF
syntax (nothing copied from elsewhere). scripts/fuzz.sh replays them through
fuzz_pdfreader before it fuzzes: each must read without a crash, or stop in a
trap inside PDFium (a CHECK of its own, which the reader process turns into
a refusal); anything else fails the run.

  pdfium-check-negative-xref-offset.pdf
      A valid one-page PDF whose cross-reference table gives object 1 the
      offset -000000015. PDFium in Debian 12's libQt6Pdf 6.4.2 stops with a
      trap (SIGILL) in QPdfDocument::load(): certdesk-pdfcheck dies, and the
      app refuses the file ("reading it failed"). Found by fuzz_pdfreader as
      a one-byte change of tests/data/no-pages.pdf.
"""
import sys
from pathlib import Path


def pdf_with_xref_offsets(objects: list[bytes], offset_text) -> bytes:
    """objects[i] is object i + 1; offset_text(number, offset) writes an entry's offset."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number, offset in enumerate(offsets, start=1):
        out += b"%s 00000 n \n" % offset_text(number, offset)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def one_page() -> list[bytes]:
    content = b"BT /F1 24 Tf 72 720 Td (Certificate) Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def negative_xref_offset() -> bytes:
    def entry(number: int, offset: int) -> bytes:
        return b"-%09d" % offset if number == 1 else b"%010d" % offset
    return pdf_with_xref_offsets(one_page(), entry)


REGRESSIONS = {
    "pdfium-check-negative-xref-offset.pdf": negative_xref_offset,
}


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    for name, make in REGRESSIONS.items():
        (outdir / name).write_bytes(make())
    return 0


if __name__ == "__main__":
    sys.exit(main())
