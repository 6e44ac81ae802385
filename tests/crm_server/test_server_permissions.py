"""The authorization matrix: for each right, a user with it and without it.

Ana owns an account and shares it with Eve (or Eve's team).  "With" grants
the right under test; "without" grants only read (or, for read itself,
nothing).  Each case checks the push result and what the pull shows after.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from server_testkit import Api, Rep

from crm_core.protocol import RIGHTS
from crm_core.roles import role_id

Action = Callable[[Rep, str], dict[str, Any]]


def _write(eve: Rep, account: str) -> dict[str, Any]:
    return eve.do("update", "account", account, {"name": "Eve was here"}, base_version=2)


def _append(eve: Rep, account: str) -> dict[str, Any]:
    own = eve.create("account", name="Eve's own")
    return eve.do("update", "account", account, {"parent_account_id": own}, base_version=2)


def _append_to(eve: Rep, account: str) -> dict[str, Any]:
    contact = eve.create("contact", last_name="Eve's contact")
    return eve.do(
        "create",
        "connection",
        str(uuid.uuid4()),
        {
            "record1_type": "account",
            "record1_id": account,
            "role1_id": role_id("Customer"),
            "record2_type": "contact",
            "record2_id": contact,
            "role2_id": role_id("Champion"),
        },
    )


def _assign(eve: Rep, account: str) -> dict[str, Any]:
    return eve.do("assign", "account", account, {"owner_type": "user", "owner": "eve"})


def _share(eve: Rep, account: str) -> dict[str, Any]:
    fields = {"principal_type": "user", "principal": "zed", "rights": ["read"]}
    return eve.do("share", "account", account, fields)


def _delete(eve: Rep, account: str) -> dict[str, Any]:
    return eve.do("delete", "account", account)


def _read(eve: Rep, account: str) -> dict[str, Any]:
    return _write(eve, account)  # read alone never lets Eve write; without read she cannot see it


ACTIONS: dict[str, Action] = {
    "read": _read,
    "write": _write,
    "append": _append,
    "append_to": _append_to,
    "assign": _assign,
    "share": _share,
    "delete": _delete,
}
# "append" needs write too: linking is editing the record's lookup field.
GRANTS = {"append": ["write", "append"]}
WITHOUT = {"read": [], "append": ["write"]}


def _setup(api: Api, principal_type: str, rights: list[str]) -> tuple[Rep, Rep, Rep, str]:
    ana = api.rep("ana")
    eve = api.rep("eve", team="south")
    zed = api.rep("zed")
    account = ana.create("account", name="Acme")
    principal = "eve" if principal_type == "user" else "south"
    shared = ana.do(
        "share", "account", account, {"principal_type": principal_type, "principal": principal, "rights": rights}
    )
    assert shared["status"] == "applied" and shared["version"] == 2
    return ana, eve, zed, account


@pytest.mark.parametrize("principal_type", ["user", "team"])
@pytest.mark.parametrize("right", RIGHTS)
def test_user_holding_a_right_may_use_it(api: Api, right: str, principal_type: str) -> None:
    ana, eve, _, account = _setup(api, principal_type, GRANTS.get(right, [right]))
    assert account in eve.pull_all()[0]
    if right == "read":
        result = ACTIONS[right](eve, account)
        assert (result["status"], result["reason"]) == ("rejected", "permission")
        return
    _, cursor = ana.pull_all()
    result = ACTIONS[right](eve, account)
    assert result["status"] == "applied", result
    after = ana.pull_all(cursor)[0]
    if right == "assign":
        assert after[account]["removed"] is True
    elif right == "delete":
        assert after[account]["deleted"] is True
    elif right == "write":
        assert after[account]["fields"]["name"] == "Eve was here"


@pytest.mark.parametrize("principal_type", ["user", "team"])
@pytest.mark.parametrize("right", RIGHTS)
def test_user_lacking_a_right_is_refused_and_nothing_changes(api: Api, right: str, principal_type: str) -> None:
    ana, eve, zed, account = _setup(api, principal_type, WITHOUT.get(right, ["read"]))
    before = ana.pull_all()[0][account]
    visible = account in eve.pull_all()[0]
    assert visible is (right != "read")
    result = ACTIONS[right](eve, account)
    assert (result["status"], result["reason"]) == ("rejected", "permission"), result
    assert right in result["message"] or "access" in result["message"]
    after = ana.pull_all()[0][account]
    assert after == before
    assert account not in zed.pull_all()[0]


def test_linking_a_contact_needs_append_to_on_the_account(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    account = ana.create("account", name="Acme")
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": ["read"]})
    refused = eve.do("create", "contact", str(uuid.uuid4()), {"last_name": "Lee", "account_id": account})
    assert refused["reason"] == "permission" and "account_id" in refused["message"]
    grant = {"principal_type": "user", "principal": "eve", "rights": ["append_to"]}
    ana.do("share", "account", account, grant)
    assert eve.create("contact", last_name="Lee", account_id=account)


def test_sharing_rights_one_does_not_hold_is_refused(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    api.rep("zed")
    account = ana.create("account", name="Acme")
    ana.do("share", "account", account, {"principal_type": "user", "principal": "eve", "rights": ["share"]})
    more = {"principal_type": "user", "principal": "zed", "rights": ["delete"]}
    result = eve.do("share", "account", account, more)
    assert result["reason"] == "permission"


def test_records_of_other_users_cannot_be_touched_by_id(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    account = ana.create("account", name="Acme")
    for op, fields in (("update", {"name": "X"}), ("delete", {}), ("assign", {"owner_type": "user", "owner": "eve"})):
        result = eve.do(op, "account", account, fields, base_version=1)
        assert (result["status"], result["reason"]) == ("rejected", "permission")
    assert ana.pull_all()[0][account]["version"] == 1


def _north_account(api: Api) -> tuple[Rep, Rep, str]:
    """Ana and Bob of team north, and an account north owns."""
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    account = ana.create("account", name="North's")
    assert ana.do("assign", "account", account, {"owner_type": "team", "owner": "north"})["status"] == "applied"
    return ana, bob, account


@pytest.mark.parametrize(("owner_type", "owner", "said"), [
    ("user", "eve", "eve is not a member of north"),
    ("team", "south", "share it with team south instead"),
])
def test_a_member_cannot_assign_a_team_record_outside_the_team(api: Api, owner_type: str, owner: str,
                                                               said: str) -> None:
    ana, bob, account = _north_account(api)
    eve = api.rep("eve", team="south")
    before = bob.pull_all()[0][account]
    result = ana.do("assign", "account", account, {"owner_type": owner_type, "owner": owner})
    assert (result["status"], result["reason"]) == ("rejected", "permission"), result
    assert "belongs to team north: only an admin can assign it" in result["message"] and said in result["message"]
    assert bob.pull_all()[0][account] == before  # the team keeps it
    assert account not in eve.pull_all()[0]


def test_a_member_may_assign_a_team_record_to_a_teammate_and_the_team_keeps_it(api: Api) -> None:
    ana, bob, account = _north_account(api)
    cal = api.rep("cal", team="north")
    eve = api.rep("eve", team="south")
    _, cursor = cal.pull_all()
    result = ana.do("assign", "account", account, {"owner_type": "user", "owner": "bob"})
    assert result["status"] == "applied", result
    assert bob.pull_all()[0][account]["owner"]["name"] == "bob"
    seen = cal.pull_all(cursor)[0][account]  # the rest of the team still has it, with every right
    assert seen["owner"]["name"] == "bob" and not seen["removed"]
    assert cal.do("update", "account", account, {"industry": "Retail"}, base_version=seen["version"])["status"] \
        == "applied"
    # Its new owner may pass it on (it is his now), and the team still keeps it.
    assert bob.do("assign", "account", account, {"owner_type": "user", "owner": "eve"})["status"] == "applied"
    assert eve.pull_all()[0][account]["owner"]["name"] == "eve"
    assert not cal.pull_all()[0][account]["removed"]
    assert not ana.pull_all()[0][account]["removed"]


def test_an_admin_may_assign_a_team_record_anywhere(api: Api) -> None:
    ana, _, account = _north_account(api)
    boss = api.rep("boss", admin=True)
    eve = api.rep("eve", team="south")
    _, cursor = ana.pull_all()
    assert boss.do("assign", "account", account, {"owner_type": "user", "owner": "eve"})["status"] == "applied"
    assert eve.pull_all()[0][account]["owner"]["name"] == "eve"
    assert ana.pull_all(cursor)[0][account]["removed"] is True


def test_an_assign_right_shared_on_a_team_record_does_not_take_it_out_of_the_team(api: Api) -> None:
    _, bob, account = _north_account(api)
    eve = api.rep("eve", team="south")
    grant = {"principal_type": "user", "principal": "eve", "rights": ["read", "assign"]}
    assert bob.do("share", "account", account, grant)["status"] == "applied"
    result = eve.do("assign", "account", account, {"owner_type": "user", "owner": "eve"})
    assert (result["status"], result["reason"]) == ("rejected", "permission"), result
    assert eve.do("assign", "account", account, {"owner_type": "user", "owner": "ana"})["status"] == "applied"
