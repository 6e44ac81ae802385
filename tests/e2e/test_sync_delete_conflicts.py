"""A delete over a colleague's newer edit, against a real server: a conflict, never a silent loss."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crm_desktop import cli
from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


@dataclass
class _Team:
    """Reps A and B of one team, and Rita Vega: Acme's primary contact, linked to it, synced to both."""

    a: Rep
    b: Rep
    rita: str
    acme: str
    link: str


def _team(server: ServerProcess, make_rep: MakeRep) -> _Team:
    team = new_team(server)
    a, b = make_rep(server, team=team), make_rep(server, team=team)
    acme = a.crm.create_account({"name": "Acme Vega"})
    rita = a.crm.create_contact({"first_name": "Rita", "last_name": "Vega", "job_title": "Buyer",
                                 "phone": "555 010 1000", "account_id": acme.id})
    a.crm.set_primary_contact(acme, rita)
    link = a.crm.link(rita, acme, "Champion")
    a.crm.assign(acme, "team", team)  # its connection follows
    a.crm.assign(rita, "team", team)
    a.sync.sync_now()
    b.sync.sync_now()
    assert b.crm.get("contact", rita.id) is not None and b.crm.get("connection", link.id) is not None
    return _Team(a, b, rita.id, acme.id, link.id)


def _quiesce(*reps: Rep) -> None:
    for _ in range(2):
        for rep in reps:
            report = rep.sync.sync_now()
            assert report.conflicts == report.rejected == 0


def _found(rep: Rep, text: str) -> list[str]:
    return [r.id for r in rep.crm.search("contact", text)]


def _assert_settled(rep: Rep) -> None:
    assert rep.sync.issues() == [] and rep.store.pending_changes() == 0
    pending = rep.store.conn.execute("SELECT count(*) FROM contact WHERE pending = 1").fetchone()[0]
    assert pending == 0


def test_delete_over_a_colleagues_newer_edit_comes_back_as_a_conflict(
        shared_server: ServerProcess, make_rep: MakeRep, capsys: pytest.CaptureFixture[str]) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update(t.rita, {"job_title": "CEO"})
    t.a.sync.sync_now()
    t.b.crm.delete(t.rita)
    assert t.b.crm.get("contact", t.rita) is None

    report = t.b.sync.sync_now()
    assert (report.conflicts, report.rejected, report.pending_changes) == (1, 0, 0)
    [issue] = t.b.sync.issues()
    assert (issue.kind, issue.op, issue.reason, issue.record_name) == ("conflict", "delete", "conflict", "Rita Vega")
    assert issue.fields == {"job_title": {"base": "Buyer", "theirs": "CEO", "yours": None}}
    # The server kept Rita: she is back here, as the server has her, while B decides.
    kept = t.b.crm.get("contact", t.rita)
    assert kept is not None and kept.fields["job_title"] == "CEO" and kept.pending
    assert _found(t.b, "rita") == [t.rita]
    assert [c.id for c in t.b.crm.connections(t.acme)] == [t.link]
    assert cli.main(["--data-dir", str(t.b.store.path.parent), "sync-issues"]) == 0
    listed = capsys.readouterr().out
    assert "you deleted it, but it was changed on the server since (job_title: now 'CEO')" in listed
    assert "--keep-mine deletes it anyway" in listed
    t.a.sync.sync_now()
    theirs = t.a.crm.get("contact", t.rita)
    assert theirs is not None and theirs.fields["job_title"] == "CEO"


