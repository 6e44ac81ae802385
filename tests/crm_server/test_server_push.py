"""Push: exactly once, in order, field-level conflicts, validation, cascades."""

from __future__ import annotations

import datetime
import json
import uuid

import pytest
from server_testkit import Api, Rep
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from crm_core.roles import role_id
from crm_server.sync import store


def _count(api: Api, sql: str) -> int:
    with api.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


def test_created_record_is_applied_at_version_one_and_owned_by_the_pusher(api: Api) -> None:
    ana = api.rep("ana")
    account_id = str(uuid.uuid4())
    result = ana.do("create", "account", account_id, {"name": "Acme", "email": "Sales@ACME.example"})
    assert result["status"] == "applied" and result["version"] == 1
    changes, _ = ana.pull_all()
    change = changes[account_id]
    assert change["fields"]["name"] == "Acme"
    assert change["fields"]["email"].endswith("@acme.example")
    assert change["owner"]["type"] == "user" and change["owner"]["name"] == "ana"


def test_retried_push_after_lost_response_applies_once(api: Api) -> None:
    ana = api.rep("ana")
    m = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Acme"})
    first = ana.push(m)
    again = ana.push(m)
    assert first["results"][0]["status"] == "applied"
    assert again["results"][0]["status"] == "duplicate"
    assert again["last_mutation_id"] == 1
    assert _count(api, "SELECT count(*) FROM record WHERE entity = 'account'") == 1


def test_gap_in_mutation_ids_stops_the_batch(api: Api) -> None:
    ana = api.rep("ana")
    first = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "One"})
    ana.next_id += 1  # mutation 2 never arrives
    third = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Three"})
    answer = ana.push(first, third)
    assert [r["status"] for r in answer["results"]] == ["applied"]
    assert answer["last_mutation_id"] == 1


def _team_account(api: Api) -> tuple[Rep, Rep, str]:
    """Ana and Bob of team north, and an account the team owns (version 2)."""
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    account_id = ana.create("account", name="Acme")
    assert ana.do("assign", "account", account_id, {"owner_type": "team", "owner": "north"})["version"] == 2
    return ana, bob, account_id


def test_edits_of_different_fields_merge(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    phone = ana.do("update", "account", account_id, {"phone": "555 0100"}, base_version=2)
    assert phone["status"] == "applied"
    result = bob.do("update", "account", account_id, {"website": "acme.example"}, base_version=2)
    assert result["status"] == "applied" and result["version"] == 4
    fields = bob.pull_all()[0][account_id]["fields"]
    assert fields["phone"] == "555 0100" and fields["website"] == "acme.example"


def test_edit_of_a_field_changed_since_the_base_is_a_conflict(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"name": "Acme Ltd", "phone": "555 0100"}, base_version=2)
    m = bob.mutation(
        "update",
        "account",
        account_id,
        {"name": "ACME", "website": "acme.example"},
        base_version=2,
        base={"name": "Acme"},
    )
    result = bob.push(m)["results"][0]
    assert result["status"] == "conflict" and result["version"] == 3
    assert result["conflicts"] == {"name": {"base": "Acme", "theirs": "Acme Ltd", "yours": "ACME"}}
    fields = bob.pull_all()[0][account_id]["fields"]
    assert fields["name"] == "Acme Ltd" and fields["website"] is None
    requeued = bob.do("update", "account", account_id, {"name": "ACME"}, base_version=3)
    assert requeued["status"] == "applied"


def test_same_client_editing_its_own_change_again_is_no_conflict(api: Api) -> None:
    ana = api.rep("ana")
    account_id = ana.create("account", name="Acme")
    ana.do("update", "account", account_id, {"name": "Acme 2"}, base_version=1)
    assert ana.do("update", "account", account_id, {"name": "Acme 3"}, base_version=1)["status"] == "applied"


