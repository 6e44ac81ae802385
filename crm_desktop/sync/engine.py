"""One sync cycle: push the queue, then pull until the server has no more.

Push sends the oldest queued mutations first, one batch in flight; each
answer is recorded in one local transaction that also drops the answered
entries, so a lost response only means the batch is sent again (the server
answers ``duplicate`` for what it already applied).  Pull applies each page
and its cursor in one transaction.  A cursor the server has forgotten (410)
starts a full re-sync that keeps the queue and, at the end, drops the
synced records the server no longer sends.  Every page of a pull that began
at cursor 0 is asked for as ``full``, so a compacted change log on the
server does not refuse the pages after the first.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass

from crm_core.entities import ENTITIES
from crm_core.protocol import MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, PushResponse, PushResult
from crm_desktop.store import Store, bulkload, outbox, release
from crm_desktop.store.meta_keys import LAST_SYNC_KEY
from crm_desktop.store.pulled import Prepared, prepare, settle_companies
from crm_desktop.store.writes import now_iso, table
from crm_desktop.sync.client import CursorGone, PulledPage, SyncClient
from crm_desktop.sync.errors import ServerError

log = logging.getLogger("crm.sync")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class _Batch:
    """Queued mutations read for one push: their ids and the JSON array to send."""

    sent: list[int]
    mutations: str


@dataclass(frozen=True)
class _Answered:
    """The server's answers to one push, for the mutations that push sent."""

    results: list[PushResult]
    server_last: int  # the last of this device's mutation ids the server has seen


@dataclass
class Counts:
    """What one cycle did.

    ``pushed`` counts the changes the server took (``applied``, or
    ``duplicate``: taken by a push whose answer was lost); a change answered
    with a conflict or a rejection is counted there instead, never twice.
    """

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0

    @property
    def answered(self) -> int:
        """The changes the server has answered this cycle, whatever the answer (push progress)."""
        return self.pushed + self.conflicts + self.rejected


