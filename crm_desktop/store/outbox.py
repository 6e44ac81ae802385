"""The sync side of the store: reading the queue, acknowledging pushes,
applying pulled changes, and the sync issues the server reported.

Queue entries leave only once the server has answered for them, in the same
transaction that records the answer.  Pulled changes land with the queued
edits re-applied on top, so an edit still waiting for the server never
flickers back to the server's older value.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from crm_core.entities import ENTITIES, entity
from crm_core.protocol import Change, Mutation, PushResult
from crm_desktop.store.writes import cascade_delete, local_columns, now_iso, reindex, table

CURSOR_KEY = "sync_cursor"
LAST_SYNC_KEY = "last_sync"


def queued(conn: sqlite3.Connection, limit: int, after: int = 0) -> list[Mutation]:
    """The oldest queued mutations after ``after``, in order."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?", (after, limit)
    ).fetchall()
    return [
        Mutation(mutation_id=r["mutation_id"], entity=r["entity"], record_id=r["record_id"], op=r["op"],
                 fields=json.loads(r["fields"]), base=json.loads(r["base"]),
                 base_version=r["base_version"])
        for r in rows
    ]


def acknowledge(conn: sqlite3.Connection, results: Sequence[PushResult]) -> None:
    """Record the server's answers: drop answered entries, keep issues.

    Call inside a transaction.  ``applied`` moves the record's version on,
    ``conflict`` and ``rejected`` become sync issues for the rep.
    """
    touched: set[tuple[str, str]] = set()
    for result in results:
        row = conn.execute("SELECT * FROM outbox WHERE mutation_id = ?", (result.mutation_id,)).fetchone()
        if row is None:
            continue  # answered before (a retried push)
        touched.add((row["entity"], row["record_id"]))
        if result.status == "applied" and result.version is not None:
            conn.execute(f"UPDATE {table(row['entity'])} SET version = max(version, ?) WHERE id = ?",
                         (result.version, row["record_id"]))
        elif result.status in ("conflict", "rejected"):
            _add_issue(conn, row, result)
        conn.execute("DELETE FROM outbox WHERE mutation_id = ?", (result.mutation_id,))
    for entity_name, record_id in touched:
        refresh_pending(conn, entity_name, record_id)


def _add_issue(conn: sqlite3.Connection, row: sqlite3.Row, result: PushResult) -> None:
    if result.status == "conflict":
        details: dict[str, Any] = {k: v.model_dump() for k, v in result.conflicts.items()}
    else:
        details = {"fields": json.loads(row["fields"]), "base": json.loads(row["base"])}
    conn.execute(
        "INSERT INTO sync_issue (kind, mutation_id, entity, record_id, op, reason, message, fields,"
        " server_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (result.status, row["mutation_id"], row["entity"], row["record_id"], row["op"],
         result.reason or ("conflict" if result.status == "conflict" else ""),
         result.message or "", json.dumps(details), result.version or 0, now_iso()),
    )


def refresh_pending(conn: sqlite3.Connection, entity_name: str, record_id: str) -> None:
    """A record is pending while it has queued changes or open sync issues."""
    conn.execute(
        f"UPDATE {table(entity_name)} SET pending = ("
        " EXISTS(SELECT 1 FROM outbox WHERE record_id = :id) OR"
        " EXISTS(SELECT 1 FROM sync_issue WHERE record_id = :id)) WHERE id = :id",
        {"id": record_id},
    )


def apply_changes(conn: sqlite3.Connection, changes: Iterable[Change], region: str) -> int:
    """Apply one pulled page inside the caller's transaction; returns its size."""
    applied = 0
    for change in changes:
        if change.entity not in ENTITIES:
            continue  # an entity this version of the app does not know yet
        if change.removed or change.deleted:
            _drop(conn, change)
        else:
            _upsert(conn, change, region)
        applied += 1
    return applied


def _drop(conn: sqlite3.Connection, change: Change) -> None:
    name = table(change.entity)
    row = conn.execute(f"SELECT num FROM {name} WHERE id = ?", (change.record_id,)).fetchone()
    if row is None:
        return
    conn.execute(f"DELETE FROM {name} WHERE id = ?", (change.record_id,))
    if change.entity == "contact":
        conn.execute("DELETE FROM contact_fts WHERE rowid = ?", (row["num"],))
    elif change.entity == "account":
        conn.execute("DELETE FROM account_fts WHERE rowid = ?", (row["num"],))
    if change.deleted:
        cascade_delete(conn, change.entity, change.record_id)


def _queued_fields(conn: sqlite3.Connection, record_id: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for row in conn.execute("SELECT op, fields FROM outbox WHERE record_id = ? ORDER BY mutation_id",
                            (record_id,)):
        if row["op"] in ("create", "update"):
            merged.update(json.loads(row["fields"]))
    return merged


def _upsert(conn: sqlite3.Connection, change: Change, region: str) -> None:
    definition = entity(change.entity)
    fields = definition.defaults()
    fields.update({k: v for k, v in change.fields.items() if k in definition.fields_model.model_fields})
    fields.update(_queued_fields(conn, change.record_id))
    columns: dict[str, Any] = {**fields, **local_columns(change.entity, fields, set(fields), region)}
    columns.update(version=change.version, deleted=0, modified_at=now_iso())
    if change.owner is not None:
        columns.update(owner_id=change.owner.id, owner_name=change.owner.name)
    name = table(change.entity)
    exists = conn.execute(f"SELECT 1 FROM {name} WHERE id = ?", (change.record_id,)).fetchone()
    if exists:
        sets = ", ".join(f"{k} = ?" for k in columns)
        conn.execute(f"UPDATE {name} SET {sets} WHERE id = ?", (*columns.values(), change.record_id))
    else:
        columns.update(id=change.record_id, created_at=now_iso(), pending=0)
        conn.execute(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     tuple(columns.values()))
    refresh_pending(conn, change.entity, change.record_id)
    if change.entity in ("account", "contact"):
        reindex(conn, change.entity, change.record_id, renamed=change.entity == "account")
