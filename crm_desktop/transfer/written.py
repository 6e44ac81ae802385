"""Which line of the file wrote a record, so a later line that updates it again is told apart.

A file may hold one record on several lines (an export with a line per
address, the same person typed twice).  Each line's values apply in file
order, but the record counts once, as created or as updated, and each later
line gets a warning naming the line that wrote the record first.

The line of the first ``LINES_KEPT`` records the import writes is kept;
past that (a file of more rows) the queue tells whether this import wrote a
record, without the line, so memory stays flat on a million rows.
"""

from __future__ import annotations

import sqlite3

from crm_core.reasons import Reason
from crm_desktop.transfer import reasons

# 100k record ids and their lines take ~15 MB: files up to that size always name the earlier line.
LINES_KEPT = 100_000
EARLIER_LINE = 0  # ``earlier``: an earlier line wrote the record; which one was not kept


class WrittenRecords:
    """The records this import created or updated, with the line that did it first."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.lines: dict[str, int] = {}
        self.made: set[str] = set()  # those of ``lines`` this import created
        self._queued_before = 0

    def start(self) -> None:
        """Note where the queue stands before the import (its entries from then on are the import's)."""
        self._queued_before = int(self.conn.execute("SELECT coalesce(max(mutation_id), 0) FROM outbox")
                                  .fetchone()[0])

    def wrote(self, record_id: str, line: int, *, made: bool = False) -> None:
        """Remember that ``line`` created (``made``) or updated the record."""
        if len(self.lines) < LINES_KEPT:
            self.lines.setdefault(record_id, line)
            if made:
                self.made.add(record_id)

    def made_by(self, record_id: str) -> int | None:
        """The line that created the record in this import, if its number was kept."""
        return self.lines[record_id] if record_id in self.made else None

    def earlier(self, record_id: str) -> int | None:
        """The line that wrote the record earlier in this import, ``EARLIER_LINE`` if one did but
        its number was not kept, or None if none did."""
        line = self.lines.get(record_id)
        if line is not None or len(self.lines) < LINES_KEPT:
            return line
        queued = self.conn.execute("SELECT 1 FROM outbox WHERE record_id = ? AND mutation_id > ? LIMIT 1",
                                   (record_id, self._queued_before)).fetchone()
        return EARLIER_LINE if queued else None


def which_line(earlier: int) -> Reason:
    """How a warning names the line that wrote a record first."""
    return reasons.EARLIER_LINE() if earlier == EARLIER_LINE else reasons.LINE(line=earlier)
