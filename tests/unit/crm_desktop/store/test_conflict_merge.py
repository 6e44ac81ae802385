"""A conflict answer re-queues the fields of the edit that did not conflict."""

from __future__ import annotations

import json
from typing import Any

from crm_core.protocol import Change, PushResult
from crm_desktop.services import CrmService
from crm_desktop.store import Store, outbox
from crm_desktop.sync import issues

SERVER_VERSION = 3


def _queue(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM outbox ORDER BY mutation_id")]


def _answer(store: Store, *results: PushResult) -> None:
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, list(results))


def _phone_conflict(mutation_id: int) -> PushResult:
    return PushResult.model_validate({
        "mutation_id": mutation_id, "status": "conflict", "version": SERVER_VERSION,
        "conflicts": {"phone": {"base": "+1 555 010 1000", "theirs": "+1 555 010 3000",
                                "yours": "+1 555 010 2000"}}})


def _synced_contact(crm: CrmService, store: Store) -> str:
    contact = crm.create_contact({"first_name": "Luis", "last_name": "Paz", "phone": "+1 555 010 1000"})
    [create] = _queue(store)
    _answer(store, PushResult(mutation_id=create["mutation_id"], status="applied", version=1))
    return contact.id


def _pulled(store: Store, contact_id: str) -> None:
    """The server's state after the other rep's phone edit, as a pull brings it."""
    change = Change(seq=9, entity="contact", record_id=contact_id, version=SERVER_VERSION,
                    fields={"first_name": "Luis", "last_name": "Paz", "phone": "+1 555 010 3000"})
    with store.db.transaction() as conn:
        outbox.apply_changes(conn, [change], store.phone_region)


def test_conflict_requeues_the_fields_that_did_not_conflict_on_the_servers_version(crm: CrmService,
                                                                                   store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO"})
    [sent] = _queue(store)
    _answer(store, _phone_conflict(sent["mutation_id"]))
    [merged] = _queue(store)
    assert merged["mutation_id"] == sent["mutation_id"] + 1 and outbox.acked(store.conn) == sent["mutation_id"]
    assert merged["op"] == "update" and json.loads(merged["fields"]) == {"job_title": "CFO"}
    assert json.loads(merged["base"]) == {"job_title": None} and merged["base_version"] == SERVER_VERSION
    [issue] = issues.list_issues(store)
    assert set(issue.fields) == {"phone"}

    _pulled(store, contact_id)
    record = store.require("contact", contact_id)
    assert (record.fields["phone"], record.fields["job_title"]) == ("+1 555 010 3000", "CFO")
    assert record.pending and record.version == SERVER_VERSION


def test_a_retried_conflict_answer_requeues_nothing_twice(crm: CrmService, store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO"})
    [sent] = _queue(store)
    _answer(store, _phone_conflict(sent["mutation_id"]))
    _answer(store, _phone_conflict(sent["mutation_id"]))
    assert [json.loads(e["fields"]) for e in _queue(store)] == [{"job_title": "CFO"}]
    assert len(issues.list_issues(store)) == 1


def test_a_later_edit_of_the_same_field_wins_over_the_requeued_one(crm: CrmService, store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO", "city": "Madrid"})
    crm.update(contact_id, {"job_title": "CEO"})
    first, later = _queue(store)
    _answer(store, _phone_conflict(first["mutation_id"]))  # the later edit is still at the server
    queued = _queue(store)
    assert [e["mutation_id"] for e in queued] == [later["mutation_id"], later["mutation_id"] + 1]
    assert json.loads(queued[1]["fields"]) == {"city": "Madrid"}
    _pulled(store, contact_id)
    assert store.require("contact", contact_id).fields["job_title"] == "CEO"


def test_a_later_delete_leaves_nothing_to_requeue(crm: CrmService, store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO"})
    crm.delete(contact_id)
    first, delete = _queue(store)
    _answer(store, _phone_conflict(first["mutation_id"]))
    assert [e["mutation_id"] for e in _queue(store)] == [delete["mutation_id"]]


def test_take_theirs_keeps_the_requeued_fields(crm: CrmService, store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO"})
    [sent] = _queue(store)
    _answer(store, _phone_conflict(sent["mutation_id"]))
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "take_theirs")  # before any pull
    [merged] = _queue(store)
    assert json.loads(merged["fields"]) == {"job_title": "CFO"}
    record = store.require("contact", contact_id)
    assert (record.fields["phone"], record.fields["job_title"]) == ("+1 555 010 3000", "CFO")
    assert record.pending


def test_keep_mine_queues_the_conflicting_fields_after_the_requeued_ones(crm: CrmService, store: Store) -> None:
    contact_id = _synced_contact(crm, store)
    crm.update(contact_id, {"phone": "+1 555 010 2000", "job_title": "CFO"})
    [sent] = _queue(store)
    _answer(store, _phone_conflict(sent["mutation_id"]))
    _pulled(store, contact_id)
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "keep_mine")
    merged, mine = _queue(store)
    assert (merged["mutation_id"], mine["mutation_id"]) == (sent["mutation_id"] + 1, sent["mutation_id"] + 2)
    assert json.loads(merged["fields"]) == {"job_title": "CFO"}
    assert json.loads(mine["fields"]) == {"phone": "+1 555 010 2000"}
    assert mine["base_version"] == SERVER_VERSION
    record = store.require("contact", contact_id)
    assert (record.fields["phone"], record.fields["job_title"]) == ("+1 555 010 2000", "CFO")
