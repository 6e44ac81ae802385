"""GUI budgets on a 1M-contact store (quick: 50k), offscreen.

- window usable <= 1 s from process start (a child process, timed by the parent;
  baseline: a bare QApplication with an empty table);
- the contacts list's first page painted <= 60 ms after opening it, without
  loading all rows: memory grows <= 150 MB over an empty store;
- scrolling frames p95 <= 16 ms (three rows a frame through the event loop, as
  a mouse wheel does; baseline: the same table over a model answering from
  memory, i.e. Qt's own floor); page-down frames are reported too;
- jump to the last row <= 50 ms;
- search results painted <= 30 ms p95 per keystroke.

Baselines are raw sqlite3 doing the same read (a page, the FTS query).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Benchmark, Result, p95, time_ms
from datagen import build_store

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = ("g", "ga", "gar", "garc", "garci", "garcia", "m", "ma", "mar", "mart", "ana", "ana g",
            "ana ga", "s", "sm", "smi", "smit", "smith", "acme", "wei", "wei c")
_session: dict[bool, Any] = {}


def _size(quick: bool) -> int:
    return 50_000 if quick else 1_000_000


def _data_dir(quick: bool, empty: bool = False) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="crm-bench-gui-"))
    atexit.register(shutil.rmtree, tmp, True)
    if empty:
        return tmp
    return build_store(tmp, contacts=_size(quick))


def _app(quick: bool) -> Any:
    """One window over a copy of the generated store, kept for the run."""
    if quick not in _session:
        from crm_desktop.app import build_window
        from crm_desktop.services import AppContext

        data = _data_dir(quick)
        app = build_window(AppContext(data), with_sync=False, first_run=False)
        app.window.resize(1180, 700)
        app.window.show()
        _settle()
        _session[quick] = app
    return _session[quick]


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication

    for _ in range(3):
        QCoreApplication.processEvents()


def _wait(condition: Any, timeout: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def _raw(app: Any) -> sqlite3.Connection:
    return sqlite3.connect(app.context.store.path)


def _contacts(app: Any) -> Any:
    app.window.show_page("contacts")
    return app.window.lists["contacts"]


# -- process start to a usable window ------------------------------------------

_CHILD = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtCore import QCoreApplication
if {bare}:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1180, 700); w.show()
    QCoreApplication.processEvents()
    w.repaint()
    print("ready", flush=True)
    os._exit(0)
from crm_desktop.app import build_window
from crm_desktop.services import AppContext
app = build_window(AppContext({data!r}), defer_extras=True)  # as crm_desktop.app.main does
app.window.resize(1180, 700)
app.window.show()
app.window.show_page("contacts")
QCoreApplication.processEvents()
app.window.repaint()
print("ready", flush=True)
view = app.window.lists["contacts"]
end = time.monotonic() + 30
while not view.model.counted and time.monotonic() < end:
    QCoreApplication.processEvents(); time.sleep(0.005)
view.table.scrollToBottom(); view.table.viewport().repaint()
rss = [l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]
print("rss", int(rss) / 1024, flush=True)
os._exit(0)
"""


def _child(data: Path | None, bare: bool = False) -> tuple[float, float]:
    """(ms from spawn to a painted window, RSS in MB once counted) of a fresh process."""
    code = _CHILD.format(root=str(ROOT), data=str(data), bare=bare)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    ready = (time.perf_counter() - start) * 1000
    rest = proc.stdout.read()
    proc.wait(timeout=60)
    if not first.startswith("ready"):
        raise RuntimeError(f"child failed: {first}{rest}")
    rss = next((float(line.split()[1]) for line in rest.splitlines() if line.startswith("rss")), 0.0)
    return ready, rss


def bench_window_usable(quick: bool) -> Result:
    data = _data_dir(quick)
    ours = min(_child(data)[0] for _ in range(3))
    baseline = min(_child(None, bare=True)[0] for _ in range(3))
    return Result(ours, baseline, "ms", max_ours=1000)


def bench_memory_over_empty(quick: bool) -> Result:
    full = _child(_data_dir(quick))[1]
    empty = _child(_data_dir(quick, empty=True))[1]
    return Result(full - empty, empty, "MB", max_ours=150)


# -- in-process paints -----------------------------------------------------------


def bench_first_page(quick: bool) -> Result:
    """Switch to the contacts list on a fresh model (nothing cached, count unknown) and paint it."""
    app = _app(quick)
    view = app.window.lists["contacts"]
    samples = []
    for _ in range(30):
        app.window.show_page("accounts")
        _settle()
        start = time.perf_counter()
        view.refresh()
        app.window.show_page("contacts")
        view.table.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
        _wait(lambda: view.model.counted)
    raw = _raw(app)

    def baseline() -> None:
        raw.execute("SELECT * FROM contact WHERE deleted = 0 AND state = 'active' "
                    "ORDER BY sort_key, num LIMIT 100").fetchall()

    return Result(p95(samples), p95(time_ms(baseline, 15)), "ms", max_ours=60)


class _TrivialModel:
    """The Qt floor: the same table with a model that answers from memory."""

    @staticmethod
    def make(rows: int) -> Any:
        from PySide6.QtCore import QAbstractTableModel

        class Trivial(QAbstractTableModel):
            def rowCount(self, parent: Any = None) -> int:
                return rows

            def columnCount(self, parent: Any = None) -> int:
                return 6

            def data(self, index: Any, role: int = 0) -> Any:
                return "María García López" if role == 0 else None

        return Trivial()


