"""A delete whose cascade would take another rep's private connection, against a real server:
a conflict that says a connection the rep cannot see would go, never a silent loss of it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crm_desktop import cli
from crm_desktop.sync.issues import ChangedDependant, SyncIssueView
from tests.e2e.conftest import Rep, new_team
from tests.e2e.test_sync_delete_conflicts import _assert_settled, _quiesce
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]
HIDDEN = "1 connection you cannot see (another rep's) would be deleted with it"


@dataclass
class _Reps:
    """Ana and Bo of one team; the team's Acme Ltd and Carl Diaz, and Ana's own connection between them."""

    ana: Rep
    bo: Rep
    carl: str
    acme: str
    link: str


def _reps(server: ServerProcess, make_rep: MakeRep) -> _Reps:
    team = new_team(server)
    ana, bo = make_rep(server, team=team), make_rep(server, team=team)
    acme = ana.crm.create_account({"name": "Acme Ltd"})
    carl = ana.crm.create_contact({"first_name": "Carl", "last_name": "Diaz"})
    ana.crm.assign(acme, "team", team)
    ana.crm.assign(carl, "team", team)
    link = ana.crm.link(acme, carl, "Champion")  # Ana's own: not shared with Bo
    ana.sync.sync_now()
    bo.sync.sync_now()
    assert bo.crm.get("contact", carl.id) is not None and bo.crm.connections(carl.id) == []
    return _Reps(ana, bo, carl.id, acme.id, link.id)


def _deleted_over_anas_connection(server: ServerProcess, make_rep: MakeRep) -> tuple[_Reps, SyncIssueView]:
    r = _reps(server, make_rep)
    r.bo.crm.delete(r.carl)
    report = r.bo.sync.sync_now()
    assert (report.conflicts, report.rejected, report.pending_changes) == (1, 0, 0)
    [issue] = r.bo.sync.issues()
    return r, issue


def test_deleting_a_contact_over_another_reps_private_connection_is_a_conflict_saying_so(
        shared_server: ServerProcess, make_rep: MakeRep, capsys: pytest.CaptureFixture[str]) -> None:
    r, issue = _deleted_over_anas_connection(shared_server, make_rep)

    assert (issue.kind, issue.op, issue.entity, issue.record_name, issue.fields) == (
        "conflict", "delete", "contact", "Carl Diaz", {})
    assert issue.dependants == (ChangedDependant(entity="connection", record_id=r.link, name="", created=False,
                                                 fields={}, hidden=True),)
    assert r.bo.crm.get("contact", r.carl) is not None  # the server kept Carl: back here while Bo decides
    assert r.bo.crm.get("connection", r.link) is None  # and Bo still cannot see Ana's connection

    data_dir = str(r.bo.store.path.parent)
    assert cli.main(["--data-dir", data_dir, "sync-issues", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["dependants"] == [{"entity": "connection", "record_id": r.link, "name": "", "created": False,
                                     "fields": {}, "hidden": True}]
    assert cli.main(["--data-dir", data_dir, "sync-issues"]) == 0
    out = capsys.readouterr().out
    assert f"you deleted it, but {HIDDEN}; --keep-mine deletes it anyway" in " ".join(out.split())
    assert "Acme" not in out


def test_delete_anyway_deletes_the_contact_and_the_other_reps_connection(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    r, issue = _deleted_over_anas_connection(shared_server, make_rep)

    r.bo.sync.resolve(issue.id, "keep_mine")
    _quiesce(r.bo, r.ana)

    for rep in (r.ana, r.bo):
        assert rep.crm.get("contact", r.carl) is None and rep.crm.get("connection", r.link) is None
        assert rep.crm.get("account", r.acme) is not None and rep.crm.connections(r.acme) == []
        _assert_settled(rep)


def test_take_theirs_keeps_the_contact_and_the_other_reps_connection(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    r, issue = _deleted_over_anas_connection(shared_server, make_rep)

    r.bo.sync.resolve(issue.id, "take_theirs")
    _quiesce(r.bo, r.ana)

    assert [c.id for c in r.ana.crm.connections(r.carl)] == [r.link]
    assert r.bo.crm.get("contact", r.carl) is not None and r.bo.crm.connections(r.carl) == []
    for rep in (r.ana, r.bo):
        _assert_settled(rep)
