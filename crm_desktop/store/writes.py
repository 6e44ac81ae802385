"""Every local edit, with its rules and its queue entry, in one place.

A ``Writer`` works inside a transaction the caller opened: the record's row,
its search row, the derived changes (a primary contact cleared, connections
of a deleted record) and the outbox entry commit together or not at all.

Derived changes are made locally and not queued: the server makes the same
ones when it applies the queued change, and sends them back on pull.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from crm_core.countries import COUNTRY_FIELDS, record_region
from crm_core.entities import ACTIVE, ENTITIES, INACTIVE, display_name, entity
from crm_core.validation import REQUIRED, ValidationError, check_record, clean_changes, phone_e164
from crm_desktop.store import fts

_ID_COLUMNS_BY_ENTITY = {"account": "account", "contact": "contact",
                         "connection": "connection", "connection_role": "connection_role"}


# Fields whose change alters a record's search row (see fts.py).
_SEARCHED = {
    "contact": frozenset({"first_name", "last_name", "email", "email2", "phone", "mobile_phone",
                          "account_id", "state", *COUNTRY_FIELDS["contact"]}),
    "account": frozenset({"name", "email", "phone", "other_phone", "website", "state",
                          *COUNTRY_FIELDS["account"]}),  # the country decides the phones' E.164 forms
}


class RecordNotFound(LookupError):
    """The record does not exist in this store (or was deleted)."""


def now_iso() -> str:
    """The current UTC time as the store writes it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def server_stamp(value: str, fallback: str) -> str:
    """A pulled record's server time stamp in the store's form, or ``fallback``.

    The server writes microseconds and a Z ("2026-12-01T05:54:02.123456Z");
    the store keeps whole seconds and "+00:00", like ``now_iso``, so that
    local and pulled stamps sort as text.  An older server sends none.
    """
    if len(value) >= 20 and value[10] == "T" and value[4] == "-" and value.endswith(("Z", "+00:00")):
        return value[:19] + "+00:00"
    return fallback


def table(entity_name: str) -> str:
    """The table holding an entity; raises KeyError for unknown ones."""
    return _ID_COLUMNS_BY_ENTITY[entity(entity_name).name]


def sort_key(entity_name: str, fields: Mapping[str, Any]) -> str:
    """What lists sort by: last name then first name, or the name."""
    if entity_name == "contact":
        return f"{fields.get('last_name') or ''} {fields.get('first_name') or ''}".strip().casefold()
    return display_name(entity_name, dict(fields)).casefold()


class Lookup:
    """The rules' read access (crm_core.validation.RecordLookup) on the store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get_fields(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        """Live record's fields by id, or None."""
        if entity_name not in _ID_COLUMNS_BY_ENTITY:
            return None
        row = self.conn.execute(
            f"SELECT * FROM {table(entity_name)} WHERE id = ? AND deleted = 0", (record_id,)
        ).fetchone()
        if row is None:
            return None
        return {name: row[name] for name in entity(entity_name).field_names}

    def connection_exists(self, fields: Mapping[str, Any], exclude_id: str) -> bool:
        """A live connection with the same two records and roles, either way round."""
        r1, r2 = fields.get("record1_id"), fields.get("record2_id")
        role1, role2 = fields.get("role1_id"), fields.get("role2_id")
        row = self.conn.execute(
            "SELECT 1 FROM connection WHERE deleted = 0 AND state = 'active' AND id != ? AND ("
            " (record1_id = ? AND record2_id = ? AND role1_id = ? AND role2_id IS ?) OR"
            " (record1_id = ? AND record2_id = ? AND role1_id IS ? AND role2_id = ?)) LIMIT 1",
            (exclude_id, r1, r2, role1, role2, r2, r1, role2, role1),
        ).fetchone()
        return row is not None


