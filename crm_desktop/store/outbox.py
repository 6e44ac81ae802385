"""The sync side of the store: reading the queue, acknowledging pushes,
applying pulled changes, and the sync issues the server reported.

Queue entries leave only once the server has answered for them, in the same
transaction that records the answer.  Pulled changes land with the queued
edits re-applied on top, so an edit still waiting for the server never
flickers back to the server's older value.

A pulled page is mostly records this store has never seen (a first sync is
nothing else), so those go in with one ``executemany`` per table and their
search rows in bulk; records that exist or have queued edits take the
careful per-row path.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson

from crm_core.entities import ENTITIES, entity
from crm_core.protocol import Change, Mutation, PushResult
from crm_desktop.store import fts
from crm_desktop.store.dependants import issue_dependants
from crm_desktop.store.pulled import ChangeLike, Prepared, insert_prepared, prepare
from crm_desktop.store.records import record_name
from crm_desktop.store.undelete import undelete
from crm_desktop.store.writes import Writer, cascade_delete, local_columns, now_iso, reindex, server_stamp, table

CURSOR_KEY = "sync_cursor"
ACKED_KEY = "acked_mutation_id"  # the highest mutation id the server has answered
RESYNC_KEY = "sync_full_resync"
_CHUNK = 900  # stays under SQLite's host-parameter limit on old builds
_FTS_ENTITIES = ("account", "contact")


def queued(conn: sqlite3.Connection, limit: int, after: int = 0) -> list[Mutation]:
    """The oldest queued mutations after ``after``, in order."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?", (after, limit)
    ).fetchall()
    return [
        Mutation(mutation_id=r["mutation_id"], entity=r["entity"], record_id=r["record_id"], op=r["op"],
                 fields=json.loads(r["fields"]), base=json.loads(r["base"]),
                 base_version=r["base_version"], seen=None if r["seen"] is None else json.loads(r["seen"]))
        for r in rows
    ]


def queued_json(conn: sqlite3.Connection, limit: int, after: int = 0) -> tuple[list[int], str]:
    """Like ``queued`` but as the JSON array a push sends, built from the stored JSON text.

    The queue already holds each mutation's fields as JSON: splicing them in
    skips decoding and re-encoding 10k mutations per push.
    """
    rows = _tuples(conn).execute(
        "SELECT mutation_id, entity, record_id, op, fields, base, base_version, seen FROM outbox"
        " WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?", (after, limit)).fetchall()
    items = [f'{{"mutation_id":{r[0]},"entity":{_quoted(r[1])},"record_id":{_text(r[2])},"op":{_quoted(r[3])},'
             f'"fields":{r[4]},"base":{r[5]},"base_version":{int(r[6])}{_seen_json(r[7])}}}' for r in rows]
    return [r[0] for r in rows], "[" + ",".join(items) + "]"


