"""Keeping Python's cyclic garbage collector out of the push hot path.

A 5000-mutation push allocates a few hundred thousand short-lived objects;
left alone, the collector runs full passes over the whole heap in the middle
of it (measured: about a quarter of push time).  Pushes hold only acyclic
data, so the collector is paused while any push runs (a counter, because
requests run on many threads) and the objects alive at startup are frozen
out of its passes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic GC off (reference counting still frees)."""
    global _active
    with _lock:
        _active += 1
        if _active == 1:
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.enable()


def freeze_startup_objects() -> None:
    """Move everything allocated so far out of the collector's passes."""
    gc.collect()
    gc.freeze()
