"""Push: a delete is a conflict when it would throw away a change the deleter never saw."""

from __future__ import annotations

from typing import Any

from server_testkit import Api, Rep


def _team_account(api: Api) -> tuple[Rep, Rep, str]:
    """Ana and Bob of team north, and an account the team owns (version 2, seen by both)."""
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    account_id = ana.create("account", name="Acme", phone="555 0100")
    assert ana.do("assign", "account", account_id, {"owner_type": "team", "owner": "north"})["version"] == 2
    return ana, bob, account_id


def _delete(rep: Rep, account_id: str, base_version: int, **base: Any) -> dict[str, Any]:
    answer = rep.push(rep.mutation("delete", "account", account_id, base_version=base_version,
                                   base={"name": "Acme", "phone": "555 0100", "industry": None} | base))
    result: dict[str, Any] = answer["results"][0]
    assert answer["last_mutation_id"] == rep.next_id - 1  # answered either way: the queue moves on
    return result


def test_delete_over_a_newer_edit_by_another_client_is_a_conflict_and_keeps_the_record(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    assert ana.do("update", "account", account_id, {"industry": "Retail"}, base_version=2)["status"] == "applied"
    result = _delete(bob, account_id, base_version=2)
    assert result["status"] == "conflict" and result["version"] == 3
    assert result["conflicts"] == {"industry": {"base": None, "theirs": "Retail", "yours": None}}
    change = bob.pull_all()[0][account_id]
    assert change["deleted"] is False and change["version"] == 3 and change["fields"]["industry"] == "Retail"


def test_delete_again_on_the_servers_version_applies(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"industry": "Retail"}, base_version=2)
    assert _delete(bob, account_id, base_version=2)["status"] == "conflict"
    again = _delete(bob, account_id, base_version=3, industry="Retail")
    assert again["status"] == "applied"
    assert ana.pull_all()[0][account_id]["deleted"] is True


def test_delete_on_a_current_base_applies(api: Api) -> None:
    _, bob, account_id = _team_account(api)
    assert _delete(bob, account_id, base_version=2)["status"] == "applied"


def test_delete_over_the_deleters_own_newer_edit_applies(api: Api) -> None:
    _, bob, account_id = _team_account(api)
    assert bob.do("update", "account", account_id, {"industry": "Retail"}, base_version=2)["status"] == "applied"
    assert _delete(bob, account_id, base_version=2)["status"] == "applied"


def test_delete_names_only_the_fields_changed_since_its_base(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"phone": "555 0199"}, base_version=2)
    bob.do("update", "account", account_id, {"industry": "Retail"}, base_version=3)
    result = _delete(bob, account_id, base_version=2, industry="Retail")
    assert result["conflicts"] == {"phone": {"base": "555 0100", "theirs": "555 0199", "yours": None}}


def test_delete_over_a_change_back_to_the_deleters_value_applies(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"phone": "555 0199"}, base_version=2)
    ana.do("update", "account", account_id, {"phone": "555 0100"}, base_version=3)
    assert _delete(bob, account_id, base_version=2)["status"] == "applied"


def test_delete_without_its_base_values_conflicts_with_any_newer_change(api: Api) -> None:
    ana, bob, account_id = _team_account(api)
    ana.do("update", "account", account_id, {"phone": "555 0199"}, base_version=2)
    ana.do("update", "account", account_id, {"phone": "555 0100"}, base_version=3)
    result = bob.do("delete", "account", account_id, base_version=2)  # as a client before base values
    assert result["status"] == "conflict"
    assert result["conflicts"] == {"phone": {"base": None, "theirs": "555 0100", "yours": None}}


def test_delete_without_the_right_is_refused_before_any_conflict(api: Api) -> None:
    ana = api.rep("ana")
    eve = api.rep("eve")
    account_id = ana.create("account", name="Acme", phone="555 0100")
    ana.do("share", "account", account_id, {"principal_type": "user", "principal": "eve", "rights": ["write"]})
    ana.do("update", "account", account_id, {"industry": "Retail"}, base_version=2)
    result = _delete(eve, account_id, base_version=1)
    assert (result["status"], result["reason"]) == ("rejected", "permission")
    assert ana.pull_all()[0][account_id]["deleted"] is False
