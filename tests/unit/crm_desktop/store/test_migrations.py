"""A store written by an older schema is upgraded in place on open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import crm_desktop.store.tables  # noqa: F401  (registers the tables)
from crm_desktop.store import Store, migrations

V1_FILE = Path(__file__).resolve().parents[3] / "data" / "store_v1.sqlite3"


@pytest.fixture
def v1_store(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(V1_FILE, data / "crm.sqlite3")
    return data


def test_a_version_1_store_is_upgraded_and_keeps_its_data_and_queue(v1_store: Path) -> None:
    with sqlite3.connect(v1_store / "crm.sqlite3") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    store = Store.open_dir(v1_store)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        assert store.client_id == "11111111-2222-4333-8444-555555555555"
        lucia = store.require("contact", "cccccccc-0000-4000-8000-000000000001")
        assert lucia.pending and lucia.get("mobile_phone_e164") == "+34612345678"
        assert store.pending_changes() == 1
        assert [r.name for r in store.search("contact", "nunez")] == ["Lucía Ibáñez"]
        assert [r.name for r in store.search("account", "bodeg")] == ["Bodegas Núñez S.L."]
        assert store.sync_issue_count() == 0
    finally:
        store.close()


def test_the_upgraded_schema_matches_the_table_definitions(v1_store: Path, tmp_path: Path) -> None:
    upgraded = Store.open_dir(v1_store)
    fresh = Store.open_dir(tmp_path / "fresh")
    try:
        for table in SQLModel.metadata.tables.values():
            expected = {c.name for c in table.columns}
            for store in (upgraded, fresh):
                found = {r[1] for r in store.conn.execute(f"PRAGMA table_info({table.name})")}
                assert found == expected, (table.name, found ^ expected)
            indexes = {i.name for i in table.indexes}
            found_indexes = {r[1] for r in upgraded.conn.execute(f"PRAGMA index_list({table.name})")}
            assert indexes <= found_indexes
        for store in (upgraded, fresh):
            for name in ("contact_fts", "account_fts"):
                sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
                assert "detail = none" in sql and "prefix = '1 2 3'" in sql, sql
    finally:
        upgraded.close()
        fresh.close()


def test_a_sync_issue_id_is_never_given_again(v1_store: Path, tmp_path: Path) -> None:
    """A `resolve N` typed from an older listing must not act on a newer issue."""
    for store in (Store.open_dir(v1_store), Store.open_dir(tmp_path / "fresh")):
        insert = ("INSERT INTO sync_issue (kind, mutation_id, entity, record_id, op, reason, message, fields,"
                  " server_version, created_at) VALUES ('rejected', 1, 'contact', 'r', 'update', '', '', '{}',"
                  " 0, '')")
        with store.conn:
            first = store.conn.execute(insert).lastrowid
            store.conn.execute("DELETE FROM sync_issue WHERE id = ?", (first,))
            second = store.conn.execute(insert).lastrowid
        assert second != first
        store.close()


def test_a_store_from_a_newer_app_is_refused_not_damaged(tmp_path: Path) -> None:
    Store.open_dir(tmp_path).close()
    with sqlite3.connect(tmp_path / "crm.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="newer crm-desktop"):
        Store.open_dir(tmp_path)


def test_a_failed_upgrade_leaves_the_old_store_untouched(v1_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        raise RuntimeError("upgrade step failed")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(RuntimeError):
        Store.open_dir(v1_store)
    with sqlite3.connect(v1_store / "crm.sqlite3") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sync_issue'").fetchone()[0] == 0


def test_the_store_runs_with_wal_foreign_keys_and_a_busy_timeout(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
