"""Create the store's schema or upgrade an older one in place.

``PRAGMA user_version`` holds the schema version.  Each version is a frozen
SQL file in ``sql/`` plus an optional Python step for data; opening a store
runs every step above its version in one transaction, so an upgrade that
fails leaves the old store untouched.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from importlib import resources

from crm_core.roles import seed_role_rows
from crm_core.validation import phone_e164
from crm_desktop.store import fts, phones

log = logging.getLogger("crm.store")

SCHEMA_VERSION = 8


def _sql(version: int) -> str:
    return resources.files("crm_desktop.store").joinpath(f"sql/v{version}.sql").read_text("utf-8")


def _seed_roles(conn: sqlite3.Connection) -> None:
    rows = seed_role_rows()
    conn.executemany(
        "INSERT OR IGNORE INTO connection_role (id, version, created_at, modified_at, deleted, pending,"
        " name, category, matching_role_ids, state) VALUES (:id, 0, '', '', 0, 0, :name, :category,"
        " :matching_role_ids, :state)",
        rows,
    )


def _fill_v2(conn: sqlite3.Connection) -> None:
    region = phones.store_region(conn)
    rows = conn.execute("SELECT num, mobile_phone FROM contact WHERE mobile_phone IS NOT NULL").fetchall()
    conn.executemany(
        "UPDATE contact SET mobile_phone_e164 = ? WHERE num = ?",
        [(phone_e164(r["mobile_phone"], region), r["num"]) for r in rows],
    )
    # Version 3 replaces the search tables and fills them; no need to fill them twice.


def _fill_v5(conn: sqlite3.Connection) -> None:
    """Phones typed without "+" are read in their record's own country from version 5 on; before,
    in the store's region.  Only records whose country names another region can differ, so only
    those are read again (a store of a million rows in one country reads the distinct countries).
    """
    region = phones.store_region(conn)
    for entity_name in phones.ENTITIES:
        cells = phones.country_cells(conn, entity_name)
        phones.reread_in_countries(conn, entity_name, region, [c for c, r in cells.items() if r not in (None, region)])


def _fill_v6(conn: sqlite3.Connection) -> None:
    """Open sync issues take their records' names while the store still holds the records."""
    issues = conn.execute("SELECT id, entity, record_id FROM sync_issue").fetchall()
    conn.executemany("UPDATE sync_issue SET record_name = ? WHERE id = ?",
                     [(_v6_name(conn, i["entity"], i["record_id"]), i["id"]) for i in issues])


# How records were named at schema 6, written out here rather than read from
# today's records.record_name: a later step that changes the columns it reads
# must not break upgrades from 5.
_V6_NAME_COLUMNS = {"account": ("name",), "contact": ("first_name", "last_name"), "connection_role": ("name",),
                    "connection": ("record1_type", "record1_id", "record2_type", "record2_id")}


def _v6_name(conn: sqlite3.Connection, entity_name: str, record_id: str) -> str:
    """The record's name as record_name gave it at schema 6 ("" when the store lacks it)."""
    columns = _V6_NAME_COLUMNS.get(entity_name)
    found = None if columns is None else conn.execute(
        f"SELECT {', '.join(columns)} FROM {entity_name} WHERE id = ?", (record_id,)).fetchone()
    if found is None:
        return ""
    if entity_name == "contact":
        return f"{found[0] or ''} {found[1] or ''}".strip()
    if entity_name == "connection":  # by its ends; an end the store lacks by its short id
        ends = []
        for kind, end_id in ((found[0], found[1] or ""), (found[2], found[3] or "")):
            name = _v6_name(conn, kind, end_id) if kind in ("account", "contact") else ""
            ends.append(name or end_id[:8])
        return " - ".join(ends)
    return str(found[0] or "")


def _fill_v7(conn: sqlite3.Connection) -> None:
    """Deletes queued before version 7 say they saw the connections the store holds of their records now.

    The closest to what the rep saw when deleting: a pull waits for the
    queue to empty, so these are the versions they had (sent with none, the
    server would cascade over a colleague's change as before).
    """
    deletes = conn.execute("SELECT mutation_id, entity, record_id FROM outbox WHERE op = 'delete'").fetchall()
    conn.executemany("UPDATE outbox SET seen = ? WHERE mutation_id = ?",
                     [(json.dumps(_v7_held(conn, d["entity"], d["record_id"])), d["mutation_id"])
                      for d in deletes if d["entity"] in _V7_DEPENDANT_COLUMNS])


# What required a record at schema 7, written out here rather than read from
# today's entities (writes.held_dependants): a later entity with a required
# link, whose table a later step makes, must not break upgrades from 6.
_V7_DEPENDANT_COLUMNS = {"account": ("record1_id", "record2_id"), "contact": ("record1_id", "record2_id"),
                         "connection_role": ("role1_id",), "connection": ()}


def _v7_held(conn: sqlite3.Connection, entity_name: str, record_id: str) -> dict[str, int]:
    held: dict[str, int] = {}
    for column in _V7_DEPENDANT_COLUMNS[entity_name]:
        for found_id, version in conn.execute(f"SELECT id, version FROM connection WHERE {column} = ?",
                                              (record_id,)).fetchall():
            held.setdefault(found_id, int(version))
    return held


def _nothing(_conn: sqlite3.Connection) -> None:
    """A step with only SQL: older issues simply have no ``why``."""


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _seed_roles, 2: _fill_v2, 3: fts.rebuild, 4: fts.rebuild, 5: _fill_v5, 6: _fill_v6, 7: _fill_v7,
    8: _nothing,
}


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version the store file was last written with."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target``; returns the version it started at."""
    start = current_version(conn)
    if start > SCHEMA_VERSION:
        raise RuntimeError(
            f"this store was written by a newer crm-desktop (schema {start}); update the app"
        )
    if start >= target:
        return start
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(start + 1, target + 1):
            _run_sql(conn, _sql(version))
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("store schema upgraded from %d to %d", start, target)
    return start


def _run_sql(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement instead
    # so the whole upgrade stays in one transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
