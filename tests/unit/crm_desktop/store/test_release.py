"""Letting go of a written chunk a slice at a time."""

from __future__ import annotations

from crm_desktop.store.release import SLICE, let_go


def test_let_go_empties_lists_dicts_and_sets_and_spares_what_else_holds_their_items() -> None:
    kept = {"name": "Ana"}
    rows = [{"n": i} for i in range(3 * SLICE + 7)] + [kept]
    by_id = {str(i): {"n": i} for i in range(2 * SLICE + 1)} | {"kept": kept}
    ids = {str(i) for i in range(SLICE + 3)}
    let_go(rows, by_id, ids)
    assert (rows, by_id, ids) == ([], {}, set())
    assert kept == {"name": "Ana"}
