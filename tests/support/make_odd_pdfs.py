#!/usr/bin/env python3
"""Writes odd but realistic PDF uploads for CertDesk's PDF tests.

  make_odd_pdfs.py OUTDIR [--verify]

Every file is made here, at test time: hand-written PDF syntax, changed with
qpdf, and one JPEG 2000 image that opj_compress encodes from a greyscale
"scan" drawn by this script. Nothing is copied from elsewhere. OUTDIR receives
the files and manifest.json, an array of {"file", "what", "expect", "note"},
where "expect" is what a reader of uploads should do with the file:

  accept           a valid PDF that a viewer opens directly
  repair           viewers open it only after rebuilding it; qpdf rewrites it
                   into a clean file
  refuse-password  needs a real user password
  refuse-damaged   nothing can open it
  refuse-notpdf    not a PDF at all, only named like one
  either           valid but extreme: accepting it or refusing it within a
                   time limit are both right

"note" records what qpdf and poppler said about the file when this script was
written (qpdf 11.3, poppler 22.12, Debian 12).

The output is the same bytes on every run with the same tools: fixed /ID
values (qpdf --deterministic-id, or --static-id and --static-aes-iv for the
encrypted files), no timestamps, no random salts. qpdf draws AES-256 keys and
salts at random, so the AES-256 encryption dictionaries are computed here
(ISO 32000-2, revision 6), with AES from OpenSSL's libcrypto through ctypes
(the library behind Python's own hashlib), and qpdf copies them onto the file.

--verify then runs qpdf --check, pdfinfo, pdftoppm (page 1 at 10 dpi, which
must show some ink) and a qpdf rewrite followed by qpdf --check on every file,
each call under a 20 s limit, prints a table and exits 1 when a file does not
behave as its "expect" says.

Tools: qpdf (Debian package qpdf) and opj_compress (libopenjp2-tools); for
--verify also pdfinfo and pdftoppm (poppler-utils). Exits 2, saying which,
when one is missing or fails.
"""
import argparse
import ctypes
import ctypes.util
import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

A4_LANDSCAPE = (842, 595)
A4_PORTRAIT = (595, 842)
MAX_PAGE_SIZE = 14400  # the largest page side without /UserUnit: 200 inches
OWNER_PASSWORD = b"owner"
USER_PASSWORD = b"user"
PERMISSIONS = -1340  # printing and accessibility allowed; copying and changing not
VERIFY_TIMEOUT = 20
PACKAGES = {"qpdf": "qpdf", "opj_compress": "libopenjp2-tools", "pdfinfo": "poppler-utils",
            "pdftoppm": "poppler-utils"}


class ToolError(Exception):
    """A required tool is missing or failed."""


# --- PDF syntax -----------------------------------------------------------------------

def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<<%s/Length %d>>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def flate_stream(data: bytes) -> bytes:
    return stream(b"/Filter/FlateDecode", zlib.compress(data, 6))


def pdf_string(text: str) -> bytes:
    """A literal string in WinAnsiEncoding (Latin-1 covers what is used here)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def xref_section(offsets: dict[int, int]) -> bytes:
    """An xref table: the free list head (object 0), one subsection per run of numbers."""
    entries = {0: b"0000000000 65535 f\r\n"}
    entries.update({number: b"%010d 00000 n\r\n" % offset for number, offset in offsets.items()})
    numbers = sorted(entries)
    out = bytearray(b"xref\n")
    start = 0
    for index in range(1, len(numbers) + 1):
        if index == len(numbers) or numbers[index] != numbers[index - 1] + 1:
            out += b"%d %d\n" % (numbers[start], index - start)
            out += b"".join(entries[number] for number in numbers[start:index])
            start = index
    return bytes(out)


def serialize_objects(objects: dict[int, bytes], start: int) -> tuple[bytes, dict[int, int]]:
    """The objects as "N 0 obj ... endobj", and each one's offset when written at start."""
    out, offsets = bytearray(), {}
    for number, body in objects.items():
        offsets[number] = start + len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    return bytes(out), offsets


def file_trailer(dictionary: bytes, xref_offset: int) -> bytes:
    return b"trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n" % (dictionary, xref_offset)


def file_id(seed: bytes) -> bytes:
    return hashlib.md5(seed).hexdigest().encode()


def build_pdf(objects: dict[int, bytes], trailer_extra: bytes = b"/Info 6 0 R") -> bytes:
    """A complete PDF file; object 1 is the catalog, /ID a hash of the body."""
    header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    body, offsets = serialize_objects(objects, len(header))
    ident = file_id(header + body)
    trailer = b"/Size %d/Root 1 0 R%s/ID[<%s><%s>]" % (
        max(objects) + 1, trailer_extra, ident, ident)
    return (header + body + xref_section(offsets)
            + file_trailer(trailer, len(header) + len(body)))


