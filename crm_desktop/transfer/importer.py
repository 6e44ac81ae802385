"""The import loop: rows in chunks, each chunk one transaction, every record queued.

Chunks of ``CHUNK_ROWS`` commit together through the store's batch path, so a
million-row file streams with flat memory and the sync engine finds every
imported record in the outbox like any other edit.  How a chunk's rows are
checked and placed (contacts, accounts, duplicates) is in ``placing``.

The first step of the next contacts chunk (each row on its own, no store)
runs on a second thread while SQLite writes and commits this one, which it
does without holding the GIL.  The cyclic garbage collector is paused for
the loop (see ``_collector_paused``).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from crm_core.validation import phone_e164
from crm_desktop.store import Store, release
from crm_desktop.store.bulk import BulkWriter, drop_staging
from crm_desktop.transfer import dedupe, phone_regions
from crm_desktop.transfer.company_values import CompanyValues
from crm_desktop.transfer.dedupe import DuplicateFinder
from crm_desktop.transfer.mapper import RowMapper

# _Prepared is named here too: tests wrap Importer._prepare and annotate with it.
from crm_desktop.transfer.placing import _Chunk, _Prepared, _RowPlacing  # noqa: F401
from crm_desktop.transfer.reader import SourceRow
from crm_desktop.transfer.report import ImportReport
from crm_desktop.transfer.written import WrittenRecords

log = logging.getLogger("crm.transfer")

# Each commit rewrites every index page the chunk touched (ids, emails, phones,
# the list index, the outbox, FTS segments), and with random keys that is most
# of each index: at 1000 rows the commits alone were a quarter of a 100k-row
# import and grew with the store.  With the next chunk read ahead, 20k rows
# took a 100k-row import from ~10 s to ~8 s against 10k (bench_import), and two
# chunks in memory still keep a million-row import far under its budget.
CHUNK_ROWS = 20_000
IMPORT_CACHE_KIB = -65536  # negative: KiB, i.e. a 64 MB page cache while importing
STAGING_CACHE_KIB = -24576  # 24 MB for a chunk's staged rows (20k contacts stage ~12 MB)
COLLECT_EVERY = 10  # chunks between the import's garbage collections (see _collector_paused)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    """How to import: the kind of records, create or upsert, and what to do with duplicates."""

    kind: str = "contacts"
    mode: str = "create"
    duplicates: str = "skip"
    dry_run: bool = False


class _DryRun(Exception):
    """Raised to roll a dry run back after its last chunk."""


class Importer(_RowPlacing):
    """Imports mapped rows into a store and fills an ImportReport."""

    def __init__(self, store: Store, mapper: RowMapper, options: ImportOptions, report: ImportReport) -> None:
        self.store = store
        self.mapper = mapper
        self.options = options
        self.report = report
        self.finder = DuplicateFinder(store.conn)
        self.written = WrittenRecords(store.conn)
        self.companies: dict[str, str] = {}
        self.company_values = CompanyValues(mapper, report, self.written, self.finder)
        self._chunk: _Chunk | None = None

    def run(self, rows: Iterable[SourceRow], *, progress: Callable[[], None] | None = None,
            cancel: threading.Event | None = None) -> None:
        """Import every row (a dry run rolls everything back at the end)."""
        conn = self.store.conn
        with self.store.db.lock:
            caches = [conn.execute(f"PRAGMA {schema}.cache_size").fetchone()[0] for schema in ("main", "temp")]
            # Inserting into the id, email and search indexes touches pages all
            # over them; with SQLite's default 2 MB cache each chunk re-reads
            # them and a 100k-row import slows down row by row (bench_import).
            # The temporary schema holds a chunk's staged rows (BulkWriter.stage):
            # with 2 MB they went out to a temporary file and back.
            conn.execute(f"PRAGMA main.cache_size = {IMPORT_CACHE_KIB}")
            conn.execute(f"PRAGMA temp.cache_size = {STAGING_CACHE_KIB}")
            self.written.start()
        try:
            self._run_or_roll_back(rows, progress, cancel)
        finally:
            with self.store.db.lock:
                drop_staging(conn)
                conn.execute(f"PRAGMA main.cache_size = {int(caches[0])}")
                conn.execute(f"PRAGMA temp.cache_size = {int(caches[1])}")

    def _run_or_roll_back(self, rows: Iterable[SourceRow], progress: Callable[[], None] | None,
                          cancel: threading.Event | None) -> None:
        if not self.options.dry_run:
            self._run(rows, progress, cancel)
            return
        try:
            with self.store.db.transaction():
                self._run(rows, progress, cancel)
                raise _DryRun
        except _DryRun:
            log.info("dry run: rolled back %d rows", self.report.processed)

    def _run(self, rows: Iterable[SourceRow], progress: Callable[[], None] | None,
             cancel: threading.Event | None) -> None:
        batches = _chunks(rows, CHUNK_ROWS)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crm-import") as ahead, \
                _collector_paused() as collect:
            try:
                self._chunk_by_chunk(ahead, batches, collect, progress, cancel)
            finally:
                _forget_row_caches()  # while the collector is still paused

    def _chunk_by_chunk(self, ahead: ThreadPoolExecutor, batches: Iterator[list[SourceRow]],
                        collect: Callable[[], None], progress: Callable[[], None] | None,
                        cancel: threading.Event | None) -> None:
        with self.store.db.lock:
            chunk = self._prepare_chunk(batches)
        done = 0
        while chunk is not None:
            if cancel is not None and cancel.is_set():
                self.report.cancelled = True
                log.info("import cancelled after %d rows", self.report.processed)
                return
            following = self._import_chunk(chunk, ahead, batches)
            chunk.let_go()  # written: freed in slices, not in one GIL-holding cascade below
            chunk = following.result()  # after the commit: a file error keeps this chunk
            self.finder.new_chunk()
            done += 1
            if done % COLLECT_EVERY == 0:
                collect()
            if progress is not None:
                progress()

    def _import_chunk(self, chunk: _Chunk, ahead: ThreadPoolExecutor, batches: Iterator[list[SourceRow]]
                      ) -> Future[_Chunk | None]:
        """One transaction: place the chunk's rows, then write them while the next chunk is read."""
        try:
            with self.store.db.transaction():
                self._chunk = chunk
                if self.options.kind == "accounts":
                    for row in chunk.rows:
                        self._import_row(row)
                else:
                    self._contact_chunk(chunk.prepared)
                self._stage()
                # Reading and checking rows is Python; SQLite inserting this chunk's
                # rows and committing them runs without the GIL.  So the next chunk
                # is prepared on a second thread meanwhile (it never uses the store).
                following = ahead.submit(self._prepare_chunk, batches)
                chunk.bulk.write_staged()
        finally:
            # Written: its rows must not outlive the loop.  The last chunk kept
            # here was 200k objects that the first collection after the import
            # walked in one go, on a worker: a 170 ms stall of the window.
            self._chunk = None
        return following

    def _prepare_chunk(self, batches: Iterator[list[SourceRow]]) -> _Chunk | None:
        rows = next(batches, None)
        if rows is None:
            return None
        chunk = _Chunk(BulkWriter(self.store.conn, self.store.phone_region), rows)
        if self.options.kind != "accounts":
            chunk.prepared = [self._prepare(chunk, row) for row in rows]
        return chunk


