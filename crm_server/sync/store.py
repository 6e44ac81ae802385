"""Reading and writing records in bulk: the generic record table's hot path.

Push loads every record it touches in a few ``IN`` queries, works on them as
``RecordState`` objects in Python, then writes them back with one
``executemany`` per table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, delete, insert, select

from crm_core.entities import ENTITIES
from crm_server.core.db import utcnow
from crm_server.models import ChangeLog, Record, RecordRef, RecordShare, StoredPushResult

CHUNK = 2000  # ids per IN (...) query, under every driver's parameter limit

RECORD = Record.__table__  # type: ignore[attr-defined]
SHARE = RecordShare.__table__  # type: ignore[attr-defined]
REF = RecordRef.__table__  # type: ignore[attr-defined]
LOG = ChangeLog.__table__  # type: ignore[attr-defined]
PUSH_RESULT = StoredPushResult.__table__  # type: ignore[attr-defined]

PUSH_RESULT_DAYS = 30  # how long a conflict/rejection is repeated to a retried push


@dataclass(slots=True)
class RecordState:
    """One record as push sees and changes it."""

    id: str
    entity: str
    version: int
    owner_type: str
    owner_id: str
    deleted: bool
    data: dict[str, Any]
    field_meta: dict[str, list[Any]]
    created_at: str
    modified_at: str
    is_new: bool = False
    dirty: bool = False
    revoked: set[str] = field(default_factory=set)

    def refs(self) -> dict[str, str]:
        """The reference fields of this record that point somewhere."""
        names = ENTITIES[self.entity].references if self.entity in ENTITIES else {}
        return {name: self.data[name] for name in names if self.data.get(name)}


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_records(conn: Connection, ids: Iterable[str]) -> dict[str, RecordState]:
    """The stored records among ``ids``, by id (missing ids are absent)."""
    found: dict[str, RecordState] = {}
    for part in chunks(sorted(set(ids))):
        for row in conn.execute(select(RECORD).where(RECORD.c.id.in_(part))):
            found[row.id] = RecordState(
                id=row.id,
                entity=row.entity,
                version=row.version,
                owner_type=row.owner_type,
                owner_id=row.owner_id,
                deleted=bool(row.deleted),
                data=json.loads(row.data),
                field_meta=json.loads(row.field_meta),
                created_at=row.created_at,
                modified_at=row.modified_at,
            )
    return found


def load_shares(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, int]]:
    """Rights per principal key ("u:<id>" / "t:<id>") for each record in ids."""
    shares: dict[str, dict[str, int]] = {}
    for part in chunks(sorted(set(ids))):
        for row in conn.execute(select(SHARE).where(SHARE.c.record_id.in_(part))):
            key = f"{row.principal_type[0]}:{row.principal_id}"
            shares.setdefault(row.record_id, {})[key] = row.rights
    return shares


def referrers(conn: Connection, target_id: str) -> list[tuple[str, str]]:
    """(record id, field) of the stored references pointing at target_id."""
    rows = conn.execute(select(REF.c.record_id, REF.c.field).where(REF.c.target_id == target_id))
    return [(r.record_id, r.field) for r in rows]


_COMPACT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_ONLY_PLAIN = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS


def encode_json(value: Any) -> str:
    """Compact JSON text, as ``_COMPACT`` writes it.

    orjson writes the same JSON several times faster (two texts a pushed
    record); what it refuses (an integer past 64 bits, a lone surrogate)
    goes to json as before, and so do dataclasses, dates and subclasses,
    which json refuses or writes its own way.  (NaN, which json writes as
    the invalid JSON ``NaN``, orjson writes as null.)
    """
    try:
        return orjson.dumps(value, option=_ONLY_PLAIN).decode()
    except TypeError:
        return _COMPACT.encode(value)


_INSERT = (
    "INSERT INTO record (id, entity, version, owner_type, owner_id, deleted, data, field_meta, "
    "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE record SET version = ?, owner_type = ?, owner_id = ?, deleted = ?, data = ?, "
    "field_meta = ?, modified_at = ? WHERE id = ?"
)
_LOG = "INSERT INTO change_log (record_id, revoked) VALUES (?, ?)"


def _driver_sql(conn: Connection, sql: str) -> str:
    """``sql`` with the driver's placeholder (SQLite ?, psycopg %s)."""
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def _insert_row(s: RecordState) -> tuple[Any, ...]:
    data, meta = encode_json(s.data), encode_json(s.field_meta)
    return (s.id, s.entity, s.version, s.owner_type, s.owner_id, s.deleted, data, meta, s.created_at,
            s.modified_at)  # fmt: skip