def test_keep_mine_deletes_it_anyway_for_both_reps(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update(t.rita, {"job_title": "CEO"})
    t.a.sync.sync_now()
    t.b.crm.delete(t.rita)
    t.b.sync.sync_now()
    [issue] = t.b.sync.issues()

    t.b.sync.resolve(issue.id, "keep_mine")
    assert t.b.crm.get("contact", t.rita) is None and _found(t.b, "rita") == []
    assert t.b.crm.connections(t.acme) == []
    assert t.b.store.pending_changes() == 1 and t.b.sync.issues() == []
    record = t.b.store.get("contact", t.rita, deleted=True)
    assert record is not None and record.deleted and record.pending

    _quiesce(t.b, t.a)
    for rep in (t.a, t.b):
        assert rep.crm.get("contact", t.rita) is None and rep.crm.get("connection", t.link) is None
        assert _found(rep, "rita") == [] and rep.crm.connections(t.acme) == []
        acme = rep.crm.get("account", t.acme)
        assert acme is not None and acme.fields["primary_contact_id"] is None
        _assert_settled(rep)


def test_take_theirs_keeps_it_with_its_links_for_both_reps(shared_server: ServerProcess,
                                                           make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update(t.rita, {"job_title": "CEO"})
    t.a.sync.sync_now()
    t.b.crm.delete(t.rita)
    acme = t.b.crm.get("account", t.acme)
    assert acme is not None and acme.fields["primary_contact_id"] is None  # the local delete cleared it
    t.b.sync.sync_now()
    [issue] = t.b.sync.issues()

    t.b.sync.resolve(issue.id, "take_theirs")
    kept = t.b.crm.get("contact", t.rita)
    assert kept is not None and kept.fields["job_title"] == "CEO" and not kept.pending
    assert _found(t.b, "rita vega") == [t.rita]
    _assert_settled(t.b)

    _quiesce(t.b, t.a)  # B's next sync brings back the primary contact the local delete had cleared
    for rep in (t.a, t.b):
        rita = rep.crm.get("contact", t.rita)
        assert rita is not None and rita.fields["job_title"] == "CEO"
        assert _found(rep, "rita vega") == [t.rita] and _found(rep, "acme") == [t.rita]
        assert [c.id for c in rep.crm.connections(t.acme)] == [t.link]
        acme = rep.crm.get("account", t.acme)
        assert acme is not None and acme.fields["primary_contact_id"] == t.rita
        _assert_settled(rep)


def test_take_theirs_of_an_account_brings_back_its_contacts(shared_server: ServerProcess,
                                                             make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update(t.acme, {"industry": "Retail"})
    t.a.sync.sync_now()
    t.b.crm.delete(t.acme)
    rita = t.b.crm.get("contact", t.rita)
    assert rita is not None and rita.fields["account_id"] is None  # the local delete cleared it
    assert t.b.sync.sync_now().conflicts == 1
    [issue] = t.b.sync.issues()
    assert issue.fields == {"industry": {"base": None, "theirs": "Retail", "yours": None}}

    t.b.sync.resolve(issue.id, "take_theirs")
    _quiesce(t.b, t.a)
    for rep in (t.a, t.b):
        rita = rep.crm.get("contact", t.rita)
        assert rita is not None and rita.fields["account_id"] == t.acme
        assert _found(rep, "acme") == [t.rita]
        acme = rep.crm.get("account", t.acme)
        assert acme is not None and acme.fields["industry"] == "Retail"
        assert acme.fields["primary_contact_id"] == t.rita
        assert [c.id for c in rep.crm.connections(t.acme)] == [t.link]
        _assert_settled(rep)


def test_delete_over_the_deleters_own_newer_edit_applies(shared_server: ServerProcess,
                                                         make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.b.crm.update(t.rita, {"job_title": "CTO"})
    t.b.crm.delete(t.rita)  # both queued on the version B last pulled
    report = t.b.sync.sync_now()
    assert (report.conflicts, report.rejected) == (0, 0)
    _quiesce(t.a, t.b)
    for rep in (t.a, t.b):
        assert rep.crm.get("contact", t.rita) is None
        _assert_settled(rep)


def test_delete_over_an_unseen_edit_conflicts_only_on_that_field(shared_server: ServerProcess,
                                                                 make_rep: MakeRep) -> None:
    t = _team(shared_server, make_rep)
    t.a.crm.update(t.rita, {"job_title": "CEO"})
    t.a.sync.sync_now()
    t.b.crm.update(t.rita, {"phone": "555 010 2000"})
    t.b.crm.delete(t.rita)  # B's own phone edit goes first in the same push, then the delete
    report = t.b.sync.sync_now()
    assert (report.conflicts, report.rejected) == (1, 0)
    [issue] = t.b.sync.issues()
    assert issue.fields == {"job_title": {"base": "Buyer", "theirs": "CEO", "yours": None}}
    kept = t.b.crm.get("contact", t.rita)
    assert kept is not None and (kept.fields["job_title"], kept.fields["phone"]) == ("CEO", "555 010 2000")
