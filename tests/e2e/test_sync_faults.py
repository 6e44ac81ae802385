"""Faults between client and a real server: nothing lost, nothing doubled."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crm_desktop.services.sync import AuthError, NetworkError, SyncError
from crm_desktop.sync.errors import GarbageResponse
from tests.e2e.conftest import Rep, new_team
from tests.e2e.faults import Fault
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def _queue_accounts(rep: Rep, n: int, prefix: str = "Account") -> list[str]:
    with rep.store.writing() as writer:
        return [writer.create("account", {"name": f"{prefix} {i:05}"}) for i in range(n)]


def _assert_once_on_server(rep: Rep, ids: list[str]) -> None:
    """Every record reached the server exactly once and nothing was reported.

    A create applied twice would come back rejected ("already exists") and a
    lost one would stay queued; the pull brings back the server's version.
    """
    assert rep.store.pending_changes() == 0
    assert rep.sync.issues() == []
    rep.sync.sync_now()
    found = [rep.crm.get("account", i) for i in ids]
    assert all(r is not None and r.version == 1 for r in found)  # applied once: version 1


def test_dropped_request_keeps_the_queue(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(shared_server)
    ids = _queue_accounts(rep, 5)
    rep.net.faults = [Fault("/sync/push", "drop_request")]
    with pytest.raises(NetworkError):
        rep.sync.sync_now()
    assert rep.store.pending_changes() == 5
    assert rep.sync.sync_now().pushed == 5
    _assert_once_on_server(rep, ids)


def test_retried_push_after_lost_response_applies_once(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(shared_server)
    ids = _queue_accounts(rep, 5)
    rep.net.faults = [Fault("/sync/push", "drop_response")]
    with pytest.raises(NetworkError):
        rep.sync.sync_now()
    assert rep.store.pending_changes() == 5  # the server committed, but we never heard
    report = rep.sync.sync_now()
    assert report.pushed == 5 and report.conflicts == report.rejected == 0
    assert report.pulled == 0  # the echo of its own records, answered "duplicate", is not news
    _assert_once_on_server(rep, ids)


def test_same_push_delivered_twice_applies_once(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(shared_server)
    ids = _queue_accounts(rep, 5)
    record = rep.crm.get("account", ids[0])
    assert record is not None
    rep.net.faults = [Fault("/sync/push", "twice")]
    report = rep.sync.sync_now()
    assert report.pushed == 5 and report.rejected == 0
    _assert_once_on_server(rep, ids)


def test_rejected_token_mid_batch_keeps_the_rest_queued(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(shared_server)
    ids = _queue_accounts(rep, 30)
    rep.sync.push_batch = 10
    rep.net.faults = [Fault("/sync/push", "401", nth=2)]
    with pytest.raises(AuthError, match="log in again"):
        rep.sync.sync_now()
    assert rep.store.pending_changes() == 20  # the first batch was acknowledged
    assert not rep.sync.state().logged_in
    rep.login()
    assert rep.sync.sync_now().pushed == 20
    _assert_once_on_server(rep, ids)


def test_garbage_answers_change_nothing(shared_server: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(shared_server)
    ids = _queue_accounts(rep, 3)
    rep.net.faults = [Fault("/sync/push", "garbage")]
    with pytest.raises(GarbageResponse):
        rep.sync.sync_now()
    assert rep.store.pending_changes() == 3
    rep.net.faults = [Fault("/sync/pull", "garbage")]
    with pytest.raises(GarbageResponse) as caught:
        rep.sync.sync_now()  # pushed, then the pull fails: the cursor stays
    assert caught.value.kind == "garbage"
    assert rep.store.get_meta("sync_cursor") is None
    rep.sync.sync_now()
    _assert_once_on_server(rep, ids)


def test_server_killed_mid_batch_and_restarted(tmp_path_factory: pytest.TempPathFactory,
                                               make_rep: MakeRep) -> None:
    server = ServerProcess(tmp_path_factory.mktemp("killed"))
    server.start()
    try:
        rep = make_rep(server)
        ids = _queue_accounts(rep, 3000)
        rep.sync.push_batch = 1000
        rep.net.on_kill = server.kill
        rep.net.faults = [Fault("/sync/push", "kill_in_flight", nth=2)]
        with pytest.raises(SyncError):
            rep.sync.sync_now()
        assert 2000 <= rep.store.pending_changes() <= 3000
        with pytest.raises(NetworkError):
            rep.sync.sync_now()  # still down: stays queued
        server.start()
        report = rep.sync.sync_now()
        assert report.pending_changes == 0 and report.rejected == 0
        _assert_once_on_server(rep, ids)
    finally:
        server.kill()


def test_forgotten_cursor_resyncs_fully_and_keeps_the_queue(shared_server: ServerProcess, make_rep: MakeRep,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    ana, bob = make_rep(shared_server), make_rep(shared_server)
    kept = bob.crm.create_account({"name": "Shared and kept"})
    unshared = bob.crm.create_account({"name": "Shared then unshared"})
    for account in (kept, unshared):
        bob.crm.share(account, "user", ana.name, ["read", "write"])
    bob.sync.sync_now()
    ana.sync.sync_now()
    assert ana.crm.get("account", unshared.id) is not None
    for phone in ("555 010 0001", "555 010 0002"):  # a superseded log row for the compaction to drop
        bob.crm.update(kept.id, {"phone": phone})
        bob.sync.sync_now()
    bob.crm.share(unshared, "user", ana.name, [])
    bob.sync.sync_now()
    shared_server.cli("compact-log")  # ana's cursor is now older than the log
    ana.net.offline = True
    mine = ana.crm.create_account({"name": "Made during the outage"})
    ana.net.offline = False
    report = ana.sync.sync_now()
    assert report.pending_changes == 0 and ana.store.get_meta("sync_full_resync") is None
    assert any("no longer knows cursor" in r.message for r in caplog.records)  # the server answered 410
    seen = ana.crm.get("account", kept.id)
    assert seen is not None and seen.fields["phone"] == "555 010 0002"
    assert ana.crm.get("account", unshared.id) is None  # not sent in the full re-sync: removed here
    assert ana.crm.get("account", mine.id) is not None


def test_conflict_in_a_lost_push_answer_still_becomes_one_sync_issue(shared_server: ServerProcess,
                                                                     make_rep: MakeRep) -> None:
    team = new_team(shared_server)
    ana, bob = make_rep(shared_server, team=team), make_rep(shared_server, team=team)
    contact = ana.crm.create_contact({"first_name": "Lee", "last_name": "Park", "phone": "555 010 1000"})
    ana.crm.assign(contact, "team", team)
    ana.sync.sync_now()
    bob.sync.sync_now()
    bob.crm.update(contact.id, {"phone": "555 010 2000"})
    bob.sync.sync_now()
    ana.crm.update(contact.id, {"phone": "555 010 3000"})
    ana.net.faults = [Fault("/sync/push", "drop_response")]
    with pytest.raises(NetworkError):
        ana.sync.sync_now()  # the server committed the conflict, but ana never heard
    assert ana.store.pending_changes() == 1 and ana.sync.issues() == []
    report = ana.sync.sync_now()  # the retry: the server repeats the conflict, not "duplicate"
    assert report.conflicts == 1 and report.pending_changes == 0
    [issue] = ana.sync.issues()
    assert issue.kind == "conflict"
    assert issue.fields == {"phone": {"base": "555 010 1000", "theirs": "555 010 2000", "yours": "555 010 3000"}}
    ana.sync.sync_now()
    assert len(ana.sync.issues()) == 1  # reported once, not again on the next sync
