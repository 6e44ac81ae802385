"""End-to-end fixtures: a real crm-server process and reps with their own stores."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import Session

from crm_desktop.services import CrmService
from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.credentials import MemoryKeyring
from crm_server import crud
from crm_server.core.config import load_settings
from crm_server.core.db import make_engine
from tests.e2e.faults import FaultTransport
from tests.helpers.fixtures import crm_server_process  # noqa: F401
from tests.helpers.server import ServerProcess

PASSWORD = "s3cret-pw"
_names = itertools.count()


class Rep:
    """One sales rep's laptop: a store, the CRM services and sync, behind a fault transport."""

    def __init__(self, root: Path, server: ServerProcess, name: str) -> None:
        self.name = name
        self.server = server
        self.store = Store.open_dir(root / name)
        self.crm = CrmService(self.store)
        self.net = FaultTransport()
        self.sync = SyncService(self.store, credentials=CredentialStore(MemoryKeyring()), transport=self.net,
                                timeout=10.0)

    def login(self) -> None:
        """Log in as this rep."""
        self.sync.login(self.server.url, self.name, PASSWORD)

    def close(self) -> None:
        """Close the store and the transport."""
        self.net.close()
        self.store.close()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server for a module's tests; each test makes its own users."""
    server = ServerProcess(tmp_path_factory.mktemp("server"))
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def make_rep(tmp_path: Path) -> Iterator[object]:
    """make_rep(server, team=None, admin=False) -> a logged-in Rep with a fresh user."""
    made: list[Rep] = []

    def make(server: ServerProcess, team: str | None = None, admin: bool = False, login: bool = True) -> Rep:
        name = f"rep{next(_names)}x{tmp_path.name[-6:]}".replace("_", "")
        add_user(server, name, team=team, admin=admin)
        rep = Rep(tmp_path, server, name)
        made.append(rep)
        if login:
            rep.login()
        return rep

    yield make
    for rep in made:
        rep.close()


def new_team(server: ServerProcess) -> str:
    """A team with a name no other test uses."""
    name = f"team{next(_names)}"
    with _session(server) as session:
        crud.create_team(session=session, name=name)
    return name


def add_user(server: ServerProcess, name: str, team: str | None = None, admin: bool = False) -> None:
    """Add a user straight into the server's database (the CLI costs a second a user)."""
    with _session(server) as session:
        crud.create_user(session=session, name=name, password=PASSWORD, team=team, admin=admin)


@contextmanager
def _session(server: ServerProcess) -> Iterator[Session]:
    engine = make_engine(load_settings(server.database_url, server.data_dir).database_url)
    try:
        with Session(engine.execution_options(crm_write=True)) as session:  # BEGIN IMMEDIATE, as the CLI
            yield session
    finally:
        engine.dispose()
