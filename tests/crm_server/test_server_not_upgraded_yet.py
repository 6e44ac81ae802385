"""The desktop speaks an older protocol to a server not upgraded yet, and says who must upgrade what."""

from __future__ import annotations

from pathlib import Path

import pytest

import crm_server.api.routes.health as health_route
import crm_server.api.routes.sync as sync_routes
import crm_server.sync.push as push
from crm_desktop.services import CrmService
from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.credentials import MemoryKeyring
from crm_desktop.sync.errors import SchemaTooOld, ServerTooOld
from tests.crm_server.conftest import Api


def _server_speaking(monkeypatch: pytest.MonkeyPatch, newest: int) -> None:
    supported = tuple(range(1, newest + 1))
    for module in (sync_routes, push):
        monkeypatch.setattr(module, "SUPPORTED_SCHEMA_VERSIONS", supported)
        monkeypatch.setattr(module, "SCHEMA_VERSION", newest)
    monkeypatch.setattr(health_route, "SCHEMA_VERSION", newest)


def _rep(api: Api, tmp_path: Path) -> SyncService:
    api.rep("ana")
    service = SyncService(Store.open_dir(tmp_path / "ana"), credentials=CredentialStore(MemoryKeyring()),
                          transport=api.client._transport)
    service.login("http://testserver", "ana", "pw-ana")
    return service


def test_a_server_one_protocol_behind_still_syncs(api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _server_speaking(monkeypatch, 2)
    service = _rep(api, tmp_path)
    CrmService(service.store).create_account({"name": "Acme"})
    report = service.sync_now()
    assert (report.pushed, report.pending_changes) == (1, 0)
    service.store.close()


def test_a_server_older_than_the_app_can_speak_asks_for_the_admin(api: Api, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _server_speaking(monkeypatch, 1)
    service = _rep(api, tmp_path)
    CrmService(service.store).create_account({"name": "Acme"})
    with pytest.raises(ServerTooOld, match=r"is older than this app \(it speaks protocol 1, this app 2 or newer\);"
                                           r" ask the admin to upgrade it"):
        service.sync_now()
    assert service.store.pending_changes() == 1
    service.store.close()


def test_a_server_newer_than_the_app_still_asks_the_rep_to_update(api: Api, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    service = _rep(api, tmp_path)
    monkeypatch.setattr(sync_routes, "SUPPORTED_SCHEMA_VERSIONS", (4,))
    monkeypatch.setattr(health_route, "SCHEMA_VERSION", 4)
    with pytest.raises(SchemaTooOld, match="this app is too old") as refused:
        service.sync_now()
    assert not isinstance(refused.value, ServerTooOld)
    service.store.close()
