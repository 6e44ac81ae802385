"""A delete whose cascade would take a colleague's changed or new connection, against a real
server: a delete conflict naming the connection, never a silent loss."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from crm_core.roles import role_id
from crm_desktop import cli
from crm_desktop.sync.issues import SyncIssueView
from tests.e2e.conftest import Rep
from tests.e2e.test_sync_delete_conflicts import _assert_settled, _quiesce, _Team, _team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]
EDITED = "Rita Vega (Decision Maker) - Acme Vega (Customer)"


def _roles(rep: Rep, account_id: str) -> list[tuple[str, str | None]]:
    return [(c.other_name, c.other_role) for c in rep.crm.connections(account_id)]


def test_deleting_an_account_over_a_colleagues_edit_of_its_connection_is_a_conflict_naming_it(
        shared_server: ServerProcess, make_rep: MakeRep, capsys: pytest.CaptureFixture[str]) -> None:
    t = _team(shared_server, make_rep)
    t.b.crm.update_connection(t.link, {"role1_id": role_id("Decision Maker")})
    t.b.sync.sync_now()
    t.a.crm.delete(t.acme)  # offline: A has not seen B's new role

    report = t.a.sync.sync_now()

    assert (report.conflicts, report.rejected, report.pending_changes) == (1, 0, 0)
    [issue] = t.a.sync.issues()
    assert (issue.kind, issue.op, issue.entity, issue.record_name) == ("conflict", "delete", "account", "Acme Vega")
    assert issue.fields == {}  # nobody changed Acme itself
    [dependant] = issue.dependants
    assert (dependant.entity, dependant.record_id, dependant.name, dependant.created) == (
        "connection", t.link, EDITED, False)
    assert dependant.fields == {"role1_id": {"base": role_id("Champion"), "theirs": role_id("Decision Maker"),
                                             "yours": None}}
    assert issue.linked_names[role_id("Decision Maker")] == "Decision Maker"
    # The server kept Acme and the connection: both are back here, as the server has them.
    assert _roles(t.a, t.rita) == [("Acme Vega", "Customer")]
    assert [c.role for c in t.a.crm.connections(t.rita)] == ["Decision Maker"]

    data_dir = str(t.a.store.path.parent)
    assert cli.main(["--data-dir", data_dir, "sync-issues", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["dependants"] == [{"entity": "connection", "record_id": t.link, "name": EDITED, "created": False,
                                     "fields": dependant.fields, "hidden": False}]
    assert cli.main(["--data-dir", data_dir, "sync-issues"]) == 0
    assert f"its connection {EDITED} was changed (role1_id: now 'Decision Maker')" in capsys.readouterr().out


def _deleted_over_a_colleagues_edit(shared_server: ServerProcess, make_rep: MakeRep) -> tuple[_Team, SyncIssueView]:
    """A deleted Acme offline while B gave its connection a new role: A's delete conflict, and the team."""
    t = _team(shared_server, make_rep)
    t.b.crm.update_connection(t.link, {"role1_id": role_id("Decision Maker")})
    t.b.sync.sync_now()
    t.a.crm.delete(t.acme)
    t.a.sync.sync_now()
    [issue] = t.a.sync.issues()
    return t, issue