class Writer:
    """Makes edits inside the caller's transaction and queues them."""

    def __init__(self, conn: sqlite3.Connection, phone_region: str = "US") -> None:
        self.conn = conn
        self.region = phone_region
        self.lookup = Lookup(conn)

    # -- public operations -------------------------------------------------

    def create(self, entity_name: str, values: Mapping[str, Any], record_id: str | None = None) -> str:
        """Insert a new record and queue its creation; returns its id."""
        definition = entity(entity_name)
        record_id = record_id or str(uuid.uuid4())
        fields = definition.defaults()
        label = f"new {entity_name}"
        fields.update(_clean(entity_name, values, label))
        for name in definition.required:
            if not fields.get(name):
                raise ValidationError(name, REQUIRED(), record=label)
        _check(self.lookup, entity_name, record_id, fields, set(fields), label)
        stamp = now_iso()
        local = self._local_columns(entity_name, fields, set(fields))
        columns = {**fields, **local, "id": record_id, "version": 0, "created_at": stamp,
                   "modified_at": stamp, "deleted": 0, "pending": 1}
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.execute(f"INSERT INTO {table(entity_name)} ({names}) VALUES ({marks})",
                          tuple(columns.values()))
        queued = {k: v for k, v in fields.items() if v is not None}
        self.queue(entity_name, record_id, "create", queued, {}, 0)
        self._reindex(entity_name, record_id, renamed=False)
        return record_id

    def update(self, entity_name: str, record_id: str, changes: Mapping[str, Any]) -> bool:
        """Change some fields and queue them; False when nothing changed."""
        return self.update_row(entity_name, record_id, changes)[0]

    def update_row(self, entity_name: str, record_id: str,
                   changes: Mapping[str, Any]) -> tuple[bool, dict[str, Any]]:
        """Like ``update``, also returning the record's row as it now stands.

        Saves the caller reading the row back: the edit budget counts it.
        """
        row = self._live_row(entity_name, record_id)
        label = _LazyLabel(entity_name, row)
        cleaned = _clean(entity_name, changes, label)
        current = {name: row[name] for name in entity(entity_name).field_names}
        changed = {k: v for k, v in cleaned.items() if current.get(k) != v}
        if not changed:
            return False, dict(row)
        merged = {**current, **changed}
        _check(self.lookup, entity_name, record_id, merged, set(changed), label)
        written = self._write_fields(entity_name, row["num"], merged, changed)
        base = {k: current.get(k) for k in changed}
        self.queue(entity_name, record_id, "update", changed, base, row["version"])
        self._after_update(entity_name, record_id, current, changed)
        return True, {**dict(row), **written, "pending": 1}

    def delete(self, entity_name: str, record_id: str, also_seen: Mapping[str, int] | None = None) -> None:
        """Leave a tombstone, queue the delete and drop what pointed at it.

        The delete carries the record's values as its base, and the versions
        this store holds of its connections (``seen``, see
        ``held_dependants``): the server tells a change made since that the
        rep never saw (a conflict), on the record or on a connection its
        cascade would take, from one the rep deleted knowingly.
        ``also_seen`` adds versions the rep saw elsewhere (in a sync issue).
        The local cascade queues nothing of its own: the server cascades.
        """
        row = self._live_row(entity_name, record_id)
        self.conn.execute(
            f"UPDATE {table(entity_name)} SET deleted = 1, pending = 1, modified_at = ? WHERE num = ?",
            (now_iso(), row["num"]),
        )
        base = {name: row[name] for name in entity(entity_name).field_names}
        seen = {**held_dependants(self.conn, entity_name, record_id), **(also_seen or {})}
        self.queue(entity_name, record_id, "delete", {}, base, row["version"], seen=seen)
        self._reindex(entity_name, record_id, renamed=entity_name == "account")
        cascade_delete(self.conn, entity_name, record_id)

    def assign(self, entity_name: str, record_id: str, owner_type: str, owner: str) -> None:
        """Queue a change of owner; shows the new owner at once."""
        row = self._live_row(entity_name, record_id)
        if owner_type not in ("user", "team") or not owner.strip():
            raise ValidationError("owner", "give a user or a team name", record=record_id)
        self.conn.execute(f"UPDATE {table(entity_name)} SET owner_name = ?, pending = 1 WHERE num = ?",
                          (owner.strip(), row["num"]))
        # The owner it replaces goes in the base: a refused assign is undone to it (sync/issues.py).
        before = {"owner_id": row["owner_id"], "owner_name": row["owner_name"]}
        self.queue(entity_name, record_id, "assign", {"owner_type": owner_type, "owner": owner.strip()},
                   before, row["version"])

    def share(self, entity_name: str, record_id: str, principal_type: str, principal: str,
              rights: list[str]) -> None:
        """Queue a grant (or, with no rights, a revoke) of access to the record."""
        from crm_core.protocol import RIGHTS

        row = self._live_row(entity_name, record_id)
        unknown = [r for r in rights if r not in RIGHTS]
        if unknown:
            raise ValidationError("rights", f"unknown right {unknown[0]!r}; use {', '.join(RIGHTS)}")
        if principal_type not in ("user", "team") or not principal.strip():
            raise ValidationError("principal", "give a user or a team name", record=record_id)
        self.conn.execute(f"UPDATE {table(entity_name)} SET pending = 1 WHERE num = ?", (row["num"],))
        fields = {"principal_type": principal_type, "principal": principal.strip(), "rights": rights}
        self.queue(entity_name, record_id, "share", fields, {}, row["version"])

    def queue(self, entity_name: str, record_id: str, op: str, fields: Mapping[str, Any],
              base: Mapping[str, Any], base_version: int, *, seen: Mapping[str, int] | None = None) -> int:
        """Append a mutation to the outbox; returns its mutation id (``seen``: a delete's, see ``delete``)."""
        values = (entity_name, record_id, op, json.dumps(dict(fields)), json.dumps(dict(base)),
                  base_version, now_iso())
        if seen is None:  # also a store at an older schema, being upgraded
            cursor = self.conn.execute(
                "INSERT INTO outbox (entity, record_id, op, fields, base, base_version, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", values)
        else:
            cursor = self.conn.execute(
                "INSERT INTO outbox (entity, record_id, op, fields, base, base_version, created_at, seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*values, json.dumps(dict(seen))))
        return int(cursor.lastrowid or 0)

    # -- helpers -----------------------------------------------------------

    def _live_row(self, entity_name: str, record_id: str) -> sqlite3.Row:
        row = self.conn.execute(
            f"SELECT * FROM {table(entity_name)} WHERE id = ? AND deleted = 0", (record_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"{entity_name} {record_id} does not exist")
        return row  # type: ignore[no-any-return]

    def _write_fields(self, entity_name: str, num: int, merged: Mapping[str, Any],
                      changed: Mapping[str, Any]) -> dict[str, Any]:
        columns = {**changed, **self._local_columns(entity_name, merged, set(changed)),
                   "modified_at": now_iso()}
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.conn.execute(
            f"UPDATE {table(entity_name)} SET {assignments}, pending = 1 WHERE num = ?",
            (*columns.values(), num),
        )
        return columns

    def _local_columns(self, entity_name: str, fields: Mapping[str, Any],
                       changed: set[str]) -> dict[str, Any]:
        return local_columns(entity_name, fields, changed, self.region)

    def _after_update(self, entity_name: str, record_id: str, before: Mapping[str, Any],
                      changed: Mapping[str, Any]) -> None:
        if entity_name == "contact":
            left = changed.get("state") == INACTIVE or "account_id" in changed
            if left and before.get("account_id"):
                clear_primary_contact(self.conn, record_id)
        renamed = entity_name == "account" and "name" in changed
        if entity_name in _SEARCHED and _SEARCHED[entity_name].intersection(changed):
            self._reindex(entity_name, record_id, renamed=renamed)

    def _reindex(self, entity_name: str, record_id: str, *, renamed: bool) -> None:
        reindex(self.conn, entity_name, record_id, renamed=renamed)


class _LazyLabel:
    """How an error names the record ("contact Ana Ruiz"), worked out only on error."""

    def __init__(self, entity_name: str, row: sqlite3.Row) -> None:
        self.entity_name, self.row = entity_name, row

    def __str__(self) -> str:
        fields = dict(self.row)
        name = display_name(self.entity_name, fields) if self.entity_name != "connection" else ""
        return f"{self.entity_name} {name or self.row['id'][:8]}"


def _clean(entity_name: str, values: Mapping[str, Any], label: object) -> dict[str, Any]:
    try:
        return clean_changes(entity_name, values)
    except ValidationError as exc:
        raise exc.of_record(str(label)) from None


def _check(lookup: Lookup, entity_name: str, record_id: str, merged: Mapping[str, Any],
           changed: set[str], label: object) -> None:
    try:
        check_record(lookup, entity_name, record_id, merged, changed)
    except ValidationError as exc:
        raise exc.of_record(str(label)) from None


def local_columns(entity_name: str, fields: Mapping[str, Any], changed: set[str],
                  region: str) -> dict[str, Any]:
    """The local columns that follow from changed fields: sort key, E.164 phones.

    ``fields`` are the record's fields as they now stand (all of them, not only the changed
    ones): a phone's E.164 form depends on the record's country too.
    """
    out: dict[str, Any] = {}
    if entity_name not in ("account", "contact"):
        return out
    if changed & {"name", "first_name", "last_name"}:
        out["sort_key"] = sort_key(entity_name, fields)
    phones = entity(entity_name).phones
    # A phone typed without "+" is read in the record's own country, so a new country re-reads them all.
    moved = not changed.isdisjoint(COUNTRY_FIELDS[entity_name])
    if moved or not changed.isdisjoint(phones):
        region = record_region(entity_name, fields, region)
        for phone in phones:
            if moved or phone in changed:
                out[f"{phone}_e164"] = phone_e164(fields.get(phone), region)
    return out


def reindex(conn: sqlite3.Connection, entity_name: str, record_id: str, *, renamed: bool) -> None:
    """Refresh the search rows a change to this record affects."""
    if entity_name == "contact":
        row = conn.execute("SELECT * FROM contact WHERE id = ?", (record_id,)).fetchone()
        company = None
        if row["account_id"]:
            found = conn.execute("SELECT name FROM account WHERE id = ? AND deleted = 0",
                                 (row["account_id"],)).fetchone()
            company = found[0] if found else None
        fts.index_contact(conn, row, company)
    elif entity_name == "account":
        row = conn.execute("SELECT * FROM account WHERE id = ?", (record_id,)).fetchone()
        fts.index_account(conn, row)
        if renamed:
            fts.reindex_company(conn, record_id, None if row["deleted"] else row["name"])


def clear_primary_contact(conn: sqlite3.Connection, contact_id: str) -> None:
    """The contact stops being any account's primary contact (local, derived)."""
    conn.execute("UPDATE account SET primary_contact_id = NULL WHERE primary_contact_id = ?", (contact_id,))


@cache
def _required_links_to(entity_name: str) -> tuple[tuple[str, str], ...]:
    """(entity, field) of the required references that may point at ``entity_name``."""
    return tuple((other.name, name) for other in ENTITIES.values() for name in other.required
                 if entity_name in other.references.get(name, ()))


def held_dependants(conn: sqlite3.Connection, entity_name: str, record_id: str) -> dict[str, int]:
    """The version this store holds of each record that requires this one: its connections.

    What a delete of it says it saw (``crm_core.protocol.Mutation.seen``):
    the server's cascade deletes them with it, and one a colleague changed
    past the version held here, or added since, makes the delete a
    conflict.  Tombstones count too: a connection this rep deleted on its
    own is held at the version the rep saw.
    """
    held: dict[str, int] = {}
    todo = [(entity_name, record_id)]
    while todo:
        target_entity, target_id = todo.pop()
        for other, name in _required_links_to(target_entity):
            for found_id, version in conn.execute(f"SELECT id, version FROM {table(other)} WHERE {name} = ?",
                                                  (target_id,)).fetchall():
                if found_id != record_id and found_id not in held:
                    held[found_id] = int(version)
                    todo.append((other, found_id))
    return held


def cascade_delete(conn: sqlite3.Connection, entity_name: str, record_id: str) -> None:
    """Tombstone the record's connections and clear references to it (derived)."""
    conn.execute(
        "UPDATE connection SET deleted = 1 WHERE deleted = 0 AND (record1_id = ? OR record2_id = ?)",
        (record_id, record_id),
    )
    if entity_name == "contact":
        clear_primary_contact(conn, record_id)
    elif entity_name == "account":
        conn.execute("UPDATE account SET parent_account_id = NULL WHERE parent_account_id = ?", (record_id,))
        moved = conn.execute("SELECT id FROM contact WHERE account_id = ?", (record_id,)).fetchall()
        conn.execute("UPDATE contact SET account_id = NULL WHERE account_id = ?", (record_id,))
        for row in moved:
            reindex(conn, "contact", row[0], renamed=False)


def set_state_value(active: bool) -> str:
    """The state field's value for activate (True) or deactivate (False)."""
    return ACTIVE if active else INACTIVE
