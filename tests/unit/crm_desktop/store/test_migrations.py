"""A store written by an older schema is upgraded in place on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import crm_desktop.store.tables  # noqa: F401  (registers the tables)
from crm_core.roles import role_id
from crm_desktop.store import Store, db, migrations, outbox
from crm_desktop.store.records import record_name
from crm_desktop.store.writes import Writer, held_dependants
from crm_desktop.sync.issues import list_issues
from tests.helpers.records import account_with_a_connection


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


def _as_version_4(conn: sqlite3.Connection) -> None:
    """Mark the store as schema 4, taking out what later versions added to its tables."""
    conn.execute("ALTER TABLE sync_issue DROP COLUMN record_name")  # version 6
    _drop_version_7(conn)
    conn.execute("PRAGMA user_version = 4")


def _drop_version_7(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sync_issue DROP COLUMN why")  # version 8, which came after
    conn.execute("ALTER TABLE outbox DROP COLUMN seen")
    conn.execute("ALTER TABLE sync_issue DROP COLUMN dependants")


def _e164(store: Store, entity_name: str, record_id: str) -> tuple[str | None, ...]:
    """A record's phones in E.164 form, as the store holds them."""
    columns = ("phone_e164", "mobile_phone_e164") if entity_name == "contact" else ("phone_e164", "other_phone_e164")
    return tuple(store.require(entity_name, record_id).get(c) for c in columns)


def test_the_upgrade_reads_again_only_the_phones_of_records_in_another_country(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path)
    spain = store.create("contact", {"last_name": "Ruiz", "country": "España", "phone": "912 345 678"})
    home = store.create("contact", {"last_name": "Vega", "country": "USA", "phone": "(512) 555-0100"})
    loose = store.create("contact", {"last_name": "Oz", "phone": "(512) 555-0100"})
    acme = store.create("account", {"name": "Acme", "ship_to_country": "Spain", "other_phone": "915 550 100"})
    # As version 4 left them: every phone read in the store's region (US), the search rows too.
    with store.db.transaction() as conn:
        conn.execute("UPDATE contact SET phone_e164 = NULL WHERE id = ?", (spain.id,))
        conn.execute("UPDATE contact SET phone_e164 = 'untouched' WHERE id IN (?, ?)", (home.id, loose.id))
        conn.execute("UPDATE account SET other_phone_e164 = NULL WHERE id = ?", (acme.id,))
        conn.execute("UPDATE contact_fts SET phone = '912 345 678 912345678' WHERE rowid = ?", (spain.num,))
        conn.execute("UPDATE account_fts SET phone = '915 550 100 915550100' WHERE rowid = ?", (acme.num,))
        _as_version_4(conn)
    store.close()
    store = Store.open_dir(tmp_path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        assert _e164(store, "contact", spain.id) == ("+34912345678", None)
        assert _e164(store, "account", acme.id) == (None, "+34915550100")
        assert _e164(store, "contact", home.id)[0] == _e164(store, "contact", loose.id)[0] == "untouched"
        assert [r.id for r in store.search("contact", "34912345678")] == [spain.id]
        assert [r.id for r in store.search("account", "34915550100")] == [acme.id]
    finally:
        store.close()


def test_the_upgrade_of_a_store_in_one_country_changes_nothing(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path, phone_region="ES")
    ana = store.create("contact", {"last_name": "Ruiz", "country": "España", "phone": "912 345 678"})
    with store.db.transaction() as conn:
        _as_version_4(conn)
    store.close()
    store = Store.open_dir(tmp_path)
    try:
        assert _e164(store, "contact", ana.id) == ("+34912345678", None)
        assert store.conn.total_changes == 0  # nothing read again, nothing written
    finally:
        store.close()


def _issue_on(conn: sqlite3.Connection, entity_name: str, record_id: str) -> None:
    """An open sync issue as schema 5 kept it: with no record name."""
    conn.execute("INSERT INTO sync_issue (kind, mutation_id, entity, record_id, op, reason, message, fields,"
                 " server_version, created_at) VALUES ('rejected', 1, ?, ?, 'update', 'permission', '', '{}', 0,"
                 " '')", (entity_name, record_id))


def test_the_upgrade_names_the_open_sync_issues_by_their_records(tmp_path: Path) -> None:
    """From version 6 an issue keeps its record's name, for when the record is gone from the store."""
    (tmp_path / "data").mkdir()
    conn = db.connect(tmp_path / "data" / "crm.sqlite3")
    migrations.upgrade(conn, target=5)
    with conn:
        writer = Writer(conn)
        acme = writer.create("account", {"name": "Acme"})
        rita = writer.create("contact", {"first_name": "Rita", "last_name": "Vega"})
        link = writer.create("connection", {"record1_type": "account", "record1_id": acme,
                                            "role1_id": role_id("Customer"), "record2_type": "contact",
                                            "record2_id": rita, "role2_id": role_id("Champion")})
        for entity_name, record_id in (("account", acme), ("contact", rita), ("connection", link),
                                       ("contact", "0badc0de-0000-4000-8000-000000000000")):
            _issue_on(conn, entity_name, record_id)
    conn.close()
    store = Store.open_dir(tmp_path / "data")
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        kept = dict(store.conn.execute("SELECT record_id, record_name FROM sync_issue").fetchall())
        assert kept == {acme: "Acme", rita: "Rita Vega", link: "Acme - Rita Vega",
                        "0badc0de-0000-4000-8000-000000000000": ""}  # gone before the upgrade: no name to keep
    finally:
        store.close()


def test_an_upgrade_is_known_to_be_pending_before_the_store_opens(v1_store: Path, tmp_path: Path) -> None:
    assert Store.upgrade_pending(v1_store)
    Store.open_dir(v1_store).close()
    assert not Store.upgrade_pending(v1_store)  # once: the store is now at this version
    assert not Store.upgrade_pending(tmp_path / "missing")  # a new store is made, not upgraded
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "crm.sqlite3").write_bytes(b"not a database at all" * 100)
    assert not Store.upgrade_pending(tmp_path / "junk")  # the real open says what is wrong


