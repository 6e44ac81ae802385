"""Property: whatever two reps do, pulling after every step leaves each of
them with exactly what a full sync would give (no change skipped, every
lost access reported as removed, nothing leaked)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_testkit import Api, Rep

Step = tuple[str, int, int, str]  # (action, actor index, record index, argument)

steps = st.lists(
    st.tuples(
        st.sampled_from(["create", "update", "share", "unshare", "assign", "delete"]),
        st.integers(0, 1),
        st.integers(0, 3),
        st.sampled_from(["read", "write", "delete", "assign"]),
    ),
    max_size=14,
)


def _apply(reps: list[Rep], records: list[str], step: Step) -> None:
    action, who, index, right = step
    actor, other = reps[who], reps[1 - who]
    if action == "create" or not records:
        records.append(actor.create("account", name=f"Account {len(records)}"))
        return
    record = records[index % len(records)]
    fields: dict[str, Any] = {
        "update": {"description": f"edit {uuid.uuid4().hex[:6]}"},
        "share": {"principal_type": "user", "principal": other.name, "rights": [right]},
        "unshare": {"principal_type": "user", "principal": other.name, "rights": []},
        "assign": {"owner_type": "user", "owner": other.name},
        "delete": {},
    }[action]
    op = action if action in ("update", "delete", "assign") else "share"
    actor.do(op, "account", record, fields, base_version=10**6)


def _incremental(rep: Rep, view: dict[str, Any], cursor: int) -> int:
    while True:
        page = rep.pull(cursor)
        for change in page["changes"]:
            if change["removed"]:
                view.pop(change["record_id"], None)
            else:
                view[change["record_id"]] = change
        cursor = page["cursor"]
        if not page["has_more"]:
            return int(cursor)


@pytest.mark.slow
@settings(max_examples=15, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_pulling_after_every_step_equals_a_full_sync(api: Api, steps: list[Step]) -> None:
    suffix = uuid.uuid4().hex[:8]
    reps = [api.rep(f"ana-{suffix}"), api.rep(f"bob-{suffix}")]
    views: list[dict[str, Any]] = [{}, {}]
    cursors = [_incremental(rep, views[i], 0) for i, rep in enumerate(reps)]
    records: list[str] = []
    for step in steps:
        _apply(reps, records, step)
        cursors = [_incremental(rep, views[i], cursors[i]) for i, rep in enumerate(reps)]
    for i, rep in enumerate(reps):
        full = rep.pull_all(0)[0]
        mine = {k: v for k, v in views[i].items() if k in records}
        assert {k: v["version"] for k, v in mine.items()} == {k: v["version"] for k, v in full.items() if k in records}
        assert mine == {k: v for k, v in full.items() if k in records}