def _text(value: str) -> str:
    """A JSON string (orjson: a fifth of json.dumps' time, the first read of a push waits for it)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # a lone surrogate: json writes it escaped, as it always did
        return json.dumps(value)


_quoted = functools.cache(_text)  # entity names and ops: a handful of values


def _seen_json(seen: str | None) -> str:
    """A delete's ``seen`` as the push's JSON member, or nothing (as older stores queued it)."""
    return "" if seen is None else f',"seen":{seen}'


def acknowledge(conn: sqlite3.Connection, results: Sequence[PushResult]) -> None:
    """Record the server's answers: drop answered entries, keep issues.

    Call inside a transaction.  ``applied`` moves the record's version on,
    ``conflict`` and ``rejected`` become sync issues for the rep.
    """
    rows, contiguous = _outbox_rows(conn, [r.mutation_id for r in results])
    if not rows:
        return  # all answered before (a retried push)
    touched: dict[str, list[tuple[int | None, str]]] = {}
    unlinked: list[tuple[str]] = []
    for result in results:
        row = rows.get(result.mutation_id)
        if row is None:
            continue  # answered before (a retried push)
        applied = result.status == "applied" and result.version is not None
        touched.setdefault(row[1], []).append((result.version if applied else None, row[2]))
        if row[1] == "connection" and row[3] == "delete" and result.status in ("applied", "duplicate"):
            unlinked.append((row[2],))
        if result.status in ("conflict", "rejected"):
            full = conn.execute("SELECT * FROM outbox WHERE mutation_id = ?", (result.mutation_id,)).fetchone()
            _add_issue(conn, full, result)
            if result.status == "conflict":
                _requeue_merged(conn, full, result)
                _show_kept(conn, full, result)
    _set_acked(conn, max(rows))
    if contiguous:  # the usual answer: one run of the queue, dropped with one range delete
        conn.execute("DELETE FROM outbox WHERE mutation_id BETWEEN ? AND ?", (min(rows), max(rows)))
    else:
        conn.executemany("DELETE FROM outbox WHERE mutation_id = ?", [(m,) for m in rows])
    for entity_name, pairs in touched.items():
        # One statement a record: the version moves on (never back) and pending follows the queue.
        name = table(entity_name)
        conn.executemany(
            f"UPDATE {name} SET version = max(version, coalesce(?, 0)),"
            f" pending = (EXISTS(SELECT 1 FROM outbox o WHERE o.record_id = {name}.id) OR"
            f" EXISTS(SELECT 1 FROM sync_issue s WHERE s.record_id = {name}.id)) WHERE id = ?", pairs)
    # A connection the server has deleted leaves no tombstone to bring back: were an end's refused
    # delete discarded before the next pull, undelete would revive the connection.
    conn.executemany("DELETE FROM connection WHERE id = ? AND deleted = 1", unlinked)


def _outbox_rows(conn: sqlite3.Connection,
                 mutation_ids: list[int]) -> tuple[dict[int, tuple[int, str, str, str]], bool]:
    """(mutation id, entity, record id, op) of the still-queued ones among ``mutation_ids``,
    and whether they are all the queue holds between the first and the last of them."""
    if not mutation_ids:
        return {}, False
    wanted = set(mutation_ids)
    # Answers cover a contiguous run of the queue: one range scan beats a long IN list.
    found = _tuples(conn).execute("SELECT mutation_id, entity, record_id, op FROM outbox WHERE mutation_id"
                                  " BETWEEN ? AND ?", (min(wanted), max(wanted))).fetchall()
    rows = {r[0]: r for r in found if r[0] in wanted}
    return rows, len(rows) == len(found)


def _tuples(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor giving plain tuples: thousands of rows a push, and sqlite3.Row costs more per row."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def _add_issue(conn: sqlite3.Connection, row: sqlite3.Row, result: PushResult) -> None:
    if result.status == "conflict":
        details: dict[str, Any] = {k: v.model_dump() for k, v in result.conflicts.items()}
    else:
        details = {"fields": json.loads(row["fields"]), "base": json.loads(row["base"])}
        if row["seen"] is not None:  # a refused delete: what it saw goes with it again on Retry
            details["seen"] = json.loads(row["seen"])
    # The name as it is now: a pull may drop the record before the rep reads the issue.
    name = record_name(conn, row["entity"], row["record_id"])
    dependants = issue_dependants(conn, result.dependants)
    why = json.dumps(result.why.model_dump()) if result.why is not None else None
    conn.execute(
        "INSERT INTO sync_issue (kind, mutation_id, entity, record_id, record_name, op, reason, message, fields,"
        " dependants, why, server_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (result.status, row["mutation_id"], row["entity"], row["record_id"], name, row["op"],
         result.reason or ("conflict" if result.status == "conflict" else ""),
         result.message or "", json.dumps(details), json.dumps(dependants), why, result.version or 0, now_iso()),
    )


def _requeue_merged(conn: sqlite3.Connection, row: sqlite3.Row, result: PushResult) -> None:
    """Queue again, on the server's version, the fields of a conflicting update that did not conflict.

    The server refuses a conflicting mutation whole, but conflicts are
    field-level: the other fields would have merged, so they go on to the
    server at once, and stay on top of pulled data meanwhile, while only the
    conflicting ones wait in the sync issue.  Fields a later queued edit of
    the record sets are left to that edit, and a later delete drops them all.
    The entry takes the next id, after everything queued or in flight, so
    the ids stay in order with no gap.  Call from ``acknowledge``, before
    the answered entries are dropped (they tell what comes later).
    """
    if row["op"] != "update":
        return
    later: set[str] = set()
    for entry in conn.execute("SELECT op, fields FROM outbox WHERE record_id = ? AND mutation_id > ?",
                              (row["record_id"], row["mutation_id"])):
        if entry["op"] == "delete":
            return
        if entry["op"] in ("create", "update"):
            later |= set(json.loads(entry["fields"]))
    # A field the server already holds at our value is answered "applied" with no change: sending it is harmless.
    fields = {k: v for k, v in json.loads(row["fields"]).items() if k not in result.conflicts and k not in later}
    if not fields:
        return
    base = {k: v for k, v in json.loads(row["base"]).items() if k in fields}
    version = max(int(row["base_version"]), result.version or 0)
    Writer(conn).queue(row["entity"], row["record_id"], "update", fields, base, version)


def _show_kept(conn: sqlite3.Connection, row: sqlite3.Row, result: PushResult) -> None:
    """Show again, as the server has it, a record whose delete came back as a conflict.

    The server kept the record, so while the rep decides it is back here
    like the server's values of a conflicting update: with the changes the
    rep never saw, at the server's version, and with the connections the
    local delete tombstoned.  The delete waits in the sync issue (Keep mine
    deletes again, see ``crm_desktop.sync.issues``).  A delete of it queued
    since stays.  Call from ``acknowledge``, like ``_requeue_merged``.
    """
    if row["op"] != "delete":
        return
    again = conn.execute("SELECT 1 FROM outbox WHERE record_id = ? AND op = 'delete' AND mutation_id > ?",
                         (row["record_id"], row["mutation_id"])).fetchone()
    if again is None:
        theirs = {name: c.theirs for name, c in result.conflicts.items()}
        undelete(conn, row["entity"], row["record_id"], theirs, result.version or 0)


def renumber_queue(conn: sqlite3.Connection, first: int = 1) -> None:
    """Number the queued mutations ``first``, ``first + 1``, ... in order; call in a transaction.

    For a new device id (from 1), and to close gaps: the server stops a batch
    at a gap in a device's mutation ids, so entries dropped from the middle of
    the queue (a discarded record's edits) would hold everything after them.
    """
    conn.execute("DROP TABLE IF EXISTS temp.renumbered")
    conn.execute("CREATE TEMP TABLE renumbered (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.execute("INSERT INTO temp.renumbered SELECT mutation_id, row_number() OVER (ORDER BY mutation_id) + ? - 1"
                 " FROM outbox", (first,))
    # Through negative ids, so no row takes an id another has not left yet.
    conn.execute("UPDATE outbox SET mutation_id = -mutation_id")
    conn.execute("UPDATE outbox SET mutation_id = (SELECT new FROM temp.renumbered WHERE old = -outbox.mutation_id)")
    conn.execute("DROP TABLE temp.renumbered")
    last = conn.execute("SELECT coalesce(max(mutation_id), ?) FROM outbox", (first - 1,)).fetchone()[0]
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'", (last,))
    _set_acked(conn, first - 1)  # what the numbering now goes on from


def acked(conn: sqlite3.Connection) -> int:
    """The highest mutation id of this device the server has answered (0 if none yet)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ACKED_KEY,)).fetchone()
    return 0 if row is None else int(row[0])


