#!/usr/bin/env python3
"""Writes digitally signed PDFs, good and bad, for CertDesk's signature tests.

  make_signed_pdf.py OUTDIR

Everything is made here, at test time: a self-signed certificate and its key
(openssl req), a one-page PDF written by hand with an AcroForm signature field
whose signature dictionary is /Adobe.PPKLite, /adbe.pkcs7.detached, and a
detached CMS signature (openssl cms -sign) over the bytes its /ByteRange
covers, written as hex into the zero-filled /Contents placeholder. OUTDIR
receives:

  valid.pdf               signed as a PDF signer signs: the byte range covers
                          the whole file but /Contents
  appended.pdf            valid.pdf and an incremental update after it that
                          changes the page's text (the signature still checks
                          out, and no longer covers the whole file)
  flipped.pdf             valid.pdf with one byte of the page's text changed
                          inside the signed range (the digest does not match)
  contents-not-hex.pdf    /Contents is <ZZZZ…>: not hexadecimal
  byterange-past-end.pdf  the last range of /ByteRange ends a megabyte past the
                          end of the file
  garbage-der.pdf         /Contents is hex of bytes that are not DER
  byterange-not-array.pdf /ByteRange is a number
  unsigned.pdf            the same page without any signature field
  unsigned-field.pdf      a signature field that was never signed (no /V)
  signer.pem              the signer's certificate (subject CN below)
  nssdb/                  an NSS database that trusts signer.pem, when
                          certutil (Debian package libnss3-tools) is there
  manifest.json           {"signer": CN, "nssdb": true/false, "files": […]}

The page reads "Certificate of completion" and "Ada Example": tests look for
that text too.

Tools: openssl; certutil for nssdb/. Exits 2, saying which, when openssl is
missing or fails.
"""
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

SIGNER_CN = "CertDesk Test Signer"
PLACEHOLDER_HEX = 16384  # hex digits reserved for the DER signature (8 KB)
BYTE_RANGE_PLACEHOLDER = b"[0 0000000000 0000000000 0000000000]"
PAGE_TEXT = b"Certificate of completion"
HOLDER = b"Ada Example"


def run(args, **kwargs):
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=60, **kwargs)
    except FileNotFoundError:
        sys.exit(f"make_signed_pdf: {args[0]} is not installed")
    except subprocess.CalledProcessError as failure:
        sys.stderr.write(failure.stderr.decode(errors="replace"))
        sys.exit(2)


def content_stream(holder: bytes) -> bytes:
    text = (b"BT /F1 28 Tf 72 700 Td (" + PAGE_TEXT + b") Tj ET\n"
            b"BT /F1 20 Tf 72 650 Td (" + holder + b") Tj ET\n")
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text)


def build_pdf(signature_field: bool, signature_value: bool) -> bytes:
    """A one-page PDF; objects 5 and 6 are the signature field and value."""
    annots = b" /Annots [5 0 R]" if signature_field else b""
    acroform = b" /AcroForm << /Fields [5 0 R] /SigFlags 3 >>" if signature_field else b""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R" + acroform + b" >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 7 0 R >> >>" + annots + b" >>"),
        4: content_stream(HOLDER),
        7: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    if signature_field:
        value = b" /V 6 0 R" if signature_value else b""
        objects[5] = (b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1)"
                      b" /Rect [0 0 0 0] /F 132 /P 3 0 R" + value + b" >>")
    if signature_value:
        objects[6] = (b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached"
                      b" /Name (" + SIGNER_CN.encode() + b") /M (D:20250120120000Z)"
                      b" /ByteRange " + BYTE_RANGE_PLACEHOLDER +
                      b" /Contents <" + b"0" * PLACEHOLDER_HEX + b"> >>")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def contents_span(pdf: bytes):
    """Where the hex string of /Contents starts ('<') and ends (after '>')."""
    start = pdf.index(b"/Contents <") + len(b"/Contents ")
    end = pdf.index(b">", start) + 1
    return start, end


def with_byte_range(pdf: bytes, ranges) -> bytes:
    text = ("[%s]" % " ".join(str(n) for n in ranges)).encode()
    if len(text) > len(BYTE_RANGE_PLACEHOLDER):
        raise ValueError("byte range too long")
    # The placeholder, or the array written over it: the same width.
    at = pdf.index(b"/ByteRange [") + len(b"/ByteRange ")
    text = text.ljust(len(BYTE_RANGE_PLACEHOLDER))
    return pdf[:at] + text + pdf[at + len(text):]