def _update_row(s: RecordState) -> tuple[Any, ...]:
    data, meta = encode_json(s.data), encode_json(s.field_meta)
    return (s.version, s.owner_type, s.owner_id, s.deleted, data, meta, s.modified_at, s.id)


def write_records(conn: Connection, states: list[RecordState]) -> None:
    """Insert the new and update the changed records, one executemany each,
    append one change log row per record and refresh their references.

    The rows go straight to the driver's executemany: this is push's hot path.
    """
    new = [_insert_row(s) for s in states if s.is_new]
    changed = [_update_row(s) for s in states if not s.is_new]
    _insert_many(conn, _INSERT, new)
    if changed:
        conn.exec_driver_sql(_driver_sql(conn, _UPDATE), changed)
    _write_refs(conn, states)
    _insert_many(conn, _LOG, [(s.id, ",".join(sorted(s.revoked)) or None) for s in states])


_COPY_SQL = re.compile(r"INSERT INTO (\w+) (\([^)]*\)) VALUES")


def _insert_many(conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows with executemany, or COPY on PostgreSQL (psycopg's
    executemany costs ~25 us of Python per row; COPY a fraction of that)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(_driver_sql(conn, sql), rows)
        return
    match = _COPY_SQL.match(sql)
    assert match is not None
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {match[1]} {match[2]} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def _write_refs(conn: Connection, states: list[RecordState]) -> None:
    old_ids = [s.id for s in states if not s.is_new]
    for part in chunks(old_ids):
        conn.execute(delete(REF).where(REF.c.record_id.in_(part)))
    rows = [(s.id, name, target) for s in states for name, target in s.refs().items()]
    _insert_many(conn, "INSERT INTO record_ref (record_id, field, target_id) VALUES (?, ?, ?)", rows)


def write_shares(conn: Connection, changes: dict[tuple[str, str], int]) -> None:
    """Store share rights per (record id, principal key); 0 removes the share."""
    for (record_id, key), _rights in changes.items():
        kind, principal_id = key.split(":", 1)
        conn.execute(
            delete(SHARE).where(
                SHARE.c.record_id == record_id,
                SHARE.c.principal_type == ("user" if kind == "u" else "team"),
                SHARE.c.principal_id == principal_id,
            )
        )
    rows = [
        {
            "record_id": record_id,
            "principal_type": "user" if key[0] == "u" else "team",
            "principal_id": key.split(":", 1)[1],
            "rights": rights,
        }
        for (record_id, key), rights in changes.items()
        if rights
    ]
    if rows:
        conn.execute(insert(SHARE), rows)


_PUSH_RESULT = "INSERT INTO push_result (client_id, mutation_id, result, created_at) VALUES (?, ?, ?, ?)"


def save_push_results(conn: Connection, client_id: str, results: list[dict[str, Any]], now: str) -> None:
    """Keep the answers of mutations that were not applied (conflict,
    rejected) so a retry of the push repeats them, and drop the expired ones.

    Pruning runs only here, when the table grows: a push whose mutations
    all applied costs nothing extra.
    """
    if not results:
        return
    _insert_many(conn, _PUSH_RESULT, [(client_id, r["mutation_id"], encode_json(r), now) for r in results])
    cutoff = (utcnow() - timedelta(days=PUSH_RESULT_DAYS)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    conn.execute(delete(PUSH_RESULT).where(PUSH_RESULT.c.created_at < cutoff))


def load_push_results(conn: Connection, client_id: str, mutation_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The kept answers among ``mutation_ids`` of this client, by mutation id."""
    if not mutation_ids:
        return {}
    wanted = set(mutation_ids)
    rows = conn.execute(
        select(PUSH_RESULT.c.mutation_id, PUSH_RESULT.c.result).where(
            PUSH_RESULT.c.client_id == client_id,
            PUSH_RESULT.c.mutation_id.between(min(wanted), max(wanted)),
        )
    )
    found: dict[int, dict[str, Any]] = {}
    for row in rows:
        if row.mutation_id in wanted:
            found[int(row.mutation_id)] = json.loads(row.result)
    return found
