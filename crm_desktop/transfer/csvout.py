"""CSV out: UTF-8 with a BOM so Excel opens it, and no cell Excel would run as a formula."""

from __future__ import annotations

import re
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
    Spain, see services/spreadsheet.py).
    """
    count = 0
    with replacing(path, "utf-8-sig") as handle:
        handle.write(csv_line(headers, delimiter))
        for row in rows:
            handle.write(csv_line(row, delimiter))
            count += 1
    return count


# A file travels: an Excel set up for another separator than the one it was
# written with splits an unquoted ``x;=1+2`` there, and the part after the
# split starts with '=' and runs as a formula.  So a cell holding any separator
# a spreadsheet might split on is quoted, whichever one this file uses;
# inside quotes none splits it.  (csv.writer quotes only its own delimiter.)
_NEEDS_QUOTES = re.compile('[,;\t"\r\n]')


def csv_line(cells: Sequence[object], delimiter: str) -> str:
    """One CRLF-ended line of safe cells, each quoted when it holds a separator, a quote or a newline."""
    out = []
    for value in cells:
        text = safe_cell(value)
        out.append('"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text)
    return delimiter.join(out) + "\r\n"
