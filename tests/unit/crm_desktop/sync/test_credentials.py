"""The token lives in the keyring (one entry per server and user), never the password."""

from __future__ import annotations

import keyring.errors
import pytest

from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.credentials import SERVICE, MemoryKeyring
from tests.unit.crm_desktop.sync.fake_server import TOKEN, FakeServer


class NoKeyring:
    """A machine without a keyring backend."""

    def get_password(self, service_name: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("no backend")

    def set_password(self, service_name: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")

    def delete_password(self, service_name: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


def test_login_keeps_only_the_token_in_the_keyring(store: Store, server: FakeServer) -> None:
    backend = MemoryKeyring()
    service = SyncService(store, credentials=CredentialStore(backend), transport=server.transport())
    service.login("http://crm.test/", "ana", "pw")
    assert backend.entries == {(SERVICE, "ana@http://crm.test"): TOKEN}
    assert "pw" not in store.path.read_bytes().decode("latin-1")
    state = service.state()
    assert state.logged_in and state.server_url == "http://crm.test" and state.username == "ana"
    service.logout()
    assert backend.entries == {} and not service.state().logged_in


def test_without_a_keyring_the_token_lasts_this_run_only(store: Store, server: FakeServer,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    credentials = CredentialStore(NoKeyring())
    service = SyncService(store, credentials=credentials, transport=server.transport())
    service.login("http://crm.test", "ana", "pw")
    service.sync_now()
    assert service.state().logged_in and not credentials.persistent
    assert credentials.warning and "this run only" in credentials.warning
    assert sum("no keyring" in r.message for r in caplog.records) == 1  # said once
    again = SyncService(store, credentials=CredentialStore(NoKeyring()), transport=server.transport())
    assert not again.state().logged_in


class SilentKeyring(MemoryKeyring):
    """keyring's "null" backend: takes every token, keeps none, raises nothing."""

    def set_password(self, service_name: str, username: str, password: str) -> None:
        pass


def test_a_keyring_that_keeps_nothing_counts_as_none(store: Store, server: FakeServer) -> None:
    credentials = CredentialStore(SilentKeyring())
    service = SyncService(store, credentials=credentials, transport=server.transport())
    service.login("http://crm.test", "ana", "pw")
    assert not credentials.persistent and credentials.warning and "this run only" in credentials.warning
    assert service.state().logged_in  # for this run
