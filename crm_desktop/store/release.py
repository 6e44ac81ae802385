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
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")

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


class _Shared(Generic[T]):
    """A process-wide setting changed while any of its users runs.

    The first user changes it (``change`` returns the value from before),
    the last one to end puts that value back (``restore``), so overlapping
    users (an import during a sync) never undo each other.
    """

    def __init__(self, change: Callable[[], T], restore: Callable[[T], None]) -> None:
        self._change, self._restore = change, restore
        self._lock = threading.Lock()
        self._users = 0
        self._before: T | None = None

    @contextmanager
    def held(self) -> Iterator[T]:
        """The setting changed meanwhile; yields its value from before the first user."""
        with self._lock:
            if self._users == 0:
                self._before = self._change()
            self._users += 1
            before = cast(T, self._before)
        try:
            yield before
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._restore(before)


def _collector_off() -> bool:
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def _collector_back(was_on: bool) -> None:
    if was_on:
        gc.enable()


_collector = _Shared(_collector_off, _collector_back)


def collector_paused() -> AbstractContextManager[bool]:
    """The cyclic GC off until the last overlapping pause ends; yields whether it was on before any."""
    return _collector.held()


SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005


def _switch_often() -> float:
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(SWITCH_INTERVAL, before))
    return before


_switching = _Shared(_switch_often, sys.setswitchinterval)


def switching_often() -> AbstractContextManager[float]:
    """Threads hand the GIL over every ``SWITCH_INTERVAL`` until the last overlapping use ends."""
    return _switching.held()
