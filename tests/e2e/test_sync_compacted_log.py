"""After the admin compacts the change log, every laptop still syncs.

A full pull walks the log from cursor 0 in pages, so its later pages carry
cursors below the compacted log's floor.  A brand-new laptop's first sync and
an old laptop's re-sync (its cursor is older than the floor: 410) must both
get every record, over several pages, without losing what they queued.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Rep
from tests.helpers.server import ServerProcess

with warnings.catch_warnings():  # it imports starlette's TestClient, which asks for httpx2 (as in its conftest)
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from tests.crm_server.server_testkit import create_schema, drop_schema, pg_base_url, worker_schema

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]
PAGE = 7  # several pages for a few dozen records
CONTACTS = 30


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[ServerProcess]:
    """A running server on a fresh SQLite file or PostgreSQL schema (the pull SQL is shared)."""
    url = None
    if request.param == "postgres":
        base = pg_base_url()
        schema = worker_schema(worker_id, "compact")
        url = create_schema(base, schema)
        request.addfinalizer(lambda: drop_schema(base, schema))
    process = ServerProcess(tmp_path / "server", database_url=url)
    process.start()
    yield process
    process.stop()


def _laptop(root: Path, server: ServerProcess, user: str) -> Rep:
    """Another laptop of ``user``, pulling small pages."""
    rep = Rep(root, server, user)
    rep.sync.pull_limit = PAGE
    rep.login()
    return rep


def _queue_offline(rep: Rep, name: str) -> str:
    rep.net.offline = True
    made = rep.crm.create_account({"name": name}).id
    rep.net.offline = False
    return made


def test_full_syncs_complete_after_the_log_is_compacted(server: ServerProcess, make_rep: MakeRep,
                                                         tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    ana, bob = make_rep(server), make_rep(server)
    contacts = [ana.crm.create_contact({"first_name": f"G{i}", "last_name": f"H{i}"}).id for i in range(CONTACTS)]
    unshared = bob.crm.create_account({"name": "Shared, then unshared"})
    bob.crm.share(unshared, "user", ana.name, ["read"])
    ana.sync.sync_now()
    bob.sync.sync_now()
    old = _laptop(tmp_path / "old", server, ana.name)
    try:
        old.sync.sync_now()
        assert old.crm.count("contact") == CONTACTS and old.crm.get("account", unshared.id) is not None
        for phone in ("555 010 0200", "555 010 0300"):  # superseded log rows newer than old's cursor
            for contact in contacts:
                ana.crm.update(contact, {"phone": phone})
            ana.sync.sync_now()
        bob.crm.share(unshared, "user", ana.name, [])
        bob.sync.sync_now()
        assert "dropped" in server.cli("compact-log")  # old's cursor is now below the floor

        queued_old = _queue_offline(old, "Queued on the old laptop")
        report = old.sync.sync_now()
        assert any("no longer knows cursor" in r.message for r in caplog.records)  # 410, then a full pull
        _assert_everything(old, contacts, queued_old)
        assert report.pending_changes == 0 and old.crm.get("account", unshared.id) is None

        caplog.clear()
        new = _laptop(tmp_path / "new", server, ana.name)
        try:
            queued_new = _queue_offline(new, "Queued before the first sync")
            report = new.sync.sync_now()
            assert not any("no longer knows cursor" in r.message for r in caplog.records)  # no 410 at all
            _assert_everything(new, contacts, queued_new)
            assert report.pending_changes == 0 and new.crm.get("account", unshared.id) is None
            assert new.net.log.count("GET /api/v1/sync/pull") > 2  # it really came in several pages
            assert new.crm.get("account", queued_old) is not None
        finally:
            new.close()
    finally:
        old.close()


def _assert_everything(rep: Rep, contacts: list[str], queued: str) -> None:
    """Every contact in its newest state, the queued record kept and sent, the full re-sync finished."""
    assert rep.crm.count("contact") == CONTACTS
    for contact in contacts:
        record = rep.crm.get("contact", contact)
        assert record is not None and record.fields["phone"] == "555 010 0300"
    assert rep.crm.get("account", queued) is not None
    assert rep.store.pending_changes() == 0
    assert rep.store.get_meta("sync_full_resync") is None
