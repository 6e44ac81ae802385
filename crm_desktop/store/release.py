"""Letting go of a chunk's rows a slice at a time, so the window keeps its share of the GIL.

Dropping the last reference to a chunk frees its 20k rows (some 200k
objects) in one cascade of C deallocations, with the GIL held throughout:
70 ms and more, and while the window imports, the GUI thread waits for it
(bench/bench_gui_import.py).  Emptied a slice at a time from Python, the
same work is many short steps, and the interpreter switches threads between
them as it does in any loop.
"""

from __future__ import annotations

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
