"""Floors: what the search index alone costs, against the import and first-sync budgets.

Every contact a rep can find by typing goes into an FTS5 table with prefix
indexes (``crm_desktop/store/sql/v3.sql``).  These lines time only that
step, SQLite's own work on rows made beforehand, so the team can see how
much of each budget it leaves for everything else:

* ``floor_import_search``: the search rows of the 100k-row import CSV
  (quick: 10k), inserted into a store's ``contact_fts`` in the import's
  chunks, against the same raw baseline as ``import_contacts_csv``
  (csv.reader plus executemany into a bare table).  That budget is 3x; the
  ratio printed here is what indexing alone already uses of it.
* ``floor_import_writes``: every row the import must write for those
  contacts, made beforehand by the store's own code (``BulkWriter.prepare``)
  and inserted with executemany: the contact with its indexes, its search
  row and its queue entry.  No parsing, mapping, checks or duplicate search.
* ``floor_import_contact_rows`` and ``floor_import_queue_rows``: the same,
  split: the contact rows with their indexes alone, and the queue entries
  alone.  Together they are what the issue requires the import to write
  (store and queue) before any search row, parsing or checking.
* ``floor_import_bare_contact_rows``: the contact rows with only their
  unique id index, the others dropped first: the least a stored contact
  costs, had the import built its other indexes at the end.
* ``floor_sync_search``: the search rows of the 1M contacts of
  ``sync_first_pull`` (quick: 20k), inserted in its pages of 5000, in
  records per second; that budget's floor is 50k records/s.
* ``floor_sync_store_writes``: everything SQLite must do for those 1M
  contacts in a first sync, through the store's own bulk path
  (``bulkload.loading`` and ``pulled.insert_prepared``, one transaction a
  page, indexes built at the end), on pages prepared beforehand: the sync's
  store thread with nothing else to do.
* ``floor_sync_python``: the Python a first sync runs for them on its
  fetching thread, with no network: reading each page (``parse_pull``) and
  preparing its rows and search text (``pulled.prepare``).
  Beside ``sync_first_pull``, the two show where its time goes: on a
  2-core machine that also runs the server, the three (and the server's
  own CPU) share two cores, and Python holds the interpreter lock.

No goal of their own: read them beside the budgets they bound.

    python bench/run.py --only floor_ [--quick]
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench_import import contacts_csv, raw_baseline
from common import Benchmark, Result

from crm_core.entities import ENTITIES, entity
from crm_core.validation import phone_e164
from crm_desktop.store import Store, bulkload, fts, release
from crm_desktop.store.bulk import BulkWriter
from crm_desktop.store.pulled import insert_prepared, prepare
from crm_desktop.store.writes import now_iso, table
from crm_desktop.sync.client import parse_pull

_ALL_PARTS = ("contact", "search", "queue")
_SYNC_PAGE = 5000  # bench_sync's pull pages
_INSERT = "INSERT INTO contact_fts (rowid, name, email, phone, company) VALUES (?, ?, ?, ?, ?)"


def _timed_fill(rows: list[tuple[Any, ...]], batch: int) -> float:
    """Seconds to insert ``rows`` into a fresh store's contact_fts, one transaction per batch."""
    with tempfile.TemporaryDirectory(prefix="crm-bench-floor-") as tmp:
        store = Store.open_dir(Path(tmp))
        try:
            conn = store.conn
            start = time.perf_counter()
            for first in range(0, len(rows), batch):
                conn.execute("BEGIN")
                conn.executemany(_INSERT, rows[first:first + batch])
                conn.execute("COMMIT")
            return time.perf_counter() - start
        finally:
            store.close()


