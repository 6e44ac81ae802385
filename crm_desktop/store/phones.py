"""Reading stored phones again when the region they are read in changes.

A phone typed without "+" gets its E.164 form (``<phone>_e164``, used by
duplicate detection and search) in its record's own country, else in the
store's region (``writes.local_columns``).  When that region changes for
records already stored (the store's region is set, or an upgrade changed
the rule), their national phones are read again, with their search rows.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from crm_core.countries import COUNTRY_FIELDS, country_region
from crm_core.entities import entity
from crm_desktop.store import fts
from crm_desktop.store.writes import local_columns

ENTITIES = ("account", "contact")


def store_region(conn: sqlite3.Connection) -> str:
    """The store's phone region (``Store.phone_region``), read from its meta table."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'phone_region'").fetchone()
    return str(row[0]) if row and row[0] else "US"


def country_cells(conn: sqlite3.Connection, entity_name: str) -> dict[str, str | None]:
    """Every country cell the live records hold, with the region it names (or None)."""
    cells: set[str] = set()
    for name in COUNTRY_FIELDS[entity_name]:  # names from our registry, values bound
        cells.update(r[0] for r in conn.execute(f"SELECT DISTINCT {name} FROM {entity_name}"
                                                f" WHERE {name} IS NOT NULL AND deleted = 0"))
    return {cell: country_region(cell) for cell in cells}


def reread_in_countries(conn: sqlite3.Connection, entity_name: str, region: str, cells: list[str]) -> int:
    """Read again the national phones of records whose country is one of ``cells``."""
    if not cells:
        return 0
    where = " OR ".join(f"{name} IN (SELECT value FROM json_each(:cells))" for name in COUNTRY_FIELDS[entity_name])
    return _reread(conn, entity_name, region, where, {"cells": json.dumps(cells)})


def reread_without_country(conn: sqlite3.Connection, entity_name: str, region: str) -> int:
    """Read again the national phones of records whose country names no region (the store's applies)."""
    own = [cell for cell, found in country_cells(conn, entity_name).items() if found is not None]
    where = " AND ".join(f"coalesce({name}, '') NOT IN (SELECT value FROM json_each(:own))"
                         for name in COUNTRY_FIELDS[entity_name])
    return _reread(conn, entity_name, region, where, {"own": json.dumps(own)})


def _reread(conn: sqlite3.Connection, entity_name: str, region: str, where: str, params: dict[str, Any]) -> int:
    countries, phones = COUNTRY_FIELDS[entity_name], entity(entity_name).phones
    # A phone written with "+" reads the same in any region: only the others can change.
    national = " OR ".join(f"{p} NOT LIKE '+%'" for p in phones)
    rows = conn.execute(f"SELECT * FROM {entity_name} WHERE deleted = 0 AND ({where}) AND ({national})", params)
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
    return len(changed)