# --- The certificate document ---------------------------------------------------------
# Objects 1 to 7 play the same part in every file built from here: catalog,
# page tree root, resources, two fonts, Info, page content. Pages follow.

CATALOG = b"<</Type/Catalog/Pages 2 0 R>>"
RESOURCES = b"<</Font<</F1 4 0 R/F2 5 0 R>>>>"
FONT_REGULAR = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
FONT_BOLD = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>"
FIRST_FREE_NUMBER = 8


def info(title: str) -> bytes:
    return (b"<</Title%s/Author(Northwind Safety Institute)/Producer(make_odd_pdfs.py)>>"
            % pdf_string(title))


def text_line(font: bytes, size: int, x: int, y: int, text: str) -> bytes:
    return b"BT /%s %d Tf %d %d Td %s Tj ET\n" % (font, size, x, y, pdf_string(text))


def certificate_content(holder: str = "Am\u00e9lie Laurent", remark: str = "") -> bytes:
    """Page operators for an A4 landscape certificate: frame, title, holder, course."""
    ops = bytearray(b"0.15 0.2 0.35 RG 4 w 28 28 786 539 re S 1 w 40 40 762 515 re S\n")
    ops += b"0.1 0.15 0.3 rg\n" + text_line(b"F2", 44, 159, 420, "Certificate of Completion")
    ops += b"0 g\n" + text_line(b"F1", 20, 330, 350, "This certifies that")
    ops += text_line(b"F2", 30, 421 - 9 * len(holder), 295, holder)
    ops += text_line(b"F1", 18, 235, 240, "has completed the course Workplace First Aid")
    ops += text_line(b"F1", 14, 90, 100, "Issued 12 March 2024")
    ops += text_line(b"F1", 14, 520, 100, "Certificate no. NSI-2024-00417")
    if remark:
        ops += b"0.6 0 0 rg\n" + text_line(b"F1", 12, 90, 70, remark)
    return bytes(ops)


def document(pages_root: bytes, content: bytes, pages: dict[int, bytes]) -> dict[int, bytes]:
    objects = {1: CATALOG, 2: pages_root, 3: RESOURCES, 4: FONT_REGULAR, 5: FONT_BOLD,
               6: info("Certificate of Completion"), 7: flate_stream(content)}
    objects.update(pages)
    return objects


def single_page(content: bytes, size: tuple[int, int] = A4_LANDSCAPE,
                resources: bytes = b"3 0 R") -> dict[int, bytes]:
    page = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources %s/Contents 7 0 R>>" % (
        size[0], size[1], resources)
    root = b"<</Type/Pages/Kids[%d 0 R]/Count 1>>" % FIRST_FREE_NUMBER
    return document(root, content, {FIRST_FREE_NUMBER: page})


def plain_pdf() -> bytes:
    return build_pdf(single_page(certificate_content()))


# --- Copies of plain.pdf, damaged or updated ------------------------------------------

def with_leading_junk(plain: bytes) -> bytes:
    junk = (b"HTTP/1.1 200 OK\r\nServer: intranet-files\r\nContent-Type: application/pdf\r\n"
            b"Content-Disposition: attachment; filename=\"certificate.pdf\"\r\n"
            b"Cache-Control: no-store\r\n\r\n")
    return junk.ljust(200, b"\n") + plain


def with_wrong_xref_offsets(plain: bytes) -> bytes:
    """Every in-use xref entry 7 bytes too large."""
    return re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + 7), plain)


def with_negative_xref_offset(plain: bytes) -> bytes:
    """Object 1's xref entry with a minus sign in front of its offset."""
    return re.sub(rb"\n(\d{10}) 00000 n", lambda m: b"\n-%09d 00000 n" % int(m[1]), plain, count=1)


def without_xref_table(plain: bytes) -> bytes:
    """The xref table cut out; the trailer stays, so startxref points at it."""
    return plain[:plain.rindex(b"\nxref\n") + 1] + plain[plain.rindex(b"trailer\n"):]


