"""Records as the rest of the app sees them, read from the store's rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crm_core.entities import ENTITIES, display_name
from crm_desktop.store.writes import table

# Columns every record table has besides its entity's fields.
META_COLUMNS = ("num", "id", "version", "owner_id", "owner_name", "created_at", "modified_at",
                "deleted", "pending")


@dataclass(frozen=True)
class Record:
    """One account, contact, connection or role, with its sync state."""

    entity: str
    id: str
    fields: dict[str, Any]
    version: int = 0
    pending: bool = False
    deleted: bool = False
    owner_id: str | None = None
    owner_name: str | None = None
    created_at: str = ""
    modified_at: str = ""
    num: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        """A field's value (or a local column's, such as ``phone_e164``)."""
        if name in self.fields:
            return self.fields[name]
        return self.extra.get(name)

    @property
    def name(self) -> str:
        """How the rep calls this record."""
        return display_name(self.entity, self.fields)

    @property
    def active(self) -> bool:
        return self.fields.get("state") == "active" and not self.deleted

    def as_json(self) -> dict[str, Any]:
        """The record for ``--json`` output: id, fields, owner and pending."""
        data: dict[str, Any] = {"id": self.id, "entity": self.entity, "name": self.name}
        data.update(self.fields)
        # Every key always, null when empty: a script reads phone_e164 without guarding for it.
        data.update({k: v for k, v in self.extra.items() if k != "sort_key"})
        data.update(
            owner=self.owner_name, version=self.version, created_at=self.created_at,
            modified_at=self.modified_at, pending=self.pending, deleted=self.deleted,
        )
        return data


def from_row(entity_name: str, row: sqlite3.Row | Mapping[str, Any]) -> Record:
    """A Record from a full row of its entity's table."""
    names = ENTITIES[entity_name].field_names
    keys = row.keys()
    fields = {n: row[n] for n in names}
    extra = {k: row[k] for k in keys if k not in fields and k not in META_COLUMNS}
    return Record(
        entity=entity_name, id=row["id"], fields=fields, version=row["version"],
        pending=bool(row["pending"]), deleted=bool(row["deleted"]), owner_id=row["owner_id"],
        owner_name=row["owner_name"], created_at=row["created_at"], modified_at=row["modified_at"],
        num=row["num"], extra=extra,
    )


def record_name(conn: sqlite3.Connection, entity_name: str, record_id: str, *, whole: bool = False) -> str:
    """How the rep calls the record as this store holds it (a tombstone too); "" when it is not here.

    A connection is named by its ends, an end this store lacks by its short
    id; with ``whole`` such a connection has no name here ("").
    """
    found = conn.execute(f"SELECT * FROM {table(entity_name)} WHERE id = ?", (record_id,)).fetchone()
    if found is None:
        return ""
    if entity_name == "connection":
        return _connection_name(conn, found, whole)
    return display_name(entity_name, dict(found))


def _connection_name(conn: sqlite3.Connection, link: sqlite3.Row, whole: bool) -> str:
    """A connection by the records it links ("Contoso Air - Maria Campbell"): it has no name of its own."""
    ends = []
    for side in ("record1", "record2"):
        kind, end_id = link[f"{side}_type"], link[f"{side}_id"] or ""
        name = record_name(conn, kind, end_id) if kind in ("account", "contact") else ""
        if not name and whole:
            return ""
        ends.append(name or end_id[:8])
    return " - ".join(ends)
