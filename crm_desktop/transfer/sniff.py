"""What a file is before we read it: its encoding, its delimiter, or why it is no table.

Files come from Excel (Windows-1252 in Western locales, semicolons in
Spanish ones, UTF-16 from "Unicode text"), Outlook, Google and phones
(vCard).  Only a sample is read here; the import then streams the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from crm_desktop.transfer.errors import TransferError

log = logging.getLogger("crm.transfer")

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
# Excel's "CSV" sometimes is really a workbook; say so instead of "binary".
_MAGIC = {b"PK\x03\x04": "an Excel workbook or another zip file (.xlsx)",
          b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
          b"%PDF": "a PDF document"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# charset-normalizer tells Western single-byte code pages apart poorly on
# short samples; Excel in Western locales writes Windows-1252, so prefer it.
_WESTERN = {"cp1252", "windows_1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "iso8859_2",
            "mac_roman", "cp850", "cp437", "ascii"}


@dataclass(frozen=True)
class FileKind:
    """The sniffed shape of a file: ``csv`` or ``vcard``, its encoding and delimiter."""

    format: str
    encoding: str
    delimiter: str = ","


def sniff(path: Path, encoding: str | None = None) -> FileKind:
    """The format, encoding and delimiter of ``path``; raises TransferError for no table."""
    sample = _read_sample(path)
    enc = encoding or detect_encoding(sample)
    text = _decode_sample(sample, enc)
    if text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCARD"):
        return FileKind("vcard", enc)
    return FileKind("csv", enc, detect_delimiter(text))


def _read_sample(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except FileNotFoundError:
        raise TransferError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise TransferError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise TransferError(f"{path}: cannot be read ({exc.strerror})") from None
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise TransferError(f"{path.name}: the file is empty")
    for magic, what in _MAGIC.items():
        if sample.startswith(magic):
            raise TransferError(f"{path.name}: this is {what}, not a CSV or vCard file; "
                                "save it as CSV and import that")
    return sample


def detect_encoding(sample: bytes) -> str:
    """The sample's encoding: a BOM, UTF-16 by its NUL pattern, UTF-8, else a code page."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) // 100:
        raise TransferError("the file is binary, not a CSV or vCard text file")
    if _is_utf8(sample):
        return "utf-8"
    best = from_bytes(sample).best()
    guess = best.encoding if best else "cp1252"
    log.debug("charset-normalizer guessed %s", guess)
    if guess in _WESTERN:
        return "cp1252" if _decodes(sample, "cp1252") else "latin-1"
    return guess


def _utf16_without_bom(sample: bytes) -> str | None:
    head = sample[:4096]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / (len(head) / 2)
    odd_nuls = head[1::2].count(0) / (len(head) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)  # a sequence cut by the sample's end is fine
    except UnicodeDecodeError:
        return False
    return True


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _decode_sample(sample: bytes, encoding: str) -> str:
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError:
        raise TransferError(f"unknown encoding {encoding!r}") from None
    text = str(decoder.decode(sample, final=False))
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > len(text[:8192]) // 20 + 2:
        raise TransferError("the file is binary, not a CSV or vCard text file")
    return text


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the sample's records into the most consistent columns."""
    lines = _whole_records(text)
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        rows = [r for r in csv.reader(io.StringIO(lines), delimiter=delimiter) if any(c.strip() for c in r)]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width) / len(rows)
        score = (round(consistent, 1), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _whole_records(text: str) -> str:
    # The sample may end in the middle of a record; drop that last line.
    cut = max(text.rfind("\n"), 0)
    return text[:cut] if cut and len(text) >= SAMPLE_BYTES // 4 else text
