"""Bringing back a record this store tombstoned but the server kept.

A delete the server answers with a conflict (someone changed the record
since the rep last synced it) or refuses (the rep holds no delete right)
never happened there, but the local delete already left a tombstone and
tombstoned the record's connections.  Both come back here, without queueing
anything: the server has them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from crm_core.entities import ENTITIES, entity
from crm_desktop.store.phones import store_region
from crm_desktop.store.writes import local_columns, reindex, table

_SEARCHED = ("account", "contact")


def undelete(conn: sqlite3.Connection, entity_name: str, record_id: str, values: Mapping[str, Any],
             version: int, region: str | None = None) -> bool:
    """Bring the tombstoned record back, and its connections; whether it came back.

    ``values`` (the server's, of the fields changed since the rep last
    synced the record) go over the tombstone's, which are the rep's last and
    the server's for every other field, and the version moves on to
    ``version``.  The references the local delete cleared in other records
    (a primary contact, a contact's account, a parent account) are no longer
    known here; ``crm_desktop.sync.issues`` says how they come back.
    """
    name = table(entity_name)
    current = conn.execute(f"SELECT * FROM {name} WHERE id = ?", (record_id,)).fetchone()
    if current is None:
        return False
    # Also when a pull already brought the record itself back: the server sent none of its connections.
    _undelete_connections(conn, record_id)
    if not current["deleted"]:
        return False
    names = entity(entity_name).field_names
    changed = {k: v for k, v in values.items() if k in names}
    merged = {**{n: current[n] for n in names}, **changed}
    columns = {**changed, **local_columns(entity_name, merged, set(changed), region or store_region(conn)),
               "deleted": 0, "version": max(int(current["version"]), version)}
    sets = ", ".join(f"{k} = ?" for k in columns)
    conn.execute(f"UPDATE {name} SET {sets} WHERE id = ?", (*columns.values(), record_id))
    if entity_name in _SEARCHED:
        reindex(conn, entity_name, record_id, renamed=entity_name == "account")
    return True


def _undelete_connections(conn: sqlite3.Connection, record_id: str) -> None:
    """The connections the record's local delete tombstoned come back.

    Not those with queued changes or sync issues of their own (their own
    delete), nor those whose other end is gone here too (its delete went
    ahead, and the server tombstoned them with it).
    """
    rows = conn.execute(
        "SELECT id, record1_type, record1_id, record2_type, record2_id FROM connection"
        " WHERE deleted = 1 AND (record1_id = :id OR record2_id = :id)"
        " AND id NOT IN (SELECT record_id FROM outbox) AND id NOT IN (SELECT record_id FROM sync_issue)",
        {"id": record_id}).fetchall()
    for link in rows:
        side = "record2" if link["record1_id"] == record_id else "record1"
        other_type, other_id = link[f"{side}_type"], link[f"{side}_id"]
        if other_type in ENTITIES and conn.execute(
                f"SELECT 1 FROM {table(other_type)} WHERE id = ? AND deleted = 0", (other_id,)).fetchone():
            conn.execute("UPDATE connection SET deleted = 0 WHERE id = ?", (link["id"],))
