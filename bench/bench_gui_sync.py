"""The GUI thread while a first sync runs: "the GUI thread never stalls over 100 ms".

A real crm-server process on 127.0.0.1 is seeded with N contacts (quick: 5k,
full: 100k) the way ``bench_sync`` seeds it.  The real main window
(``build_window``) over an empty store is shown, logged in, and
``controller.sync_now()`` runs the sync on its worker thread.  Meanwhile a
5 ms QTimer on the GUI thread records the gap between consecutive ticks and
scrolls the contacts list one row per tick (a repaint each tick).  Ticking goes
on for a short tail after ``sync_finished`` so the window's own after-sync
work (status bar, list refresh) is measured too.

ours: the longest tick gap (ms); baseline: the longest gap of the same timer
over the same duration on an idle event loop.  Budget: ours <= 100 ms.

The token goes to an in-memory keyring: a benchmark must not write the
developer's OS keyring.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_sync import PASSWORD, USER, _seed_contacts, _server_database
from common import Benchmark, Result

TICK_MS = 5
TAIL_S = 1.0  # keep ticking after sync_finished: the after-sync refresh runs on the GUI thread
TIMEOUT_S = 600.0


def _size(quick: bool) -> int:
    return 5_000 if quick else 100_000


class _Ticker:
    """A 5 ms timer on the GUI thread recording the gaps between its ticks."""

    def __init__(self, on_tick: Any = None) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last: float | None = None
        self._on_tick = on_tick
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000)
        self._last = now
        if self._on_tick is not None:
            self._on_tick()

    def start(self) -> None:
        self._last = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def _run_loop(done: Any, timeout: float) -> None:
    """Spin the event loop until ``done()`` or the timeout (the loop blocks in Qt, not here)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    poll.stop()


def _scroller(view: Any) -> Any:
    """One row further down the contacts list per tick, wrapping, with a repaint."""
    bar = view.table.verticalScrollBar()

    def step() -> None:
        bar.setValue(bar.value() + 1 if bar.value() < bar.maximum() else 0)
        view.table.viewport().update()

    return step


def _idle_max_gap(seconds: float) -> float:
    ticker = _Ticker()
    ticker.start()
    end = time.monotonic() + seconds
    _run_loop(lambda: time.monotonic() >= end, seconds + 5)
    ticker.stop()
    return max(ticker.gaps, default=0.0)


def run(quick: bool) -> Result:
    from crm_desktop.app import build_window
    from crm_desktop.services import AppContext
    from crm_desktop.sync.credentials import CredentialStore, MemoryKeyring
    from tests.helpers.server import ServerProcess

    count = _size(quick)
    server_dir = Path(tempfile.mkdtemp(prefix="crm-bench-gui-sync-server-"))
    laptop_dir = Path(tempfile.mkdtemp(prefix="crm-bench-gui-sync-laptop-"))
    server: ServerProcess | None = None
    app: Any = None
    try:
        engine = _server_database(server_dir)
        _seed_contacts(engine, count)
        engine.dispose()
        server = ServerProcess(server_dir)
        server.start()

        app = build_window(AppContext(laptop_dir), with_sync=True, first_run=False)
        controller = app.controller
        if controller is None:
            raise RuntimeError("sync is not available in this build")
        service = controller._service
        service.credentials = CredentialStore(MemoryKeyring())
        service.timeout = 120
        app.window.resize(1180, 700)
        app.window.show()
        app.window.show_page("contacts")
        service.login(server.url, USER, PASSWORD)  # before measuring: the login is not the sync
        controller.refresh_state()
        _run_loop(lambda: False, 0.3)  # let the first paint and the empty list's count settle

        outcome: dict[str, Any] = {}
        controller.sync_finished.connect(lambda report: outcome.setdefault("report", report))
        controller.sync_failed.connect(lambda error: outcome.setdefault("error", error))
        ticker = _Ticker(_scroller(app.window.lists["contacts"]))
        ticker.start()
        start = time.monotonic()
        if not controller.sync_now():
            raise RuntimeError("the controller did not start a sync")
        _run_loop(lambda: bool(outcome), TIMEOUT_S)
        synced = time.monotonic() - start
        end = time.monotonic() + TAIL_S
        _run_loop(lambda: time.monotonic() >= end, TAIL_S + 5)
        ticker.stop()
        if "error" in outcome:
            raise RuntimeError(f"sync failed: {outcome['error']}")
        if "report" not in outcome:
            raise RuntimeError(f"sync did not finish in {TIMEOUT_S:g} s")
        contacts = app.context.store.count("contact")
        if contacts != count:
            raise RuntimeError(f"{contacts} contacts synced, expected {count}")
        ours = max(ticker.gaps, default=0.0)
        baseline = _idle_max_gap(synced + TAIL_S)
        return Result(ours, baseline, "ms", max_ours=100)
    finally:
        if app is not None:
            app.close()
        if server is not None:
            server.kill()
        shutil.rmtree(server_dir, ignore_errors=True)
        shutil.rmtree(laptop_dir, ignore_errors=True)


BENCHMARKS = [Benchmark("gui.stall_while_syncing", run)]
