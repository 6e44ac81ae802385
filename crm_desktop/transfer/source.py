"""One way to read any supported file: its header, its rows and how far we are."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from crm_desktop.transfer import vcard
from crm_desktop.transfer.reader import SourceRow, TableReader
from crm_desktop.transfer.sniff import FileKind


class Source(Protocol):
    """A file being imported."""

    headers: list[str]
    size: int

    def rows(self) -> Iterator[SourceRow]:
        """The data rows, in file order."""

    def position(self) -> int:
        """Bytes read so far."""

    def close(self) -> None:
        """Close the file."""


class VCardSource:
    """A vCard file read card by card, each card a row of ``vcard.COLUMNS``."""

    def __init__(self, path: Path, kind: FileKind) -> None:
        self.headers = list(vcard.COLUMNS)
        self.size = max(path.stat().st_size, 1)
        self._binary: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._text = io.TextIOWrapper(self._binary, encoding=kind.encoding, errors="replace", newline="")

    def rows(self) -> Iterator[SourceRow]:
        """Every card as a row."""
        return vcard.card_rows(self._text)

    def position(self) -> int:
        """Bytes read so far."""
        return min(self._binary.tell(), self.size)

    def close(self) -> None:
        """Close the file."""
        self._text.close()


def open_source(path: Path, kind: FileKind) -> Source:
    """A CSV or vCard file opened for reading rows."""
    if kind.format == "vcard":
        return VCardSource(path, kind)
    return TableReader(path, kind)
