"""Pull: readable changes since a cursor, removals, paging, 410 and 426."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from server_testkit import HEADERS_SCHEMA, Api, Rep
from sqlalchemy import text

from crm_core.protocol import PullResponse
from crm_core.roles import SEED_ROLES
from crm_server.core.db import iso_now, write_transaction
from crm_server.sync import store
from crm_server.sync.pull import compact_log
from crm_server.sync.store import RecordState


def test_full_sync_holds_the_seeded_roles_owned_by_nobody(api: Api) -> None:
    ana = api.rep("ana")
    page = PullResponse.model_validate(ana.pull())
    roles = [c for c in page.changes if c.entity == "connection_role"]
    assert {c.fields["name"] for c in roles} == {r.name for r in SEED_ROLES}
    assert all(c.owner is None for c in roles)
    assert page.has_more is False and page.cursor >= len(SEED_ROLES)


def test_pull_from_a_cursor_returns_only_newer_changes(api: Api) -> None:
    ana = api.rep("ana")
    _, cursor = ana.pull_all()
    first = ana.create("account", name="One")
    changes, cursor2 = ana.pull_all(cursor)
    assert list(changes) == [first]
    second = ana.create("account", name="Two")
    changes, _ = ana.pull_all(cursor2)
    assert list(changes) == [second]


def test_pull_pages_with_has_more_and_misses_nothing(api: Api) -> None:
    ana = api.rep("ana")
    _, cursor = ana.pull_all()
    made = [ana.create("contact", last_name=f"Rep {i}") for i in range(7)]
    seen: list[str] = []
    while True:
        page = ana.pull(cursor, limit=3)
        seen += [c["record_id"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert seen == made


def test_users_see_only_their_own_their_teams_and_shared_records(api: Api) -> None:
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    eve = api.rep("eve", team="south")
    own = ana.create("account", name="Ana's")
    team = ana.create("account", name="North's")
    ana.do("assign", "account", team, {"owner_type": "team", "owner": "north"})
    shared = ana.create("account", name="Shared")
    ana.do("share", "account", shared, {"principal_type": "user", "principal": "eve", "rights": ["read"]})
    assert {own, team, shared} <= set(ana.pull_all()[0])
    bob_sees = set(bob.pull_all()[0])
    assert team in bob_sees and own not in bob_sees and shared not in bob_sees
    eve_sees = set(eve.pull_all()[0])
    assert shared in eve_sees and own not in eve_sees and team not in eve_sees


def test_admin_sees_every_record(api: Api) -> None:
    ana = api.rep("ana")
    boss = api.rep("boss", admin=True)
    account = ana.create("account", name="Acme")
    assert boss.pull_all()[0][account]["owner"]["name"] == "ana"


def test_unshared_record_comes_back_removed_only_to_the_former_sharee(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    zed = api.rep("zed")
    account = ana.create("account", name="Acme")
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": ["read"]})
    assert account in eve.pull_all()[0]
    _, eve_cursor = eve.pull_all()
    _, zed_cursor = zed.pull_all()
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": []})
    change = eve.pull_all(eve_cursor)[0][account]
    assert change["removed"] is True and change["fields"] == {} and change["owner"] is None
    assert account not in zed.pull_all(zed_cursor)[0]
    assert account not in eve.pull_all()[0]


def test_reassigned_record_is_removed_for_the_old_owner_and_appears_for_the_new(api: Api) -> None:
    ana = api.rep("ana")
    bob = api.rep("bob")
    account = ana.create("account", name="Acme")
    _, ana_cursor = ana.pull_all()
    _, bob_cursor = bob.pull_all()
    assert ana.do("assign", "account", account, {"owner_type": "user", "owner": "bob"})["status"] == "applied"
    assert ana.pull_all(ana_cursor)[0][account]["removed"] is True
    change = bob.pull_all(bob_cursor)[0][account]
    assert change["removed"] is False and change["owner"]["name"] == "bob"


def test_deleted_records_come_as_tombstones(api: Api) -> None:
    ana = api.rep("ana")
    account = ana.create("account", name="Acme")
    _, cursor = ana.pull_all()
    ana.do("delete", "account", account)
    change = ana.pull_all(cursor)[0][account]
    assert change["deleted"] is True and change["version"] == 2


def test_cursor_older_than_the_compacted_log_gets_410_and_zero_resyncs(api: Api) -> None:
    ana = api.rep("ana")
    account = ana.create("account", name="Acme")
    _, old_cursor = ana.pull_all()
    ana.do("update", "account", account, {"name": "Acme 2"}, 1)
    _, floor_cursor = ana.pull_all()
    ana.do("update", "account", account, {"name": "Acme 3"}, 2)
    dropped, floor = compact_log(api.engine)
    assert dropped == 2 and old_cursor < floor <= floor_cursor
    assert "sync again" in ana.pull(old_cursor, expect=410)["detail"]
    assert ana.pull_all(floor_cursor)[0][account]["fields"]["name"] == "Acme 3"
    assert ana.pull_all(0)[0][account]["version"] == 3


def _compacted_mid_full_pull(api: Api) -> tuple[Rep, list[str], int]:
    """ana's accounts, her full pull's first page's cursor, then the log compacted above it."""
    ana = api.rep("ana")
    accounts = [ana.create("account", name=f"Acme {i}") for i in range(6)]
    cursor = ana.pull(0, limit=2, full=True)["cursor"]
    for version, name in ((1, "Renamed"), (2, "Renamed again")):
        for account in accounts:
            ana.do("update", "account", account, {"name": name}, version)
    _, floor = compact_log(api.engine)
    assert 0 < cursor < floor
    return ana, accounts, cursor


