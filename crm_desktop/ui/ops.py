"""Background work for the GUI: one serial store worker and the Op builder.

Store writes (and slow reads such as a list's whole order) run on one
worker thread, in order; their results come back to the GUI thread through
a queued signal, as in Anki's ``qt/aqt/taskman.py``.  The builder reads
``Op(parent, fn).success(cb).failure(cb).run()``.  Work the user started
that takes longer than ``PROGRESS_DELAY_MS`` shows a progress dialog with
Cancel; quick work never flashes one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.services.errors import KNOWN_ERRORS

log = logging.getLogger("crm.ui")

PROGRESS_DELAY_MS = 600


class TaskManager(QObject):
    """Runs functions on one serial worker and their callbacks on the GUI thread."""

    closure_posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crm-store")
        # Slow reads (a million-row count, a list's whole order) get their own
        # thread and connection, so they never hold up a write or a repaint.
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crm-read")
        self._reads: set[Future[Any]] = set()
        self._pending = 0
        self.closure_posted.connect(self._on_self_closure_posted, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Whether work is queued or running."""
        return self._pending > 0

    def run(self, fn: Callable[[], Any], done: Callable[[Future[Any]], None], *, read: bool = False) -> None:
        """Run ``fn`` on the store worker (or the reader); ``done(future)`` runs on the GUI thread."""
        self._pending += 1
        future = (self._reader if read else self._executor).submit(fn)
        if read:
            self._reads.add(future)
            future.add_done_callback(self._reads.discard)
        future.add_done_callback(lambda f: self.closure_posted.emit(lambda: self._finish(done, f)))

    def cancel_reads(self) -> None:
        """Drop the reads still queued (a closing window wants none of them).

        A count over a million rows takes a second or more; without this, the
        process would run every queued one before it could exit.
        """
        for future in list(self._reads):
            future.cancel()

    def _finish(self, done: Callable[[Future[Any]], None], future: Future[Any]) -> None:
        self._pending -= 1
        done(future)

    @Slot(object)
    def _on_self_closure_posted(self, closure: Callable[[], None]) -> None:
        closure()

    def wait_idle(self, timeout_ms: int = 10_000) -> None:
        """Block until the queue drains, delivering callbacks (for shutdown and tests)."""
        for executor in (self._reader, self._executor):
            drained = threading.Event()
            executor.submit(drained.set)
            drained.wait(timeout_ms / 1000)
        QCoreApplication.processEvents()

    def shutdown(self) -> None:
        """Finish queued work and stop the workers."""
        self._reader.shutdown(wait=True, cancel_futures=True)
        self._executor.shutdown(wait=True)


_tasks: dict[str, TaskManager] = {}


def install_task_manager(tasks: TaskManager) -> None:
    """Make ``tasks`` the worker every Op uses (the app sets one up at start)."""
    _tasks["default"] = tasks


def task_manager() -> TaskManager:
    """The app's task manager, created on first use."""
    if "default" not in _tasks:
        _tasks["default"] = TaskManager(QCoreApplication.instance())
    return _tasks["default"]


class Op:
    """One piece of background work with its callbacks.

    ``Op(parent, fn).success(cb).failure(cb).with_progress(label).run()``.
    Known errors (validation, store, service) go to the failure callback; a
    bug is logged with its trace and also reported there.  When ``parent``
    is gone by the time the result arrives, the callbacks are skipped.
    """

    def __init__(self, parent: QObject | None, fn: Callable[[], Any]) -> None:
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._label: str | None = None
        self._read = False
        self._progress: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self.cancelled = threading.Event()

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op:
        self._on_failure = callback
        return self

    def on_reader(self) -> Op:
        """Run on the reader thread: a slow read that must not wait behind writes."""
        self._read = True
        return self

    def with_progress(self, label: str) -> Op:
        """Show a cancellable progress dialog if the work outlasts the delay."""
        self._label = label
        return self

    def run(self) -> Op:
        if self._label is not None:
            self._timer = QTimer(singleShot=True, interval=PROGRESS_DELAY_MS)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start()
        task_manager().run(self._fn, self._done, read=self._read)
        return self

    def _show_progress(self) -> None:
        alive = isinstance(self._parent, QWidget) and shiboken6.isValid(self._parent)
        parent = self._parent if alive and isinstance(self._parent, QWidget) else None
        dialog = QProgressDialog(self._label or "", QCoreApplication.translate("Op", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle("crm-desktop")  # the app's name, as its other dialogs: not "python"
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancelled.set)
        dialog.show()
        self._progress = dialog

    def _close_progress(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _done(self, future: Future[Any]) -> None:
        self._close_progress()
        try:
            self._deliver(future)
        finally:
            # The worker may drop the last reference to this Op; let it hold no Qt object then.
            self._parent = self._on_success = self._on_failure = None

    def _deliver(self, future: Future[Any]) -> None:
        if self.cancelled.is_set() or future.cancelled():
            return
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return
        error = future.exception()
        if error is None:
            if self._on_success is not None:
                self._on_success(future.result())
            return
        if not isinstance(error, KNOWN_ERRORS):
            log.error("background work failed", exc_info=error)
        if self._on_failure is not None and isinstance(error, Exception):
            self._on_failure(error)
