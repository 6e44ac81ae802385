"""Conflicts and rejections: shown with base/theirs/yours, resolved by the rep."""

from __future__ import annotations

import json

import pytest

from crm_desktop.services import CrmService, ServiceError
from crm_desktop.services.sync import SyncService
from crm_desktop.store import Store
from tests.unit.crm_desktop.sync.fake_server import FakeServer


def _conflicted(service: SyncService, crm: CrmService, server: FakeServer) -> str:
    record = crm.create_account({"name": "Acme", "phone": "555 0100"})
    service.sync_now()
    crm.update(record.id, {"phone": "555 0111"})
    next_id = int(service.store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.conflict_fields[next_id] = {"phone": "555 0222"}
    report = service.sync_now()
    assert report.conflicts == 1 and report.pending_changes == 0
    return record.id


def test_conflict_shows_base_theirs_and_yours(service: SyncService, crm: CrmService, server: FakeServer) -> None:
    record_id = _conflicted(service, crm, server)
    [issue] = service.issues()
    assert issue.kind == "conflict" and issue.record_id == record_id and issue.record_name == "Acme"
    assert issue.fields == {"phone": {"base": "555 0100", "theirs": "555 0222", "yours": "555 0111"}}
    assert service.state().sync_issues == 1
    record = crm.get("account", record_id)
    assert record is not None and record.pending  # an open issue keeps the record pending


def _rejected_as_deleted_on_the_server(service: SyncService, server: FakeServer, record_id: str) -> None:
    """The rep's queued edit of ``record_id`` meets a delete made on the server since."""
    next_id = int(service.store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.reject[next_id] = "deleted"
    server.put(server.records[record_id].entity, record_id, {}, deleted=True)
    assert service.sync_now().rejected == 1


def test_a_rejected_edit_of_a_record_deleted_on_the_server_keeps_its_name(
        service: SyncService, crm: CrmService, server: FakeServer) -> None:
    rita = crm.create_contact({"first_name": "Rita", "last_name": "Vega"})
    service.sync_now()
    crm.update(rita.id, {"job_title": "CEO"})
    _rejected_as_deleted_on_the_server(service, server, rita.id)
    assert crm.get("contact", rita.id) is None  # the pull dropped it
    [issue] = service.issues()
    assert (issue.reason, issue.record_name) == ("deleted", "Rita Vega")


def test_a_rejected_edit_of_a_connection_deleted_on_the_server_keeps_its_ends(
        service: SyncService, crm: CrmService, server: FakeServer) -> None:
    acme = crm.create_account({"name": "Acme"})
    rita = crm.create_contact({"first_name": "Rita", "last_name": "Vega"})
    link = crm.link(acme, rita, "Former Employer", "Former Employee")
    service.sync_now()
    crm.update_connection(link.id, {"description": "met at the fair"})
    _rejected_as_deleted_on_the_server(service, server, link.id)
    [issue] = service.issues()
    assert issue.record_name == "Acme - Rita Vega"


def test_a_connection_whose_end_has_gone_since_keeps_the_name_it_had(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    acme = crm.create_account({"name": "Acme"})
    rita = crm.create_contact({"first_name": "Rita", "last_name": "Vega"})
    link = crm.link(acme, rita, "Former Employer", "Former Employee")
    service.sync_now()
    crm.update_connection(link.id, {"description": "met at the fair"})
    next_id = int(store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.conflict_fields[next_id] = {"description": "met at the expo"}
    assert service.sync_now().conflicts == 1
    with store.db.transaction() as conn:  # the server stopped sharing Rita; the connection is still here
        conn.execute("DELETE FROM contact WHERE id = ?", (rita.id,))
    [issue] = service.issues()
    assert issue.record_name == "Acme - Rita Vega"  # not "Acme - " and Rita's short id


def test_an_issue_shows_the_records_name_as_it_now_is(service: SyncService, crm: CrmService,
                                                      server: FakeServer) -> None:
    record_id = _conflicted(service, crm, server)
    crm.update(record_id, {"name": "Acme Iberia"})
    [issue] = service.issues()
    assert issue.record_name == "Acme Iberia"


def test_an_issue_kept_by_an_older_app_on_a_record_no_longer_here_is_named_by_its_short_id(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    record_id = _conflicted(service, crm, server)
    with store.db.transaction() as conn:  # recorded with no name (schema 5), then the server stopped sharing it
        conn.execute("UPDATE sync_issue SET record_name = ''")
        conn.execute("DELETE FROM account WHERE id = ?", (record_id,))
    [issue] = service.issues()
    assert issue.record_name == record_id[:8]  # the CLI and the window show it beside "account"


def test_keep_mine_requeues_on_the_servers_version(service: SyncService, crm: CrmService,
                                                   server: FakeServer, store: Store) -> None:
    record_id = _conflicted(service, crm, server)
    [issue] = service.issues()
    service.resolve(issue.id, "keep_mine")
    row = store.conn.execute("SELECT * FROM outbox").fetchone()
    assert json.loads(row["fields"]) == {"phone": "555 0111"}
    assert row["base_version"] >= server.records[record_id].version
    service.sync_now()
    assert server.records[record_id].fields["phone"] == "555 0111"
    assert service.issues() == []
    record = crm.get("account", record_id)
    assert record is not None and record.fields["phone"] == "555 0111" and not record.pending


def test_take_theirs_keeps_the_servers_value(service: SyncService, crm: CrmService, server: FakeServer,
                                             store: Store) -> None:
    record_id = _conflicted(service, crm, server)
    [issue] = service.issues()
    service.resolve(issue.id, "take_theirs")
    record = crm.get("account", record_id)
    assert record is not None and record.fields["phone"] == "555 0222" and not record.pending
    assert store.pending_changes() == 0 and service.issues() == []


def test_rejection_offers_retry_after_editing(service: SyncService, crm: CrmService, server: FakeServer) -> None:
    record = crm.create_account({"name": "Acme"})
    service.sync_now()
    crm.update(record.id, {"website": "acme.example"})
    rejected_id = int(service.store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.reject[rejected_id] = "permission"
    assert service.sync_now().rejected == 1
    [issue] = service.issues()
    assert issue.kind == "rejected" and issue.reason == "permission"
    assert issue.fields == {"website": {"yours": "acme.example"}}
    with pytest.raises(ServiceError, match="choose --retry or --discard"):
        service.resolve(issue.id, "keep_mine")
    crm.update(record.id, {"website": "acme.test"})  # the rep fixes it, then retries
    service.resolve(issue.id, "retry")
    service.sync_now()
    assert server.records[record.id].fields["website"] == "acme.test"


def test_a_rejection_keeps_why_the_server_refused_it_as_a_code_and_values(
        service: SyncService, crm: CrmService, server: FakeServer) -> None:
    record = crm.create_account({"name": "Acme"})
    service.sync_now()
    crm.update(record.id, {"website": "acme.example"})
    rejected_id = int(service.store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.reject[rejected_id] = "permission"
    server.reject_messages[rejected_id] = f"you have no write right on account {record.id}"
    server.reject_whys[rejected_id] = {"code": "sync.no_right", "values": {
        "right": {"code": "right.write", "values": {}}, "entity": {"code": "entity.account", "values": {}},
        "id": record.id}}
    service.sync_now()
    [issue] = service.issues()
    assert issue.why is not None and issue.why.code.name == "sync.no_right"
    assert str(issue.why) == issue.message == f"you have no write right on account {record.id}"
    assert issue.why.value("id") == record.id and issue.linked_names == {record.id: "Acme"}


def test_a_rejection_with_a_code_this_app_does_not_know_keeps_only_its_message(
        service: SyncService, crm: CrmService, server: FakeServer) -> None:
    record = crm.create_account({"name": "Acme"})
    service.sync_now()
    crm.update(record.id, {"website": "acme.example"})
    rejected_id = int(service.store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])
    server.reject[rejected_id] = "validation"
    server.reject_whys[rejected_id] = {"code": "sync.from_a_newer_server", "values": {}}
    service.sync_now()
    [issue] = service.issues()
    assert issue.why is None and issue.message == "refused by the fake"


def test_discarding_a_rejected_create_removes_the_record(service: SyncService, crm: CrmService,
                                                         server: FakeServer, store: Store) -> None:
    record = crm.create_account({"name": "Nope Ltd"})
    server.reject[1] = "validation"
    service.sync_now()
    [issue] = service.issues()
    service.resolve(issue.id, "discard")
    assert crm.get("account", record.id) is None and crm.search("account", "Nope") == []
    assert store.pending_changes() == 0 and service.issues() == []


def test_discarding_a_rejected_update_restores_the_old_value(service: SyncService, crm: CrmService,
                                                             server: FakeServer) -> None:
    record = crm.create_account({"name": "Acme", "industry": "Retail"})
    service.sync_now()
    crm.update(record.id, {"industry": "Mining"})
    server.reject[2] = "permission"
    service.sync_now()
    service.resolve(service.issues()[0].id, "discard")
    restored = crm.get("account", record.id)
    assert restored is not None and restored.fields["industry"] == "Retail" and not restored.pending


def test_resolving_an_unknown_issue_says_so(service: SyncService) -> None:
    with pytest.raises(ServiceError, match="no sync issue 42"):
        service.resolve(42, "discard")
