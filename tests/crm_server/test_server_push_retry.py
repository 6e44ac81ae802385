"""A push retried after its answer was lost repeats conflicts and rejections.

The server committed the first push, so the retried mutation ids are at or
below the client's last id; applied ones answer ``duplicate``, but a conflict
or rejection must come back as it was the first time, or the client would
acknowledge it as done and the rep would never hear of it.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from server_testkit import Api, Rep
from sqlalchemy import text

from crm_server.core.config import sqlite_url
from crm_server.core.db import make_engine
from crm_server.sync import store


def _count(api: Api, sql: str) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


def _team_account(api: Api) -> tuple[Rep, Rep, str]:
    """Ana and Bob of team north, and an account the team owns (version 2)."""
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    account_id = ana.create("account", name="Acme")
    assert ana.do("assign", "account", account_id, {"owner_type": "team", "owner": "north"})["version"] == 2
    return ana, bob, account_id


def _conflicting_edit(api: Api) -> tuple[Rep, dict[str, Any]]:
    """Bob and a queued edit of his that conflicts with Ana's newer name."""
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"name": "Acme Ltd"}, base_version=2)
    m = bob.mutation("update", "account", account_id, {"name": "ACME"}, base_version=2, base={"name": "Acme"})
    return bob, m


def test_retried_conflict_repeats_the_conflict(api: Api) -> None:
    bob, m = _conflicting_edit(api)
    first = bob.push(m)
    again = bob.push(m)  # the first answer was lost
    assert first["results"][0]["status"] == "conflict"
    assert again["results"] == first["results"]
    [result] = again["results"]
    assert result["conflicts"] == {"name": {"base": "Acme", "theirs": "Acme Ltd", "yours": "ACME"}}
    assert result["version"] == 3
    assert again["last_mutation_id"] == first["last_mutation_id"] == 1


def test_retried_rejection_repeats_the_reason_and_message(api: Api) -> None:
    ana = api.rep("ana")
    bad = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Acme", "email": "not an email"})
    first = ana.push(bad)
    again = ana.push(bad)
    [result] = again["results"]
    assert (result["status"], result["reason"]) == ("rejected", "validation")
    assert "email" in result["message"]
    assert again["results"] == first["results"]
    assert _count(api, "SELECT count(*) FROM record WHERE entity = 'account'") == 0


def test_retried_applied_mutation_is_still_a_duplicate(api: Api) -> None:
    ana = api.rep("ana")
    m = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Acme"})
    assert ana.push(m)["results"][0]["status"] == "applied"
    again = ana.push(m)
    assert again["results"] == [{"mutation_id": 1, "status": "duplicate"}]
    assert _count(api, "SELECT count(*) FROM push_result") == 0  # applied results are not kept


def test_retried_mixed_batch_answers_each_mutation_as_before(api: Api) -> None:
    bob, conflicting = _conflicting_edit(api)
    applied = bob.mutation("create", "account", str(uuid.uuid4()), {"name": "Fine"})
    missing = bob.mutation("delete", "account", str(uuid.uuid4()))
    first = bob.push(conflicting, applied, missing)
    assert [r["status"] for r in first["results"]] == ["conflict", "applied", "rejected"]
    later = bob.mutation("create", "account", str(uuid.uuid4()), {"name": "New"})
    again = bob.push(conflicting, applied, missing, later)  # the retry also carries a new mutation
    assert [r["status"] for r in again["results"]] == ["conflict", "duplicate", "rejected", "applied"]
    assert again["results"][0] == first["results"][0]
    assert again["results"][2] == first["results"][2]
    assert again["results"][2]["reason"] == "missing"
    assert again["last_mutation_id"] == 4


def test_kept_results_belong_to_their_client(api: Api) -> None:
    ana = api.rep("ana")
    assert ana.push(ana.mutation("delete", "account", str(uuid.uuid4())))["results"][0]["status"] == "rejected"
    laptop2 = Rep(api, "ana", ana.headers)  # ana's second laptop: its own client id, its own mutation 1
    m = laptop2.mutation("create", "account", str(uuid.uuid4()), {"name": "Other"})
    assert laptop2.push(m)["results"][0]["status"] == "applied"
    assert laptop2.push(m)["results"] == [{"mutation_id": 1, "status": "duplicate"}]


def test_kept_results_expire(api: Api) -> None:
    ana = api.rep("ana")
    old = ana.mutation("delete", "account", str(uuid.uuid4()))
    assert ana.push(old)["results"][0]["status"] == "rejected"
    with api.engine.begin() as conn:
        conn.execute(text("UPDATE push_result SET created_at = '2000-01-01T00:00:00.000000Z'"))
    new = ana.mutation("delete", "account", str(uuid.uuid4()))
    assert ana.push(new)["results"][0]["status"] == "rejected"  # storing it prunes the expired one
    assert _count(api, "SELECT count(*) FROM push_result") == 1
    retried = ana.push(old, new)["results"]
    assert [r["status"] for r in retried] == ["duplicate", "rejected"]
    assert store.PUSH_RESULT_DAYS == 30


def test_an_acknowledged_push_is_on_disk_before_the_answer_leaves(tmp_path: Path) -> None:
    # The client drops its queue entries once the server answers: on SQLite in WAL mode only
    # synchronous=FULL makes each commit survive a power cut or an OS crash (NORMAL may roll it back).
    engine = make_engine(sqlite_url(tmp_path))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA fullfsync").scalar() == 1  # macOS: past the drive's cache
    finally:
        engine.dispose()
