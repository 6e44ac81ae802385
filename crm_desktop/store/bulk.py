"""Many creates at once, with their queue entries and search rows, by executemany.

The rules are the ones ``writes.Writer`` applies to one edit (clean every
field, required fields, the cross-record checks); only the SQL is batched.
The caller opens the transaction, so a chunk of an import commits whole or
not at all, and checks every record before inserting any: a record that
fails is never half-written.  Updates go through ``Writer.update`` one by
one inside a savepoint, since they are few and each reads its own row.
"""

from __future__ import annotations

import contextlib
import functools
import json
import operator
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from crm_core.entities import EntityDef, entity
from crm_core.validation import REQUIRED, ValidationError, check_record, clean_value
from crm_desktop.store import fts, release
from crm_desktop.store.writes import Lookup, Writer, local_columns, now_iso, table

_LOCAL = {"account": ("sort_key", "phone_e164", "other_phone_e164"),
          "contact": ("sort_key", "phone_e164", "mobile_phone_e164")}
_SYNC = ("num", "id", "version", "created_at", "modified_at", "deleted", "pending")
_FTS = {"account": ("account_fts", "rowid, name, email, phone, website"),
        "contact": ("contact_fts", "rowid, name, email, phone, company")}
# Staged rows wait in temporary tables of these names (see BulkWriter.stage).
_STAGE = "crm_bulk_"
_OUTBOX_STAGE = f"temp.{_STAGE}outbox"


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
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples: a dict per record is made from them below
        rows = cursor.execute(f"SELECT id, {', '.join(names)} FROM {table(entity_name)}"  # names: ours
                              " WHERE id IN (SELECT value FROM json_each(?)) AND +deleted = 0", (json.dumps(wanted),))
        for row in rows:
            self._read[(entity_name, row[0])] = dict(zip(names, row[1:], strict=True))

    def _fetch(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        # "+deleted": without it SQLite picks the list index on deleted and
        # scans the table instead of using the unique index on id.
        row = self.conn.execute(f"SELECT * FROM {table(entity_name)} WHERE id = ? AND +deleted = 0",
                                (record_id,)).fetchone()
        return None if row is None else {n: row[n] for n in entity(entity_name).field_names}

    def let_go(self) -> None:
        """Forget the chunk's records, a slice at a time (see ``store.release``)."""
        release.let_go(self.known, self._read)

    def forget_reads(self) -> None:
        """Drop what was read: an update just changed the store."""
        self._read.clear()


class NewRecord(NamedTuple):
    """A checked record about to be created: its id, fields and local columns.

    ``search`` (its search row, numbered 0 and without company) and
    ``payload`` (its queue entry's fields) are made with it, so that an
    import makes them on its read-ahead thread.
    """

    id: str
    fields: dict[str, Any]
    local: dict[str, Any]
    search: tuple[Any, ...] | None = None
    payload: str | None = None


class BulkWriter:
    """Checks new records like ``Writer.create`` and inserts them in batches."""

    def __init__(self, conn: sqlite3.Connection, phone_region: str = "US") -> None:
        self.conn = conn
        self.region = phone_region
        self.lookup = _ChunkLookup(conn)
        # A file repeats first names, titles, companies and account ids on
        # row after row; the check of a value always gives the same answer.
        self._cleaned: dict[tuple[str, str, str], Any] = {}
        self._staged: list[str] = []
        self._written: set[str] = set()
        self._outbox_ready = False
        self._columns: dict[str, tuple[str, ...]] = {}

    def let_go(self) -> None:
        """Forget the batch's checked records and cleaned values, a slice at a time (see ``store.release``)."""
        self.lookup.let_go()
        release.let_go(self._cleaned)

    def new_record(self, entity_name: str, values: Mapping[str, Any], record_id: str | None = None
                   ) -> NewRecord:
        """A new record, checked as ``Writer.create`` would; raises ValidationError, writes nothing."""
        record = self.prepare(entity_name, values, record_id)
        self.check(entity_name, record)
        return record

    def prepare(self, entity_name: str, values: Mapping[str, Any], record_id: str | None = None,
                references: Mapping[str, str | None] | None = None) -> NewRecord:
        """A new record with every field cleaned and the required ones present; no cross-record rule yet.

        ``references`` are record ids (a contact's account) set after the
        values; ``check`` applies the cross-record rules once they are final.
        """
        definition = entity(entity_name)
        fields = dict(_defaults(entity_name))
        cleaned = self._cleaned
        try:
            for name, value in values.items():
                key = (definition.name, name, value)
                found = cleaned.get(key, _UNSEEN) if type(value) is str else _UNSEEN
                fields[name] = self.clean(definition, name, value) if found is _UNSEEN else found
            for name, target in (references or {}).items():
                fields[name] = self.clean(definition, name, target)
            for name in definition.required:
                if not fields.get(name):
                    raise ValidationError(name, REQUIRED())
        except ValidationError as exc:
            raise exc.of_record(f"new {entity_name}") from None
        local = dict.fromkeys(_LOCAL.get(entity_name, ()))
        local.update(local_columns(entity_name, fields, set(fields), self.region))
        return _made(entity_name, record_id or new_id(), fields, local)

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

    def link(self, entity_name: str, record: NewRecord, name: str, target_id: str | None) -> NewRecord:
        """The prepared record with a reference (a contact's account) set, cleaned like any field."""
        try:
            fields = {**record.fields, name: self.clean(entity(entity_name), name, target_id)}
        except ValidationError as exc:
            raise exc.of_record(f"new {entity_name}") from None
        return _made(entity_name, record.id, fields, record.local)

    def check(self, entity_name: str, record: NewRecord) -> None:
        """The cross-record rules of a prepared record (its account exists...); raises ValidationError."""
        try:
            check_record(self.lookup, entity_name, record.id, record.fields, set(record.fields))
        except ValidationError as exc:
            raise exc.of_record(f"new {entity_name}") from None

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
        self.stage(entity_name, records, companies)
        self.write_staged()

    def stage(self, entity_name: str, records: Sequence[NewRecord],
              companies: Mapping[str, str] | None = None) -> None:
        """``create_many``'s rows, made and put in temporary tables; ``write_staged`` inserts them.

        Making the rows is Python; writing them into the indexed tables is a
        few statements that run without the GIL, so another thread can make
        the next batch meanwhile (``transfer.importer``).
        """
        if not records:
            return
        if entity_name in self._staged:
            self.write_staged()  # each batch numbers its rows after the table's last one
        names = entity(entity_name).field_names
        columns = (*names, *_LOCAL.get(entity_name, ()), *_SYNC)
        name = table(entity_name)  # from the entity registry, never from the file
        first = int(self.conn.execute(f"SELECT coalesce(max(num), 0) FROM {name}").fetchone()[0])
        stamp = now_iso()
        stage = self._stage_tables(entity_name, columns)
        field_values = _getter(names)
        local_values = _getter(_LOCAL.get(entity_name, ()))
        sync = (0, stamp, stamp, 0, 1)  # the _SYNC columns after num and id
        self.conn.executemany(
            f"INSERT INTO {stage} VALUES ({', '.join('?' for _ in columns)})",
            [(*field_values(r.fields), *local_values(r.local), num, r.id, *sync)
             for num, r in enumerate(records, start=first + 1)])
        self.conn.executemany(f"INSERT INTO {_OUTBOX_STAGE} VALUES (?, ?, ?, ?)",
                              [(entity_name, r.id, r.payload or _payload(r.fields), stamp) for r in records])
        if entity_name in _FTS:
            self.conn.executemany(f"INSERT INTO {stage}_fts VALUES (?, ?, ?, ?, ?)",
                                  self._search_rows(entity_name, records, first, companies or {}))
        self._staged.append(entity_name)

    def _search_rows(self, entity_name: str, records: Sequence[NewRecord], first: int,
                     companies: Mapping[str, str]) -> list[tuple[Any, ...]]:
        out = []
        for num, record in enumerate(records, start=first + 1):
            search = record.search or _search_row(entity_name, record.fields, record.local)
            assert search is not None, "accounts and contacts have search rows"
            if entity_name == "contact":  # the company is known once the chunk is placed
                company = self._company(record.fields["account_id"], companies)
                search = (num, *search[1:-1], company or "")
            else:
                search = (num, *search[1:])
            out.append(search)
        return out

    def write_staged(self) -> None:
        """Insert what ``stage`` prepared: records, search rows, then the queue in staging order."""
        if not self._staged:
            return
        # Only INSERTs here: the staged rows are cleared when the next batch is
        # staged, since each statement that returns waits for the GIL.
        for entity_name in self._staged:
            columns = ", ".join(self._columns[entity_name])
            search, search_columns = _FTS[entity_name]
            stage = f"temp.{_STAGE}{entity_name}"
            self.conn.execute(f"INSERT INTO {table(entity_name)} ({columns}) SELECT {columns} FROM {stage}")
            self.conn.execute(f"INSERT INTO {search} ({search_columns}) SELECT * FROM {stage}_fts")
        self.conn.execute("INSERT INTO outbox (entity, record_id, op, fields, base, base_version, created_at)"
                          f" SELECT entity, record_id, 'create', fields, '{{}}', 0, created_at FROM {_OUTBOX_STAGE}"
                          " ORDER BY rowid")
        self._written.update(self._staged)
        self._staged = []

    def _stage_tables(self, entity_name: str, columns: tuple[str, ...]) -> str:
        # Empty copies of the table's columns (so values take the same types),
        # its search rows and the queue entries; temporary, so this connection's
        # only.  Rows an earlier batch left are cleared first.
        if self._written:
            for written in self._written:
                self.conn.execute(f"DELETE FROM temp.{_STAGE}{written}")
                self.conn.execute(f"DELETE FROM temp.{_STAGE}{written}_fts")
            self.conn.execute(f"DELETE FROM {_OUTBOX_STAGE}")
            self._written.clear()
        stage = f"{_STAGE}{entity_name}"
        if self._columns.get(entity_name) != columns:
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{stage}")
            self.conn.execute(f"CREATE TEMP TABLE {stage} AS SELECT {', '.join(columns)}"
                              f" FROM main.{table(entity_name)} WHERE 0")
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage}_fts (num, a, b, c, d)")
            self.conn.execute(f"DELETE FROM temp.{stage}_fts")
            self._columns[entity_name] = columns
        if not self._outbox_ready:
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_OUTBOX_STAGE.removeprefix('temp.')}"
                              " (entity, record_id, fields, created_at)")
            self.conn.execute(f"DELETE FROM {_OUTBOX_STAGE}")
            self._outbox_ready = True
        return f"temp.{stage}"

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
        try:
            with self.all_or_none():
                self.create_many("account", create_first)
                return Writer(self.conn, self.region).update(entity_name, record_id, changes)
        finally:
            self.lookup.forget_reads()
            self.lookup.known.pop(record_id, None)  # in its table now, and maybe changed

    @contextlib.contextmanager
    def all_or_none(self) -> Iterator[None]:
        """A savepoint: what the block writes stays only if the block ends without an exception."""
        self.conn.execute("SAVEPOINT bulk_update")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO bulk_update")
            self.conn.execute("RELEASE bulk_update")
            raise
        self.conn.execute("RELEASE bulk_update")


