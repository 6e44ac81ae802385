"""Push: a delete whose cascade would take a connection someone else changed or
added since the deleter saw it is a conflict naming that connection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server_testkit import Api, Rep

from crm_core.roles import role_id


@dataclass
class _Team:
    """Ana and Bob of team north; Acme and Rita, joined by a connection, all the team's."""

    ana: Rep
    bob: Rep
    acme: str
    rita: str
    link: str


def _link(rep: Rep, account_id: str, contact_id: str, role: str = "Champion") -> str:
    return rep.create("connection", record1_type="account", record1_id=account_id, role1_id=role_id(role),
                      record2_type="contact", record2_id=contact_id)


def _team(api: Api) -> _Team:
    ana = api.rep("ana", team="north")
    bob = api.rep("bob", team="north")
    acme = ana.create("account", name="Acme")
    rita = ana.create("contact", first_name="Rita", last_name="Vega")
    link = _link(ana, acme, rita)
    for entity, record_id in (("account", acme), ("contact", rita), ("connection", link)):
        assert ana.do("assign", entity, record_id, {"owner_type": "team", "owner": "north"})["version"] == 2
    return _Team(ana, bob, acme, rita, link)


def _delete(rep: Rep, record_id: str, seen: dict[str, int] | None, base_version: int = 2,
            entity: str = "account") -> dict[str, Any]:
    m = rep.mutation("delete", entity, record_id, base_version=base_version)
    if seen is not None:
        m["seen"] = seen
    result: dict[str, Any] = rep.push(m)["results"][0]
    return result


def _live(rep: Rep, *record_ids: str) -> list[bool]:
    changes, _ = rep.pull_all()
    return [not changes[r]["deleted"] for r in record_ids]


def test_delete_over_a_colleagues_edit_of_a_connection_is_a_conflict_naming_it(api: Api) -> None:
    t = _team(api)
    changed = t.bob.do("update", "connection", t.link, {"role1_id": role_id("Decision Maker")}, base_version=2)
    assert changed["status"] == "applied"

    result = _delete(t.ana, t.acme, seen={t.link: 2})

    assert result["status"] == "conflict" and result["conflicts"] == {}
    [dependant] = result["dependants"]
    assert (dependant["entity"], dependant["record_id"], dependant["version"]) == ("connection", t.link, 3)
    assert dependant["created"] is False
    assert dependant["conflicts"] == {"role1_id": {"base": None, "theirs": role_id("Decision Maker"), "yours": None}}
    assert dependant["fields"]["record1_id"] == t.acme and dependant["fields"]["record2_id"] == t.rita
    assert _live(t.bob, t.acme, t.link) == [True, True]


def test_delete_over_a_connection_added_since_is_a_conflict_naming_it(api: Api) -> None:
    t = _team(api)
    lee = t.bob.create("contact", last_name="Lee")
    added = _link(t.bob, t.acme, lee, role="Influencer")
    t.bob.do("assign", "connection", added, {"owner_type": "team", "owner": "north"})

    result = _delete(t.ana, t.acme, seen={t.link: 2})

    assert result["status"] == "conflict"
    [dependant] = result["dependants"]
    assert (dependant["record_id"], dependant["created"], dependant["conflicts"]) == (added, True, {})
    assert _live(t.bob, t.acme, added, t.link) == [True, True, True]


def test_delete_anyway_with_the_connections_seen_deletes_them_all(api: Api) -> None:
    t = _team(api)
    t.bob.do("update", "connection", t.link, {"description": "met at the fair"}, base_version=2)
    assert _delete(t.ana, t.acme, seen={t.link: 2})["status"] == "conflict"

    assert _delete(t.ana, t.acme, seen={t.link: 3})["status"] == "applied"
    assert _live(t.bob, t.acme, t.link, t.rita) == [False, False, True]


def test_delete_over_unchanged_connections_cascades_with_no_conflict(api: Api) -> None:
    t = _team(api)
    result = _delete(t.ana, t.acme, seen={t.link: 2})
    assert (result["status"], result.get("dependants")) == ("applied", None)
    assert _live(t.bob, t.acme, t.link) == [False, False]


def test_delete_over_the_deleters_own_edit_of_a_connection_cascades(api: Api) -> None:
    t = _team(api)
    t.ana.do("update", "connection", t.link, {"description": "mine"}, base_version=2)
    assert _delete(t.ana, t.rita, seen={t.link: 2}, entity="contact")["status"] == "applied"
    assert _live(t.bob, t.rita, t.link) == [False, False]


def test_a_connection_made_and_its_end_deleted_in_one_push_cascades(api: Api) -> None:
    t = _team(api)
    lee = t.ana.create("contact", last_name="Lee")
    create = t.ana.mutation("create", "connection", "0d5a6e10-59a2-4f6e-8d7c-1b2a3c4d5e6f",
                            {"record1_type": "account", "record1_id": t.acme, "role1_id": role_id("Champion"),
                             "record2_type": "contact", "record2_id": lee})
    delete = t.ana.mutation("delete", "account", t.acme, base_version=2)
    delete["seen"] = {t.link: 2, create["record_id"]: 0}
    assert [r["status"] for r in t.ana.push(create, delete)["results"]] == ["applied", "applied"]


def test_an_older_client_that_sends_no_seen_cascades_as_before(api: Api) -> None:
    t = _team(api)
    t.bob.do("update", "connection", t.link, {"description": "met at the fair"}, base_version=2)
    body = {"client_id": t.ana.client_id, "schema_version": 1,
            "mutations": [t.ana.mutation("delete", "account", t.acme, base_version=2)]}
    response = api.client.post("/api/v1/sync/push", json=body, headers=t.ana.headers)
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert result["status"] == "applied" and "dependants" not in result
    assert _live(t.bob, t.link) == [False]


def test_a_retried_push_repeats_the_dependants_of_its_conflict(api: Api) -> None:
    t = _team(api)
    t.bob.do("update", "connection", t.link, {"description": "met at the fair"}, base_version=2)
    m = t.ana.mutation("delete", "account", t.acme, base_version=2) | {"seen": {t.link: 2}}
    first = t.ana.push(m)["results"][0]
    assert first["status"] == "conflict" and t.ana.push(m)["results"] == [first]


def test_a_delete_conflicts_on_its_own_fields_and_its_connections_together(api: Api) -> None:
    t = _team(api)
    t.bob.do("update", "account", t.acme, {"industry": "Retail"}, base_version=2)
    t.bob.do("update", "connection", t.link, {"description": "met at the fair"}, base_version=2)
    result = _delete(t.ana, t.acme, seen={t.link: 2})
    assert result["conflicts"] == {"industry": {"base": None, "theirs": "Retail", "yours": None}}
    assert [d["record_id"] for d in result["dependants"]] == [t.link]


def test_seen_on_anything_but_a_delete_is_refused(api: Api) -> None:
    t = _team(api)
    m = t.ana.mutation("update", "account", t.acme, {"industry": "Retail"}, base_version=2) | {"seen": {}}
    assert "seen" in t.ana.push(m, expect=422)["detail"]
