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

from crm_core.countries import COUNTRY_FIELDS, country_region
from crm_core.entities import entity
from crm_core.roles import seed_role_rows
from crm_core.validation import phone_e164
from crm_desktop.store import fts
from crm_desktop.store.writes import local_columns

log = logging.getLogger("crm.store")

SCHEMA_VERSION = 5


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
    region = _meta(conn, "phone_region") or "US"
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
    region = _meta(conn, "phone_region") or "US"
    for entity_name in ("account", "contact"):
        countries = COUNTRY_FIELDS[entity_name]
        cells: set[str] = set()
        for name in countries:  # names from our registry, values bound
            cells.update(r[0] for r in conn.execute(f"SELECT DISTINCT {name} FROM {entity_name}"
                                                    f" WHERE {name} IS NOT NULL AND deleted = 0"))
        foreign = json.dumps([c for c in cells if country_region(c) not in (None, region)])
        if foreign != "[]":
            _reread_phones(conn, entity_name, region, foreign)


def _reread_phones(conn: sqlite3.Connection, entity_name: str, region: str, foreign: str) -> None:
    countries, phones = COUNTRY_FIELDS[entity_name], entity(entity_name).phones
    where = " OR ".join(f"{name} IN (SELECT value FROM json_each(:foreign))" for name in countries)
    # A phone written with "+" reads the same in any region: only the others can change.
    national = " OR ".join(f"{p} NOT LIKE '+%'" for p in phones)
    rows = conn.execute(f"SELECT * FROM {entity_name} WHERE deleted = 0 AND ({where}) AND ({national})",
                        {"foreign": foreign})
    changed, search = [], []
    for row in rows:
        fields = dict(row)
        # As if the country had just changed: local_columns reads every phone again in the record's region.
        local = local_columns(entity_name, fields, set(countries), region)
        if any(local[k] != fields[k] for k in local):
            changed.append((*local.values(), fields["num"]))
            fields.update(local)
            phone_text = (fts.contact_row(fields, None) if entity_name == "contact" else fts.account_row(fields))[3]
            search.append((phone_text, fields["num"]))
    if changed:
        sets = ", ".join(f"{p}_e164 = ?" for p in phones)  # local_columns' order
        conn.executemany(f"UPDATE {entity_name} SET {sets} WHERE num = ?", changed)
        conn.executemany(f"UPDATE {entity_name}_fts SET phone = ? WHERE rowid = ?", search)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _seed_roles, 2: _fill_v2, 3: fts.rebuild, 4: fts.rebuild, 5: _fill_v5,
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
