"""Loading many records into empty tables without their secondary indexes.

A first sync (or a full re-sync of an empty store) inserts every record
once.  Keeping four or five secondary indexes up to date row by row costs
about as much as the rows themselves; building each index once at the end
is a sort, several times cheaper (bench/bench_sync.py).  So ``begin`` drops
the secondary indexes of the empty tables it is given and ``finish``
creates them again.

The full-text tables of those tables are written with every page, so a
search finds what was pulled; but each page's commit adds a segment to
them, and FTS5 merges segments four at a time as they come, writing every
entry again and again.  For the load it merges only when 64 have piled up
(a third less work, bench/bench_sync.py), and ``finish`` sets the usual
merging back.

The index definitions are read from ``sqlite_master``, so a schema that
gains or changes indexes needs nothing here, and they are kept in ``meta``
in the same transaction that drops them: if the app dies in between (a
crash, SIGKILL, power), ``restore`` recreates them the next time the store
opens.  The unique ``id`` index of each table (an automatic index) and the
full-text tables stay: the first keeps duplicates out.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from crm_desktop.store.db import Database

log = logging.getLogger("crm.store")

PENDING_KEY = "bulkload_indexes"  # JSON object: index name (or FTS setting) -> the statement putting it back
FTS_MERGE = {"automerge": (4, 0), "crisismerge": (16, 64)}  # FTS5 setting: (its default, during a load)
LOAD_CACHE_SIZE = -65536  # KiB (negative: a size, not a page count)
SORT_THREADS = 2  # helper threads each CREATE INDEX may sort with (PRAGMA threads)


@contextmanager
def loading(db: Database, tables: Iterable[str]) -> Iterator[list[str]]:
    """``begin`` .. ``finish``, with a larger page cache meanwhile; yields the tables loaded in bulk.

    The unique id index of a table filling with random UUIDs is touched all
    over at every insert: a 64 MiB cache keeps it in memory for the load.
    """
    emptied = begin(db, tables)
    with db.lock:
        cache = int(db.conn.execute("PRAGMA cache_size").fetchone()[0])
        db.conn.execute(f"PRAGMA cache_size = {LOAD_CACHE_SIZE}")
    try:
        yield emptied
    finally:
        with db.lock:
            db.conn.execute(f"PRAGMA cache_size = {cache}")
        finish(db)


def begin(db: Database, tables: Iterable[str]) -> list[str]:
    """Drop the secondary indexes of those of ``tables`` that hold no rows; returns those tables."""
    emptied: list[str] = []
    with db.transaction() as conn:
        pending = _pending(conn)
        for name in tables:
            if conn.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone() is not None:
                continue
            indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                                   " AND sql IS NOT NULL", (name,)).fetchall()
            for index_name, sql in indexes:
                pending[index_name] = sql
                conn.execute(f'DROP INDEX "{index_name}"')
            for setting, sql in _merge_later(conn, f"{name}_fts").items():
                pending.setdefault(setting, sql)  # an unfinished load's own keeps the value from before it
            emptied.append(name)
        if pending:
            _save(conn, pending)
    if emptied:
        log.info("loading %s without their secondary indexes", ", ".join(emptied))
    return emptied


def _merge_later(conn: sqlite3.Connection, fts: str) -> dict[str, str]:
    """Merge the FTS table ``fts`` (if there is one) only in a crisis; returns what puts its settings back."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (fts,)).fetchone() is None:
        return {}
    restore: dict[str, str] = {}
    for setting, (default, loading_value) in FTS_MERGE.items():
        row = conn.execute(f"SELECT v FROM {fts}_config WHERE k = ?", (setting,)).fetchone()
        now = default if row is None else int(row[0])
        restore[f"{fts} {setting}"] = f"INSERT INTO {fts} ({fts}, rank) VALUES ('{setting}', {now})"
        conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('{setting}', {loading_value})")
    return restore


def finish(db: Database) -> None:
    """Create every index a load dropped (and set FTS merging back), one transaction each.

    One at a time, so readers wait for one at a time.  Each index's sort
    may use helper threads (``PRAGMA threads``): the load is over, and the
    cores are free (a tenth off the indexes of 1M contacts).
    """
    with db.lock:
        threads = int(db.conn.execute("PRAGMA threads").fetchone()[0])
        db.conn.execute(f"PRAGMA threads = {max(threads, SORT_THREADS)}")
    try:
        _create_pending(db)
    finally:
        with db.lock:
            db.conn.execute(f"PRAGMA threads = {threads}")


def _create_pending(db: Database) -> None:
    while True:
        with db.transaction() as conn:
            pending = _pending(conn)
            if not pending:
                conn.execute("DELETE FROM meta WHERE key = ?", (PENDING_KEY,))
                return
            name, sql = next(iter(pending.items()))
            exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                  (name,)).fetchone()
            if exists is None:  # an index not made yet, or an FTS setting
                conn.execute(sql)
            del pending[name]
            if pending:
                _save(conn, pending)
            else:
                conn.execute("DELETE FROM meta WHERE key = ?", (PENDING_KEY,))
                return


def restore(db: Database) -> bool:
    """On open: recreate the indexes of a load the app did not live to finish; whether there was one."""
    with db.lock:
        has_meta = db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if has_meta is None or not _pending(db.conn):
            return False
    log.warning("a bulk load was interrupted; recreating its indexes")
    finish(db)
    return True


def _pending(conn: sqlite3.Connection) -> dict[str, str]:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PENDING_KEY,)).fetchone()
    return {} if row is None else dict(json.loads(row[0]))


def _save(conn: sqlite3.Connection, pending: dict[str, str]) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (PENDING_KEY, json.dumps(pending)))
