"""The sync cycle against the fake server: push, pull, errors by kind."""

from __future__ import annotations

import threading

import httpx
import pytest

from crm_desktop.services import CrmService
from crm_desktop.services.sync import AuthError, NetworkError, SchemaTooOld, ServerError, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.errors import GarbageResponse
from tests.unit.crm_desktop.sync.fake_server import FakeServer


def _accounts(crm: CrmService, n: int) -> list[str]:
    return [crm.create_account({"name": f"Account {i:03}"}).id for i in range(n)]


def test_queue_is_pushed_oldest_first_in_batches_and_emptied(service: SyncService, crm: CrmService,
                                                               server: FakeServer) -> None:
    _accounts(crm, 25)
    service.push_batch = 10
    report = service.sync_now()
    assert report.pushed == 25 and report.pending_changes == 0
    assert [len(p) for p in server.pushes] == [10, 10, 5]
    flat = [m for p in server.pushes for m in p]
    assert flat == sorted(flat)
    assert not any(r.pending for r in crm.list_records("account", limit=100))


@pytest.mark.parametrize(("failure", "error"), [
    ("connect", NetworkError), ("timeout", ServerError), ("500", ServerError), ("503", ServerError),
    ("401", AuthError), ("426", SchemaTooOld), ("garbage", GarbageResponse),
])
def test_each_failure_kind_keeps_the_queue(service: SyncService, crm: CrmService, server: FakeServer,
                                           failure: str, error: type[Exception]) -> None:
    _accounts(crm, 3)
    server.failures = [failure]
    with pytest.raises(error) as caught:
        service.sync_now()
    assert "\n" not in str(caught.value)
    assert service.store.pending_changes() == 3
    assert service.state().last_error is caught.value
    if failure != "401":
        assert service.sync_now().pushed == 3


def test_rejected_token_asks_to_log_in_again(service: SyncService, server: FakeServer) -> None:
    server.failures = ["401"]
    with pytest.raises(AuthError):
        service.sync_now()
    state = service.state()
    assert not state.logged_in and state.username == "ana"
    with pytest.raises(AuthError, match="not logged in"):
        service.sync_now()


def test_unreachable_server_shows_offline(service: SyncService, server: FakeServer) -> None:
    server.up = False
    with pytest.raises(NetworkError, match="cannot reach"):
        service.sync_now()
    assert service.state().online is False
    assert service.probe() is False
    server.up = True
    assert service.probe() is True and service.state().online is True


@pytest.mark.parametrize(("failure", "online"), [("500", True), ("garbage", True), ("timeout", False)])
def test_a_server_that_answered_with_trouble_is_online_a_timeout_says_nothing(
        service: SyncService, server: FakeServer, failure: str, online: bool) -> None:
    server.up = False
    with pytest.raises(NetworkError):
        service.sync_now()
    server.up = True
    server.failures = [failure]
    with pytest.raises(ServerError):
        service.sync_now()
    # A 500 came over the network: the status bar says the server's trouble, not "Offline".
    assert service.state().online is online


def test_retried_push_after_lost_response_applies_once(service: SyncService, crm: CrmService,
                                                       server: FakeServer) -> None:
    _accounts(crm, 2)
    server.failures = ["lost"]
    with pytest.raises(NetworkError):
        service.sync_now()
    assert service.store.pending_changes() == 2  # not acknowledged: the answer was lost
    report = service.sync_now()
    assert report.pending_changes == 0
    assert len(server.records) == 2
    assert all(r.version == 1 for r in server.records.values())


def test_pull_pages_until_done_and_keeps_the_cursor(service: SyncService, server: FakeServer,
                                                    store: Store) -> None:
    for i in range(12):
        server.put("account", f"00000000-0000-4000-8000-{i:012}", {"name": f"Theirs {i}"})
    service.pull_limit = 5
    assert service.sync_now().pulled >= 12
    assert store.count("account") == 12
    assert store.get_meta("sync_cursor") == "12"
    assert store.get_meta("last_sync")
    assert [r.name for r in store.search("account", "Theirs 7")] == ["Theirs 7"]


