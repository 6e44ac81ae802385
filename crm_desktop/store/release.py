"""Letting go of memory without holding the GIL for long: freeing big containers and the cyclic GC.

Dropping the last reference to a chunk frees its 20k rows (some 200k
objects) in one cascade of C deallocations, with the GIL held throughout:
70 ms and more, and while the window imports, the GUI thread waits for it
(bench/bench_gui_import.py).  Emptied a slice at a time from Python, the
same work is many short steps, and the interpreter switches threads between
them as it does in any loop.

An import or a sync allocates a few dicts per record and frees nearly all
of them by reference counting, but the cyclic GC counts the allocations and
walks every live object again and again meanwhile: 13% of an import, 22% of
a first sync (bench/bench_sync.py).  ``collector_paused`` turns it off for
such work; nested or overlapping pauses (an import while a sync runs) turn
it back on only when the last one ends.

A thread coming back from SQLite (which runs without the GIL) waits for
the GIL while another thread runs Python, by default up to 5 ms each time.
A first sync's store thread comes back a dozen times a page while the
fetching thread prepares the next one: ``switching_often`` shortens that
wait for the sync (bench/bench_sync.py), and the GUI thread gets the GIL
sooner too.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SLICE = 500  # rows freed per step: well under a millisecond each


def let_go(*containers: list[Any] | dict[Any, Any] | set[Any]) -> None:
    """Empty each list, dict or set a slice at a time (what else refers to its items keeps them)."""
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-SLICE:]
        elif isinstance(container, dict):
            while container:
                for _ in range(min(SLICE, len(container))):
                    container.popitem()
        else:
            while container:
                for _ in range(min(SLICE, len(container))):
                    container.pop()


_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[bool]:
    """The cyclic GC off until the last overlapping pause ends; yields whether it was on before any."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
        was_on = _was_enabled
    try:
        yield was_on
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
_switch_lock = threading.Lock()
_switchers = 0
_interval_before = 0.0


@contextmanager
def switching_often() -> Iterator[None]:
    """Threads hand the GIL over every ``SWITCH_INTERVAL`` until the last overlapping use ends."""
    global _switchers, _interval_before
    with _switch_lock:
        if _switchers == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL, _interval_before))
        _switchers += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switchers -= 1
            if _switchers == 0:
                sys.setswitchinterval(_interval_before)