def _scroll_frames(table: Any, frames: int, step: int) -> list[float]:
    """Wheel-like scrolling: ``step`` rows a frame, painted through the event loop."""
    from PySide6.QtCore import QCoreApplication

    bar = table.verticalScrollBar()
    samples = []
    for _ in range(frames):
        start = time.perf_counter()
        bar.setValue(bar.value() + step)
        QCoreApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_scroll(quick: bool) -> Result:
    from PySide6.QtWidgets import QTableView

    app = _app(quick)
    view = _contacts(app)
    view.refresh()
    _wait(lambda: view.model.counted)
    view.table.verticalScrollBar().setValue(0)
    ours = _scroll_frames(view.table, 400, 3)
    floor = QTableView()
    floor.setModel(_TrivialModel.make(_size(quick)))
    floor.resize(view.table.size())
    floor.verticalHeader().setDefaultSectionSize(24)
    floor.show()
    _settle()
    baseline = _scroll_frames(floor, 400, 3)
    floor.close()
    return Result(p95(ours), p95(baseline), "ms", max_ours=16)


def bench_page_down(quick: bool) -> Result:
    """A screenful of new rows per frame (PgDn held down), full repaint each frame."""
    app = _app(quick)
    view = _contacts(app)
    bar = view.table.verticalScrollBar()

    def ours() -> None:
        bar.setValue(bar.value() + bar.pageStep())
        view.table.viewport().repaint()

    raw = _raw(app)
    keys = iter(raw.execute("SELECT sort_key, num FROM contact ORDER BY sort_key, num LIMIT 1000").fetchall())

    def baseline() -> None:
        raw.execute("SELECT * FROM contact WHERE deleted = 0 AND state = 'active' AND (sort_key, num) > (?, ?) "
                    "ORDER BY sort_key, num LIMIT 30", next(keys)).fetchall()

    return Result(p95(time_ms(ours, 200)), p95(time_ms(baseline, 200)), "ms")


def bench_jump_to_last(quick: bool) -> Result:
    app = _app(quick)
    view = _contacts(app)
    samples = []
    for _ in range(8):
        view.refresh()
        _wait(lambda: view.model.counted)
        start = time.perf_counter()
        view.table.scrollToBottom()
        view.table.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
    raw = _raw(app)

    def baseline() -> None:
        raw.execute("SELECT * FROM contact WHERE deleted = 0 AND state = 'active' "
                    "ORDER BY sort_key DESC, num DESC LIMIT 100").fetchall()

    return Result(max(samples), p95(time_ms(baseline, 8)), "ms", max_ours=50)


def bench_jump_to_middle(quick: bool) -> Result:
    """Jump to the middle row of a fresh list: the order loads in the background, then rows fill in.

    No budget: the list shows "Loading..." rows meanwhile and never blocks.
    Baseline: reading the same order with raw SQL.
    """
    app = _app(quick)
    view = _contacts(app)
    view.refresh()
    _wait(lambda: view.model.counted)
    middle = view.model.rowCount() // 2
    start = time.perf_counter()
    view.table.scrollTo(view.model.index(middle, 0))
    view.table.viewport().repaint()
    _wait(lambda: view.model.index(middle, 0).data() != "Loading…")
    view.table.viewport().repaint()
    ours = (time.perf_counter() - start) * 1000
    raw = _raw(app)
    start = time.perf_counter()
    raw.execute("SELECT num FROM contact WHERE deleted = 0 AND state = 'active' ORDER BY sort_key, num").fetchall()
    return Result(ours, (time.perf_counter() - start) * 1000, "ms")


def bench_search(quick: bool) -> Result:
    app = _app(quick)
    view = _contacts(app)
    texts = iter(SEARCHES * 4)

    def ours() -> None:
        view.search.setText(next(texts))
        view.table.viewport().repaint()

    from crm_desktop.store import fts

    raw = _raw(app)
    raw_texts = iter(SEARCHES * 4)

    def baseline() -> None:
        query = fts.match_query(next(raw_texts))
        raw.execute("SELECT t.* FROM contact_fts f JOIN contact t ON t.num = f.rowid WHERE contact_fts "
                    "MATCH ? AND t.deleted = 0 AND t.state = 'active' ORDER BY f.rowid LIMIT 50",
                    (query,)).fetchall()

    mine = time_ms(ours, len(SEARCHES) * 4)
    view.search.clear()
    return Result(p95(mine), p95(time_ms(baseline, len(SEARCHES) * 4)), "ms", max_ours=30)


BENCHMARKS = [
    Benchmark("gui_window_usable", bench_window_usable),
    Benchmark("gui_first_page_painted", bench_first_page),
    Benchmark("gui_memory_over_empty_store", bench_memory_over_empty),
    Benchmark("gui_scroll_frame_p95", bench_scroll),
    Benchmark("gui_page_down_frame_p95", bench_page_down),
    Benchmark("gui_jump_to_last_row", bench_jump_to_last),
    Benchmark("gui_jump_to_middle_filled", bench_jump_to_middle),
    Benchmark("gui_search_keystroke_p95", bench_search),
]