def first_half(plain: bytes) -> bytes:
    return plain[:len(plain) // 2]


def with_incremental_update(plain: bytes) -> bytes:
    """plain.pdf plus a saved edit: new content (7) and Info (6), a second xref with /Prev."""
    content = certificate_content(
        "Am\u00e9lie Laurent-Roy",
        "Reissued 2 April 2024: holder name corrected at the holder's request.")
    update = {6: info("Certificate of Completion (reissued)"), 7: flate_stream(content)}
    body, offsets = serialize_objects(update, len(plain))
    old_trailer = plain[plain.rindex(b"trailer"):]
    size = re.search(rb"/Size (\d+)", old_trailer)[1]
    first_id = re.search(rb"/ID\[<([0-9a-f]+)>", old_trailer)[1]
    old_xref = int(old_trailer.split(b"startxref")[1].split()[0])
    trailer = b"/Size %s/Root 1 0 R/Info 6 0 R/Prev %d/ID[<%s><%s>]" % (
        size, old_xref, first_id, file_id(plain + body))
    return (plain + body + xref_section(offsets)
            + file_trailer(trailer, len(plain) + len(body)))


# --- Damaged from the start, and not a PDF --------------------------------------------

def pseudo_random_bytes(size: int, seed: bytes) -> bytes:
    blocks = (hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
              for counter in range(size // 32 + 1))
    return b"".join(blocks)[:size]


def garbage_pdf() -> bytes:
    return b"%PDF-1.7\n" + pseudo_random_bytes(64 * 1024, b"garbage")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def png_file(width: int = 120, height: int = 80) -> bytes:
    """A small greyscale gradient PNG, as a screenshot saved under a .pdf name."""
    rows = b"".join(b"\0" + bytes((x + y) * 255 // (width + height) for x in range(width))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(rows, 9)) + png_chunk(b"IEND", b""))


# --- Valid but extreme ----------------------------------------------------------------

def references(numbers: range) -> bytes:
    return b" ".join(b"%d 0 R" % number for number in numbers)


def pages_50000_uncompressed(page_count: int = 50000, per_node: int = 1000) -> bytes:
    """A two-level page tree (the root, nodes of per_node pages), one shared content stream."""
    nodes = range(FIRST_FREE_NUMBER, FIRST_FREE_NUMBER + page_count // per_node)
    pages = {}
    for index, node in enumerate(nodes):
        kids = range(nodes.stop + index * per_node, nodes.stop + (index + 1) * per_node)
        pages[node] = b"<</Type/Pages/Parent 2 0 R/Kids[%s]/Count %d>>" % (
            references(kids), per_node)
        pages.update({kid: b"<</Type/Page/Parent %d 0 R/Contents 7 0 R>>" % node
                      for kid in kids})
    root = b"<</Type/Pages/Kids[%s]/Count %d/MediaBox[0 0 842 595]/Resources 3 0 R>>" % (
        references(nodes), page_count)
    return build_pdf(document(root, certificate_content(), pages))


def deep_tree_pdf(depth: int = 10000) -> bytes:
    """depth nested /Pages nodes (the root, object 2, the first) above one page."""
    nodes = [2, *range(FIRST_FREE_NUMBER, FIRST_FREE_NUMBER + depth - 1)]
    page = FIRST_FREE_NUMBER + depth - 1
    pages = {}
    for level, node in enumerate(nodes):
        child = nodes[level + 1] if level + 1 < depth else page
        if level == 0:
            above = b"/MediaBox[0 0 842 595]/Resources 3 0 R"
        else:
            above = b"/Parent %d 0 R" % nodes[level - 1]
        pages[node] = b"<</Type/Pages%s/Kids[%d 0 R]/Count 1>>" % (above, child)
    pages[page] = b"<</Type/Page/Parent %d 0 R/Contents 7 0 R>>" % nodes[-1]
    return build_pdf(document(pages.pop(2), certificate_content(), pages))


def huge_page_pdf() -> bytes:
    """The certificate scaled up onto a 200 x 200 inch page."""
    scale = MAX_PAGE_SIZE / A4_LANDSCAPE[0]
    lift = (MAX_PAGE_SIZE - A4_LANDSCAPE[1] * scale) / 2
    content = b"q %.4f 0 0 %.4f 0 %.1f cm\n%sQ\n" % (scale, scale, lift, certificate_content())
    return build_pdf(single_page(content, (MAX_PAGE_SIZE, MAX_PAGE_SIZE)))


def big_content_pdf(target_size: int = 50 * 1024 * 1024) -> bytes:
    """The certificate over millions of short strokes: ~50 MB of operators, Flate-compressed.

    The strokes repeat in blocks of about 9 KB, inside Deflate's 32 KB window, so
    the stream compresses about 128 to 1."""
    strokes = b"".join(b"%d %d m %d %d l S\n" % (x, y, x + 4, y + 3)
                       for y in range(130, 200, 10) for x in range(60, 780, 12))
    content = (certificate_content() + b"0.5 G 0.3 w\n"
               + strokes * (target_size // len(strokes)))
    return build_pdf(single_page(content))


# --- The JPEG 2000 scan ---------------------------------------------------------------

SCAN_SIZE = (1240, 1754)  # A4 at 150 dpi
GLYPHS = {  # 5 x 7 capitals, rows top to bottom; a space has none
    "A": ".###.|#...#|#...#|#####|#...#|#...#|#...#",
    "C": ".###.|#...#|#....|#....|#....|#...#|.###.",
    "E": "#####|#....|#....|####.|#....|#....|#####",
    "F": "#####|#....|#....|####.|#....|#....|#....",
    "I": ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
    "L": "#....|#....|#....|#....|#....|#....|#####",
    "M": "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
    "N": "#...#|##..#|#.#.#|#..##|#...#|#...#|#...#",
    "O": ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
    "P": "####.|#...#|#...#|####.|#....|#....|#....",
    "R": "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
    "T": "#####|..#..|..#..|..#..|..#..|..#..|..#..",
}


class GreyImage:
    """An 8-bit greyscale raster on grainy paper, written as binary PGM."""

    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        grain = bytes(228 + byte % 16 for byte in pseudo_random_bytes(width + 101, b"paper"))
        rows = (grain[(row * 37) % 101:][:width] for row in range(height))
        self.pixels = bytearray(b"".join(rows))

    def fill(self, x: int, y: int, width: int, height: int, grey: int) -> None:
        for row in range(y, y + height):
            start = row * self.width + x
            self.pixels[start:start + width] = bytes([grey]) * width

    def frame(self, inset: int, thickness: int, grey: int) -> None:
        inner_width, inner_height = self.width - 2 * inset, self.height - 2 * inset
        self.fill(inset, inset, inner_width, thickness, grey)
        self.fill(inset, self.height - inset - thickness, inner_width, thickness, grey)
        self.fill(inset, inset, thickness, inner_height, grey)
        self.fill(self.width - inset - thickness, inset, thickness, inner_height, grey)

    def text(self, x: int, y: int, text: str, dot: int, grey: int) -> None:
        for index, char in enumerate(text):
            for row, bits in enumerate(GLYPHS.get(char, "").split("|")):
                for column, bit in enumerate(bits):
                    if bit == "#":
                        left = x + (index * 6 + column) * dot
                        self.fill(left, y + row * dot, dot, dot, grey)

    def pgm(self) -> bytes:
        return b"P5\n%d %d\n255\n" % (self.width, self.height) + bytes(self.pixels)


def scan_image() -> GreyImage:
    """A scanned certificate: frame, a big title, grey bars for lines of text, signatures."""
    image = GreyImage(*SCAN_SIZE)
    image.frame(60, 8, 40)
    image.frame(80, 2, 40)
    image.text(158, 260, "CERTIFICATE", 14, 30)
    image.text(230, 420, "OF COMPLETION", 10, 30)
    for line, length in enumerate((700, 820, 760, 540, 800, 640)):
        image.fill((image.width - length) // 2, 700 + line * 70, length, 22, 90)
    image.fill(160, 1450, 360, 4, 60)
    image.fill(image.width - 520, 1450, 360, 4, 60)
    return image


def jpeg2000_pdf(jp2: bytes) -> bytes:
    image_number = FIRST_FREE_NUMBER + 1
    image = stream(b"/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray"
                   b"/BitsPerComponent 8/Filter/JPXDecode" % SCAN_SIZE, jp2)
    content = b"q %d 0 0 %d 0 0 cm /Scan Do Q\n" % A4_PORTRAIT
    objects = single_page(content, A4_PORTRAIT, b"<</XObject<</Scan %d 0 R>>>>" % image_number)
    objects[image_number] = image
    return build_pdf(objects)


# --- AES-256 encryption dictionary (ISO 32000-2, 7.6.4.4, revision 6) -----------------

class LibCrypto:
    """AES-CBC without padding, from OpenSSL's libcrypto."""

    def __init__(self):
        name = ctypes.util.find_library("crypto")
        if name is None:
            raise ToolError("libcrypto (Debian package libssl3), needed for AES-256, not found")
        lib = ctypes.CDLL(name)
        pointer, buffer = ctypes.c_void_p, ctypes.c_char_p
        for function in ("EVP_CIPHER_CTX_new", "EVP_aes_128_cbc", "EVP_aes_256_cbc"):
            getattr(lib, function).restype = pointer
        lib.EVP_EncryptInit_ex.argtypes = [pointer, pointer, pointer, buffer, buffer]
        lib.EVP_CIPHER_CTX_set_padding.argtypes = [pointer, ctypes.c_int]
        lib.EVP_EncryptUpdate.argtypes = [pointer, buffer, ctypes.POINTER(ctypes.c_int),
                                          buffer, ctypes.c_int]
        lib.EVP_CIPHER_CTX_free.argtypes = [pointer]
        self.lib = lib

    def cbc_encrypt(self, key: bytes, iv: bytes, data: bytes) -> bytes:
        lib = self.lib
        cipher = lib.EVP_aes_128_cbc() if len(key) == 16 else lib.EVP_aes_256_cbc()
        out, written = ctypes.create_string_buffer(len(data)), ctypes.c_int(0)
        context = lib.EVP_CIPHER_CTX_new()
        try:
            ok = (lib.EVP_EncryptInit_ex(context, cipher, None, key, iv) == 1
                  and lib.EVP_CIPHER_CTX_set_padding(context, 0) == 1
                  and lib.EVP_EncryptUpdate(context, out, ctypes.byref(written),
                                            data, len(data)) == 1)
        finally:
            lib.EVP_CIPHER_CTX_free(context)
        if not ok or written.value != len(data):
            raise ToolError("libcrypto: AES encryption failed")
        return out.raw


def hash_r6(crypto: LibCrypto, password: bytes, salt: bytes, user_key: bytes = b"") -> bytes:
    """The revision 6 password hash (ISO 32000-2, algorithm 2.B)."""
    digest = hashlib.sha256(password + salt + user_key).digest()
    rounds = 0
    while True:
        encrypted = crypto.cbc_encrypt(digest[:16], digest[16:32],
                                       (password + digest + user_key) * 64)
        algorithm = ("sha256", "sha384", "sha512")[int.from_bytes(encrypted[:16], "big") % 3]
        digest = hashlib.new(algorithm, encrypted).digest()
        rounds += 1
        if rounds >= 64 and encrypted[-1] <= rounds - 32:
            return digest[:32]


def aes256_encrypt_dict(user_password: bytes, owner_password: bytes) -> bytes:
    """/Encrypt for AES-256 with a fixed file key and fixed salts (the same file every run)."""
    crypto = LibCrypto()
    file_key = hashlib.sha256(b"file key" + user_password).digest()
    salts = [hashlib.sha256(b"salt %d" % index + user_password).digest()[:8]
             for index in range(4)]
    user = hash_r6(crypto, user_password, salts[0]) + salts[0] + salts[1]
    user_key = crypto.cbc_encrypt(hash_r6(crypto, user_password, salts[1]), bytes(16), file_key)
    owner = hash_r6(crypto, owner_password, salts[2], user) + salts[2] + salts[3]
    owner_key = crypto.cbc_encrypt(hash_r6(crypto, owner_password, salts[3], user), bytes(16),
                                   file_key)
    perms = struct.pack("<i", PERMISSIONS) + b"\xff\xff\xff\xffTadb" + salts[0][:4]
    values = [owner, user, owner_key, user_key, crypto.cbc_encrypt(file_key, bytes(16), perms)]
    return (b"<</Filter/Standard/V 5/R 6/Length 256"
            b"/CF<</StdCF<</AuthEvent/DocOpen/CFM/AESV3/Length 32>>>>/StmF/StdCF/StrF/StdCF"
            b"/P %d/O<%s>/U<%s>/OE<%s>/UE<%s>/Perms<%s>>>"
            % (PERMISSIONS, *(value.hex().encode() for value in values)))


def encryption_template(user_password: bytes) -> bytes:
    """An empty PDF carrying the AES-256 dictionary, for qpdf --copy-encryption."""
    objects = {1: CATALOG, 2: b"<</Type/Pages/Kids[]/Count 0>>",
               3: aes256_encrypt_dict(user_password, OWNER_PASSWORD)}
    return build_pdf(objects, b"/Encrypt 3 0 R")


# --- Tools ----------------------------------------------------------------------------

def require_tools(names: list[str]) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        raise ToolError("missing tools: " + ", ".join(
            f"{name} (Debian package {PACKAGES[name]})" for name in missing))


def run_tool(command: list[str], accepted: tuple[int, ...] = (0,)) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in accepted:
        raise ToolError(f"{' '.join(command)} exited with {result.returncode}: "
                        f"{result.stderr.strip()}")


class Workspace:
    """A temporary folder with plain.pdf and the tools' intermediate files."""

    def __init__(self, folder: Path, plain: bytes):
        self.folder = folder
        self.plain = folder / "plain.pdf"
        self.plain.write_bytes(plain)

    def qpdf(self, *options: str, source: Path | None = None) -> bytes:
        """qpdf OPTIONS SOURCE OUT (SOURCE plain.pdf by default); exit 3, warnings, is fine."""
        out = self.folder / "qpdf-out.pdf"
        run_tool(["qpdf", *options, str(source or self.plain), str(out)], (0, 3))
        return out.read_bytes()

    def encrypt(self, bits: str, *options: str, weak: bool = False) -> bytes:
        """plain.pdf encrypted by qpdf with an empty user password; weak allows RC4."""
        general = ["--allow-weak-crypto"] if weak else []
        return self.qpdf(*general, "--static-id", "--static-aes-iv",
                         "--encrypt", "", OWNER_PASSWORD.decode(), bits, *options, "--")

    def encrypt_aes256(self, user_password: bytes) -> bytes:
        template = self.folder / "aes256-template.pdf"
        template.write_bytes(encryption_template(user_password))
        return self.qpdf("--static-id", "--static-aes-iv", f"--copy-encryption={template}",
                         f"--encryption-file-password={OWNER_PASSWORD.decode()}")

    def in_object_streams(self, pdf: bytes) -> bytes:
        source = self.folder / "uncompressed.pdf"
        source.write_bytes(pdf)
        return self.qpdf("--deterministic-id", "--object-streams=generate", source=source)

    def jpeg2000(self, image: GreyImage) -> bytes:
        pgm, jp2 = self.folder / "scan.pgm", self.folder / "scan.jp2"
        pgm.write_bytes(image.pgm())
        run_tool(["opj_compress", "-i", str(pgm), "-o", str(jp2), "-r", "30"])
        return jp2.read_bytes()


# --- The set --------------------------------------------------------------------------

@dataclass
class OddPdf:
    file: str
    what: str
    expect: str
    note: str
    build: Callable[[], bytes]


ENCRYPTED_NOTE = (
    "qpdf --check: exit 0 (the empty user password opens it); pdfinfo: 1 page, Encrypted: yes; "
    "pdftoppm renders it; qpdf --decrypt writes a clean unencrypted copy. PDFium may open it "
    "directly.")


def encrypted_pdfs(ws: Workspace) -> list[OddPdf]:
    rc4_40 = ("--extract=n", "--modify=n", "--annotate=n")
    restricted = ("--extract=n", "--modify=none", "--annotate=n")
    owner_only = "an empty user password and owner password 'owner'"
    return [
        OddPdf("empty-password-rc4.pdf", f"plain.pdf with 40-bit RC4 (R2), {owner_only}.",
               "repair", ENCRYPTED_NOTE, lambda: ws.encrypt("40", *rc4_40, weak=True)),
        OddPdf("empty-password-rc4-128.pdf", f"plain.pdf with 128-bit RC4 (R3), {owner_only}.",
               "repair", ENCRYPTED_NOTE,
               lambda: ws.encrypt("128", "--use-aes=n", *restricted, weak=True)),
        OddPdf("empty-password-aes128.pdf", f"plain.pdf with AES-128 (R4), {owner_only}.",
               "repair", ENCRYPTED_NOTE, lambda: ws.encrypt("128", "--use-aes=y", *restricted)),
        OddPdf("empty-password-aes256.pdf", f"plain.pdf with AES-256 (R6), {owner_only}.",
               "repair", ENCRYPTED_NOTE, lambda: ws.encrypt_aes256(b"")),
        OddPdf("user-password-aes256.pdf",
               "plain.pdf with AES-256 (R6), user password 'user' and owner password 'owner'.",
               "refuse-password",
               "qpdf --check: exit 2, invalid password; pdfinfo and pdftoppm: Incorrect password. "
               "With --password=user (or owner) qpdf --check gives exit 0.",
               lambda: ws.encrypt_aes256(USER_PASSWORD)),
    ]


def restructured_pdfs(ws: Workspace, plain: bytes) -> list[OddPdf]:
    return [
        OddPdf("object-streams.pdf",
               "plain.pdf with its objects in an object stream and a cross-reference stream.",
               "accept", "qpdf --check: exit 0; pdfinfo: 1 page; pdftoppm renders it.",
               lambda: ws.qpdf("--deterministic-id", "--object-streams=generate")),
        OddPdf("linearized.pdf", "plain.pdf linearized (fast web view).", "accept",
               "qpdf --check: exit 0, linearization data clean; pdfinfo: 1 page, Optimized: yes; "
               "pdftoppm renders it.",
               lambda: ws.qpdf("--deterministic-id", "--linearize")),
        OddPdf("incremental-update.pdf",
               "plain.pdf plus an appended update: new page content (holder 'Am\u00e9lie "
               "Laurent-Roy', a reissue remark) and Info, in a second xref section with /Prev.",
               "accept",
               "qpdf --check: exit 0; pdfinfo: 1 page, Title 'Certificate of Completion "
               "(reissued)' from the update; pdftoppm renders the updated page.",
               lambda: with_incremental_update(plain)),
    ]


def damaged_pdfs(plain: bytes) -> list[OddPdf]:
    return [
        OddPdf("leading-junk.pdf",
               "plain.pdf after 200 bytes of an HTTP response header saved with the download.",
               "repair",
               "qpdf --check: exit 0, no warning (qpdf and poppler find %PDF- after the junk and "
               "count offsets from it); pdfinfo: 1 page; pdftoppm renders it. PDFium may open it "
               "directly; a reader that wants %PDF- at byte 0 needs qpdf's rewrite, which starts "
               "with it.",
               lambda: with_leading_junk(plain)),
        OddPdf("broken-xref-offsets.pdf",
               "plain.pdf with every xref offset 7 bytes too large, as if the body had moved.",
               "repair",
               "qpdf --check: exit 3 (expected n n obj; attempting to reconstruct cross-reference "
               "table); pdfinfo: 1 page after poppler's own reconstruction (Internal Error: xref "
               "num 1 not found); pdftoppm renders it; qpdf rewrites it clean (exit 3).",
               lambda: with_wrong_xref_offsets(plain)),
        OddPdf("negative-xref-offset.pdf",
               "plain.pdf with a minus sign before object 1's offset in the xref table (the "
               "one-byte change scripts/fuzz.sh found).",
               "repair",
               "PDFium 6.4.2 (libQt6Pdf) stops with a trap (SIGILL) while it opens it; qpdf "
               "--check: exit 3 (reconstructs the cross-reference table); pdfinfo: 1 page; "
               "pdftoppm renders it; qpdf rewrites it clean.",
               lambda: with_negative_xref_offset(plain)),
        OddPdf("no-xref.pdf",
               "plain.pdf with its xref table cut out; objects and trailer intact, startxref "
               "pointing at the trailer.",
               "repair",
               "qpdf --check: exit 3 (xref not found; reconstructed); pdfinfo: 1 page (poppler "
               "reconstructs silently); pdftoppm renders it; qpdf rewrites it clean (exit 3). "
               "With the trailer cut too, neither qpdf nor poppler finds the document.",
               lambda: without_xref_table(plain)),
        OddPdf("truncated.pdf",
               "The first half of plain.pdf (cut inside the page content), like an interrupted "
               "download.",
               "refuse-damaged",
               "qpdf --check: exit 2 (can't find startxref, then unable to find trailer dictionary "
               "while recovering); pdfinfo and pdftoppm: Couldn't find trailer dictionary.",
               lambda: first_half(plain)),
        OddPdf("garbage.pdf", "%PDF-1.7 followed by 64 KB of pseudo-random bytes.",
               "refuse-damaged",
               "qpdf --check: exit 2 (unable to find trailer dictionary); pdfinfo and pdftoppm: "
               "Couldn't find trailer dictionary.",
               garbage_pdf),
    ]


def extreme_pdfs(ws: Workspace) -> list[OddPdf]:
    return [
        OddPdf("pages-50000.pdf",
               "50,000 pages in a two-level page tree (50 nodes of 1000), all sharing one content "
               "stream, in object streams.",
               "accept",
               "qpdf --check: exit 0, but slow (about 7 s here: it parses every page's content); "
               "pdfinfo: 50000 pages at once; pdftoppm renders page 1 at once.",
               lambda: ws.in_object_streams(pages_50000_uncompressed())),
        OddPdf("page-200-inch.pdf",
               "One page of 14400 x 14400 pt (200 x 200 inches, the most PDF allows without "
               "/UserUnit), the certificate scaled up.",
               "either",
               "qpdf --check: exit 0; pdfinfo: 14400 x 14400 pts; pdftoppm at 10 dpi gives "
               "2000 x 2000 pixels (a whole-page bitmap at 96 dpi would be 19200 pixels square).",
               huge_page_pdf),
        OddPdf("page-tree-10000-deep.pdf", "10,000 nested /Pages nodes above a single page.",
               "either",
               "qpdf --check: exit 0; pdfinfo: 1 page; pdftoppm renders it. PDFium stops "
               "descending a page tree at 1024 levels (kMaxPageLevel), so it finds no page.",
               deep_tree_pdf),
        OddPdf("content-50mb.pdf",
               "One page whose Flate content stream inflates to about 50 MB of path operators "
               "(2.4 million strokes after the certificate text).",
               "either",
               "qpdf --check: exit 0, but slow (about 17 s here, near a 20 s limit); pdfinfo: "
               "1 page at once; pdftoppm renders page 1 at 10 dpi in about 6 s.",
               big_content_pdf),
        OddPdf("jpeg2000-scan.pdf",
               "An A4 'scan': one 1240 x 1754 greyscale JPEG 2000 image (/JPXDecode, JP2 from "
               "opj_compress), no text.",
               "accept",
               "qpdf --check: exit 0; pdfinfo: 1 page; pdfimages -list: one jpx image at 150 dpi; "
               "pdftoppm renders it (poppler decodes JPX with OpenJPEG).",
               lambda: jpeg2000_pdf(ws.jpeg2000(scan_image()))),
    ]


def odd_pdfs(ws: Workspace, plain: bytes) -> list[OddPdf]:
    """The set, in manifest order. The notes say what the tools said when this was written."""
    base = OddPdf("plain.pdf",
                  "A valid one-page A4 certificate in Helvetica, the base of the copies below.",
                  "accept", "qpdf --check: exit 0; pdfinfo: 1 page; pdftoppm renders it.",
                  lambda: plain)
    not_pdf = OddPdf("not-pdf.pdf", "A PNG image (a grey gradient) named .pdf.", "refuse-notpdf",
                     "qpdf --check: exit 2 (can't find PDF header, then unable to find trailer "
                     "dictionary); pdfinfo: May not be a PDF file, Couldn't find trailer "
                     "dictionary. It starts with the PNG signature, so a reader can say 'not a "
                     "PDF' rather than 'damaged'.",
                     png_file)
    return [base, *damaged_pdfs(plain), *encrypted_pdfs(ws), *restructured_pdfs(ws, plain),
            *extreme_pdfs(ws), not_pdf]


def generate(outdir: Path) -> list[OddPdf]:
    outdir.mkdir(parents=True, exist_ok=True)
    plain = plain_pdf()
    with tempfile.TemporaryDirectory() as folder:
        files = odd_pdfs(Workspace(Path(folder), plain), plain)
        for odd in files:
            (outdir / odd.file).write_bytes(odd.build())
    manifest = [{"file": odd.file, "what": odd.what, "expect": odd.expect, "note": odd.note}
                for odd in files]
    (outdir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                          encoding="utf-8")
    return files


# --- Verification ---------------------------------------------------------------------

@dataclass
class Observation:
    """What the tools said about one file: a label for the table and a verdict per tool."""
    check: str = "-"
    pages: str = "-"
    render: str = "-"
    rewrite: str = "-"
    check_ok: bool = False
    wants_password: bool = False
    pages_ok: bool = False
    render_ok: bool = False
    rewrite_ok: bool = False
    seconds: float = 0.0

    def run(self, *command: str) -> subprocess.CompletedProcess | None:
        """The command's result, or None when it ran past the time limit; adds its time."""
        started = time.monotonic()
        try:
            return subprocess.run(command, capture_output=True, timeout=VERIFY_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None
        finally:
            self.seconds += time.monotonic() - started


def has_ink(pgm: bytes) -> bool:
    """True when a binary PGM from pdftoppm -gray has a pixel clearly darker than paper."""
    header = re.match(rb"P5\s+\d+\s+\d+\s+\d+\s", pgm)
    return header is not None and min(pgm[header.end():], default=255) < 200


def observe_check(path: Path, seen: Observation) -> None:
    result = seen.run("qpdf", "--check", str(path))
    seen.check = "timeout" if result is None else f"exit {result.returncode}"
    seen.check_ok = result is not None and result.returncode == 0
    seen.wants_password = result is not None and b"invalid password" in result.stderr


def observe_pages(path: Path, seen: Observation) -> None:
    result = seen.run("pdfinfo", str(path))
    pages = result and re.search(rb"^Pages:\s+(\d+)", result.stdout, re.M)
    seen.pages = "timeout" if result is None else pages[1].decode() if pages else "error"
    seen.pages_ok = bool(pages) and int(pages[1]) > 0


def observe_render(path: Path, seen: Observation) -> None:
    result = seen.run("pdftoppm", "-r", "10", "-f", "1", "-l", "1", "-gray", str(path))
    seen.render_ok = result is not None and result.returncode == 0 and has_ink(result.stdout)
    if result is None:
        seen.render = "timeout"
    else:
        seen.render = "ok" if seen.render_ok else f"fail {result.returncode}"


def observe_rewrite(path: Path, rewritten: Path, seen: Observation) -> None:
    """qpdf --decrypt PATH REWRITTEN, then qpdf --check REWRITTEN."""
    result = seen.run("qpdf", "--decrypt", str(path), str(rewritten))
    if result is None:
        seen.rewrite = "timeout"
        return
    seen.rewrite = f"exit {result.returncode}"
    if result.returncode in (0, 3):
        check = seen.run("qpdf", "--check", str(rewritten))
        seen.rewrite_ok = check is not None and check.returncode == 0
        seen.rewrite += ", clean" if seen.rewrite_ok else ", not clean"


def as_expected(expect: str, seen: Observation) -> bool:
    return {
        "accept": seen.check_ok and seen.pages_ok and seen.render_ok,
        "repair": seen.rewrite_ok and seen.render_ok,
        "refuse-password": seen.wants_password and not seen.pages_ok,
        "refuse-damaged": not seen.rewrite_ok and not seen.pages_ok,
        "refuse-notpdf": not seen.rewrite_ok and not seen.pages_ok,
        "either": True,
    }[expect]


def verify_row(path: Path, expect: str, scratch: Path) -> tuple[str, ...]:
    seen = Observation()
    observe_check(path, seen)
    observe_pages(path, seen)
    observe_render(path, seen)
    observe_rewrite(path, scratch / "rewritten.pdf", seen)
    return (path.name, str(path.stat().st_size), expect, seen.check, seen.pages, seen.render,
            seen.rewrite, f"{seen.seconds:.1f}", "yes" if as_expected(expect, seen) else "NO")


def verify(outdir: Path, files: list[OddPdf]) -> bool:
    """Prints the table; True when every file behaves as its expect says."""
    header = ("file", "size", "expect", "qpdf --check", "pdfinfo pages", "render p.1",
              "qpdf rewrite", "seconds", "as expected")
    with tempfile.TemporaryDirectory() as scratch:
        rows = [verify_row(outdir / odd.file, odd.expect, Path(scratch)) for odd in files]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return all(row[-1] == "yes" for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder for the files and manifest.json")
    parser.add_argument("--verify", action="store_true",
                        help="then check every file with qpdf and poppler and print a table")
    args = parser.parse_args()
    try:
        require_tools(["qpdf", "opj_compress"] + (["pdfinfo", "pdftoppm"] if args.verify else []))
        files = generate(args.outdir)
        return 0 if not args.verify or verify(args.outdir, files) else 1
    except ToolError as error:
        print(f"make_odd_pdfs: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
