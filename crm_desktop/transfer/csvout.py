"""CSV out: UTF-8 with a BOM so Excel opens it, and no cell Excel would run as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from crm_desktop.transfer.files import replacing

# A cell starting with one of these is a formula to Excel, LibreOffice and
# Google Sheets (OWASP "CSV injection"); tab and CR hide one after whitespace.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell's text, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_cell(text: str) -> str:
    """Undo ``safe_cell`` on import, so an exported file re-imports unchanged."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
              delimiter: str = ",") -> int:
    """Write a safe CSV (UTF-8 with BOM, CRLF as Excel expects); returns the rows written.

    ``delimiter`` is the list separator of the Excel that will open it (';' in
    Spain, see services/spreadsheet.py); a cell holding it is quoted.
    """
    count = 0
    with replacing(path, "utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([safe_cell(h) for h in headers])
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
    return count
