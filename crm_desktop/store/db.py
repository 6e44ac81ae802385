"""The SQLite connection: pragmas, transactions, and the store's lock.

The hot paths (an edit plus its queue entry, list pages, search) run as
plain SQL on the stdlib driver: the SQLAlchemy ORM costs more per edit than
the budget allows (bench/bench_store.py).  The schema itself is described by
the SQLModel classes in ``tables.py``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crm_core.text import strip_accents
from crm_desktop.store.meta_keys import DURABLE_KEY

log = logging.getLogger("crm.store")

BUSY_TIMEOUT_MS = 5000
MMAP_BYTES = 1 << 30


@contextmanager
def memory_mapped(conn: sqlite3.Connection) -> Iterator[None]:
    """Read through a memory map for one long scan, then unmap.

    A scan of a million contacts (a column sort) takes half the time when it
    skips a copy per page; the map is dropped afterwards because its pages
    count as the app's memory for as long as it stays.
    """
    conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    try:
        yield
    finally:
        conn.execute("PRAGMA mmap_size=0")


class StoreError(Exception):
    """A problem with the store the user can act on (disk full, locked, corrupt)."""


def connect(path: Path) -> sqlite3.Connection:
    """Open the store file with WAL, foreign keys and a busy timeout."""
    make_data_dir(path.parent)
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from exc
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn


def make_data_dir(folder: Path) -> None:
    """Create the data folder if needed; a StoreError names it when it cannot be used.

    A mistyped ``--data-dir`` is the user's to fix, so it gets one line, not a trace.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = "it is a file, not a folder" if folder.exists() and not folder.is_dir() else exc.strerror
        raise StoreError(f"cannot use {folder} as the data folder: {why}") from exc


def fold(text: object) -> str:
    """Text as lists compare it: case and accents ignored ("Ávila" sorts with "avila")."""
    return strip_accents(str(text) if text is not None else "").casefold()


class Database:
    """One connection guarded by a lock; writes go through ``transaction``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.lock = threading.RLock()
        self._depth = 0

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed by SQLite."""
        with self.lock:
            self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT, or ROLLBACK on any error; nests."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self._begin()
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self._commit()
            finally:
                self._depth = 0

    def make_durable(self) -> None:
        """Everything committed so far, by any connection, on disk before this returns.

        Commits run with synchronous=NORMAL: an app crash loses nothing, but
        a power cut or an OS crash may roll back the last few seconds.  That
        is harmless for an edit the server has not seen; but were a queued
        change rolled back after the server took it, its mutation id would be
        handed out again and the server would answer the next change with
        that id "duplicate": dropped here, never applied.  So a push calls
        this first.  One commit with synchronous=FULL syncs the whole WAL.
        Call it outside a transaction.
        """
        with self.lock:
            if self._depth:
                raise RuntimeError("make_durable inside a transaction: its commit would not sync")
            # fullfsync: on macOS a plain fsync leaves the data in the drive's cache (elsewhere a no-op).
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA fullfsync=ON")
            try:
                with self.transaction() as conn:
                    conn.execute("INSERT INTO meta (key, value) VALUES (?, datetime('now')) ON CONFLICT(key)"
                                 " DO UPDATE SET value = excluded.value", (DURABLE_KEY,))
            finally:
                self.conn.execute("PRAGMA fullfsync=OFF")
                self.conn.execute("PRAGMA synchronous=NORMAL")

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the store is busy or read-only: {exc}") from exc

    def _commit(self) -> None:
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"could not save to the store: {exc}") from exc
