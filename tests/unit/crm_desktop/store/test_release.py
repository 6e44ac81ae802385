"""Letting go of a written chunk a slice at a time; pausing the cyclic GC and switching threads often for big work."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from crm_desktop.store import Store
from crm_desktop.store.release import SLICE, SWITCH_INTERVAL, collector_paused, let_go, switching_often
from crm_desktop.sync.engine import SyncEngine


def test_let_go_empties_lists_dicts_and_sets_and_spares_what_else_holds_their_items() -> None:
    kept = {"name": "Ana"}
    rows = [{"n": i} for i in range(3 * SLICE + 7)] + [kept]
    by_id = {str(i): {"n": i} for i in range(2 * SLICE + 1)} | {"kept": kept}
    ids = {str(i) for i in range(SLICE + 3)}
    let_go(rows, by_id, ids)
    assert (rows, by_id, ids) == ([], {}, set())
    assert kept == {"name": "Ana"}


def test_the_collector_comes_back_when_the_last_of_overlapping_pauses_ends() -> None:
    assert gc.isenabled()
    first = collector_paused()
    assert first.__enter__() is True and not gc.isenabled()  # a sync starts
    with collector_paused() as was_on:  # an import starts meanwhile, and ends first
        assert was_on and not gc.isenabled()
    assert not gc.isenabled(), "the sync is still running"
    first.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_ended_by_an_error_brings_the_collector_back() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the server went away")
    assert gc.isenabled()


def test_a_caller_who_paused_the_collector_keeps_it_paused() -> None:
    gc.disable()
    try:
        with collector_paused() as was_on:
            assert not was_on
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_sync_runs_with_the_collector_paused_and_threads_switching_often(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sys.getswitchinterval()
    during: list[tuple[bool, float]] = []
    engine = SyncEngine(Store.open_dir(tmp_path), client=None)  # type: ignore[arg-type]
    monkeypatch.setattr(engine, "push", lambda *_args: during.append((gc.isenabled(), sys.getswitchinterval())))
    monkeypatch.setattr(engine, "pull", lambda *_args: during.append((gc.isenabled(), sys.getswitchinterval())))
    engine.run()
    assert during == [(False, SWITCH_INTERVAL)] * 2
    assert gc.isenabled() and sys.getswitchinterval() == before
    engine.store.close()


def test_the_switch_interval_comes_back_when_the_last_overlapping_use_ends() -> None:
    before = sys.getswitchinterval()
    first = switching_often()
    first.__enter__()  # a sync starts
    with pytest.raises(RuntimeError), switching_often():  # an import starts meanwhile, and fails first
        assert sys.getswitchinterval() == SWITCH_INTERVAL
        raise RuntimeError("a bad file")
    assert sys.getswitchinterval() == SWITCH_INTERVAL, "the sync is still running"
    first.__exit__(None, None, None)
    assert sys.getswitchinterval() == before