def with_contents_hex(pdf: bytes, hex_digits: bytes) -> bytes:
    start, end = contents_span(pdf)
    room = end - start - 2
    if len(hex_digits) > room:
        raise ValueError("signature larger than its placeholder")
    return pdf[:start + 1] + hex_digits.ljust(room, b"0") + pdf[end - 1:]


def sign(pdf: bytes, work: Path):
    """pdf with its byte range set and a detached CMS signature over it."""
    start, end = contents_span(pdf)
    ranges = (0, start, end, len(pdf) - end)
    pdf = with_byte_range(pdf, ranges)
    covered = work / "covered.bin"
    covered.write_bytes(pdf[:start] + pdf[end:])
    der = work / "signature.der"
    run(["openssl", "cms", "-sign", "-binary", "-outform", "DER", "-nosmimecap", "-md", "sha256",
         "-signer", str(work / "signer.pem"), "-inkey", str(work / "signer.key"),
         "-in", str(covered), "-out", str(der)])
    return with_contents_hex(pdf, der.read_bytes().hex().encode()), ranges


def incremental_update(pdf: bytes) -> bytes:
    """pdf and an update after its end that replaces the page's text."""
    previous_xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    out = bytearray(pdf)
    offset = len(out)
    out += b"4 0 obj\n%s\nendobj\n" % content_stream(b"Somebody Else")
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size 8 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (previous_xref, xref))
    return bytes(out)


def make_certificate(work: Path):
    # A self-signed certificate that may also stand as its own root (CA:TRUE),
    # so that an NSS database can be told to trust it.
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
         "-subj", f"/CN={SIGNER_CN}/O=CertDesk Tests",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign",
         "-keyout", str(work / "signer.key"), "-out", str(work / "signer.pem")])


def make_nssdb(out: Path) -> bool:
    if shutil.which("certutil") is None:
        return False
    db = out / "nssdb"
    if db.exists():
        shutil.rmtree(db)
    db.mkdir()
    run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"])
    run(["certutil", "-A", "-d", f"sql:{db}", "-n", SIGNER_CN, "-t", "CT,C,C",
         "-i", str(out / "signer.pem")])
    return True


def main() -> int:
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    work.mkdir(exist_ok=True)
    make_certificate(work)
    shutil.copy(work / "signer.pem", out / "signer.pem")

    template = build_pdf(signature_field=True, signature_value=True)
    valid, ranges = sign(template, work)
    files = {"valid.pdf": valid, "appended.pdf": incremental_update(valid)}

    flipped = bytearray(valid)
    at = valid.index(HOLDER)
    assert at < ranges[1]
    flipped[at] ^= 0x02  # "Ada" becomes "Cda": still text, no longer signed
    files["flipped.pdf"] = bytes(flipped)

    start, end = contents_span(valid)
    files["contents-not-hex.pdf"] = valid[:start + 1] + b"Z" * (end - start - 2) + valid[end - 1:]
    files["byterange-past-end.pdf"] = with_byte_range(
        valid, (ranges[0], ranges[1], ranges[2], ranges[3] + 1024 * 1024))
    garbage = bytearray()
    seed = b"not a signature"
    while len(garbage) < 1500:
        seed = hashlib.sha256(seed).digest()
        garbage += seed
    files["garbage-der.pdf"] = with_contents_hex(with_byte_range(template, ranges),
                                                 bytes(garbage).hex().encode())
    at = template.index(BYTE_RANGE_PLACEHOLDER)
    files["byterange-not-array.pdf"] = (template[:at] +
                                        b"42".ljust(len(BYTE_RANGE_PLACEHOLDER)) +
                                        template[at + len(BYTE_RANGE_PLACEHOLDER):])
    files["unsigned.pdf"] = build_pdf(signature_field=False, signature_value=False)
    files["unsigned-field.pdf"] = build_pdf(signature_field=True, signature_value=False)

    for name, data in files.items():
        (out / name).write_bytes(data)
    nssdb = make_nssdb(out)
    shutil.rmtree(work)
    (out / "manifest.json").write_text(json.dumps(
        {"signer": SIGNER_CN, "nssdb": nssdb, "files": sorted(files)}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
