"""The connections a conflicting delete would have taken with it, as a sync issue keeps them.

The server answers a delete with a conflict when its cascade would delete a
connection someone else changed or added since this store last saw it
(``crm_core.protocol.DependantChange``).  The issue keeps each such
connection named as the rep knows it ("Acme Ltd (Champion) - Rita Vega"),
with the fields changed (before: this store's value; on the server: theirs)
and the version the rep has now seen, which Delete anyway sends on.
One the rep cannot read (another rep's private connection) comes ``hidden``:
only its entity, id and version, which is all the issue keeps of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from crm_core.entities import ENTITIES, display_name
from crm_core.protocol import DependantChange
from crm_desktop.store.records import record_name
from crm_desktop.store.writes import table


def issue_dependants(conn: sqlite3.Connection, changes: Iterable[DependantChange]) -> list[dict[str, Any]]:
    """The server's changed dependants as the issue keeps them (JSON-ready), named here and now."""
    kept = []
    for change in changes:
        if change.entity not in ENTITIES:
            continue  # an entity of a newer server: nothing here could show it
        if change.hidden:
            kept.append({"entity": change.entity, "record_id": change.record_id, "version": change.version,
                         "created": False, "hidden": True, "name": "", "fields": {}, "values": {}})
            continue
        found = conn.execute(f"SELECT * FROM {table(change.entity)} WHERE id = ?", (change.record_id,)).fetchone()
        held = dict(found) if found is not None else {}  # this store's values: what the rep last saw
        fields = {name: {"base": held.get(name), "theirs": c.theirs, "yours": None}
                  for name, c in change.conflicts.items()}
        kept.append({"entity": change.entity, "record_id": change.record_id, "version": change.version,
                     "created": change.created, "name": dependant_name(conn, change.entity, change.fields),
                     "fields": fields, "values": change.fields})
    return kept


def dependant_name(conn: sqlite3.Connection, entity_name: str, values: Mapping[str, Any], *,
                   whole: bool = False) -> str:
    """How the rep calls the record: a connection by its ends and their roles.

    "Acme Ltd (Champion) - Rita Vega", as ``crm-desktop show`` names one;
    an end this store lacks reads as its short id, or with ``whole`` the
    connection has no name here yet (""): the pull after the push that
    answered the delete brings a colleague's new end.
    """
    if entity_name != "connection":
        return display_name(entity_name, dict(values))
    sides = []
    for side in ("1", "2"):
        kind, end_id = values.get(f"record{side}_type"), str(values.get(f"record{side}_id") or "")
        end = record_name(conn, kind, end_id) if kind in ("account", "contact") else ""
        if not end and whole:
            return ""
        end = end or end_id[:8]
        role_id = values.get(f"role{side}_id")
        role = record_name(conn, "connection_role", role_id) if role_id else ""
        sides.append(f"{end} ({role})" if role else end)
    return " - ".join(sides)


def seen_versions(dependants: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """The versions of an issue's dependants: what the rep has seen of them once shown the issue."""
    return {d["record_id"]: int(d["version"]) for d in dependants}
