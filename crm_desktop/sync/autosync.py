"""Background sync without Qt: on reconnect, on an interval, after edits.

One daemon thread waits on an event.  While the server is unreachable it
probes ``/api/v1/health`` with exponential backoff and jitter (capped at
``max_backoff``) and syncs as soon as the server answers.  While online it
syncs every ``interval`` seconds and ``edit_delay`` seconds after a local
edit.  A rejected login or a too-old app stops automatic syncing until the
rep asks for a sync (after logging in again or updating).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from crm_desktop.sync.errors import AuthError, NetworkError, SchemaTooOld, SyncError

log = logging.getLogger("crm.sync")

FIRST_BACKOFF = 1.0


class Syncable(Protocol):
    """What AutoSync needs of the sync service."""

    def sync_now(self) -> Any: ...

    def probe(self) -> bool: ...

    def state(self) -> Any: ...


def backoff_delay(failures: int, max_backoff: float, rng: random.Random) -> float:
    """Exponential backoff with jitter: about 1, 2, 4 ... seconds, never above the cap."""
    ceiling = min(max_backoff, FIRST_BACKOFF * 2 ** min(failures, 30))
    return rng.uniform(ceiling / 2, ceiling)


class AutoSync:
    """Runs the service's sync in the background; callbacks run on its thread."""

    def __init__(self, service: Syncable, *, interval: float = 300.0, edit_delay: float = 3.0,
                 max_backoff: float = 60.0, on_state: Callable[[Any], None] | None = None,
                 on_finished: Callable[[Any], None] | None = None) -> None:
        self.service = service
        self.interval = interval
        self.edit_delay = edit_delay
        self.max_backoff = max_backoff
        self.on_state = on_state
        self.on_finished = on_finished
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._rng = random.Random()
        self._offline = False
        self._paused = False  # auth or schema: wait for the rep
        self._failures = 0
        self._requested = True  # sync once at start
        self._next_periodic = time.monotonic() + interval
        self._edit_due: float | None = None
        self._retry_at: float | None = None

    def start(self) -> None:
        """Start the background thread (once)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="crm-autosync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread; waits for a sync in progress to finish."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def notify_local_edit(self) -> None:
        """A local edit was made: sync shortly (while online)."""
        with self._lock:
            if self._edit_due is None:
                self._edit_due = time.monotonic() + self.edit_delay
        self._wake.set()

    def request_sync(self) -> None:
        """Sync as soon as possible (Sync now, or after logging in again)."""
        with self._lock:
            self._requested = True
            self._paused = False
        self._wake.set()

    # -- the thread ------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._seconds_to_next())
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                self._step()
            except Exception:  # a bug must not kill background sync for the rest of the session
                log.exception("background sync failed unexpectedly")
                with self._lock:
                    self._retry_at = time.monotonic() + self.max_backoff

    def _seconds_to_next(self) -> float:
        with self._lock:
            if self._requested:
                return 0.0
            if self._paused:
                return 3600.0
            due = self._deadlines()
        return max(0.0, min(due) - time.monotonic()) if due else 3600.0

    def _deadlines(self) -> list[float]:
        """When the next sync (or probe) is due; call with the lock held.

        After a failure only its backoff counts: an interval or an edit
        coming due sooner would try the failing server again at once.
        """
        if self._retry_at is not None:
            return [self._retry_at]
        due = [] if self._edit_due is None else [self._edit_due]
        return due if self._offline else [*due, self._next_periodic]

    def _step(self) -> None:
        now = time.monotonic()
        with self._lock:
            requested, self._requested = self._requested, False
            due = requested or any(t <= now for t in self._deadlines())
            if self._paused or not due:
                return
        if self._offline and not requested and not self.service.probe():
            self._schedule_retry()
            self._emit_state()
            return
        self._sync()

    def _sync(self) -> None:
        with self._lock:
            self._edit_due = None
            self._retry_at = None
        try:
            outcome: Any = self.service.sync_now()
        except SyncError as exc:
            outcome = exc
            self._after_failure(exc)
        else:
            self._offline, self._failures = False, 0
        finally:
            # Whatever came of it: a failure waits for its backoff (``_retry_at``), not for an
            # interval already past, which would start the next sync at once, again and again.
            with self._lock:
                self._next_periodic = time.monotonic() + self.interval
        self._emit_state()
        if self.on_finished is not None:
            self.on_finished(outcome)

    def _after_failure(self, exc: SyncError) -> None:
        if isinstance(exc, AuthError | SchemaTooOld):
            self._paused = True
            return
        if isinstance(exc, NetworkError):
            if not self._offline:
                self._failures = 0
            self._offline = True
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        delay = backoff_delay(self._failures, self.max_backoff, self._rng)
        self._failures += 1
        with self._lock:
            self._retry_at = time.monotonic() + delay
        log.info("server unreachable or failing; next try in %.1f s", delay)

    def _emit_state(self) -> None:
        if self.on_state is not None:
            self.on_state(self.service.state())
