"""What a file is before we read it: its encoding, its delimiter, or why it is no table.

Files come from Excel (Windows-1252 in Western locales, semicolons in
Spanish ones, UTF-16 from "Unicode text"), Outlook, Google and phones
(vCard).  Only a sample is read here; the import then streams the file.
The sample is the file's head plus the non-ASCII bytes found further on
(up to ``SCAN_BYTES``), so an accent in row 5,000 still decides the encoding.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from crm_desktop.transfer import reasons
from crm_desktop.transfer.errors import TransferError

log = logging.getLogger("crm.transfer")

SAMPLE_BYTES = 64 * 1024
# How far past the head to look for non-ASCII bytes, and how much of them to
# keep: bounded so a 1 GB file is streamed through in chunks, never held, and
# a preview of it does not read it all.  A stray byte past this limit fails
# its row (U+FFFD, see reader.py) rather than being decoded wrongly.
SCAN_BYTES = 64 * 1024 * 1024
LATE_SAMPLE_BYTES = 64 * 1024
_SCAN_CHUNK = 1024 * 1024
_CONTEXT = 32  # ASCII bytes kept either side of a non-ASCII run, for charset-normalizer
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Bytes Windows-1252 leaves undefined; Latin-1 reads them as C1 control characters.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# Invalid bytes per valid multi-byte UTF-8 character that still make a sample UTF-8 (see _is_utf8).
UTF8_EVIDENCE = 4
DELIMITERS = (",", ";", "\t", "|")
_SEP_LINE = re.compile(r"sep=([,;\t|])[ \t]*\r?(?:\n|$)", re.IGNORECASE)
# Excel's "CSV" sometimes is really a workbook; say so instead of "binary".
_MAGIC = {b"PK\x03\x04": reasons.WORKBOOK, b"\xd0\xcf\x11\xe0": reasons.OLD_WORKBOOK, b"%PDF": reasons.PDF}
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
    head, sample = _read_sample(path, scan=encoding is None)
    try:
        if encoding is None:
            enc = detect_encoding(sample)
            text = _decode_sample(head, enc)
        else:
            enc = encoding
            text = _decode_stated(head, encoding)
    except TransferError as exc:
        raise TransferError(reasons.IN_FILE(file=path.name, why=exc.reason)) from None
    if text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCARD"):
        return FileKind("vcard", enc)
    stated = _SEP_LINE.match(text.lstrip("\ufeff"))
    if stated:  # Excel's "sep=;" first line says the delimiter outright
        return FileKind("csv", enc, stated.group(1))
    return FileKind("csv", enc, detect_delimiter(text))


def _read_sample(path: Path, *, scan: bool) -> tuple[bytes, bytes]:
    """The head of the file, and the head plus (with ``scan``) the non-ASCII text after it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SAMPLE_BYTES)
            _refuse_no_table(path, head)
            if not scan or len(head) < SAMPLE_BYTES:
                return head, head
            whole, carry = _split_trailing_run(head)
            sample = whole + _late_non_ascii(handle, carry)
    except FileNotFoundError:
        raise TransferError(reasons.NO_SUCH_FILE(path=str(path))) from None
    except IsADirectoryError:
        raise TransferError(reasons.FOLDER(path=str(path))) from None
    except OSError as exc:
        raise TransferError(reasons.UNREADABLE(path=str(path), error=str(exc.strerror))) from None
    return head, sample


def _refuse_no_table(path: Path, head: bytes) -> None:
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise TransferError(reasons.EMPTY(file=path.name))
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise TransferError(what(file=path.name))


def _split_trailing_run(data: bytes) -> tuple[bytes, bytes]:
    """``data`` cut before the non-ASCII run it ends in (maybe half a character), and that run."""
    whole = data.rstrip(_HIGH_BYTES)
    if not whole or len(data) - len(whole) > _CONTEXT:  # no text, or no character is this long
        return data, b""
    return whole, data[len(whole):]


