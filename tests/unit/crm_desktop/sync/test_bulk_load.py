"""A first sync loads empty tables without their secondary indexes, and never loses them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store, bulkload
from crm_desktop.store.store import STORE_FILE
from crm_desktop.sync.credentials import MemoryKeyring
from tests.helpers.server import ROOT
from tests.unit.crm_desktop.sync.conftest import URL
from tests.unit.crm_desktop.sync.fake_server import FakeServer

PAGE = 40
CONTACTS = 150
KILL_AFTER = 2 * PAGE  # records pulled when the child kills itself


def seeded_server() -> FakeServer:
    """The same server every time: two accounts, then contacts, some at each account."""
    server = FakeServer()
    accounts = [f"00000000-0000-4000-8000-0000000a{i:04d}" for i in range(2)]
    for i, account_id in enumerate(accounts):
        server.put("account", account_id, {"name": f"Fabrikam {i}", "state": "active"})
    for i in range(CONTACTS):
        server.put("contact", f"00000000-0000-4000-8000-0000000c{i:04d}",
                   {"first_name": "Ana", "last_name": f"Quintero{i:03d}", "email": f"ana{i}@example.com",
                    "phone": f"+34 600 {i:03d} 000", "state": "active",
                    "account_id": accounts[i % 2] if i % 3 == 0 else None})
    return server


def logged_in(data_dir: Path, server: FakeServer) -> SyncService:
    """A service on the store in ``data_dir``, logged in to ``server``, pulling PAGE records a page."""
    service = SyncService(Store.open_dir(data_dir), credentials=CredentialStore(MemoryKeyring()),
                          transport=server.transport(), timeout=5.0)
    service.login(URL, "ana", "pw")
    service.pull_limit = PAGE
    return service


_CHILD = f"""
import os, signal, sys
from pathlib import Path
from tests.unit.crm_desktop.sync.test_bulk_load import logged_in, seeded_server

def progress(stage, done, total):
    if stage == "pull" and done >= {KILL_AFTER}:
        os.kill(os.getpid(), signal.SIGKILL)

logged_in(Path(sys.argv[1]), seeded_server()).sync_now(progress=progress)
"""


def _indexes(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                              " AND sql IS NOT NULL")}


def _merging(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Each FTS table's merge settings that differ from FTS5's defaults (none, outside a load)."""
    return {fts: {k: int(v) for k, v in conn.execute(f"SELECT k, v FROM {fts}_config WHERE k LIKE '%merge'")
                  if int(v) != bulkload.FTS_MERGE[k][0]}
            for fts in ("contact_fts", "account_fts")}


NO_LOAD = {"contact_fts": {}, "account_fts": {}}
LOADING = {fts: {"automerge": 0, "crisismerge": 64} for fts in ("contact_fts", "account_fts")}


def _expected_indexes(tmp_path: Path) -> set[tuple[str, str]]:
    fresh = Store.open_dir(tmp_path / "fresh")
    try:
        return _indexes(fresh.conn)
    finally:
        fresh.close()


def _names(store: Store, text: str) -> list[str]:
    return [r.fields["last_name"] for r in store.search("contact", text, limit=500)]


def test_a_first_sync_killed_mid_load_gets_its_indexes_back_and_completes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(data)], cwd=ROOT, capture_output=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    raw = sqlite3.connect(data / STORE_FILE)
    assert raw.execute("SELECT value FROM meta WHERE key = ?", (bulkload.PENDING_KEY,)).fetchone() is not None
    assert _indexes(raw) < _expected_indexes(tmp_path)  # the kill came while the indexes were away
    assert _merging(raw) == LOADING
    raw.close()

    store = Store.open_dir(data)
    assert _indexes(store.conn) == _expected_indexes(tmp_path)
    assert _merging(store.conn) == NO_LOAD
    assert store.get_meta(bulkload.PENDING_KEY) is None
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    pulled = store.count("account", "all") + store.count("contact", "all")
    assert pulled == KILL_AFTER  # each page landed whole, with its cursor
    assert _names(store, "quintero005") == ["Quintero005"]
    assert _names(store, "fabrikam 0")[:1] == ["Quintero000"]  # company text, from the account pulled first
    store.close()

    service = logged_in(data, seeded_server())
    report = service.sync_now()
    assert report.pulled == 2 + CONTACTS - KILL_AFTER
    store = service.store
    assert store.count("contact", "all") == CONTACTS
    assert _indexes(store.conn) == _expected_indexes(tmp_path)
    assert _names(store, "quintero149") == ["Quintero149"]
    assert store.get_meta(bulkload.PENDING_KEY) is None
    store.close()