@contextmanager
def _collector_paused() -> Iterator[Callable[[], None]]:
    """The import with the cyclic GC off; yields a young pass to run now and then.

    A chunk allocates a few dicts per row and frees nearly all of them by
    reference counting; the automatic passes meanwhile walked every object of
    the process again and again (13% of a 100k-row import).  A young pass
    walks every object still alive since the last one (the next chunk, read
    ahead): 0.2 s each, and on the bench file they never found a cycle.  So
    on the main thread (the CLI) one runs every ``COLLECT_EVERY`` chunks, to
    bound what a cycle could hold, and one at the end.

    On a worker thread (the window) the collector is paused too, but no pass
    is ever run here.  The automatic full passes over the two chunks in
    memory held the GIL for 0.1-0.7 s each and froze the window
    (bench/bench_gui_import.py); an explicit pass on a worker finalised Qt
    objects of the GUI thread mid-use (a segfault in the import wizard test).
    With the collector off, the window's own cycles wait until the import
    ends, and the passes resume after it on whichever thread allocates.
    """
    on_main = threading.current_thread() is threading.main_thread()
    try:
        with release.collector_paused() as was_on:
            yield _young_pass if was_on and on_main else _no_pass
    finally:
        if was_on and on_main:
            gc.collect(1)


def _forget_row_caches() -> None:
    """Drop what the per-value caches (phones, names, company keys) learnt from the file.

    Up to 65536 entries each, tuples mostly: freed here by reference
    counting, they are not left for the first collection after the import
    to walk (50-150 ms holding the GIL, on the window's import thread).
    """
    phone_e164.cache_clear()
    phone_regions.forget_cached()
    dedupe.forget_cached()


def _young_pass() -> None:
    gc.collect(1)


def _no_pass() -> None:
    pass


def _chunks(rows: Iterable[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    chunk: list[SourceRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
