"""What an import did: counts, each failed or duplicate row's line and reason, and the rows to fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_core.reasons import Reason
from crm_desktop.transfer import reasons
from crm_desktop.transfer.csvout import write_csv

ERROR_COLUMN = "Import error"
# The report keeps every failed row so they can be saved; past this many a
# file is the wrong file, and keeping more would only cost memory.
MAX_FAILED_ROWS = 100_000
# Duplicates are listed so a rep can see who was skipped and why; the count
# covers them all, the list only the first ones, so memory stays flat on 1M rows.
MAX_DUPLICATE_ROWS = 1000
# Rows imported with a warning (values of theirs left out...): counted all, the first ones kept.
MAX_WARNED_ROWS = 1000


@dataclass(frozen=True)
class RowError:
    """Why one row of the file was not imported (it failed, or duplicates a record)."""

    line: int
    reason: str
    why: Reason | None = field(default=None, compare=False)  # the reason's code and values, for the GUI


@dataclass
class ImportReport:
    """Created, updated, skipped as duplicates, failed; the failed rows themselves and the first duplicates."""

    kind: str = "contacts"
    headers: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    updated_again: int = 0  # rows that updated a record an earlier row wrote: the record counts once
    duplicates: int = 0
    failed: int = 0
    errors: list[RowError] = field(default_factory=list)
    failed_rows: list[list[str]] = field(default_factory=list)
    duplicate_rows: list[RowError] = field(default_factory=list)
    warned: int = 0  # rows imported with a warning about them
    warned_rows: list[RowError] = field(default_factory=list)
    _last_warned: int = field(default=0, repr=False, compare=False)  # the line warned of last
    accounts_created: int = 0
    accounts_updated: int = 0  # existing accounts a contacts file's upsert gave its company values
    ignored_columns: list[str] = field(default_factory=list)  # headers of the columns nothing was read from
    warnings: list[str] = field(default_factory=list)  # about the file as a whole; a row's are warned_rows
    cancelled: bool = False
    dry_run: bool = False

    @property
    def processed(self) -> int:
        """Rows looked at so far."""
        return self.created + self.updated + self.updated_again + self.duplicates + self.failed

    def fail(self, line: int, why: Reason, cells: list[str]) -> None:
        """Count a failed row and keep it to be saved."""
        self.failed += 1
        if len(self.errors) < MAX_FAILED_ROWS:
            reason = str(why)
            self.errors.append(RowError(line, reason, why))
            self.failed_rows.append([*cells, f"line {line}: {reason}"])

    def duplicate(self, line: int, why: Reason) -> None:
        """Count a row skipped as a duplicate, and keep why if it is among the first ``MAX_DUPLICATE_ROWS``."""
        self.duplicates += 1
        if len(self.duplicate_rows) < MAX_DUPLICATE_ROWS:
            self.duplicate_rows.append(RowError(line, str(why), why))

    def warn(self, line: int, why: Reason) -> None:
        """Note a row imported with something the rep should know (a value left out...).

        A row's warnings come one after another (rows are placed in file
        order): a second one joins the first, so the row counts and shows once.
        """
        if line == self._last_warned:
            if self.warned_rows and self.warned_rows[-1].line == line:
                first = self.warned_rows[-1]
                both = reasons.BOTH(first=first.why or first.reason, second=why)
                self.warned_rows[-1] = RowError(line, str(both), both)
            return
        self._last_warned = line
        self.warned += 1
        if len(self.warned_rows) < MAX_WARNED_ROWS:
            self.warned_rows.append(RowError(line, str(why), why))

    def all_warnings(self) -> list[str]:
        """The file's warnings, then each warned row's as ``line N: ...``, as the CLI's --json lists them."""
        rows = [f"line {w.line}: {w.reason}" for w in self.warned_rows]
        more = self.warned - len(self.warned_rows)
        return [*self.warnings, *rows, *([f"... and {more} more lines with warnings"] if more else [])]

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with --json."""
        return {"created": self.created, "updated": self.updated, "duplicates": self.duplicates,
                "failed": self.failed, "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
                "duplicate_rows": [{"line": d.line, "reason": d.reason} for d in self.duplicate_rows],
                # The counts above are of the file's kind; a contacts file may make accounts too.
                "kind": self.kind, "accounts_created": self.accounts_created,
                "accounts_updated": self.accounts_updated, "dry_run": self.dry_run,
                "ignored_columns": self.ignored_columns, "warnings": self.all_warnings()}

    def save_failed_rows(self, path: Path, *, delimiter: str = ",", error_column: str = ERROR_COLUMN,
                         words: Callable[[RowError], str] | None = None, extra_column: str = "Column {n}") -> int:
        """Write the failed rows, with their header and an error column, as a CSV to fix and re-import.

        The file's own header is kept, so it maps as the file did; ``delimiter``
        is the one of the rep's Excel, where the rows get fixed (the import
        reads any).  ``error_column``, ``words`` (a row's error as the rep
        reads it) and ``extra_column`` (the header of cells past the file's
        own, ``{n}`` its number) let the window write them in the rep's
        language; importing the file again leaves those columns out.
        """
        width = max([len(self.headers), *(len(r) - 1 for r in self.failed_rows)])
        headers = [*self.headers, *[extra_column.format(n=i + 1) for i in range(len(self.headers), width)]]
        # failed_rows and errors are kept together, so the i-th of each is the same row.
        errors = [r[-1] for r in self.failed_rows] if words is None else [words(e) for e in self.errors]
        rows = ([*r[:-1], *[""] * (width - len(r) + 1), error] for r, error in zip(self.failed_rows, errors,
                                                                                       strict=True))
        return write_csv(path, [*headers, error_column], rows, delimiter=delimiter)
