"""Many creates at once, with their queue entries and search rows, by executemany.

The rules are the ones ``writes.Writer`` applies to one edit (clean every
field, required fields, the cross-record checks); only the SQL is batched.
The caller opens the transaction, so a chunk of an import commits whole or
not at all, and checks every record before inserting any: a record that
fails is never half-written.  Updates go through ``Writer.update`` one by
one inside a savepoint, since they are few and each reads its own row.
"""

from __future__ import annotations

import functools
import json
import operator
import os
import sqlite3
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crm_core.entities import EntityDef, entity
from crm_core.validation import ValidationError, check_record, clean_value
from crm_desktop.store import fts
from crm_desktop.store.writes import Lookup, Writer, local_columns, now_iso, table

_LOCAL = {"account": ("sort_key", "phone_e164", "other_phone_e164"),
          "contact": ("sort_key", "phone_e164", "mobile_phone_e164")}
_SYNC = ("num", "id", "version", "created_at", "modified_at", "deleted", "pending")


class _ChunkLookup(Lookup):
    """The rules' lookup, aware of accounts this chunk creates before they are inserted.

    Records read once are kept for the chunk (one transaction, so they cannot
    change under it): a thousand contacts of fifty companies read fifty rows.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        self.known: dict[str, dict[str, Any]] = {}
        self._read: dict[tuple[str, str], dict[str, Any] | None] = {}

    def get_fields(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        """A record's fields, from this chunk's new records first."""
        found = self.known.get(record_id)
        if found is not None:
            return found
        key = (entity_name, record_id)
        if key not in self._read:
            self._read[key] = self._fetch(entity_name, record_id)
        return self._read[key]

    def prefetch(self, entity_name: str, record_ids: Collection[str]) -> None:
        """Read many records in one query, for the checks of a whole chunk."""
        wanted = [i for i in record_ids if (entity_name, i) not in self._read and i not in self.known]
        if not wanted:
            return
        names = entity(entity_name).field_names
        for key in wanted:
            self._read[(entity_name, key)] = None
        rows = self.conn.execute(f"SELECT * FROM {table(entity_name)} WHERE id IN (SELECT value FROM json_each(?))"
                                 " AND +deleted = 0", (json.dumps(wanted),))
        for row in rows:
            self._read[(entity_name, row["id"])] = {n: row[n] for n in names}

    def _fetch(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        # "+deleted": without it SQLite picks the list index on deleted and
        # scans the table instead of using the unique index on id.
        row = self.conn.execute(f"SELECT * FROM {table(entity_name)} WHERE id = ? AND +deleted = 0",
                                (record_id,)).fetchone()
        return None if row is None else {n: row[n] for n in entity(entity_name).field_names}

    def forget_reads(self) -> None:
        """Drop what was read: an update just changed the store."""
        self._read.clear()


@dataclass(frozen=True)
class NewRecord:
    """A checked record about to be created: its id, fields and local columns."""

    id: str
    fields: dict[str, Any]
    local: dict[str, Any]


class BulkWriter:
    """Checks new records like ``Writer.create`` and inserts them in batches."""

    def __init__(self, conn: sqlite3.Connection, phone_region: str = "US") -> None:
        self.conn = conn
        self.region = phone_region
        self.lookup = _ChunkLookup(conn)
        # A file repeats first names, titles, companies and account ids on
        # row after row; the check of a value always gives the same answer.
        self._cleaned: dict[tuple[str, str, str], Any] = {}

    def new_record(self, entity_name: str, values: Mapping[str, Any], record_id: str | None = None
                   ) -> NewRecord:
        """A new record, checked as ``Writer.create`` would; raises ValidationError, writes nothing."""
        record = self.prepare(entity_name, values, record_id)
        self.check(entity_name, record)
        return record

    def prepare(self, entity_name: str, values: Mapping[str, Any], record_id: str | None = None
                ) -> NewRecord:
        """A new record with every field cleaned and the required ones present; no cross-record rule yet.

        ``check`` applies those once the record's references are known.
        """
        definition = entity(entity_name)
        fields = dict(_defaults(entity_name))
        try:
            for name, value in values.items():
                fields[name] = self.clean(definition, name, value)
            for name in definition.required:
                if not fields.get(name):
                    raise ValidationError(name, "is required")
        except ValidationError as exc:
            raise ValidationError(exc.field, exc.message, record=f"new {entity_name}") from None
        local = dict.fromkeys(_LOCAL.get(entity_name, ()))
        local.update(local_columns(entity_name, fields, set(fields), self.region))
        return NewRecord(record_id or new_id(), fields, local)

    def clean(self, definition: EntityDef, name: str, value: Any) -> Any:
        """``clean_value``, remembered for text seen before in this batch."""
        if type(value) is not str:
            return clean_value(definition, name, value)
        key = (definition.name, name, value)
        try:
            return self._cleaned[key]
        except KeyError:
            pass
        cleaned = self._cleaned[key] = clean_value(definition, name, value)
        return cleaned

    def link(self, entity_name: str, record: NewRecord, name: str, target_id: str | None) -> None:
        """Set a reference of a prepared record (a contact's account), cleaned like any field."""
        try:
            record.fields[name] = self.clean(entity(entity_name), name, target_id)
        except ValidationError as exc:
            raise ValidationError(exc.field, exc.message, record=f"new {entity_name}") from None

    def check(self, entity_name: str, record: NewRecord) -> None:
        """The cross-record rules of a prepared record (its account exists...); raises ValidationError."""
        try:
            check_record(self.lookup, entity_name, record.id, record.fields, set(record.fields))
        except ValidationError as exc:
            raise ValidationError(exc.field, exc.message, record=f"new {entity_name}") from None

    def remember(self, record: NewRecord) -> None:
        """Let later checks in this chunk see a record that is about to be inserted."""
        self.lookup.known[record.id] = record.fields

    def forget(self, record: NewRecord) -> None:
        """Undo ``remember`` for a record that will not be inserted after all."""
        self.lookup.known.pop(record.id, None)

    def create_many(self, entity_name: str, records: Sequence[NewRecord],
                    companies: Mapping[str, str] | None = None) -> None:
        """Insert checked records (from ``new_record``), queue each creation, index them.

        ``companies`` maps account ids to names for the contacts' search rows;
        missing ones are read from the store.
        """
        if not records:
            return
        names = entity(entity_name).field_names
        columns = (*names, *_LOCAL.get(entity_name, ()), *_SYNC)
        name = table(entity_name)  # from the entity registry, never from the file
        first = int(self.conn.execute(f"SELECT coalesce(max(num), 0) FROM {name}").fetchone()[0])
        stamp = now_iso()
        rows = [{**r.fields, **r.local, "num": first + i, "id": r.id, "version": 0, "created_at": stamp,
                 "modified_at": stamp, "deleted": 0, "pending": 1}
                for i, r in enumerate(records, start=1)]
        marks = ", ".join("?" for _ in columns)
        values = operator.itemgetter(*columns)
        self.conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                              [values(row) for row in rows])
        self.conn.executemany(
            "INSERT INTO outbox (entity, record_id, op, fields, base, base_version, created_at)"
            " VALUES (?, ?, 'create', ?, '{}', 0, ?)",
            [(entity_name, r.id, json.dumps({k: v for k, v in r.fields.items() if v is not None}), stamp)
             for r in records])
        self._index(entity_name, rows, companies or {})

    def _index(self, entity_name: str, rows: list[dict[str, Any]], companies: Mapping[str, str]) -> None:
        if entity_name == "account":
            self.conn.executemany("INSERT INTO account_fts (rowid, name, email, phone, website)"
                                  " VALUES (?,?,?,?,?)", [fts.account_row(r) for r in rows])
        elif entity_name == "contact":
            values = [fts.contact_row(r, self._company(r["account_id"], companies)) for r in rows]
            self.conn.executemany("INSERT INTO contact_fts (rowid, name, email, phone, company)"
                                  " VALUES (?,?,?,?,?)", values)

    def _company(self, account_id: str | None, companies: Mapping[str, str]) -> str | None:
        if not account_id:
            return None
        if account_id in companies:
            return companies[account_id]
        found = self.conn.execute("SELECT name FROM account WHERE id = ? AND deleted = 0",
                                  (account_id,)).fetchone()
        return str(found[0]) if found else None

    def update(self, entity_name: str, record_id: str, changes: Mapping[str, Any],
               create_first: Sequence[NewRecord] = ()) -> bool:
        """``Writer.update`` in a savepoint: all of this record's change, or none of it.

        ``create_first`` are new accounts the change points at (a contact's
        new company): they are created only if the update succeeds.
        """
        self.conn.execute("SAVEPOINT bulk_update")
        try:
            self.create_many("account", create_first)
            changed = Writer(self.conn, self.region).update(entity_name, record_id, changes)
        except BaseException:
            self.conn.execute("ROLLBACK TO bulk_update")
            self.conn.execute("RELEASE bulk_update")
            raise
        finally:
            self.lookup.forget_reads()
        self.conn.execute("RELEASE bulk_update")
        return changed


def new_id() -> str:
    """A random (version 4) UUID as text, like ``str(uuid.uuid4())`` at a third of the cost."""
    raw = os.urandom(16).hex()
    return (f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-{_VARIANT[raw[16]]}{raw[17:20]}-{raw[20:]}")


# The variant bits (10xx) over the first hex digit of the fourth group.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


@functools.cache
def _defaults(entity_name: str) -> dict[str, Any]:
    return entity(entity_name).defaults()
