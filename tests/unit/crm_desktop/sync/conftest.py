"""Fixtures for the sync client's unit tests: a fake server and a logged-in service."""

from __future__ import annotations

import pytest

from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.credentials import MemoryKeyring
from tests.unit.crm_desktop.sync.fake_server import FakeServer

URL = "http://crm.test"


@pytest.fixture
def server() -> FakeServer:
    """An in-memory server that answers like crm-server."""
    return FakeServer()


@pytest.fixture
def service(store: Store, server: FakeServer) -> SyncService:
    """A SyncService on the test store, logged in to the fake server."""
    made = SyncService(store, credentials=CredentialStore(MemoryKeyring()), transport=server.transport(),
                       timeout=2.0)
    made.login(URL, "ana", "pw")
    return made