def test_queued_edit_stays_on_top_of_a_pulled_change(service: SyncService, server: FakeServer,
                                                     crm: CrmService) -> None:
    record_id = "00000000-0000-4000-8000-000000000001"
    server.put("account", record_id, {"name": "Acme", "phone": "555 0100"})
    service.sync_now()
    crm.update(record_id, {"phone": "555 0199"})
    server.up = False  # the edit cannot leave yet
    with pytest.raises(NetworkError):
        service.sync_now()
    server.up = True
    server.put("account", record_id, {"name": "Acme Corp"})
    server.failures = []
    # pull only: simulate the page arriving while the edit is still queued
    from crm_core.protocol import Change
    from crm_desktop.store import outbox
    with service.store.db.transaction() as conn:
        outbox.apply_changes(conn, [Change(seq=99, entity="account", record_id=record_id, version=5,
                                           fields={"name": "Acme Corp", "phone": "555 0100"})], "US")
    record = crm.get("account", record_id)
    assert record is not None and record.fields["phone"] == "555 0199" and record.name == "Acme Corp"
    assert record.pending


def test_server_delete_removes_the_local_copy(service: SyncService, server: FakeServer, crm: CrmService) -> None:
    record_id = "00000000-0000-4000-8000-000000000002"
    server.put("account", record_id, {"name": "Gone Inc"})
    service.sync_now()
    assert crm.get("account", record_id) is not None
    server.put("account", record_id, {}, deleted=True)
    service.sync_now()
    assert crm.get("account", record_id) is None
    assert crm.search("account", "Gone") == []


def test_forgotten_cursor_resyncs_fully_and_keeps_the_queue(service: SyncService, server: FakeServer,
                                                            crm: CrmService, store: Store) -> None:
    kept, dropped = "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"
    server.put("account", kept, {"name": "Kept"})
    server.put("account", dropped, {"name": "Dropped"})
    service.sync_now()
    del server.records[dropped]  # the server forgot it (say, unshared and the log compacted)
    server.log = [(s, r) for s, r in server.log if r != dropped]
    local = crm.create_account({"name": "Made offline"})
    server.reject[1] = "validation"  # its create comes back rejected: it stays, pending, with an issue
    server.floor = 100
    service.sync_now()
    assert crm.get("account", kept) is not None
    assert crm.get("account", dropped) is None
    assert crm.get("account", local.id) is not None
    assert store.get_meta("sync_full_resync") is None
    assert store.get_meta("sync_cursor") is not None


def test_every_page_of_a_pull_from_zero_is_asked_for_as_full(service: SyncService, server: FakeServer,
                                                               crm: CrmService) -> None:
    for i in range(7):
        server.put("account", f"00000000-0000-4000-8000-{i:012}", {"name": f"Account {i}"})
    server.floor = 100  # compacted: only a full pull's pages are served below it
    service.pull_limit = 3
    service.sync_now()  # a first sync: from cursor 0, in pages
    assert len(server.pulls) > 2 and all(full for _, full in server.pulls)
    assert crm.count("account") == 7
    server.floor, server.pulls = 0, []
    server.put("account", "00000000-0000-4000-8000-000000000100", {"name": "Later"})
    service.sync_now()
    assert server.pulls and not any(full for _, full in server.pulls)  # incremental from here on


def test_cancel_stops_between_batches_and_keeps_the_rest(service: SyncService, crm: CrmService,
                                                         server: FakeServer) -> None:
    _accounts(crm, 6)
    service.push_batch = 2
    cancel = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "push" and done >= 2:
            cancel.set()

    report = service.sync_now(progress=progress, cancel=cancel)
    assert report.pushed == 2 and report.pending_changes == 4
    assert service.sync_now().pending_changes == 0


def test_pushed_counts_only_what_the_server_took(service: SyncService, crm: CrmService, server: FakeServer) -> None:
    ids = _accounts(crm, 3)
    service.sync_now()
    for record_id in ids:
        crm.update(record_id, {"industry": "Retail"})  # mutations 4, 5 and 6
    server.conflict_fields[5] = {"industry": "Mining"}
    server.reject[6] = "permission"
    steps: list[tuple[int, int]] = []
    report = service.sync_now(progress=lambda stage, done, total: steps.append((done, total)) if stage == "push"
                              else None)
    assert (report.pushed, report.conflicts, report.rejected) == (1, 1, 1)
    assert steps[-1] == (3, 3)  # every change was answered: the progress is full


def test_a_change_taken_by_a_push_whose_answer_was_lost_counts_as_pushed(service: SyncService, crm: CrmService,
                                                                         server: FakeServer) -> None:
    _accounts(crm, 2)
    server.failures = ["lost"]
    with pytest.raises(NetworkError):
        service.sync_now()
    report = service.sync_now()  # both answered "duplicate": the server took them the first time
    assert (report.pushed, report.pending_changes) == (2, 0)