def test_create_of_an_existing_id_is_rejected(api: Api) -> None:
    ana = api.rep("ana")
    account_id = ana.create("account", name="Acme")
    result = ana.do("create", "account", account_id, {"name": "Again"})
    assert result["status"] == "rejected" and result["reason"] == "validation"
    assert "record_id" in result["message"]


def test_update_of_missing_and_deleted_records_is_rejected_with_the_reason(api: Api) -> None:
    ana = api.rep("ana")
    missing = ana.do("update", "account", str(uuid.uuid4()), {"name": "X"})
    assert (missing["status"], missing["reason"]) == ("rejected", "missing")
    account_id = ana.create("account", name="Acme")
    assert ana.do("delete", "account", account_id)["status"] == "applied"
    gone = ana.do("update", "account", account_id, {"name": "X"}, base_version=2)
    assert (gone["status"], gone["reason"]) == ("rejected", "deleted")


def test_rejected_and_conflicting_mutations_advance_the_last_id(api: Api) -> None:
    ana = api.rep("ana")
    bad = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Acme", "email": "not an email"})
    good = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Good"})
    answer = ana.push(bad, good)
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    assert "email" in answer["results"][0]["message"]
    assert answer["last_mutation_id"] == 2


def test_client_id_of_another_user_is_forbidden(api: Api) -> None:
    ana = api.rep("ana")
    bob = api.rep("bob")
    ana.create("account", name="Acme")
    bob.client_id = ana.client_id
    bob.push(bob.mutation("create", "account", str(uuid.uuid4()), {"name": "B"}), expect=403)