def test_a_first_sync_of_many_pages_ends_with_every_index_and_search(tmp_path: Path) -> None:
    service = logged_in(tmp_path / "data", seeded_server())
    assert service.sync_now().pulled == 2 + CONTACTS
    store = service.store
    assert _indexes(store.conn) == _expected_indexes(tmp_path)
    assert _merging(store.conn) == NO_LOAD
    assert store.get_meta(bulkload.PENDING_KEY) is None
    assert len(_names(store, "quintero")) == CONTACTS
    plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT * FROM contact WHERE email COLLATE NOCASE = 'x'")
    assert "ix_contact_email" in plan.fetchone()[3]
    store.close()


def test_indexes_dropped_for_a_load_the_app_did_not_finish_come_back_on_open(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path / "data")
    expected = _indexes(store.conn)
    assert bulkload.begin(store.db, ["contact", "connection_role"]) == ["contact"]  # roles are seeded: not empty
    assert not any(name.startswith("ix_contact") for name, _sql in _indexes(store.conn))
    assert _merging(store.conn) == {"contact_fts": LOADING["contact_fts"], "account_fts": {}}
    store.close()  # no finish: as if the app had died
    store = Store.open_dir(tmp_path / "data")
    assert _indexes(store.conn) == expected
    assert _merging(store.conn) == NO_LOAD
    store.close()


def test_a_load_begun_again_before_the_last_finished_puts_back_the_settings_from_before_both(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path / "data")
    store.conn.execute("INSERT INTO contact_fts (contact_fts, rank) VALUES ('automerge', 8)")  # a tuned table
    bulkload.begin(store.db, ["contact"])
    bulkload.begin(store.db, ["contact"])  # still empty: it reads the loading values, and must keep the first
    bulkload.finish(store.db)
    assert _merging(store.conn) == {"contact_fts": {"automerge": 8}, "account_fts": {}}
    store.close()


def _contacts_before_their_account() -> FakeServer:
    """Contacts logged before the account they belong to (an account changed after a compacted log)."""
    server = FakeServer()
    account_id = "00000000-0000-4000-8000-0000000a9999"
    for i in range(3 * PAGE):
        server.put("contact", f"00000000-0000-4000-8000-0000000d{i:04d}",
                   {"first_name": "Lee", "last_name": f"Park{i:03d}", "state": "active",
                    "account_id": account_id if i < PAGE + 5 else None})
    server.put("account", account_id, {"name": "Zyxwidgets", "state": "active"})
    return server


def test_contacts_pulled_before_their_account_are_found_by_its_name(tmp_path: Path) -> None:
    service = logged_in(tmp_path / "data", _contacts_before_their_account())
    service.sync_now()
    assert len(_names(service.store, "zyxwidgets")) == PAGE + 5
    assert service.store.conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'company_waiting'"
                                      ).fetchone() is None  # what the load noted is gone with it
    service.store.close()


def test_a_contact_whose_account_arrives_in_a_later_sync_is_found_by_its_name(tmp_path: Path) -> None:
    server = FakeServer()
    account_id = "00000000-0000-4000-8000-0000000a7777"
    server.put("contact", "00000000-0000-4000-8000-0000000e0001",
               {"first_name": "Lee", "last_name": "Park", "state": "active", "account_id": account_id})
    service = logged_in(tmp_path / "data", server)
    service.sync_now()  # the account is not shared with this rep yet
    assert _names(service.store, "zyxwidgets") == []
    server.put("account", account_id, {"name": "Zyxwidgets", "state": "active"})  # shared since
    service.sync_now()
    assert _names(service.store, "zyxwidgets") == ["Park"]
    service.store.close()


def test_a_load_the_app_did_not_finish_gets_its_company_text_on_open(tmp_path: Path) -> None:
    service = logged_in(tmp_path / "data", _contacts_before_their_account())
    service.sync_now()
    store = service.store
    with store.db.transaction() as conn:  # as if the app died mid-load, before its end filled the text in
        conn.execute("UPDATE contact_fts SET company = ''")
        [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_contact_account'").fetchone()
        conn.execute("DROP INDEX ix_contact_account")
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                     (bulkload.PENDING_KEY, json.dumps({"ix_contact_account": sql})))
    assert _names(store, "zyxwidgets") == []
    store.close()
    store = Store.open_dir(tmp_path / "data")
    assert len(_names(store, "zyxwidgets")) == PAGE + 5
    store.close()
