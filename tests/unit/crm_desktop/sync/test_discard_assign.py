"""Discarding a rejected assign or share: the record shows the server's owner again."""

from __future__ import annotations

import json

from crm_core.protocol import Change, Owner
from crm_desktop.services import CrmService
from crm_desktop.services.sync import SyncService
from crm_desktop.store import Store
from crm_desktop.store.outbox import apply_changes
from tests.unit.crm_desktop.sync.fake_server import FakeServer

ANA = Owner(type="user", id="u-ana", name="ana")
BO = Owner(type="user", id="u-bo", name="bo")


def _pull_owner(store: Store, server: FakeServer, record_id: str, owner: Owner) -> None:
    """The server's record with its owner, as a real pull brings it (the fake sends no owners)."""
    held = server.records[record_id]
    change = Change(seq=1, entity=held.entity, record_id=record_id, version=held.version,
                    fields=dict(held.fields), owner=owner)
    with store.db.transaction() as conn:
        apply_changes(conn, [change], store.phone_region)


def _owned_by_ana(service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> str:
    record = crm.create_account({"name": "Echo SA"})
    service.sync_now()
    _pull_owner(store, server, record.id, ANA)
    return record.id


def _reject_last_queued(server: FakeServer, store: Store) -> None:
    server.reject[int(store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])] = "validation"


def _assign_rejected(service: SyncService, crm: CrmService, server: FakeServer, store: Store,
                     record_id: str, team: str) -> None:
    crm.assign(record_id, "team", team)
    _reject_last_queued(server, store)
    assert service.sync_now().rejected == 1


def _owner(crm: CrmService, record_id: str) -> tuple[str | None, str | None]:
    record = crm.get("account", record_id)
    assert record is not None
    return record.owner_id, record.owner_name


def test_discarding_a_rejected_assign_shows_the_servers_owner_again(service: SyncService, crm: CrmService,
                                                                     server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    _assign_rejected(service, crm, server, store, record_id, "sale")
    assert _owner(crm, record_id) == ("u-ana", "sale")  # shown at once, until the server says no
    [issue] = service.issues()
    service.resolve(issue.id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "ana")
    service.sync_now()
    record = crm.get("account", record_id)
    assert record is not None and record.owner_name == "ana" and not record.pending
    assert store.pending_changes() == 0 and service.issues() == []


def test_discarding_a_rejected_assign_keeps_a_later_assign_still_queued(service: SyncService, crm: CrmService,
                                                                        server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    _assign_rejected(service, crm, server, store, record_id, "sale")
    crm.assign(record_id, "team", "sales")  # the rep fixed the typo by assigning again
    [issue] = service.issues()
    service.resolve(issue.id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "sales")


def test_a_later_assign_refused_too_goes_back_to_the_servers_owner(service: SyncService, crm: CrmService,
                                                                   server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    _assign_rejected(service, crm, server, store, record_id, "sale")
    _assign_rejected(service, crm, server, store, record_id, "saless")
    first, second = service.issues()
    service.resolve(first.id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "saless")  # the later assign is still shown
    service.resolve(second.id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "ana")


def test_an_assign_queued_over_a_discarded_one_is_undone_to_the_servers_owner(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    _assign_rejected(service, crm, server, store, record_id, "sale")
    crm.assign(record_id, "team", "saless")  # made over "sale", which the server never had
    service.resolve(service.issues()[0].id, "discard")
    _reject_last_queued(server, store)
    assert service.sync_now().rejected == 1
    service.resolve(service.issues()[0].id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "ana")


def test_discarding_a_rejected_assign_keeps_an_owner_pulled_since(service: SyncService, crm: CrmService,
                                                                  server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    _assign_rejected(service, crm, server, store, record_id, "sale")
    server.put("account", record_id, {"phone": "555 0100"})  # an admin gave it to bo meanwhile
    _pull_owner(store, server, record_id, BO)
    service.resolve(service.issues()[0].id, "discard")
    assert _owner(crm, record_id) == ("u-bo", "bo")


def test_discarding_an_assign_queued_before_it_carried_the_owner(service: SyncService, crm: CrmService,
                                                                 server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    other = crm.create_account({"name": "Foxtrot SL"})
    service.sync_now()
    _pull_owner(store, server, other.id, ANA)
    crm.assign(record_id, "team", "sale")
    with store.db.transaction() as conn:  # as an older version queued it: no owner in its base
        conn.execute("UPDATE outbox SET base = '{}' WHERE op = 'assign'")
    _reject_last_queued(server, store)
    service.sync_now()
    service.resolve(service.issues()[0].id, "discard")
    assert _owner(crm, record_id) == ("u-ana", "ana")  # the name other records of that owner show


def test_discarding_a_rejected_share_leaves_the_record_as_the_server_has_it(
        service: SyncService, crm: CrmService, server: FakeServer, store: Store) -> None:
    record_id = _owned_by_ana(service, crm, server, store)
    crm.share(record_id, "user", "nobody", ["read"])
    _reject_last_queued(server, store)
    service.sync_now()
    [issue] = service.issues()
    assert issue.op == "share"
    service.resolve(issue.id, "discard")
    record = crm.get("account", record_id)
    assert record is not None and record.owner_name == "ana" and not record.pending
    assert store.pending_changes() == 0


def test_an_assign_remembers_the_owner_it_replaces(crm: CrmService, store: Store) -> None:
    record = crm.create_account({"name": "Golf"})
    crm.assign(record.id, "user", "bo")
    row = store.conn.execute("SELECT base FROM outbox WHERE op = 'assign'").fetchone()
    assert json.loads(row["base"]) == {"owner_id": None, "owner_name": None}