def test_transient_failure_rolls_back_the_whole_batch(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    ana = api.rep("ana")
    ana.create("account", name="Kept")

    def fail(*_args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(store, "write_shares", fail)
    m = ana.mutation("create", "account", str(uuid.uuid4()), {"name": "Lost"})
    ana.push(m, expect=503)
    monkeypatch.undo()
    assert _count(api, "SELECT count(*) FROM record WHERE entity = 'account'") == 1
    assert ana.push(m)["results"][0]["status"] == "applied"


def test_deleting_an_account_tombstones_connections_and_clears_references(api: Api) -> None:
    ana = api.rep("ana")
    account_id = ana.create("account", name="Acme")
    child_id = ana.create("account", name="Acme East", parent_account_id=account_id)
    contact_id = ana.create("contact", last_name="Ruiz", account_id=account_id)
    other_id = ana.create("contact", last_name="Lee")
    connection_id = ana.create(
        "connection",
        record1_type="account",
        record1_id=account_id,
        role1_id=role_id("Customer"),
        record2_type="contact",
        record2_id=other_id,
        role2_id=role_id("Champion"),
    )
    _, cursor = ana.pull_all()
    assert ana.do("delete", "account", account_id)["status"] == "applied"
    changes, _ = ana.pull_all(cursor)
    assert changes[account_id]["deleted"] is True
    assert changes[connection_id]["deleted"] is True
    assert changes[contact_id]["fields"]["account_id"] is None
    assert changes[child_id]["fields"]["parent_account_id"] is None
    assert other_id not in changes


def test_deactivating_or_moving_the_primary_contact_clears_it(api: Api) -> None:
    ana = api.rep("ana")
    acme = ana.create("account", name="Acme")
    other = ana.create("account", name="Other")
    contact_id = ana.create("contact", last_name="Ruiz", account_id=acme)
    assert ana.do("update", "account", acme, {"primary_contact_id": contact_id}, 1)["status"] == "applied"
    assert ana.do("update", "contact", contact_id, {"account_id": other}, 1)["status"] == "applied"
    assert ana.pull_all()[0][acme]["fields"]["primary_contact_id"] is None
    ana.do("update", "contact", contact_id, {"account_id": acme}, 2)
    ana.do("update", "account", acme, {"primary_contact_id": contact_id}, 3)
    ana.do("update", "contact", contact_id, {"state": "inactive"}, 3)
    assert ana.pull_all()[0][acme]["fields"]["primary_contact_id"] is None


def test_primary_contact_must_belong_to_the_account(api: Api) -> None:
    ana = api.rep("ana")
    acme = ana.create("account", name="Acme")
    stranger = ana.create("contact", last_name="Lee")
    result = ana.do("update", "account", acme, {"primary_contact_id": stranger}, 1)
    assert result["reason"] == "validation" and "primary_contact_id" in result["message"]


def test_parent_account_cycle_is_refused(api: Api) -> None:
    ana = api.rep("ana")
    top = ana.create("account", name="Top")
    child = ana.create("account", name="Child", parent_account_id=top)
    result = ana.do("update", "account", top, {"parent_account_id": child}, 1)
    assert result["reason"] == "validation" and "cycle" in result["message"]


def test_duplicate_connection_and_mismatched_roles_are_refused(api: Api) -> None:
    ana = api.rep("ana")
    acme = ana.create("account", name="Acme")
    ruiz = ana.create("contact", last_name="Ruiz")
    link = {
        "record1_type": "account",
        "record1_id": acme,
        "role1_id": role_id("Customer"),
        "record2_type": "contact",
        "record2_id": ruiz,
        "role2_id": role_id("Champion"),
    }
    ana.create("connection", **link)
    again = ana.do("create", "connection", str(uuid.uuid4()), link)
    assert again["reason"] == "validation" and "already connected" in again["message"]
    wrong = dict(link, role2_id=role_id("Spouse"))
    refused = ana.do("create", "connection", str(uuid.uuid4()), wrong)
    assert refused["reason"] == "validation" and "role2_id" in refused["message"]
    backwards = dict(link, valid_from="2026-12-01", valid_to="2026-01-01")  # says so before "already connected"
    refused = ana.do("create", "connection", str(uuid.uuid4()), backwards)
    assert refused["reason"] == "validation" and "ends on 2026-01-01, before it starts" in refused["message"]


def test_connection_to_a_deleted_record_is_rejected(api: Api) -> None:
    ana = api.rep("ana")
    acme = ana.create("account", name="Acme")
    ruiz = ana.create("contact", last_name="Ruiz")
    ana.do("delete", "contact", ruiz)
    result = ana.do(
        "create",
        "connection",
        str(uuid.uuid4()),
        {
            "record1_type": "account",
            "record1_id": acme,
            "role1_id": role_id("Colleague"),
            "record2_type": "contact",
            "record2_id": ruiz,
            "role2_id": role_id("Colleague"),
        },
    )
    assert result["reason"] == "deleted" and "record2_id" in result["message"]


def test_linking_a_contact_to_a_deleted_account_is_rejected_as_deleted(api: Api) -> None:
    ana = api.rep("ana")
    acme = ana.create("account", name="Acme")
    ruiz = ana.create("contact", last_name="Ruiz")
    ana.do("delete", "account", acme)
    result = ana.do("update", "contact", ruiz, {"account_id": acme}, 1)
    assert result["reason"] == "deleted" and "account_id" in result["message"]


@pytest.mark.parametrize("value", [
    {"first_name": "José \"Pepe\"", "description": "two\nlines\ttab \\ back \u2028 ☃ 😀", "phone": None},
    {"@writers": ["u1", "u2"], "name": [3, "2026-12-01T10:00:00.000000Z"]},
    {"mutation_id": 2**70, "status": "applied"},  # past 64 bits: orjson refuses, json writes it
    [],
])
def test_stored_json_reads_back_as_the_value_it_was(value: object) -> None:
    written = store.encode_json(value)
    assert json.loads(written) == value and ", " not in written and ": " not in written


def test_stored_json_refuses_what_json_refused() -> None:
    with pytest.raises(TypeError):
        store.encode_json({"when": datetime.date(2026, 12, 1)})