def test_full_pull_goes_on_below_the_compacted_log_floor(api: Api) -> None:
    ana, accounts, cursor = _compacted_mid_full_pull(api)
    seen: dict[str, dict[str, Any]] = {}
    while True:
        page = ana.pull(cursor, limit=2, full=True)
        seen.update((c["record_id"], c) for c in page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert all(seen[a]["fields"]["name"] == "Renamed again" for a in accounts)
    assert ana.pull(cursor + 1000, full=True, expect=410)  # beyond the log's end: still gone


def test_incremental_pull_below_the_compacted_log_floor_still_gets_410(api: Api) -> None:
    ana, _, cursor = _compacted_mid_full_pull(api)
    assert "sync again" in ana.pull(cursor, limit=2, expect=410)["detail"]
    assert "sync again" in api.client.get(
        "/api/v1/sync/pull", params={"cursor": cursor, "full": "false"}, headers=ana.headers | HEADERS_SCHEMA
    ).json()["detail"]


def test_full_pull_page_after_the_first_still_removes_what_an_earlier_page_sent(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    account = ana.create("account", name="Acme")
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": ["read"]})
    first = eve.pull(0, limit=1000, full=True)
    assert account in {c["record_id"] for c in first["changes"]}
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": []})
    later = {c["record_id"]: c for c in eve.pull(first["cursor"], full=True)["changes"]}
    assert later[account]["removed"] is True


def test_cursor_beyond_the_log_gets_410(api: Api) -> None:
    ana = api.rep("ana")
    _, cursor = ana.pull_all()
    ana.pull(cursor + 1000, expect=410)


def test_unknown_schema_version_gets_426_and_a_missing_one_422(api: Api) -> None:
    ana = api.rep("ana")
    url = "/api/v1/sync/pull"
    old = api.client.get(url, headers=ana.headers | {"X-CRM-Schema-Version": "99"})
    assert old.status_code == 426 and "schema version" in old.json()["detail"]
    assert api.client.get(url, headers=ana.headers).status_code == 422
    push = {"client_id": "c1", "schema_version": 99, "mutations": []}
    assert api.client.post("/api/v1/sync/push", json=push, headers=ana.headers).status_code == 426


def test_pages_of_a_user_who_sees_little_still_reach_every_change(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    _, cursor = eve.pull_all()
    for i in range(6):
        ana.create("account", name=f"Hidden {i}")
    shared = ana.create("account", name="Shared")
    ana.do("share", "account", shared, {"principal_type": "user", "principal": "eve", "rights": ["read"]})
    seen = []
    while True:
        page = eve.pull(cursor, limit=3)
        seen += [c["record_id"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert seen == [shared]


def test_change_committing_late_is_not_skipped_by_a_cursor(api: Api) -> None:
    ana = api.rep("ana")
    _, cursor = ana.pull_all()
    late = str(uuid.uuid4())
    with write_transaction(api.engine) as conn:  # a slow push, holding its place in the log
        state = RecordState(
            id=late,
            entity="account",
            version=1,
            owner_type="user",
            owner_id=_user_id(api, "ana"),
            deleted=False,
            data={"name": "Late"},
            field_meta={},
            created_at=iso_now(),
            modified_at=iso_now(),
            is_new=True,
        )
        store.write_records(conn, [state])
        other = threading.Thread(target=ana.create, args=("account",), kwargs={"name": "Quick"})
        other.start()
        time.sleep(0.5)  # the quick push now waits for the slow one to commit
        page = ana.pull(cursor)
        assert page["changes"] == [] and page["cursor"] == cursor
    other.join(timeout=30)
    changes, _ = ana.pull_all(cursor)
    assert late in changes and len(changes) == 2


def _user_id(api: Api, name: str) -> str:
    with api.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM crm_user WHERE name = :n"), {"n": name}).scalar())