def _set_acked(conn: sqlite3.Connection, mutation_id: int) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (ACKED_KEY, str(mutation_id)))


def refresh_pending(conn: sqlite3.Connection, entity_name: str, record_id: str) -> None:
    """A record is pending while it has queued changes or open sync issues."""
    conn.execute(
        f"UPDATE {table(entity_name)} SET pending = ("
        " EXISTS(SELECT 1 FROM outbox WHERE record_id = :id) OR"
        " EXISTS(SELECT 1 FROM sync_issue WHERE record_id = :id)) WHERE id = :id",
        {"id": record_id},
    )


# -- pulled changes ----------------------------------------------------------


def apply_changes(conn: sqlite3.Connection, changes: Iterable[ChangeLike], region: str,
                  *, track_seen: bool = False, prepared: Prepared | None = None) -> int:
    """Apply one pulled page inside the caller's transaction; returns how many records it changed.

    The count leaves out the echo of this device's own pushes (the server
    sends them back at the version the push was answered with), so a sync
    report's "pulled" is what came from others.

    ``prepared`` is ``pulled.prepare`` of the same page, when the caller
    built it on another thread.  With ``track_seen`` the page's ids are
    remembered for ``remove_unseen`` (a full re-sync after the server forgot
    our cursor).
    """
    known = [c for c in changes if c.entity in ENTITIES]  # skip entities of newer app versions
    if track_seen:
        conn.executemany("INSERT OR IGNORE INTO temp.sync_seen (id) VALUES (?)",
                         [(c.record_id,) for c in known])
    careful = [c for c in known if c.removed or c.deleted]
    careful += insert_prepared(conn, prepared or prepare(known, region), _waiting(conn, known))
    changed = len(known) - len(careful)  # inserted in bulk: all new here
    for change in careful:
        if change.removed or change.deleted:
            changed += _drop(conn, change)
        else:
            changed += _upsert(conn, change, region)
    return changed


