"""The import loop: rows in chunks, each chunk one transaction, every record queued.

Each row is checked whole before anything of it is written: its account
(found by name or created once), its contact, and whether it duplicates a
record.  Chunks of ``CHUNK_ROWS`` commit together through the store's batch
path, so a million-row file streams with flat memory and the sync engine
finds every imported record in the outbox like any other edit.

A contacts chunk goes in three steps: each row on its own (cells mapped,
fields cleaned, company found or drafted; no store), one read of the store
for every email, phone and company of the chunk, then the rows in file order
(duplicates, new accounts, the report).  The first step of the next chunk
runs on a second thread while SQLite writes and commits this one, which it
does without holding the GIL.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from crm_core.validation import ValidationError
from crm_desktop.store import Store
from crm_desktop.store.bulk import BulkWriter, NewRecord, drop_staging
from crm_desktop.transfer.dedupe import DuplicateFinder, Match
from crm_desktop.transfer.mapper import RowError, RowMapper
from crm_desktop.transfer.reader import SourceRow
from crm_desktop.transfer.report import ImportReport

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


@dataclass
class _Chunk:
    bulk: BulkWriter
    rows: list[SourceRow]
    prepared: list[_Prepared] = field(default_factory=list)
    accounts: list[NewRecord] = field(default_factory=list)
    contacts: list[NewRecord] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    drafts: dict[tuple[tuple[str, str], ...], NewRecord | str] = field(default_factory=dict)


@dataclass(slots=True)
class _Prepared:
    """A contact row checked on its own: its record (or why not), mapped values and company."""

    row: SourceRow
    contact: NewRecord | str
    mapped: dict[str, str]
    company: str = ""
    account_id: str | None = None  # the stored (or earlier-chunk) account of that name
    account: NewRecord | str | None = None  # else a draft of a new one, or why it cannot be


class _DryRun(Exception):
    """Raised to roll a dry run back after its last chunk."""


class Importer:
    """Imports mapped rows into a store and fills an ImportReport."""

    def __init__(self, store: Store, mapper: RowMapper, options: ImportOptions, report: ImportReport) -> None:
        self.store = store
        self.mapper = mapper
        self.options = options
        self.report = report
        self.finder = DuplicateFinder(store.conn)
        self.companies: dict[str, str] = {}
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
            with self.store.db.lock:
                chunk = self._prepare_chunk(batches)
            done = 0
            while chunk is not None:
                if cancel is not None and cancel.is_set():
                    self.report.cancelled = True
                    log.info("import cancelled after %d rows", self.report.processed)
                    return
                following = self._import_chunk(chunk, ahead, batches)
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
        return following

    def _prepare_chunk(self, batches: Iterator[list[SourceRow]]) -> _Chunk | None:
        rows = next(batches, None)
        if rows is None:
            return None
        chunk = _Chunk(BulkWriter(self.store.conn, self.store.phone_region), rows)
        if self.options.kind != "accounts":
            chunk.prepared = [self._prepare(chunk, row) for row in rows]
        return chunk

    def _import_row(self, row: SourceRow) -> None:
        try:
            self._account_row(self.mapper.values(row.cells).account)
        except RowError as exc:
            self.report.fail(row.line, str(exc), row.cells)
        except _Invalid as exc:
            self.report.fail(row.line, exc.reason, row.cells)

    # -- contacts ------------------------------------------------------------

    def _contact_chunk(self, prepared: list[_Prepared]) -> None:
        """Read the store once for the rows checked on their own, then place them in file order."""
        self._read_store(prepared)
        for item in prepared:
            try:
                self._contact_row(item)
            except _Invalid as exc:
                self.report.fail(item.row.line, exc.reason, item.row.cells)

    def _prepare(self, chunk: _Chunk, row: SourceRow) -> _Prepared:
        # What a row is on its own: its cells mapped, its fields cleaned, its
        # company found or drafted.  Failures wait for _contact_row, so the
        # report lists them in file order and by the same precedence.  This
        # may run on the read-ahead thread: it reads no store and no report.
        try:
            values = self.mapper.values(row.cells)
        except RowError as exc:
            return _Prepared(row, str(exc), {})
        bulk = chunk.bulk
        company = values.account.get("name") or ""
        account_id = self.finder.account_by_name(company) if company else None
        draft = self._draft_account(chunk, values.account) if company and not account_id else None
        try:
            record = bulk.prepare("contact", values.contact,
                                  references={"account_id": account_id or getattr(draft, "id", None)})
        except ValidationError as exc:
            return _Prepared(row, self.mapper.reason(exc, "contact"), values.contact, company, account_id, draft)
        return _Prepared(row, record, values.contact, company, account_id, draft)

    def _draft_account(self, chunk: _Chunk, values: dict[str, str]) -> NewRecord | str:
        # Rows of one company carry the same values: one draft (or reason) for all
        # of them.  Its cross-record rules are checked when a row uses it.
        key = tuple(values.items())
        found = chunk.drafts.get(key)
        if found is None:
            try:
                found = chunk.bulk.prepare("account", values)
            except ValidationError as exc:
                found = self.mapper.reason(exc, "account")
            chunk.drafts[key] = found
        return found

    def _read_store(self, prepared: list[_Prepared]) -> None:
        stored = {p.account_id for p in prepared if p.account_id}
        drafts = {p.account.id for p in prepared if isinstance(p.account, NewRecord)}
        records = [p.contact for p in prepared if isinstance(p.contact, NewRecord)]
        self.finder.prefetch([(r.fields, r.local) for r in records], stored, drafts)
        self._current().bulk.lookup.prefetch("account", stored)

    def _contact_row(self, item: _Prepared) -> None:
        chunk = self._current()
        account_id, new_account = self._account_for(item)
        if isinstance(item.contact, str):
            raise _Invalid(item.contact)
        record = item.contact
        if record.fields.get("account_id") != account_id:  # a company created rows ago
            record = chunk.bulk.link("contact", record, "account_id", account_id)
        if new_account is not None:
            chunk.bulk.remember(new_account)
        try:
            chunk.bulk.check("contact", record)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, "contact")) from None
        finally:
            if new_account is not None:
                chunk.bulk.forget(new_account)
        match = self.finder.contact(record.fields, record.local)
        if match is not None:
            values = {**item.mapped, "account_id": account_id} if account_id else dict(item.mapped)
            self._duplicate("contact", match, values, new_account)
            return
        self._add_account(new_account)
        chunk.contacts.append(record)
        chunk.pending.add(record.id)
        self.finder.add_contact(record.id, record.fields, record.local)
        self.report.created += 1

    def _account_for(self, item: _Prepared) -> tuple[str | None, NewRecord | None]:
        # An earlier row of this chunk may have created the company since the draft.
        if not item.company:
            return None, None
        existing = item.account_id or self.finder.account_by_name(item.company)
        if existing:
            return existing, None
        if isinstance(item.account, str):
            raise _Invalid(item.account)
        assert item.account is not None, "a row naming a new company has its draft"
        try:
            self._current().bulk.check("account", item.account)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, "account")) from None
        return item.account.id, item.account

    def _add_account(self, record: NewRecord | None) -> None:
        if record is None:
            return
        chunk = self._current()
        chunk.accounts.append(record)
        chunk.pending.add(record.id)
        self._note_account(record)

    def _note_account(self, record: NewRecord) -> None:
        self._current().bulk.remember(record)
        self.finder.add_account(record.id, record.fields)
        self.companies[record.id] = record.fields["name"]
        if self.options.kind != "accounts":
            self.report.accounts_created += 1

    # -- accounts ------------------------------------------------------------

    def _account_row(self, account: dict[str, str]) -> None:
        record = self._checked(self._current().bulk, "account", account)
        match = self.finder.account(record.fields)
        if match is not None:
            self._duplicate("account", match, account, None)
            return
        self._add_account(record)
        self.report.created += 1

    # -- duplicates and updates ------------------------------------------------

    def _duplicate(self, entity_name: str, match: Match, values: dict[str, Any],
                   new_account: NewRecord | None) -> None:
        update = (match.by_key and self.options.mode == "upsert") or self.options.duplicates == "update"
        if not update:
            self.report.duplicates += 1
            return
        chunk = self._current()
        if match.record_id in chunk.pending:
            self._flush()  # the record must be in its table to be updated
        changes = {k: v for k, v in values.items() if v}
        accounts = [new_account] if new_account is not None else []
        try:
            changed = chunk.bulk.update(entity_name, match.record_id, changes, create_first=accounts)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, entity_name)) from None
        finally:
            self.finder.forget_reads()
        if new_account is not None:
            self._note_account(new_account)
        if changed:
            self.report.updated += 1
        else:
            self.report.duplicates += 1  # the same data again: nothing to update

    # -- helpers ---------------------------------------------------------------

    def _checked(self, bulk: BulkWriter, entity_name: str, values: dict[str, Any]) -> NewRecord:
        try:
            return bulk.new_record(entity_name, values)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, entity_name)) from None

    def _flush(self) -> None:
        self._stage()
        self._current().bulk.write_staged()

    def _stage(self) -> None:
        chunk = self._current()
        chunk.bulk.stage("account", chunk.accounts)
        chunk.bulk.stage("contact", chunk.contacts, self._companies_of(chunk.contacts))
        chunk.accounts, chunk.contacts = [], []
        chunk.pending.clear()

    def _companies_of(self, contacts: list[NewRecord]) -> dict[str, str]:
        missing = {c.fields["account_id"] for c in contacts
                   if c.fields.get("account_id") and c.fields["account_id"] not in self.companies}
        if missing:
            rows = self.store.conn.execute("SELECT id, name FROM account WHERE id IN (SELECT value FROM json_each(?))",
                                           (json.dumps(sorted(missing)),))
            self.companies.update((r[0], r[1]) for r in rows)
        return self.companies

    def _current(self) -> _Chunk:
        assert self._chunk is not None, "rows are imported inside a chunk"
        return self._chunk


class _Invalid(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextmanager
def _collector_paused() -> Iterator[Callable[[], None]]:
    """The import with the cyclic GC off; yields a young pass to run now and then.

    A chunk allocates a few dicts per row and frees nearly all of them by
    reference counting; the automatic passes meanwhile walked every object of
    the process again and again (13% of a 100k-row import).  A young pass
    walks every object still alive since the last one (the next chunk, read
    ahead): 0.2 s each, and on the bench file they never found a cycle.  So
    one runs every ``COLLECT_EVERY`` chunks, to bound what a cycle could
    hold, and one at the end.

    Only on the main thread (the CLI).  The collector is the whole process's:
    the window imports on a worker thread, and a pass there finalised Qt
    objects of the GUI thread mid-use (a segfault in the import wizard test).
    """
    paused = gc.isenabled() and threading.current_thread() is threading.main_thread()
    if paused:
        gc.disable()
    try:
        yield _young_pass if paused else _no_pass
    finally:
        if paused:
            gc.enable()
            gc.collect(1)


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