def _timed_writes(contacts: list[dict[str, Any]], batch: int, parts: tuple[str, ...] = _ALL_PARTS,
                  *, bare: bool = False) -> float:
    """Seconds to insert the contacts' rows, search rows and queue entries into a fresh store.

    ``parts`` names which of the three to write (``contact``, ``search``, ``queue``); ``bare``
    drops the contact table's secondary indexes first (its unique id index stays), as a
    first sync into an empty store does (store/bulkload.py).
    """
    with tempfile.TemporaryDirectory(prefix="crm-bench-floor-") as tmp:
        store = Store.open_dir(Path(tmp))
        try:
            conn = store.conn
            if bare:
                for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND"
                                             " tbl_name = 'contact' AND sql IS NOT NULL").fetchall():
                    conn.execute(f"DROP INDEX {index}")
            writer = BulkWriter(conn, store.phone_region)
            records = [writer.prepare("contact", values) for values in contacts]
            fields, local = entity("contact").field_names, tuple(records[0].local)
            columns = (*fields, *local, "num", "id", "version", "created_at", "modified_at", "deleted", "pending")
            stamp = now_iso()
            rows = [(*(r.fields[n] for n in fields), *(r.local[n] for n in local), num, r.id, 0, stamp, stamp, 0, 1)
                    for num, r in enumerate(records, start=1)]
            search = [(num, *r.search[1:]) for num, r in enumerate(records, start=1) if r.search]
            queue = [("contact", r.id, "create", r.payload, "{}", 0, stamp) for r in records]
            insert = f"INSERT INTO contact ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            start = time.perf_counter()
            for first in range(0, len(rows), batch):
                conn.execute("BEGIN")
                if "contact" in parts:
                    conn.executemany(insert, rows[first:first + batch])
                if "search" in parts:
                    conn.executemany(_INSERT, search[first:first + batch])
                if "queue" in parts:
                    conn.executemany("INSERT INTO outbox (entity, record_id, op, fields, base, base_version,"
                                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", queue[first:first + batch])
                conn.execute("COMMIT")
            return time.perf_counter() - start
        finally:
            store.close()


def _search_rows(contacts: Iterable[dict[str, Any]], region: str) -> list[tuple[Any, ...]]:
    """The store's own search rows (fts.contact_row), numbered from 1."""
    out = []
    for num, values in enumerate(contacts, start=1):
        row = {"num": num, "email2": None, "mobile_phone": None, "mobile_phone_e164": None, **values}
        row["phone_e164"] = phone_e164(row["phone"], region)
        out.append(fts.contact_row(row, values.get("company")))
    return out


def _csv_contacts(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for first, last, email, phone, company, _title in rows:
            yield {"first_name": first, "last_name": last, "email": email, "phone": phone, "company": company}


def _seeded_contacts(count: int) -> Iterator[dict[str, Any]]:
    # The contacts bench_sync._seed_contacts puts on the server.
    for i in range(1, count + 1):
        yield {"first_name": "Ana", "last_name": f"Ruiz {i}", "email": f"ana{i}@example.com",
               "phone": f"+34 6{i % 100:02d} {(i // 100) % 1000:03d} {i % 1000:03d}", "company": None}


def bench_import_floor(quick: bool) -> Result:
    """The import CSV's search rows alone, vs. the import's raw baseline."""
    path = contacts_csv(10_000 if quick else 100_000)
    rows = _search_rows(_csv_contacts(path), "US")
    with tempfile.TemporaryDirectory(prefix="crm-bench-floor-") as tmp:
        start = time.perf_counter()
        raw_baseline(path, Path(tmp) / "bare.sqlite3")
        baseline = time.perf_counter() - start
    return Result(_timed_fill(rows, 20_000), baseline, "s")


def _import_writes(quick: bool, parts: tuple[str, ...], *, bare: bool = False) -> Result:
    path = contacts_csv(10_000 if quick else 100_000)
    contacts = [{k: v for k, v in c.items() if k != "company" and v} for c in _csv_contacts(path)]
    with tempfile.TemporaryDirectory(prefix="crm-bench-floor-") as tmp:
        start = time.perf_counter()
        raw_baseline(path, Path(tmp) / "bare.sqlite3")
        baseline = time.perf_counter() - start
    return Result(_timed_writes(contacts, 20_000, parts, bare=bare), baseline, "s")


def bench_import_writes(quick: bool) -> Result:
    """Every row the import writes, made beforehand, vs. the import's raw baseline."""
    return _import_writes(quick, _ALL_PARTS)


def bench_import_contact_rows(quick: bool) -> Result:
    """The contact rows alone (with the store's indexes), no search row, no queue entry."""
    return _import_writes(quick, ("contact",))


def bench_import_bare_contact_rows(quick: bool) -> Result:
    """The contact rows alone with only their unique id index: the least a contact row costs."""
    return _import_writes(quick, ("contact",), bare=True)


def bench_import_queue_rows(quick: bool) -> Result:
    """The queue entries alone, the part the issue requires besides the contacts."""
    return _import_writes(quick, ("queue",))


def bench_sync_floor(quick: bool) -> Result:
    """Records per second of filling the search index alone, as a first sync of 1M would."""
    count = 20_000 if quick else 1_000_000
    rows = _search_rows(_seeded_contacts(count), "US")
    seconds = _timed_fill(rows, 5000)
    # Printed as seconds for the whole fill, like sync_first_pull; 50k records/s means count / 50_000.
    return Result(seconds, count / 50_000, "s")


def _sync_pages(count: int) -> Iterator[bytes]:
    """The pull pages of 5000 a server sends for ``_seeded_contacts(count)``, as JSON."""
    defaults = entity("contact").defaults()
    contacts = _seeded_contacts(count)
    owner = {"type": "user", "id": "00000000-0000-4000-8000-00000000b0b0", "name": "bench"}
    stamp = "2026-12-01T10:00:00.000000Z"
    for first in range(1, count + 1, _SYNC_PAGE):
        changes = []
        for seq in range(first, min(first + _SYNC_PAGE, count + 1)):
            values = next(contacts)
            fields = defaults | {k: v for k, v in values.items() if k != "company"} | {"job_title": "Buyer",
                                                                                       "city": "Madrid",
                                                                                       "country": "Spain"}
            changes.append({"seq": seq, "entity": "contact", "record_id": f"{seq:08x}-0000-4000-8000-{seq:012x}",
                            "version": 1, "fields": fields, "owner": owner, "created_at": stamp,
                            "modified_at": stamp})
        last = first + len(changes) - 1
        yield json.dumps({"changes": changes, "cursor": last, "has_more": last < count}).encode()


def bench_sync_store_writes(quick: bool) -> Result:
    """Seconds of SQLite alone for a first sync's writes, pages prepared beforehand (untimed)."""
    count = 20_000 if quick else 1_000_000
    spent = 0.0
    with tempfile.TemporaryDirectory(prefix="crm-bench-floor-") as tmp, release.collector_paused():
        store = Store.open_dir(Path(tmp))
        try:
            start = time.perf_counter()
            with bulkload.loading(store.db, [table(e) for e in ENTITIES]):
                spent += time.perf_counter() - start
                for body in _sync_pages(count):
                    page = parse_pull(body)
                    prepared = prepare(page.changes, store.phone_region)
                    start = time.perf_counter()
                    with store.db.transaction() as conn:
                        left = insert_prepared(conn, prepared, set())
                    spent += time.perf_counter() - start
                    assert not left
                start = time.perf_counter()
            spent += time.perf_counter() - start  # the indexes, built at the end
            assert store.count("contact") == count
        finally:
            store.close()
    return Result(spent, count / 50_000, "s")


def bench_sync_python(quick: bool) -> Result:
    """Seconds of the fetching thread's Python alone: reading each page and preparing its rows."""
    count = 20_000 if quick else 1_000_000
    spent = 0.0
    with release.collector_paused():
        for body in _sync_pages(count):
            start = time.perf_counter()
            prepare(parse_pull(body).changes, "US")
            spent += time.perf_counter() - start
    return Result(spent, count / 50_000, "s")


BENCHMARKS = [
    Benchmark("floor_import_search", bench_import_floor),
    Benchmark("floor_import_writes", bench_import_writes),
    Benchmark("floor_import_contact_rows", bench_import_contact_rows),
    Benchmark("floor_import_bare_contact_rows", bench_import_bare_contact_rows),
    Benchmark("floor_import_queue_rows", bench_import_queue_rows),
    Benchmark("floor_sync_search", bench_sync_floor),
    Benchmark("floor_sync_store_writes", bench_sync_store_writes),
    Benchmark("floor_sync_python", bench_sync_python),
]
