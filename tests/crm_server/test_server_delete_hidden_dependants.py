"""Push: a delete whose cascade would take a connection the deleter cannot read, which
another client made or changed, is a conflict that tells its id and version, never
its content; Delete anyway with that version in ``seen`` takes it."""

from __future__ import annotations

import json
from typing import Any

from server_testkit import Api, Rep
from sqlalchemy import text
from test_server_delete_cascade_conflicts import _delete, _link, _live, _team


def _private_link(t: Any) -> tuple[str, str]:
    """Bob's own contact Lee and his connection Acme - Lee: Ana cannot read either."""
    lee = t.bob.create("contact", first_name="Lee", last_name="Moss")
    return lee, _link(t.bob, t.acme, lee)


def _push_as(rep: Rep, schema_version: int, m: dict[str, Any]) -> dict[str, Any]:
    body = {"client_id": rep.client_id, "schema_version": schema_version, "mutations": [m]}
    response = rep.api.client.post("/api/v1/sync/push", json=body, headers=rep.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["results"][0]
    return result


def test_delete_over_a_colleagues_connection_the_deleter_cannot_read_is_a_conflict_telling_only_its_id(
        api: Api) -> None:
    t = _team(api)
    lee, private = _private_link(t)

    m = t.ana.mutation("delete", "account", t.acme, base_version=2) | {"seen": {t.link: 2}}
    answer = t.ana.push(m)

    [result] = answer["results"]
    assert (result["status"], result["conflicts"]) == ("conflict", {})
    assert result["dependants"] == [{"entity": "connection", "record_id": private, "version": 1, "hidden": True}]
    said = json.dumps(answer)
    assert lee not in said and "Lee" not in said and "Moss" not in said  # nothing of what Ana cannot read
    assert _live(t.bob, t.acme, private, t.link) == [True, True, True]


def test_delete_anyway_with_the_hidden_connections_version_deletes_it_too(api: Api) -> None:
    t = _team(api)
    lee, private = _private_link(t)
    assert _delete(t.ana, t.acme, seen={t.link: 2})["status"] == "conflict"

    assert _delete(t.ana, t.acme, seen={t.link: 2, private: 1})["status"] == "applied"
    assert _live(t.bob, t.acme, t.link, private, lee) == [False, False, False, True]


def test_a_hidden_connection_changed_after_the_conflict_is_asked_about_again(api: Api) -> None:
    t = _team(api)
    _, private = _private_link(t)
    assert _delete(t.ana, t.acme, seen={t.link: 2})["status"] == "conflict"
    assert t.bob.do("update", "connection", private, {"description": "met at the fair"})["version"] == 2

    result = _delete(t.ana, t.acme, seen={t.link: 2, private: 1})

    assert result["status"] == "conflict"
    assert result["dependants"] == [{"entity": "connection", "record_id": private, "version": 2, "hidden": True}]


def test_a_hidden_connection_only_the_deleters_own_client_wrote_cascades_with_no_conflict(api: Api) -> None:
    t = _team(api)
    lee = t.ana.create("contact", last_name="Lee")
    given = _link(t.ana, t.acme, lee)
    assert t.ana.do("assign", "connection", given, {"owner_type": "user", "owner": "bob"})["status"] == "applied"
    assert given not in t.ana.pull_all()[0]  # Ana cannot read it any more

    assert _delete(t.ana, t.acme, seen={t.link: 2})["status"] == "applied"
    assert _live(t.bob, given) == [False]


def test_a_hidden_connection_the_deleter_made_but_a_colleague_changed_is_a_conflict(api: Api) -> None:
    t = _team(api)
    lee = t.ana.create("contact", last_name="Lee")
    given = _link(t.ana, t.acme, lee)
    t.ana.do("assign", "connection", given, {"owner_type": "user", "owner": "bob"})
    t.bob.do("update", "connection", given, {"description": "mine now"})

    result = _delete(t.ana, t.acme, seen={t.link: 2})

    assert result["dependants"] == [{"entity": "connection", "record_id": given, "version": 3, "hidden": True}]


def test_a_hidden_connection_last_written_before_the_server_kept_writers_is_a_conflict(api: Api) -> None:
    t = _team(api)
    _, private = _private_link(t)
    with api.engine.begin() as conn:  # as a server of before written it: no writers kept
        conn.execute(text("UPDATE record SET field_meta = '{}' WHERE id = :id"), {"id": private})

    assert _delete(t.ana, t.acme, seen={t.link: 2})["dependants"][0]["record_id"] == private
    assert _delete(t.ana, t.acme, seen={t.link: 2, private: 1})["status"] == "applied"


def test_an_older_client_that_sends_no_seen_cascades_over_hidden_connections_as_before(api: Api) -> None:
    t = _team(api)
    _, private = _private_link(t)

    m = t.ana.mutation("delete", "account", t.acme, base_version=2)

    assert _push_as(t.ana, 1, m) == {"mutation_id": m["mutation_id"], "status": "applied", "version": 3}
    assert _live(t.bob, private) == [False]


def test_a_schema_2_client_hears_of_a_hidden_connection_as_one_added_with_no_fields(api: Api) -> None:
    t = _team(api)
    _, private = _private_link(t)
    m = t.ana.mutation("delete", "account", t.acme, base_version=2) | {"seen": {t.link: 2}}

    result = _push_as(t.ana, 2, m)

    assert result["dependants"] == [{"entity": "connection", "record_id": private, "version": 1, "created": True}]
    assert _push_as(t.ana, 2, m | {"seen": {t.link: 2, private: 1}}) == result  # a retry: the same answer
    m2 = t.ana.mutation("delete", "account", t.acme, base_version=2) | {"seen": {t.link: 2, private: 1}}
    assert _push_as(t.ana, 2, m2)["status"] == "applied"


def test_a_schema_3_answer_retried_by_a_schema_2_client_tells_the_hidden_connection_its_way(api: Api) -> None:
    t = _team(api)
    _, private = _private_link(t)
    m = t.ana.mutation("delete", "account", t.acme, base_version=2) | {"seen": {t.link: 2}}
    assert t.ana.push(m)["results"][0]["dependants"][0]["hidden"] is True

    retried = _push_as(t.ana, 2, m)

    assert retried["dependants"] == [{"entity": "connection", "record_id": private, "version": 1, "created": True}]
    assert "dependants" not in _push_as(t.ana, 1, m | {"seen": None})
