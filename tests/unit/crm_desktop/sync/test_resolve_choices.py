"""Resolving an issue with an action that does not fit it names the ones that do."""

from __future__ import annotations

import pytest

from crm_desktop.services import CrmService, ServiceError
from crm_desktop.services.sync import SyncService
from crm_desktop.store import Store
from tests.unit.crm_desktop.sync.fake_server import FakeServer


def _last_queued(store: Store) -> int:
    return int(store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0])


def test_keep_mine_on_a_rejection_names_the_flags_that_fit(service: SyncService, crm: CrmService,
                                                           server: FakeServer, store: Store) -> None:
    crm.create_account({"name": "Echo SA"})
    server.reject[_last_queued(store)] = "validation"
    service.sync_now()
    [issue] = service.issues()
    with pytest.raises(ServiceError) as caught:
        service.resolve(issue.id, "keep_mine")
    assert str(caught.value) == f"issue {issue.id} is a rejected change; choose --retry or --discard"


def test_retry_on_a_conflict_names_the_flags_that_fit(service: SyncService, crm: CrmService,
                                                      server: FakeServer, store: Store) -> None:
    record = crm.create_account({"name": "Echo SA", "phone": "555 0100"})
    service.sync_now()
    crm.update(record.id, {"phone": "555 0111"})
    server.conflict_fields[_last_queued(store)] = {"phone": "555 0222"}
    service.sync_now()
    [issue] = service.issues()
    with pytest.raises(ServiceError) as caught:
        service.resolve(issue.id, "retry")
    assert str(caught.value) == f"issue {issue.id} is a conflict; choose --keep-mine or --take-theirs"
