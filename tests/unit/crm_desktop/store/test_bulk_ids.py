"""The batch path's record ids."""

from __future__ import annotations

import os
import threading
import uuid

import pytest

from crm_desktop.store import bulk


def _ids_on_a_new_thread(count: int) -> list[str]:
    made: list[str] = []
    worker = threading.Thread(target=lambda: made.extend(bulk.new_id() for _ in range(count)))
    worker.start()
    worker.join()
    return made


def test_new_ids_are_distinct_version_4_uuids_across_reads_and_threads() -> None:
    made = _ids_on_a_new_thread(bulk.IDS_PER_READ + 10) + _ids_on_a_new_thread(bulk.IDS_PER_READ + 10)
    made += [bulk.new_id() for _ in range(10)]
    assert len(set(made)) == len(made)
    assert all(str(uuid.UUID(i)) == i and uuid.UUID(i).version == 4 for i in made)


def test_new_ids_read_the_system_randomness_once_per_batch_not_once_per_id(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # os.urandom lets go of the GIL: once per row, a waiting GUI thread never got its turn.
    reads: list[int] = []
    urandom = os.urandom
    monkeypatch.setattr(bulk.os, "urandom", lambda n: reads.append(n) or urandom(n))
    _ids_on_a_new_thread(2 * bulk.IDS_PER_READ)
    assert reads == [16 * bulk.IDS_PER_READ] * 2