def _getter(keys: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A function giving the values of ``keys`` as a tuple (itemgetter, also for fewer than two)."""
    if len(keys) >= 2:
        return operator.itemgetter(*keys)
    return lambda mapping: tuple(mapping[k] for k in keys)


def _made(entity_name: str, record_id: str, fields: dict[str, Any], local: dict[str, Any]) -> NewRecord:
    return NewRecord(record_id, fields, local, _search_row(entity_name, fields, local), _payload(fields))


def _search_row(entity_name: str, fields: Mapping[str, Any], local: Mapping[str, Any]) -> tuple[Any, ...] | None:
    if entity_name == "contact":
        return fts.contact_row({**fields, **local, "num": 0}, None)
    if entity_name == "account":
        return fts.account_row({**fields, **local, "num": 0})
    return None


def _payload(fields: Mapping[str, Any]) -> str:
    """A creation's queue entry: the fields that have a value."""
    return _JSON.encode({k: v for k, v in fields.items() if v is not None})


def drop_staging(conn: sqlite3.Connection) -> None:
    """Drop the temporary tables ``BulkWriter.stage`` made (at the end of an import)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'"
                                        " AND substr(name, 1, ?) = ?", (len(_STAGE), _STAGE))]
    for name in names:
        conn.execute(f'DROP TABLE temp."{name}"')  # our own prefix, read back from the schema


def new_id() -> str:
    """A random (version 4) UUID as text, like ``str(uuid.uuid4())`` at a third of the cost."""
    raw = _RANDOM.take()
    return (f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-{_VARIANT[raw[16]]}{raw[17:20]}-{raw[20:]}")


class _RandomHex(threading.local):
    """os.urandom's bytes as hex, read ahead for ``IDS_PER_READ`` ids (each thread its own).

    os.urandom lets go of the GIL for its system call.  Called once per
    imported row, the read-ahead thread let go and took it back again at
    once, thousands of times a second: a thread waiting for the GIL saw it
    change hands each time and never asked for its turn, so the window's
    thread waited 100-300 ms while a chunk was read (bench/bench_gui_import.py).
    """

    def __init__(self) -> None:
        self.hex = ""
        self.at = 0
        self.pid = 0

    def take(self) -> str:
        """32 random hex digits, never given out twice (nor again in a forked child)."""
        if self.at >= len(self.hex) or self.pid != os.getpid():
            self.hex, self.at, self.pid = os.urandom(16 * IDS_PER_READ).hex(), 0, os.getpid()
        raw = self.hex[self.at:self.at + 32]
        self.at += 32
        return raw


_UNSEEN = object()
IDS_PER_READ = 1024
_RANDOM = _RandomHex()
_JSON = json.JSONEncoder()  # json.dumps' own default encoder, without its argument checks
# The variant bits (10xx) over the first hex digit of the fourth group.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


@functools.cache
def _defaults(entity_name: str) -> dict[str, Any]:
    return entity(entity_name).defaults()
