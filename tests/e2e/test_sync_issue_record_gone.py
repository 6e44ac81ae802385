"""Resolving an issue whose record went since the server answered: a normal day, not an error.

The property test (test_sync_property.py) found Keep mine failing with "no
longer exists here; discard this issue" when a colleague deleted the record
of an open update conflict before the rep chose.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crm_desktop.sync.issues import Action
from tests.e2e.conftest import Rep
from tests.e2e.test_sync_conflicts import _pair
from tests.e2e.test_sync_discard import _shared_without_delete
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def _phone_conflict(server: ServerProcess, make_rep: MakeRep) -> tuple[Rep, Rep, str, int]:
    """Ana's phone edit of Lee Park came back as a conflict over Bob's; the issue's id."""
    ana, bob, contact_id = _pair(server, make_rep)
    bob.crm.update(contact_id, {"phone": "555 010 2000"})
    ana.crm.update(contact_id, {"phone": "555 010 3000"})
    bob.sync.sync_now()
    assert ana.sync.sync_now().conflicts == 1
    [issue] = ana.sync.issues()
    return ana, bob, contact_id, issue.id


def _assert_gone_for_both(ana: Rep, bob: Rep, contact_id: str) -> None:
    for rep in (ana, bob):
        rep.sync.sync_now()
        assert rep.crm.get("contact", contact_id) is None
        assert rep.sync.issues() == [] and rep.store.pending_changes() == 0


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_a_conflict_over_a_record_a_colleague_deleted_since_closes_either_way(
        shared_server: ServerProcess, make_rep: MakeRep, choice: Action) -> None:
    ana, bob, contact_id, issue_id = _phone_conflict(shared_server, make_rep)
    bob.crm.delete(contact_id)
    bob.sync.sync_now()
    ana.sync.sync_now()  # the pull drops Lee Park here; the issue stays for Ana to read
    assert [i.record_name for i in ana.sync.issues()] == ["Lee Park"]
    assert ana.sync.resolve(issue_id, choice) == []
    assert ana.store.pending_changes() == 0  # nothing to send for a record nobody has
    _assert_gone_for_both(ana, bob, contact_id)


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_a_conflict_over_a_record_the_rep_deleted_since_lets_the_delete_go_ahead(
        shared_server: ServerProcess, make_rep: MakeRep, choice: Action) -> None:
    ana, bob, contact_id, issue_id = _phone_conflict(shared_server, make_rep)
    ana.crm.delete(contact_id)
    ana.sync.resolve(issue_id, choice)
    queued = ana.store.conn.execute("SELECT op FROM outbox").fetchall()
    assert [r["op"] for r in queued] == ["delete"]
    _assert_gone_for_both(ana, bob, contact_id)


def test_keep_mine_over_an_edit_whose_later_delete_was_refused_sends_mine(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    s = _shared_without_delete(shared_server, make_rep)  # Bob may edit Acme Vega, not delete it
    s.ana.crm.update(s.acme, {"phone": "555 010 2000"})
    s.ana.sync.sync_now()
    s.bob.crm.update(s.acme, {"phone": "555 010 3000"})
    s.bob.crm.delete(s.acme)
    report = s.bob.sync.sync_now()
    assert (report.conflicts, report.rejected) == (1, 1)
    conflict, refused = s.bob.sync.issues()
    assert (conflict.op, refused.op, refused.reason) == ("update", "delete", "permission")
    assert s.bob.crm.get("account", s.acme) is not None  # the pull brought it back over the tombstone
    s.bob.sync.resolve(conflict.id, "keep_mine")
    s.bob.sync.resolve(refused.id, "discard")
    for rep in (s.bob, s.ana, s.bob):
        rep.sync.sync_now()
    for rep in (s.ana, s.bob):
        acme = rep.crm.get("account", s.acme)
        assert acme is not None and acme.fields["phone"] == "555 010 3000"
        assert rep.sync.issues() == [] and rep.store.pending_changes() == 0


def test_retrying_a_refused_delete_of_a_record_deleted_since_closes_it(shared_server: ServerProcess,
                                                                       make_rep: MakeRep) -> None:
    s = _shared_without_delete(shared_server, make_rep)
    s.bob.crm.delete(s.rita)
    assert s.bob.sync.sync_now().rejected == 1
    [refused] = s.bob.sync.issues()
    s.ana.crm.delete(s.rita)  # the owner may
    s.ana.sync.sync_now()
    s.bob.sync.sync_now()
    s.bob.sync.resolve(refused.id, "retry")
    assert s.bob.sync.issues() == [] and s.bob.store.pending_changes() == 0
    s.bob.sync.sync_now()
    assert s.bob.crm.get("contact", s.rita) is None
