"""A real ``crm-server serve`` process: the CLI, restarts, and concurrency.

The concurrency test runs 20 clients (5 users x 4 laptops) pushing and pulling
at once against ``serve --workers 2`` and then checks that no update was
lost, nothing was duplicated, and every client's view equals the server's.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from server_testkit import create_schema, drop_schema, pg_base_url, worker_schema
from sqlmodel import Session

from crm_core.protocol import SCHEMA_VERSION
from crm_server import crud
from crm_server.core.config import sqlite_url
from crm_server.core.db import make_engine, migrate
from tests.helpers.server import ServerProcess

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SCHEMA = {"X-CRM-Schema-Version": str(SCHEMA_VERSION)}


class Laptop:
    """One desktop client over real HTTP: queue ids, cursor and local copy."""

    def __init__(self, url: str, user: str, password: str) -> None:
        self.http = httpx.Client(base_url=f"{url}/api/v1", timeout=60)
        token = self.http.post("/auth/token", json={"username": user, "password": password}).json()
        self.http.headers["Authorization"] = f"Bearer {token['access_token']}"
        self.client_id = f"{user}-{uuid.uuid4().hex[:8]}"
        self.next_id = 1
        self.cursor = 0
        self.view: dict[str, dict[str, Any]] = {}

    def push(self, *mutations: tuple[str, str, str, dict[str, Any], int]) -> list[dict[str, Any]]:
        """Push (op, entity, id, fields, base_version) tuples as one batch."""
        batch = []
        for op, entity, record_id, fields, base_version in mutations:
            batch.append(
                {
                    "mutation_id": self.next_id,
                    "entity": entity,
                    "record_id": record_id,
                    "op": op,
                    "fields": fields,
                    "base_version": base_version,
                }
            )
            self.next_id += 1
        body = {"client_id": self.client_id, "schema_version": SCHEMA_VERSION, "mutations": batch}
        response = self.http.post("/sync/push", json=body)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull(self) -> None:
        """Pull everything new into the local view."""
        while True:
            page = self.http.get("/sync/pull", params={"cursor": self.cursor, "limit": 50}, headers=SCHEMA)
            assert page.status_code == 200, page.text
            data = page.json()
            for change in data["changes"]:
                if change["removed"]:
                    self.view.pop(change["record_id"], None)
                else:
                    self.view[change["record_id"]] = change
            self.cursor = data["cursor"]
            if not data["has_more"]:
                return


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[ServerProcess]:
    """A stopped server on a fresh SQLite file or PostgreSQL schema."""
    url = None
    if request.param == "postgres":
        base = pg_base_url()
        schema = worker_schema(worker_id, "proc")
        url = create_schema(base, schema)
        request.addfinalizer(lambda: drop_schema(base, schema))
    process = ServerProcess(tmp_path / "server", database_url=url)
    yield process
    process.stop()


def _add_users(server: ServerProcess) -> None:
    """Team north with rep0..rep4, and admin boss, straight into the database."""
    engine = make_engine(server.database_url or sqlite_url(server.data_dir))
    migrate(engine)
    with Session(engine) as session:
        crud.create_team(session=session, name="north")
        for i in range(5):
            crud.create_user(session=session, name=f"rep{i}", password="secret", team="north")
        crud.create_user(session=session, name="boss", password="secret", admin=True)
    engine.dispose()


def test_cli_users_log_in_and_data_survives_a_kill_and_restart(server: ServerProcess) -> None:
    server.create_team("north")
    server.create_user("rep0", "secret", team="north")
    server.start()
    laptop = Laptop(server.url, "rep0", "secret")
    account = str(uuid.uuid4())
    first = laptop.push(("create", "account", account, {"name": "Acme"}, 0))
    assert first[0]["status"] == "applied"
    server.kill()
    server.restart()
    laptop.next_id = 1  # the response was "lost": the laptop sends it again
    again = laptop.push(("create", "account", account, {"name": "Acme"}, 0))
    assert again[0]["status"] == "duplicate"
    laptop.pull()
    assert laptop.view[account]["fields"]["name"] == "Acme"


def _work(laptop: Laptop, shared: list[str], rounds: int, outcomes: list[Any]) -> None:
    try:
        for i in range(rounds):
            target = shared[i % len(shared)]
            base = laptop.view.get(target, {}).get("version", 0)
            results = laptop.push(
                ("create", "contact", str(uuid.uuid4()), {"last_name": f"{laptop.client_id} {i}"}, 0),
                ("update", "account", target, {"description": f"{laptop.client_id} {i}"}, base),
            )
            outcomes.append((target, results[1]["status"]))
            assert results[0]["status"] == "applied", results
            laptop.pull()
    except BaseException as exc:  # reported to the main thread
        outcomes.append(exc)


def test_twenty_clients_pushing_and_pulling_at_once_converge(server: ServerProcess) -> None:
    _add_users(server)
    server.workers = 2
    server.start()
    boss = Laptop(server.url, "boss", "secret")
    shared = [str(uuid.uuid4()) for _ in range(4)]
    boss.push(*[("create", "account", a, {"name": f"Shared {a[:4]}"}, 0) for a in shared])
    boss.push(*[("assign", "account", a, {"owner_type": "team", "owner": "north"}, 0) for a in shared])
    laptops = [Laptop(server.url, f"rep{i % 5}", "secret") for i in range(20)]
    outcomes: list[Any] = []
    threads = [threading.Thread(target=_work, args=(lp, shared, 8, outcomes)) for lp in laptops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    boss.pull()
    assert sum(1 for v in boss.view.values() if v["entity"] == "contact") == 20 * 8
    for account in shared:  # every applied update bumped the version exactly once: none lost
        applied = sum(1 for target, status in outcomes if target == account and status == "applied")
        assert boss.view[account]["version"] == 2 + applied
    for laptop in laptops:  # no change skipped: each view equals a fresh full sync of its user
        laptop.pull()
        fresh = Laptop(server.url, laptop.client_id.split("-")[0], "secret")
        fresh.pull()
        assert laptop.view == fresh.view, laptop.client_id


def test_cli_refuses_unknown_teams_and_duplicate_names_with_a_message(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "cli")
    with pytest.raises(RuntimeError, match="no team named 'ghosts'"):
        server.create_user("ana", "secret", team="ghosts")
    server.create_user("ana", "secret")
    with pytest.raises(RuntimeError, match="already a user named 'ana'"):
        server.create_user("ana", "other")
    assert "deleted user ana" in server.cli("delete-user", "ana")
