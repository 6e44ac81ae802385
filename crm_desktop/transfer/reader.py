"""Streaming the rows of a CSV or vCard file, each with the line it starts on.

The file is never read whole: a million-row import holds one chunk of rows
at a time.  Cells that do not decode in the file's encoding become U+FFFD
and the row fails with that reason, rather than importing mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from crm_core.reasons import Reason
from crm_desktop.transfer import reasons
from crm_desktop.transfer.errors import TransferError
from crm_desktop.transfer.sniff import FileKind

# A field this big is a missing closing quote swallowing the file, not data.
MAX_FIELD = 16 * 1024 * 1024
if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)


class SourceRow(NamedTuple):
    """One record of a file: where it starts and its cells (CSV) or mapped values (vCard)."""

    line: int
    cells: list[str]
    error: Reason | None = None  # the record is broken as read (a vCard cut short): it fails with this


class TableReader:
    """The header and then the rows of a CSV file, with byte progress."""

    def __init__(self, path: Path, kind: FileKind) -> None:
        self.path = path
        self.kind = kind
        self.size = max(path.stat().st_size, 1)
        self._binary: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._text = io.TextIOWrapper(self._binary, encoding=kind.encoding, errors="replace", newline="")
        self._reader = csv.reader(self._text, delimiter=kind.delimiter)
        try:
            self.headers, self.header_line = self._read_header()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the file."""
        self._text.close()

    def position(self) -> int:
        """How many bytes of the file have been read (for progress)."""
        return min(self._binary.tell(), self.size)

    def _read_header(self) -> tuple[list[str], int]:
        for line, cells in self._records():
            headers = [c.replace("\ufeff", "").strip() for c in cells]
            if line == 1 and self.kind.delimiter.join(headers).lower() == f"sep={self.kind.delimiter}":
                continue  # Excel's line naming the delimiter, not the header
            while headers and not headers[-1]:
                headers.pop()
            if not headers:
                continue
            return headers, line
        raise TransferError(reasons.EMPTY(file=self.path.name))

    def rows(self) -> Iterator[SourceRow]:
        """The records after the header, blank ones skipped."""
        for line, cells in self._records():
            if "".join(cells).strip():  # some cell holds more than spaces
                yield SourceRow(line, cells)

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        start = self._reader.line_num + 1
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise TransferError(reasons.BROKEN_CSV(file=self.path.name, line=start, error=str(exc))) from None
            except UnicodeError as exc:  # a codec that cannot replace what it cannot read
                raise TransferError(reasons.LINE_UNDECODABLE(file=self.path.name, line=start,
                                                            encoding=self.kind.encoding, error=str(exc))) from None
            yield start, cells
            start = self._reader.line_num + 1


def preview_rows(path: Path, kind: FileKind, limit: int = 20) -> tuple[list[str], list[list[str]]]:
    """The header and up to ``limit`` rows of a CSV file."""
    reader = TableReader(path, kind)
    try:
        rows: list[list[str]] = []
        if limit <= 0:
            return reader.headers, rows
        for row in reader.rows():
            rows.append(row.cells)
            if len(rows) >= limit:
                break
        return reader.headers, rows
    finally:
        reader.close()