def _late_non_ascii(handle: BinaryIO, carry: bytes) -> bytes:
    """Windows around the non-ASCII bytes from ``carry`` on, each after a newline."""
    windows: list[bytes] = []
    kept = 0
    for _ in range(SCAN_BYTES // _SCAN_CHUNK):
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            break
        # A run the chunk ends in is read whole with the next chunk.
        whole, carry = _split_trailing_run(carry + chunk)
        if whole.isascii():
            continue
        for window in _windows(whole):
            windows.append(window)
            kept += len(window)
            if kept >= LATE_SAMPLE_BYTES:
                return b"".join(b"\n" + w for w in windows)
    windows.append(carry)
    return b"".join(b"\n" + w for w in windows)


def _windows(data: bytes) -> Iterator[bytes]:
    """Each run of non-ASCII bytes with the ASCII around it; runs are kept whole."""
    runs = [match.span() for match in _NON_ASCII_RUN.finditer(data)]
    for i, (start, end) in enumerate(runs):
        before = runs[i - 1][1] if i else 0
        after = runs[i + 1][0] if i + 1 < len(runs) else len(data)
        yield data[max(start - _CONTEXT, before):min(end + _CONTEXT, after)]


def detect_encoding(sample: bytes) -> str:
    """The sample's encoding: a BOM, UTF-16 by its NUL pattern, UTF-8, else Windows-1252.

    Another code page is chosen only on strong evidence (``_clearly_not_western``).
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) // 100:
        raise TransferError(reasons.BINARY())
    if _is_utf8(sample):
        return "utf-8"
    if _clearly_not_western(sample):
        best = from_bytes(sample).best()
        guess = best.encoding if best else None
        log.debug("charset-normalizer guessed %s", guess)
        if guess is not None and guess not in _WESTERN:
            return guess
    return "cp1252" if not _CP1252_UNDEFINED.search(sample) else "latin-1"


def _clearly_not_western(sample: bytes) -> bool:
    """Whether the non-ASCII bytes look like words of another script, not accents.

    charset-normalizer picks a CJK code page for a Spanish file whose few
    accents sit late in it (johab for "Begoña;Ibáñez"), and coherence is no
    help: it is 0.0 for real Japanese and Chinese files too.  What tells them
    apart is shape: Western text has accented letters one or two in a row
    inside ASCII words ("Ibáñez"), while Cyrillic, Greek and CJK text is whole
    words of non-ASCII bytes ("Иванов" is 6, "山田" 4).  So: most non-ASCII
    bytes in runs of 3 or more, and enough of them (16) not to be a fluke -
    or fewer when Windows-1252 has no character for some byte (0x81, 0x8D,
    0x8F, 0x90, 0x9D, common in Shift_JIS and GBK, never in Excel's text).
    """
    runs = [len(run) for run in _NON_ASCII_RUN.findall(sample)]
    total = sum(runs)
    in_words = sum(n for n in runs if n >= 3)
    if not total or in_words * 2 < total:
        return False
    return total >= 16 or bool(_CP1252_UNDEFINED.search(sample))


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
    """Whether the sample is UTF-8, allowing a few stray bytes in another encoding.

    Windows-1252 text almost never forms valid multi-byte UTF-8: its accented
    letters are followed by ASCII ("Ibáñez"), and only an upper-case accent
    right before a symbol ("SEGÚN»") happens to, while each of its accents
    and each letter of a Cyrillic or Greek code page is an invalid byte.  So
    valid sequences are strong evidence of UTF-8, and a sample with at least
    a quarter as many of them as invalid bytes is UTF-8 with a bad row or two:
    those rows fail on import (reader.py) instead of every accent of the file
    turning into mojibake under Windows-1252.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = str(decoder.decode(sample, final=False))  # a sequence cut by the sample's end is fine
    invalid = text.count("\ufffd")  # one per invalid byte, or per sequence cut short
    if not invalid:
        return True
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    return valid * UTF8_EVIDENCE >= invalid


def _decode_stated(sample: bytes, encoding: str) -> str:
    """The sample in the encoding the user named, or why the file cannot be read in it."""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise TransferError(reasons.UNKNOWN_ENCODING(encoding=encoding)) from None
    if not codec._is_text_encoding:  # hex, base64, rot13: codecs Python has, not files' encodings
        raise TransferError(reasons.NOT_TEXT_ENCODING(encoding=encoding))
    if codec.name.startswith(("utf-16", "utf-32")) and b"\x00" not in sample:
        # A table's commas and line ends are ASCII: two or four bytes each in UTF-16 or UTF-32.
        raise TransferError(reasons.NOT_WIDE_TEXT(encoding=encoding, wide=codec.name[:6].upper()))
    try:
        return _decode_sample(sample, encoding)
    except UnicodeError as exc:
        # Python reads "utf-16" and "utf-32" only after a byte order mark.
        if "BOM" in str(exc):
            raise TransferError(reasons.NO_BYTE_ORDER_MARK(encoding=encoding, error=str(exc),
                                                           codec=codec.name)) from None
        raise TransferError(reasons.UNDECODABLE(encoding=encoding, error=str(exc))) from None
    except TransferError:  # binary in this encoding: most likely another one
        raise TransferError(reasons.READS_AS_BINARY(encoding=encoding)) from None


def _decode_sample(sample: bytes, encoding: str) -> str:
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError:
        raise TransferError(reasons.UNKNOWN_CODEC(encoding=encoding)) from None
    text = str(decoder.decode(sample, final=False))
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > len(text[:8192]) // 20 + 2:
        raise TransferError(reasons.BINARY())
    return text


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the sample's records into the most consistent columns."""
    lines = _whole_records(text)
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        # newline="": records may end in \r alone (Excel for Mac), as the reader reads them.
        records = csv.reader(io.StringIO(lines, newline=""), delimiter=delimiter)
        rows = [r for r in records if any(c.strip() for c in r)]
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