def test_directory_lists_names_and_is_empty_offline(service: SyncService, server: FakeServer) -> None:
    assert service.directory() == {"users": ["ana"], "teams": ["sales"]}
    server.up = False
    assert service.directory() == {"users": [], "teams": []}


def test_wrong_password_is_an_auth_error(store: Store, server: FakeServer) -> None:
    fresh = SyncService(store, transport=server.transport())
    with pytest.raises(AuthError, match="did not accept"):
        fresh.login("http://crm.test", "ana", "nope")
    assert not fresh.state().logged_in


def test_another_user_cannot_log_in_over_the_last_users_queued_changes(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    """Ana's offline edits must never reach the server signed by bob."""
    _accounts(crm, 2)
    service.sync_now()
    old_client = store.client_id
    _accounts(crm, 3)  # queued as mutations 3, 4, 5, made as ana
    service.logout()
    with pytest.raises(AuthError, match="3 changes made as ana are not synced yet; log in as ana"):
        service.login("http://crm.test", "bob", "pw")
    assert store.pending_changes() == 3 and store.client_id == old_client and service.username == "ana"
    service.login("http://crm.test", "ana", "pw")
    assert service.sync_now().pushed == 3
    service.login("http://crm.test", "bob", "pw")  # nothing of ana's waits: bob's own device id
    assert store.client_id != old_client and store.get_meta("client_id") == store.client_id
    crm.create_account({"name": "Bob's first"})
    assert service.sync_now().pushed == 1
    assert server.last_ids[store.client_id] == 1


def test_the_same_user_on_another_server_keeps_the_queue_under_a_new_device_id(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    _accounts(crm, 2)
    service.sync_now()
    old_client = store.client_id
    _accounts(crm, 3)  # queued as mutations 3, 4, 5
    service.login("http://crm2.test", "ana", "pw")  # the same server under a new address, say
    assert store.client_id != old_client
    assert [r[0] for r in store.conn.execute("SELECT mutation_id FROM outbox ORDER BY 1")] == [1, 2, 3]
    report = service.sync_now()  # a new device starts at 1: no gap, nothing stuck
    assert report.pushed == 3 and report.pending_changes == 0


def test_a_gap_the_server_will_not_take_is_a_clear_error(service: SyncService, crm: CrmService,
                                                        server: FakeServer, store: Store) -> None:
    _accounts(crm, 2)
    service.sync_now()
    server.last_ids.clear()  # the server was restored from an old backup
    _accounts(crm, 1)
    with pytest.raises(ServerError, match="did not take change 3"):
        service.sync_now()
    assert store.pending_changes() == 1


def test_an_entry_dropped_while_the_batch_before_it_is_at_the_server_is_not_sent(
        service: SyncService, crm: CrmService, server: FakeServer) -> None:
    ids = _accounts(crm, 6)
    service.push_batch = 2
    dropped: list[int] = []

    def progress(stage: str, done: int, total: int) -> None:
        # By the first answer the next batch has been read; now the rep settles a
        # sync issue of the third account (which drops its queued entries).
        if stage == "push" and not dropped:
            with service.store.db.transaction() as conn:
                dropped.append(conn.execute("SELECT mutation_id FROM outbox WHERE record_id = ?",
                                            (ids[2],)).fetchone()[0])
                conn.execute("DELETE FROM outbox WHERE record_id = ?", (ids[2],))

    report = service.sync_now(progress=progress)
    assert dropped and ids[2] not in server.records
    assert report.pushed == 5 and report.pending_changes == 0
    assert set(ids) - {ids[2]} <= set(server.records)


def test_entries_dropped_from_the_middle_of_the_queue_do_not_hold_the_rest(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    _accounts(crm, 2)
    service.sync_now()
    ids = _accounts(crm, 4)
    with store.db.transaction() as conn:  # what discarding a refused record does to its queued edits
        conn.execute("DELETE FROM outbox WHERE record_id IN (?, ?)", (ids[0], ids[2]))
    report = service.sync_now()
    assert report.pushed == 2 and report.pending_changes == 0
    assert server.last_ids[store.client_id] == 4  # the server's numbering has no gap
    assert {server.records[i].fields["name"] for i in (ids[1], ids[3])} == {"Account 001", "Account 003"}
    crm.create_account({"name": "Later"})
    assert service.sync_now().pushed == 1 and server.last_ids[store.client_id] == 5


def test_a_mistyped_server_address_says_what_is_wrong(store: Store) -> None:
    fresh = SyncService(store, transport=httpx.MockTransport(lambda request: httpx.Response(404)))
    with pytest.raises(ServerError, match=r"'htp://crm\.test' is not a server address"):
        fresh.login("htp://crm.test", "ana", "pw")
    with pytest.raises(ServerError, match=r"no crm-server answers at http://crm\.test/api; check the address"):
        fresh.login("http://crm.test/api", "ana", "pw")
    assert not fresh.state().logged_in


def test_the_echo_of_our_own_delete_is_not_counted_as_pulled(service: SyncService, crm: CrmService,
                                                             store: Store) -> None:
    [record_id] = _accounts(crm, 1)
    service.sync_now()
    crm.delete(record_id)
    report = service.sync_now()
    assert (report.pushed, report.pulled) == (1, 0)
    assert store.get("account", record_id, deleted=True) is None


@pytest.mark.parametrize(("detail", "message"), [
    ("the token is invalid, revoked, or its user was deleted; log in again",
     "the server did not accept the login (the token is invalid, revoked, or its user was deleted; log in again)"),
    ("token expired", "the server did not accept the login (token expired); log in again"),
])
def test_a_refused_token_says_log_in_again_once(store: Store, detail: str, message: str) -> None:
    from crm_desktop.services.sync import CredentialStore
    from crm_desktop.sync.credentials import MemoryKeyring

    answer = httpx.MockTransport(lambda request: httpx.Response(401, json={"detail": detail}))
    service = SyncService(store, credentials=CredentialStore(MemoryKeyring()), transport=answer)
    store.set_meta("sync_server_url", "http://crm.test")
    store.set_meta("sync_username", "ana")
    service.credentials.set("http://crm.test", "ana", "old-token")
    with pytest.raises(AuthError) as refused:
        service.sync_now()
    assert refused.value.message == message


def test_a_refused_login_does_not_only_blame_the_password(store: Store) -> None:
    answer = httpx.MockTransport(lambda request: httpx.Response(401, json={"detail": "wrong user name or password"}))
    with pytest.raises(AuthError, match=r"did not accept user 'dan' with that password \(a wrong password, or no"
                                        r" such user there\)"):
        SyncService(store, transport=answer).login("http://crm.test", "dan", "pw")


def test_a_failed_sync_is_no_warning_the_caller_says_it_once(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    from crm_desktop.services.sync import CredentialStore
    from crm_desktop.sync.credentials import MemoryKeyring

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    service = SyncService(store, credentials=CredentialStore(MemoryKeyring()),
                          transport=httpx.MockTransport(unreachable))
    store.set_meta("sync_server_url", "http://crm.test")
    store.set_meta("sync_username", "ana")
    service.credentials.set("http://crm.test", "ana", "a-token")
    with caplog.at_level("INFO", logger="crm.sync"), pytest.raises(NetworkError):
        service.sync_now()
    assert [r.levelname for r in caplog.records if "sync failed" in r.getMessage()] == ["INFO"]


def test_a_login_locked_after_wrong_passwords_is_a_login_problem(store: Store) -> None:
    detail = "too many failed logins; try again in 900 seconds"
    answer = httpx.MockTransport(lambda request: httpx.Response(429, json={"detail": detail}))
    with pytest.raises(AuthError) as refused:
        SyncService(store, transport=answer).login("http://crm.test", "ana", "pw")
    assert refused.value.message == f"the server locked logins for 'ana' for a while ({detail})"
    assert refused.value.kind == "auth"  # the command line exits 4, as for a wrong password


def test_each_push_is_on_disk_here_before_the_server_sees_it(service: SyncService, crm: CrmService,
                                                               server: FakeServer,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A queued change rolled back by a power cut after the server took it would free its mutation id
    # for the next change, which the server would then answer "duplicate": each push first syncs the WAL.
    _accounts(crm, 25)
    service.push_batch = 10
    statements: list[str] = []
    service.store.db.conn.set_trace_callback(statements.append)
    sent_after: list[int] = []
    real_push = server._push
    monkeypatch.setattr(server, "_push", lambda push: (sent_after.append(len(statements)), real_push(push))[1])
    assert service.sync_now().pushed == 25
    service.store.db.conn.set_trace_callback(None)
    for push, at in enumerate(sent_after):
        before = statements[:at]
        synced = [i for i, s in enumerate(before) if s == "PRAGMA synchronous=FULL"]
        assert len(synced) == push + 1, "one sync of the WAL a push"
        after_sync = before[synced[-1]:]
        assert "COMMIT" in after_sync and "PRAGMA synchronous=NORMAL" in after_sync
        assert after_sync.index("COMMIT") < after_sync.index("PRAGMA synchronous=NORMAL")
    assert service.store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again