def _waiting(conn: sqlite3.Connection, changes: list[ChangeLike]) -> set[str]:
    """The page's records with queued edits or open issues (they take the careful path)."""
    waiting: set[str] = set()
    for queue in ("outbox", "sync_issue"):  # usually both empty: skip the lookups then
        if conn.execute(f"SELECT EXISTS(SELECT 1 FROM {queue})").fetchone()[0]:
            ids = [c.record_id for c in changes]
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                waiting.update(r[0] for r in conn.execute(
                    f"SELECT record_id FROM {queue} WHERE record_id IN ({','.join('?' * len(chunk))})", chunk))
    return waiting


def _drop(conn: sqlite3.Connection, change: ChangeLike) -> bool:
    """Remove the record and what hangs on it; whether that is news here (not our own delete's echo)."""
    name = table(change.entity)
    row = conn.execute(f"SELECT num, deleted FROM {name} WHERE id = ?", (change.record_id,)).fetchone()
    if row is None:
        return False
    news = not (change.deleted and row["deleted"])
    conn.execute(f"DELETE FROM {name} WHERE id = ?", (change.record_id,))
    if change.entity == "contact":
        conn.execute("DELETE FROM contact_fts WHERE rowid = ?", (row["num"],))
    elif change.entity == "account":
        conn.execute("DELETE FROM account_fts WHERE rowid = ?", (row["num"],))
        fts.reindex_company(conn, change.record_id, None)
    if change.deleted:
        cascade_delete(conn, change.entity, change.record_id)
    return news


def _queued_state(conn: sqlite3.Connection, record_id: str) -> tuple[dict[str, Any], bool]:
    """The fields of queued edits, merged in order, and whether a delete is queued."""
    merged: dict[str, Any] = {}
    deleted = False
    for row in conn.execute("SELECT op, fields FROM outbox WHERE record_id = ? ORDER BY mutation_id",
                            (record_id,)):
        if row["op"] in ("create", "update"):
            merged.update(json.loads(row["fields"]))
        elif row["op"] == "delete":
            deleted = True
    return merged, deleted


