"""A rejection says why as a code and values too (``why``), to schema 2 clients only.

Each refusal's ``message`` is pinned to the English the server said before
it had codes (the command line prints it, scripts may read it), and its
``why`` must read back as that same English.  A schema 1 client reads
answers with extra="forbid": it gets exactly the keys it always got.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from server_testkit import Api, Rep

from crm_core.roles import role_id
from crm_core.sync_reasons import reason_from_json

ACME = "Acme"


def _push(rep: Rep, m: dict[str, Any], schema_version: int) -> dict[str, Any]:
    body = {"client_id": rep.client_id, "schema_version": schema_version, "mutations": [m]}
    response = rep.api.client.post("/api/v1/sync/push", json=body, headers=rep.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["results"][0]
    return result


def _ana_and_eve(api: Api, rights: list[str]) -> tuple[Rep, Rep, str]:
    """Ana's account, shared with Eve with ``rights``."""
    ana, eve = api.rep("ana"), api.rep("eve")
    account = ana.create("account", name=ACME)
    if rights:
        ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": rights})
    return ana, eve, account


Case = Callable[[Api], tuple[Rep, dict[str, Any], str, str]]  # who pushes what; reason; the English


def _no_write(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    _, eve, account = _ana_and_eve(api, ["read"])
    m = eve.mutation("update", "account", account, {"name": "Eve was here"}, base_version=2)
    return eve, m, "permission", f"you have no write right on account {account}"


def _no_access(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    _, eve, account = _ana_and_eve(api, [])
    m = eve.mutation("delete", "account", account, base_version=1)
    return eve, m, "permission", f"you have no access to account {account}"


def _no_append_to(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    _, eve, account = _ana_and_eve(api, ["read"])
    m = eve.mutation("create", "contact", str(uuid.uuid4()), {"last_name": "Lee", "account_id": account})
    return eve, m, "permission", f"account_id: you have no append_to right on account {account}"


def _share_beyond(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    _, eve, account = _ana_and_eve(api, ["read", "share"])
    api.rep("zed")
    m = eve.mutation("share", "account", account, {"principal_type": "user", "principal": "zed",
                                                   "rights": ["write"]})
    return eve, m, "permission", f"you cannot share rights you do not hold on account {account}"


def _outside_the_team(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana", team="north")
    api.rep("eve", team="south")
    account = ana.create("account", name=ACME)
    ana.do("assign", "account", account, {"owner_type": "team", "owner": "north"})
    m = ana.mutation("assign", "account", account, {"owner_type": "user", "owner": "eve"})
    return ana, m, "permission", ("this account belongs to team north: only an admin can assign it outside the "
                                  "team; assign it to a member, or share it (eve is not a member of north)")


def _to_another_team(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana", team="north")
    api.team("south")
    account = ana.create("account", name=ACME)
    ana.do("assign", "account", account, {"owner_type": "team", "owner": "north"})
    m = ana.mutation("assign", "account", account, {"owner_type": "team", "owner": "south"})
    return ana, m, "permission", ("this account belongs to team north: only an admin can assign it outside the "
                                  "team; share it with team south instead")


def _missing(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    record_id = str(uuid.uuid4())
    return ana, ana.mutation("update", "contact", record_id, {"city": "Lugo"}), "missing", (
        f"contact {record_id} does not exist")


def _deleted(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    account = ana.create("account", name=ACME)
    ana.do("delete", "account", account, base_version=1)
    return ana, ana.mutation("update", "account", account, {"industry": "Retail"}), "deleted", (
        f"account {account} was deleted")


def _deleted_link(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    account = ana.create("account", name=ACME)
    ana.do("delete", "account", account, base_version=1)
    m = ana.mutation("create", "contact", str(uuid.uuid4()), {"last_name": "Lee", "account_id": account})
    return ana, m, "deleted", f"account_id: account {account} was deleted"


def _bad_email(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    m = ana.mutation("create", "contact", str(uuid.uuid4()), {"last_name": "Lee", "email": "x"})
    return ana, m, "validation", "email: An email address must have an @-sign."


def _not_a_uuid(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    m = ana.mutation("create", "contact", "not-an-id", {"last_name": "Lee"})
    return ana, m, "validation", "record_id: 'not-an-id' is not a record id (a UUID)"


def _already_exists(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    account = ana.create("account", name=ACME)
    m = ana.mutation("create", "account", account, {"name": "Again"})
    return ana, m, "validation", f"record_id: a record with id {account} already exists"


def _required(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    m = ana.mutation("create", "contact", str(uuid.uuid4()), {"first_name": "Lee"})
    return ana, m, "validation", "last_name: is required"


def _one_of(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    account = ana.create("account", name=ACME)
    m = ana.mutation("assign", "account", account, {"owner_type": "robot", "owner": "r2"})
    return ana, m, "validation", "owner_type: must be one of user, team"


def _no_user(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    account = ana.create("account", name=ACME)
    m = ana.mutation("assign", "account", account, {"owner_type": "user", "owner": "bob"})
    return ana, m, "validation", "owner: there is no user named 'bob'"


def _no_record(api: Api) -> tuple[Rep, dict[str, Any], str, str]:
    ana = api.rep("ana")
    contact, other = ana.create("contact", last_name="Lee"), str(uuid.uuid4())
    m = ana.mutation("create", "connection", str(uuid.uuid4()), {
        "record1_type": "contact", "record1_id": contact, "role1_id": role_id("Colleague"),
        "record2_type": "account", "record2_id": other})
    return ana, m, "validation", f"record2_id: account {other} does not exist"


CASES: dict[str, Case] = {
    "no write right": _no_write, "no access": _no_access, "no append_to right": _no_append_to,
    "share beyond": _share_beyond, "outside the team": _outside_the_team, "to another team": _to_another_team,
    "missing": _missing, "deleted": _deleted, "deleted link": _deleted_link, "bad email": _bad_email,
    "not a uuid": _not_a_uuid, "already exists": _already_exists, "required": _required, "one of": _one_of,
    "no user": _no_user, "no record": _no_record,
}


@pytest.mark.parametrize("case", CASES)
def test_a_schema_2_rejection_says_why_as_a_code_that_reads_as_its_message(api: Api, case: str) -> None:
    rep, m, reason, english = CASES[case](api)
    result = _push(rep, m, 2)
    assert (result["status"], result["reason"], result["message"]) == ("rejected", reason, english)
    why = reason_from_json(result["why"])
    assert why is not None, result["why"]
    assert str(why) == english


@pytest.mark.parametrize("case", CASES)
def test_a_schema_1_rejection_carries_exactly_the_keys_it_always_did(api: Api, case: str) -> None:
    rep, m, reason, english = CASES[case](api)
    assert _push(rep, m, 1) == {"mutation_id": m["mutation_id"], "status": "rejected", "reason": reason,
                                "message": english}


def test_no_write_right_names_the_right_the_record_and_its_id(api: Api) -> None:
    eve, m, _, _ = _no_write(api)
    assert _push(eve, m, 2)["why"] == {
        "code": "sync.no_right",
        "values": {"right": {"code": "right.write", "values": {}},
                   "entity": {"code": "entity.account", "values": {}},
                   "id": m["record_id"]}}


def test_a_refused_value_names_its_field_and_nests_the_check_reason(api: Api) -> None:
    ana = api.rep("ana")
    m = ana.mutation("create", "contact", str(uuid.uuid4()), {"last_name": "Lee", "phone": "abc!!"})
    assert _push(ana, m, 2)["why"] == {
        "code": "sync.field",
        "values": {"field": {"field": "phone", "record": "contact"},
                   "why": {"code": "value.phone", "values": {"value": "abc!!"}}}}


def test_a_rejection_answered_to_schema_2_is_repeated_to_a_schema_1_retry_without_why(api: Api) -> None:
    eve, m, _, english = _no_write(api)
    first = _push(eve, m, 2)
    assert "why" in first
    again = _push(eve, m, 1)  # the app went back a version and retried the lost answer
    assert again == {key: first[key] for key in ("mutation_id", "status", "reason", "message")}
    assert again["message"] == english
    assert _push(eve, m, 2) == first
