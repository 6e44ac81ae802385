"""Store budgets on a 1M-contact store (quick: 50k): an edit with its queue
entry, prefix search, keyset pages at the start and 900k rows in, and (no
budget) a list's order by a column other than the name."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

from common import Benchmark, Result, p95, time_ms
from datagen import build_store

from crm_desktop.services import CrmService
from crm_desktop.store import Store

_copies: dict[int, Path] = {}


def _store(quick: bool) -> tuple[Store, int]:
    """The generated store of this size, copied once per run (edits change it)."""
    size = 50_000 if quick else 1_000_000
    if size not in _copies:
        data_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
        atexit.register(shutil.rmtree, data_dir, True)
        _copies[size] = build_store(data_dir, contacts=size)
    return Store.open_dir(_copies[size]), size


def _raw(store: Store) -> sqlite3.Connection:
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def bench_edit(quick: bool) -> Result:
    store, _ = _store(quick)
    crm = CrmService(store)
    records = store.page("contact", limit=400)
    raw = _raw(store)
    counter = iter(range(10**9))

    def ours() -> None:
        record = records[next(counter) % len(records)]
        crm.update(record, {"job_title": f"Buyer {next(counter)}"})

    def baseline() -> None:
        record = records[next(counter) % len(records)]
        raw.execute("BEGIN")
        raw.execute("UPDATE contact SET job_title = ?, pending = 1 WHERE id = ?",
                    (f"B {next(counter)}", record.id))
        raw.execute("INSERT INTO outbox (entity, record_id, op, fields, base, base_version, created_at)"
                    " VALUES ('contact', ?, 'update', '{}', '{}', 1, '')", (record.id,))
        raw.execute("COMMIT")

    repeats = 300 if quick else 2000
    mine_samples: list[float] = []
    base_samples: list[float] = []
    for i in range(repeats + 50):  # interleaved, so both see the same machine load
        m, b = time_ms(ours, 1)[0], time_ms(baseline, 1)[0]
        if i >= 50:
            mine_samples.append(m)
            base_samples.append(b)
    base, mine = p95(base_samples), p95(mine_samples)
    raw.close()
    store.close()
    return Result(mine, base, "ms", max_ratio=5, max_ours=1.0)


def bench_search(quick: bool) -> Result:
    store, _ = _store(quick)
    crm = CrmService(store)
    raw = _raw(store)
    words = ["a", "ga", "jos", "mart", "garcí", "smith", "l", "mü", "+34 6", "tyre", "ibáñe", "dav"]
    prefixes = [w[:n] for w in words for n in range(1, 7) if n <= len(w) and w[:n].strip("+ ")]

    def ours_all() -> list[float]:
        return [time_ms(lambda p=p: crm.search("contact", p, limit=50), 1)[0] for p in prefixes]

    def raw_all() -> list[float]:
        from crm_desktop.store.fts import match_query

        return [time_ms(lambda p=p: raw.execute(
            "SELECT c.* FROM contact_fts f JOIN contact c ON c.num = f.rowid WHERE contact_fts MATCH ?"
            " LIMIT 50", (match_query(p) or '""',)).fetchall(), 1)[0] for p in prefixes]

    ours_all()
    raw_all()
    base = p95(raw_all() + raw_all())
    mine = p95(ours_all() + ours_all())
    raw.close()
    store.close()
    return Result(mine, base, "ms", max_ours=30.0)


def _bench_page(quick: bool, deep: bool) -> Result:
    store, size = _store(quick)
    crm = CrmService(store)
    raw = _raw(store)
    anchor = None
    if deep:
        at = int(size * 0.9)
        row = raw.execute("SELECT sort_key, num FROM contact WHERE deleted = 0 AND state = 'active'"
                          " ORDER BY sort_key, num LIMIT 1 OFFSET ?", (at,)).fetchone()  # setup only
        anchor = (row[0], row[1])

    def ours() -> None:
        crm.page("contact", after=anchor, limit=50)

    def baseline() -> None:
        if anchor is None:
            raw.execute("SELECT * FROM contact WHERE deleted = 0 AND state = 'active'"
                        " ORDER BY sort_key, num LIMIT 50").fetchall()
        else:
            raw.execute("SELECT * FROM contact WHERE deleted = 0 AND state = 'active'"
                        " AND (sort_key, num) > (?, ?) ORDER BY sort_key, num LIMIT 50", anchor).fetchall()

    time_ms(ours, 5)
    time_ms(baseline, 5)
    base = p95(time_ms(baseline, 50))
    mine = p95(time_ms(ours, 50))
    raw.close()
    store.close()
    return Result(mine, base, "ms", max_ours=50.0)


def bench_sort_column(quick: bool) -> Result:
    """A list's whole order by an unindexed column (the GUI reads it in the background).

    No budget in the issues; the baseline is SQLite's own ORDER BY of the raw
    column (no folding of case or accents, blanks not last) on a plain connection.
    """
    store, _size = _store(quick)
    raw = _raw(store)

    def ours() -> None:
        store.sorted_nums("contact", "job_title")

    def baseline() -> None:
        raw.execute("SELECT num FROM contact WHERE deleted = 0 AND state = 'active'"
                    " ORDER BY job_title, num").fetchall()

    base = min(time_ms(baseline, 3))
    mine = min(time_ms(ours, 3))
    raw.close()
    store.close()
    return Result(mine, base, "ms")


BENCHMARKS = [
    Benchmark("store.edit_with_queue_p95", bench_edit),
    Benchmark("store.search_prefix_p95", bench_search),
    Benchmark("store.first_page", lambda q: _bench_page(q, deep=False)),
    Benchmark("store.page_900k_in", lambda q: _bench_page(q, deep=True)),
    Benchmark("store.sort_by_column", bench_sort_column),
]