def _upsert(conn: sqlite3.Connection, change: ChangeLike, region: str) -> bool:
    """Write the pulled state under any queued edits; whether it was news (not an echo)."""
    definition = entity(change.entity)
    fields = definition.defaults()
    fields.update({k: v for k, v in change.fields.items() if k in fields})  # a newer server's extra fields stay out
    queued_fields, queued_delete = _queued_state(conn, change.record_id)
    fields.update({k: v for k, v in queued_fields.items() if k in fields})
    columns: dict[str, Any] = {**fields, **local_columns(change.entity, fields, set(fields), region)}
    # A delete still waiting for the server keeps the record gone locally.
    stamp = now_iso()
    modified = server_stamp(change.modified_at, stamp)
    columns.update(version=change.version, deleted=int(queued_delete), modified_at=modified)
    if change.owner is not None:
        columns.update(owner_id=change.owner.id, owner_name=change.owner.name)
    name = table(change.entity)
    exists = conn.execute(f"SELECT * FROM {name} WHERE id = ?", (change.record_id,)).fetchone()
    if exists:
        if queued_fields or queued_delete:  # the queued edit is newer than the server's change
            columns["modified_at"] = max(modified, exists["modified_at"] or "")
        if change.created_at:  # the rep who made it offline sees the time it reached the server, as all do
            columns["created_at"] = server_stamp(change.created_at, stamp)
        sets = ", ".join(f"{k} = ?" for k in columns)
        conn.execute(f"UPDATE {name} SET {sets} WHERE id = ?", (*columns.values(), change.record_id))
    else:
        columns.update(id=change.record_id, created_at=server_stamp(change.created_at, stamp), pending=0)
        conn.execute(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     tuple(columns.values()))
    refresh_pending(conn, change.entity, change.record_id)
    if change.entity in _FTS_ENTITIES:
        reindex(conn, change.entity, change.record_id, renamed=change.entity == "account")
    return exists is None or _changed_here(exists, columns, definition.field_names)


def _changed_here(before: sqlite3.Row, columns: Mapping[str, Any], names: Iterable[str]) -> bool:
    """Whether a pulled state changes what the rep sees of a stored record.

    Not its version alone: the echo of the rep's own push (its answer lost,
    or the cascade of their own delete) changes nothing here, while the echo
    of a push the server merged with a colleague's edit brings that edit.
    An owner is news only over another owner: a record made here has none
    until its first sync gives it its maker.
    """
    owners = ("owner_id", "owner_name") if before["owner_id"] is not None else ()
    return any(before[k] != columns[k] for k in ("deleted", *owners, *names) if k in columns)


# -- full re-sync --------------------------------------------------------------


def begin_full_resync(conn: sqlite3.Connection) -> None:
    """Start remembering which records a full re-sync sends (this connection only)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_seen (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.sync_seen")


def remove_unseen(conn: sqlite3.Connection, entities: Iterable[str] = ENTITIES) -> int:
    """After a full re-sync: drop synced records (of ``entities``) the server no longer sends.

    Records with queued edits or open sync issues (``pending``) stay, and so
    do records never synced (version 0: made here, the server has no copy).
    Returns how many were removed.
    """
    removed = 0
    for entity_name in entities:
        name = table(entity_name)
        rows = conn.execute(
            f"SELECT num, id FROM {name} WHERE pending = 0 AND version > 0"
            " AND id NOT IN (SELECT id FROM temp.sync_seen)"
            " AND id NOT IN (SELECT record_id FROM outbox)").fetchall()
        for row in rows:
            _drop(conn, Change(seq=0, entity=entity_name, record_id=row["id"], version=0, removed=True))
        removed += len(rows)
    conn.execute("DELETE FROM temp.sync_seen")
    return removed
