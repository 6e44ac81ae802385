"""Two reps editing the same records against a real server."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crm_desktop import cli
from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def _pair(server: ServerProcess, make_rep: MakeRep) -> tuple[Rep, Rep, str]:
    """Two reps of one team and a contact both of them have synced."""
    team = new_team(server)
    ana, bob = make_rep(server, team=team), make_rep(server, team=team)
    contact = ana.crm.create_contact({"first_name": "Lee", "last_name": "Park", "phone": "555 010 1000",
                                      "job_title": "Buyer"})
    ana.crm.assign(contact, "team", team)
    ana.sync.sync_now()
    bob.sync.sync_now()
    assert bob.crm.get("contact", contact.id) is not None
    return ana, bob, contact.id


def test_same_field_edited_by_two_reps_is_a_conflict_take_theirs(shared_server: ServerProcess,
                                                                  make_rep: MakeRep) -> None:
    ana, bob, contact_id = _pair(shared_server, make_rep)
    bob.crm.update(contact_id, {"phone": "555 010 2000"})
    ana.crm.update(contact_id, {"phone": "555 010 3000"})
    bob.sync.sync_now()
    report = ana.sync.sync_now()
    assert report.conflicts == 1 and report.pending_changes == 0
    [issue] = ana.sync.issues()
    assert issue.kind == "conflict" and issue.record_name == "Lee Park"
    assert issue.fields == {"phone": {"base": "555 010 1000", "theirs": "555 010 2000", "yours": "555 010 3000"}}
    ana.sync.resolve(issue.id, "take_theirs")
    ana.sync.sync_now()
    mine = ana.crm.get("contact", contact_id)
    assert mine is not None and mine.fields["phone"] == "555 010 2000" and not mine.pending


def test_different_fields_of_one_record_merge_without_conflict(shared_server: ServerProcess,
                                                               make_rep: MakeRep) -> None:
    ana, bob, contact_id = _pair(shared_server, make_rep)
    bob.crm.update(contact_id, {"job_title": "Head of Purchasing"})
    ana.crm.update(contact_id, {"phone": "555 010 4000"})
    bob.sync.sync_now()
    report = ana.sync.sync_now()
    assert (report.pushed, report.conflicts, report.pulled) == (1, 0, 1)  # pulled: Bob's job title, merged in
    assert bob.sync.sync_now().pulled == 1  # Ana's phone
    assert ana.sync.sync_now().pulled == 0  # nothing new: an echo is not news
    for rep in (ana, bob):
        record = rep.crm.get("contact", contact_id)
        assert record is not None
        assert (record.fields["job_title"], record.fields["phone"]) == ("Head of Purchasing", "555 010 4000")
        assert not record.pending


def test_edit_against_delete_is_rejected_and_the_record_goes(shared_server: ServerProcess, make_rep: MakeRep,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    ana, bob, contact_id = _pair(shared_server, make_rep)
    bob.crm.delete(contact_id)
    bob.sync.sync_now()
    ana.crm.update(contact_id, {"phone": "555 010 5000"})
    report = ana.sync.sync_now()
    assert report.rejected == 1
    [issue] = ana.sync.issues()
    assert issue.kind == "rejected" and issue.reason == "deleted"
    assert issue.fields == {"phone": {"yours": "555 010 5000"}}
    assert ana.crm.get("contact", contact_id) is None  # the server deleted it: it disappears here too
    assert issue.record_name == "Lee Park"  # kept with the issue: the record is gone
    assert cli.main(["--data-dir", str(ana.store.path.parent), "sync-issues"]) == 0
    assert "contact Lee Park" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(ana.store.path.parent), "resolve", str(issue.id), "--keep-mine"]) != 0
    assert "no longer here; choose --discard" in capsys.readouterr().err  # not --retry: nothing to retry
    ana.sync.resolve(issue.id, "discard")
    assert ana.sync.state().sync_issues == 0 and ana.store.pending_changes() == 0


def test_connection_to_a_record_deleted_on_the_server_is_rejected(shared_server: ServerProcess,
                                                                  make_rep: MakeRep) -> None:
    ana, bob, contact_id = _pair(shared_server, make_rep)
    account = ana.crm.create_account({"name": "Northwind"})
    bob.crm.delete(contact_id)
    bob.sync.sync_now()
    link = ana.crm.link(account, contact_id, "Former Employer", "Former Employee")
    report = ana.sync.sync_now()
    assert report.rejected == 1
    [issue] = ana.sync.issues()
    assert issue.entity == "connection" and issue.record_id == link.id
    assert issue.reason == "deleted" and "record2_id" in issue.message
    assert ana.crm.connections(account.id) != [] or ana.crm.get("connection", link.id) is None
    ana.sync.resolve(issue.id, "discard")
    assert ana.crm.get("connection", link.id) is None
    assert ana.crm.connections(account.id) == []
    ana.sync.sync_now()
    assert ana.sync.state().sync_issues == 0 and ana.store.pending_changes() == 0


def test_unshared_record_disappears_for_the_colleague(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    ana, bob = make_rep(shared_server), make_rep(shared_server)
    account = ana.crm.create_account({"name": "Fabrikam"})
    ana.crm.share(account, "user", bob.name, ["read", "write"])
    ana.sync.sync_now()
    bob.sync.sync_now()
    assert bob.crm.get("account", account.id) is not None
    ana.crm.share(account, "user", bob.name, [])
    ana.sync.sync_now()
    bob.sync.sync_now()
    assert bob.crm.get("account", account.id) is None


def test_records_made_before_the_first_login_belong_to_whoever_syncs_them(shared_server: ServerProcess,
                                                                          make_rep: MakeRep) -> None:
    rep = make_rep(shared_server, login=False)
    account = rep.crm.create_account({"name": "Made Before Login"})
    assert rep.crm.get("account", account.id) is not None
    rep.login()
    rep.sync.sync_now()
    synced = rep.crm.get("account", account.id)
    assert synced is not None and synced.owner_name == rep.name and not synced.pending


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_fields_of_a_conflicting_edit_that_did_not_conflict_still_merge(shared_server: ServerProcess,
                                                                        make_rep: MakeRep, choice: str) -> None:
    ana, bob, contact_id = _pair(shared_server, make_rep)
    bob.crm.update(contact_id, {"phone": "555 010 2000", "job_title": "CFO"})
    ana.crm.update(contact_id, {"phone": "555 010 3000"})
    ana.sync.sync_now()
    report = bob.sync.sync_now()
    assert report.conflicts == 1 and report.pending_changes == 1  # job_title went back in the queue
    [issue] = bob.sync.issues()
    assert issue.fields == {"phone": {"base": "555 010 1000", "theirs": "555 010 3000", "yours": "555 010 2000"}}
    mine = bob.crm.get("contact", contact_id)
    assert mine is not None and mine.pending
    assert (mine.fields["phone"], mine.fields["job_title"]) == ("555 010 3000", "CFO")

    assert bob.sync.sync_now().conflicts == 0  # the merged field goes ahead of the rep's decision
    ana.sync.sync_now()
    theirs = ana.crm.get("contact", contact_id)
    assert theirs is not None and theirs.fields["job_title"] == "CFO"
    assert ana.sync.issues() == []

    bob.sync.resolve(issue.id, choice)
    assert bob.sync.sync_now().conflicts == 0
    ana.sync.sync_now()
    phone = "555 010 2000" if choice == "keep_mine" else "555 010 3000"
    for rep in (ana, bob):
        record = rep.crm.get("contact", contact_id)
        assert record is not None and not record.pending
        assert (record.fields["phone"], record.fields["job_title"]) == (phone, "CFO")
        assert rep.sync.issues() == [] and rep.store.pending_changes() == 0