def test_delete_anyway_deletes_the_account_and_the_changed_connection_for_both(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t, issue = _deleted_over_a_colleagues_edit(shared_server, make_rep)

    t.a.sync.resolve(issue.id, "keep_mine")
    _quiesce(t.a, t.b)

    for rep in (t.a, t.b):
        assert rep.crm.get("account", t.acme) is None and rep.crm.get("connection", t.link) is None
        assert rep.crm.connections(t.rita) == []
        _assert_settled(rep)


def test_take_theirs_keeps_the_account_and_the_colleagues_connection(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t, issue = _deleted_over_a_colleagues_edit(shared_server, make_rep)

    t.a.sync.resolve(issue.id, "take_theirs")
    _quiesce(t.a, t.b)

    for rep in (t.a, t.b):
        assert rep.crm.get("account", t.acme) is not None
        assert [(c.id, c.role) for c in rep.crm.connections(t.rita)] == [(t.link, "Decision Maker")]
        rita = rep.crm.get("contact", t.rita)
        assert rita is not None and rita.fields["account_id"] == t.acme
        _assert_settled(rep)


def test_deleting_an_account_over_a_connection_added_since_is_a_conflict_naming_it(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    globex = t.b.crm.create_account({"name": "Globex"})
    added = t.b.crm.link(t.acme, globex, "Partner")
    acme = t.b.crm.get("account", t.acme)
    assert acme is not None and acme.owner_name
    for record in (globex, added):  # the team's, as Acme: A can read them
        t.b.crm.assign(record, "team", acme.owner_name)
    t.b.sync.sync_now()
    t.a.crm.delete(t.acme)

    assert t.a.sync.sync_now().conflicts == 1
    [issue] = t.a.sync.issues()
    [dependant] = issue.dependants
    assert (dependant.record_id, dependant.created, dependant.fields) == (added.id, True, {})
    assert dependant.name == "Acme Vega (Partner) - Globex (Partner)"

    t.a.sync.resolve(issue.id, "take_theirs")
    _quiesce(t.a, t.b)
    assert {c.id for c in t.a.crm.connections(t.acme)} == {t.link, added.id}
    _assert_settled(t.a)


def test_deleting_over_connections_only_the_deleter_changed_is_no_conflict(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update_connection(t.link, {"description": "met at the fair"})
    t.a.sync.sync_now()  # A's own edit, on the server
    t.a.crm.update_connection(t.link, {"role1_id": role_id("Decision Maker")})
    t.a.crm.delete(t.acme)  # A's queued edit goes first, in the same push

    report = t.a.sync.sync_now()

    assert (report.conflicts, report.rejected) == (0, 0)
    _quiesce(t.a, t.b)
    for rep in (t.a, t.b):
        assert rep.crm.get("account", t.acme) is None and rep.crm.get("connection", t.link) is None
        _assert_settled(rep)


def test_deleting_over_a_colleagues_edit_already_pulled_is_no_conflict(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.b.crm.update_connection(t.link, {"role1_id": role_id("Decision Maker")})
    t.b.sync.sync_now()
    t.a.sync.sync_now()  # A sees B's new role before deleting
    t.a.crm.delete(t.acme)
    assert t.a.sync.sync_now().conflicts == 0
    _quiesce(t.a, t.b)
    assert t.b.crm.get("connection", t.link) is None


@pytest.mark.parametrize("action", ["keep_mine", "take_theirs"])
def test_a_connection_deleted_before_its_account_follows_the_accounts_choice(
        shared_server: ServerProcess, make_rep: MakeRep, action: str) -> None:
    t = _team(shared_server, make_rep)
    t.b.crm.update_connection(t.link, {"role1_id": role_id("Decision Maker")})
    t.b.sync.sync_now()
    t.a.crm.unlink(t.link)  # A deletes the connection on its own, then its account
    t.a.crm.delete(t.acme)

    assert t.a.sync.sync_now().conflicts == 2
    first, second = t.a.sync.issues()
    assert (first.entity, second.entity) == ("connection", "account")
    assert [d.record_id for d in second.dependants] == [t.link] and second.followers == (first.id,)

    t.a.sync.resolve(second.id, action)  # one choice settles both
    assert t.a.sync.issues() == []
    _quiesce(t.a, t.b)
    for rep in (t.a, t.b):
        kept = [(c.id, c.role) for c in rep.crm.connections(t.rita)]
        assert kept == ([] if action == "keep_mine" else [(t.link, "Decision Maker")])
        assert (rep.crm.get("account", t.acme) is None) == (action == "keep_mine")
        _assert_settled(rep)