class SyncEngine:
    """Runs push and pull for one store against one server client."""

    def __init__(self, store: Store, client: SyncClient, *, push_batch: int = 1000,
                 pull_limit: int = 5000) -> None:
        self.store = store
        self.client = client
        self.push_batch = min(push_batch, MAX_PUSH_MUTATIONS)
        self.pull_limit = pull_limit

    def run(self, progress: Progress | None = None, cancel: threading.Event | None = None) -> Counts:
        """Push everything queued, then pull everything new; returns the counts.

        The cyclic GC waits meanwhile: a pulled page is some 100k short-lived
        objects, freed by reference counting, and the collector's passes
        over them took a fifth of a first sync (see store/release.py).
        Threads also hand the GIL over more often (``switching_often``).
        """
        counts = Counts()
        report = progress or (lambda _stage, _done, _total: None)
        with release.collector_paused(), release.switching_often():
            self.push(counts, report, cancel)
            if cancel is None or not cancel.is_set():
                self.pull(counts, report, cancel)
        return counts

    # -- push ------------------------------------------------------------------

    def push(self, counts: Counts, report: Progress, cancel: threading.Event | None) -> None:
        """Push the queue oldest first until it is empty (or cancelled).

        One push is in flight at a time, and the next leaves only once the
        previous one is answered; but the store's side overlaps the server's:
        while the server works on batch N, this thread records the answer to
        batch N-1 and reads and encodes batch N+1, so pushing costs about
        the server's time alone (bench/bench_sync.py).
        """
        total = self.store.pending_changes()
        answered: _Answered | None = None  # received, not yet recorded
        batch = self._read_batch(0)
        with ThreadPoolExecutor(1, thread_name_prefix="crm-push") as sender:
            try:
                while batch is not None and not (cancel and cancel.is_set()):
                    # No power cut takes back what the server is about to see.  First, so the
                    # disk's wait does not widen the gap between the check below and the send.
                    self.store.db.make_durable()
                    batch = self._still_queued(batch)
                    if batch is None:
                        break
                    in_flight = sender.submit(self.client.push_raw, self.store.client_id, batch.mutations)
                    try:
                        if answered is not None:
                            done, answered = answered, None
                            self._record(done)
                        following = self._read_batch(batch.sent[-1])
                    finally:
                        wait([in_flight])  # never return with a push still in flight
                    answered = self._answered(batch, in_flight.result(), counts)
                    report("push", counts.answered, max(total, counts.answered))
                    if not answered.results and self._gap_made_here(answered.server_last, batch):
                        self._close_gap(answered.server_last)
                        answered = None  # nothing was taken: nothing to record
                        batch = self._read_batch(0)
                        continue
                    if not answered.results:
                        raise ServerError(f"the server did not take change {batch.sent[0]} of this device"
                                          " (it may have been restored from a backup); ask the admin")
                    if len(answered.results) < len(batch.sent):  # it stopped part-way: go on from there
                        done, answered = answered, None
                        self._record(done)
                        following = self._read_batch(0)
                    batch = following
            finally:
                if answered is not None:
                    self._record(answered)

    def _read_batch(self, after: int) -> _Batch | None:
        """The next queued mutations after ``after`` as one push body, or None when none wait."""
        size = self.push_batch
        while True:
            with self.store.db.lock:
                sent, mutations = outbox.queued_json(self.store.conn, size, after)
            if not sent:
                return None
            if len(sent) > 1 and len(mutations) > MAX_PUSH_BYTES * 0.9:
                size = max(1, len(sent) // 2)  # large fields: fewer mutations per push
                continue
            return _Batch(sent, mutations)

    def _still_queued(self, batch: _Batch) -> _Batch | None:
        """``batch`` if every entry of it is still queued, else the queue read again from there.

        A batch is read while the one before it is at the server; meanwhile the
        rep may have settled a sync issue, which drops that record's queued
        entries.  A dropped entry must not reach the server.
        """
        with self.store.db.lock:
            left = self.store.conn.execute("SELECT count(*) FROM outbox WHERE mutation_id BETWEEN ? AND ?",
                                           (batch.sent[0], batch.sent[-1])).fetchone()[0]
        return batch if left == len(batch.sent) else self._read_batch(batch.sent[0] - 1)

    def _gap_made_here(self, server_last: int, batch: _Batch) -> bool:
        """Whether the ids the server lacks before ``batch`` were dropped here, never answered.

        If the server is behind what it already answered, it was restored from
        a backup instead: that needs the admin, not a renumbering.
        """
        with self.store.db.lock:
            answered_before = outbox.acked(self.store.conn)
        return answered_before <= server_last < batch.sent[0] - 1

    def _close_gap(self, server_last: int) -> None:
        """Renumber the queue to go on right after the server's last id.

        Entries dropped from the middle of the queue (a record the rep
        discarded) leave a gap, and the server stops a batch at a gap.  Every
        entry still queued is past what the server has seen, so renumbering
        them from there sends each once, in order.
        """
        log.info("closing a gap in the queue: it goes on from %d", server_last + 1)
        with self.store.db.transaction() as conn:
            outbox.renumber_queue(conn, server_last + 1)

    @staticmethod
    def _answered(batch: _Batch, response: PushResponse, counts: Counts) -> _Answered:
        ids = set(batch.sent)
        results = [r for r in response.results if r.mutation_id in ids]
        for result in results:
            counts.pushed += result.status in ("applied", "duplicate")
            counts.conflicts += result.status == "conflict"
            counts.rejected += result.status == "rejected"
        log.info("pushed %d of %d mutations (server at %d)", len(results), len(batch.sent),
                 response.last_mutation_id)
        return _Answered(results, response.last_mutation_id)

    def _record(self, answered: _Answered) -> None:
        """Drop the answered entries and keep the issues, in one transaction."""
        with self.store.db.transaction() as conn:
            outbox.acknowledge(conn, answered.results)

    # -- pull ------------------------------------------------------------------

    def pull(self, counts: Counts, report: Progress, cancel: threading.Event | None) -> None:
        """Pull pages until ``has_more`` is false; a forgotten cursor re-syncs fully."""
        full = self.store.get_meta(outbox.RESYNC_KEY) is not None
        cursor = 0 if full else int(self.store.get_meta(outbox.CURSOR_KEY) or 0)
        try:
            done = self._pull_pages(cursor, full, counts, report, cancel)
        except CursorGone:
            log.warning("the server no longer knows cursor %d; syncing everything again", cursor)
            self.store.set_meta(outbox.RESYNC_KEY, "1")
            done = self._pull_pages(0, True, counts, report, cancel)
        if done:
            self.store.set_meta(LAST_SYNC_KEY, now_iso())

    def _pull_pages(self, cursor: int, full: bool, counts: Counts, report: Progress,
                    cancel: threading.Event | None) -> bool:
        if full:
            with self.store.db.lock:
                outbox.begin_full_resync(self.store.conn)
        # A pull from cursor 0 gets every record, so the server may serve its
        # later pages below a compacted log's floor (a first sync included).
        pages = _Prefetch(self.client, cursor, self.pull_limit, self.store.phone_region, full=full or cursor == 0)
        bulk = ExitStack()
        first = cursor == 0
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    return False
                page, prepared = pages.next()
                if first and page.has_more:
                    # Everything from the start, more than a page: the empty tables load in bulk.
                    bulk.enter_context(bulkload.loading(self.store.db, [table(e) for e in ENTITIES]))
                first = False
                with self.store.db.transaction() as conn:
                    counts.pulled += outbox.apply_changes(conn, page.changes, self.store.phone_region,
                                                          track_seen=full, prepared=prepared)
                    if not full:  # a full re-sync keeps its cursor until the end: a crash restarts it
                        _set_meta(conn, outbox.CURSOR_KEY, str(page.cursor))
                cursor = page.cursor
                report("pull", counts.pulled, 0)
                if not page.has_more:
                    break
        finally:
            pages.close()
            bulk.close()  # the dropped indexes are back before the pull returns, or raises
            with self.store.db.transaction() as conn:
                settle_companies(conn)
        if full:  # records gone here are changes the pull made too
            counts.pulled += self._finish_resync(cursor)
        return True

    def _finish_resync(self, cursor: int) -> int:
        """Drop what the server no longer sends; returns how many records left."""
        with self.store.db.transaction() as conn:
            removed = outbox.remove_unseen(conn)
            _set_meta(conn, outbox.CURSOR_KEY, str(cursor))
            conn.execute("DELETE FROM meta WHERE key = ?", (outbox.RESYNC_KEY,))
        log.info("full re-sync done; %d records the server no longer sends were removed", removed)
        return removed


class _Prefetch:
    """Pull pages fetched one ahead on a helper thread, their rows prepared there too.

    The next page's cursor is in the current page, so the requests stay one
    at a time; but while the store's thread is inside SQLite with page N,
    the server builds page N+1 and this thread turns it into rows, so a
    first sync costs about max(server, Python, SQLite), not their sum.
    """

    def __init__(self, client: SyncClient, cursor: int, limit: int, region: str, *, full: bool) -> None:
        self._client = client
        self._limit = limit
        self._full = full
        self._region = region
        self._queue: queue.Queue[tuple[PulledPage, Prepared] | BaseException] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(cursor,), name="crm-pull", daemon=True)
        self._thread.start()

    def _run(self, cursor: int) -> None:
        while not self._stop.is_set():
            try:
                page = self._client.pull(cursor, self._limit, full=self._full)
                prepared = prepare(page.changes, self._region)
            except BaseException as exc:  # handed to the applying thread, which raises it
                self._put(exc)
                return
            self._put((page, prepared))
            if not page.has_more:
                return
            cursor = page.cursor

    def _put(self, item: tuple[PulledPage, Prepared] | BaseException) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def next(self) -> tuple[PulledPage, Prepared]:
        """The next page and its prepared rows, or the fetch's error."""
        while True:
            try:
                item = self._queue.get(timeout=0.2)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise ServerError("the pull stopped unexpectedly; try again", answered=False) from None
                continue
            if isinstance(item, BaseException):
                raise item
            return item

    def close(self) -> None:
        """Stop fetching (a request in flight ends with the client)."""
        self._stop.set()
        self._thread.join(timeout=0.5)


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                 " SET value = excluded.value", (key, value))
