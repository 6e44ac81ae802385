"""Run blocking calls off the GUI thread; results come back through a signal.

Anki's ``taskman`` habit: the caller hands over the work and two callbacks,
and both callbacks run on the thread that owns the runner (the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot

logger = logging.getLogger("crm.ui")

Success = Callable[[Any], None]
Failure = Callable[[Exception], None]


class _Call(QRunnable):
    def __init__(self, done: SignalInstance, fn: Callable[[], Any], on_success: Success,
                 on_failure: Failure) -> None:
        super().__init__()
        self._done = done
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure

    def run(self) -> None:
        try:
            value = self._fn()
        except Exception as exc:  # handed to the caller, who knows which errors are expected
            self._done.emit(partial(self._on_failure, exc))
        else:
            self._done.emit(partial(self._on_success, value))


class TaskRunner(QObject):
    """A private pool of worker threads (one by default, so calls run in order)."""

    _done = Signal(object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._done.connect(self._on_self_done, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], Any], on_success: Success, on_failure: Failure) -> None:
        """Call ``fn`` on a worker; then one of the callbacks on this object's thread."""
        self._pool.start(_Call(self._done, fn, on_success, on_failure))

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued calls finished (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    @Slot(object)
    def _on_self_done(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except Exception:
            logger.exception("a worker callback failed")