def test_the_upgrade_says_which_connections_the_queued_deletes_saw(tmp_path: Path) -> None:
    """From version 7 a delete carries the versions of the connections its cascade takes."""
    store = Store.open_dir(tmp_path)
    acme, rita, link = account_with_a_connection(store)
    store.delete("account", acme)
    store.update("contact", rita, {"job_title": "CEO"})
    with store.db.transaction() as conn:
        _drop_version_7(conn)
        conn.execute("PRAGMA user_version = 6")
    store.close()
    store = Store.open_dir(tmp_path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        queued = {m.op: m.seen for m in outbox.queued(store.conn, 100)}
        assert queued["delete"] == {link: 4} and queued["update"] is None
        assert store.conn.execute("SELECT count(*) FROM sync_issue WHERE dependants != '[]'").fetchone()[0] == 0
    finally:
        store.close()


def test_the_version_7_step_knows_the_dependants_todays_store_knows(tmp_path: Path) -> None:
    # The step writes out what required a record at version 7, so later entities cannot break it;
    # while nothing else requires a record, it must agree with the store's own rule.
    store = Store.open_dir(tmp_path)
    acme, rita, _link = account_with_a_connection(store)
    try:
        for entity_name, record_id in (("account", acme), ("contact", rita),
                                       ("connection_role", role_id("Customer"))):
            frozen = migrations._v7_held(store.conn, entity_name, record_id)
            assert frozen and frozen == held_dependants(store.conn, entity_name, record_id), entity_name
    finally:
        store.close()


def test_an_issue_from_before_version_8_has_no_why_and_keeps_its_message(tmp_path: Path) -> None:
    """From version 8 a rejection keeps the server's reason as a code; older ones show the English message."""
    (tmp_path / "data").mkdir()
    conn = db.connect(tmp_path / "data" / "crm.sqlite3")
    migrations.upgrade(conn, target=7)
    with conn:
        rita = Writer(conn).create("contact", {"first_name": "Rita", "last_name": "Vega"})
        conn.execute("INSERT INTO sync_issue (kind, mutation_id, entity, record_id, op, reason, message, fields,"
                     " server_version, created_at) VALUES ('rejected', 1, 'contact', ?, 'update', 'permission',"
                     " ?, '{}', 0, '')", (rita, f"you have no write right on contact {rita}"))
    conn.close()
    store = Store.open_dir(tmp_path / "data")
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        [issue] = list_issues(store)
        assert issue.why is None and issue.message == f"you have no write right on contact {rita}"
    finally:
        store.close()


def test_the_version_6_step_names_records_as_todays_store_does(tmp_path: Path) -> None:
    # The step writes out how records were named at version 6, so later columns cannot break it;
    # while the names have not changed, it must agree with the store's own record_name.
    store = Store.open_dir(tmp_path)
    acme, rita, link = account_with_a_connection(store)
    nameless = store.create("contact", {"last_name": "Vega"}).id
    gone = store.create("contact", {"last_name": "Gone"}).id
    half_gone = store.create("connection", {"record1_type": "account", "record1_id": acme,
                                            "role1_id": role_id("Customer"), "record2_type": "contact",
                                            "record2_id": gone}).id
    store.conn.execute("DELETE FROM contact WHERE id = ?", (gone,))  # a pull took it away
    try:
        for entity_name, record_id in (("account", acme), ("contact", rita), ("contact", nameless),
                                       ("connection", link), ("connection", half_gone),
                                       ("connection_role", role_id("Customer")), ("contact", "missing")):
            frozen = migrations._v6_name(store.conn, entity_name, record_id)
            assert frozen == record_name(store.conn, entity_name, record_id), (entity_name, record_id)
    finally:
        store.close()
