"""Pull: the changes a user may read since a cursor, in commit order.

The cursor is a change log sequence number.  Change log rows are allocated
in commit order (see ``crm_server.core.db``), so everything at or below the
largest visible sequence number has committed and the new cursor never
skips a late commit.  Each change carries the record's current state; the
JSON of its fields is spliced in as stored, which keeps a full sync of a
million records cheap.  ``compact_log`` drops superseded log rows and raises
the floor; a cursor below the floor gets 410 and the client syncs again
from cursor 0 (every readable record).  The pages after the first of that
full pull carry cursors below the floor too: the client marks them
``full`` and they are served, since a full pull does not rely on the
removals the compaction dropped (the client drops, at its end, every
synced record it was not sent).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from sqlalchemy import Connection, Engine, text

from crm_server.core.db import write_transaction
from crm_server.errors import Gone
from crm_server.models import NOBODY
from crm_server.sync.access import Actor

log = logging.getLogger("crm.server")

_READABLE = """(r.owner_type = :nobody
 OR (r.owner_type = 'user' AND r.owner_id = :uid)
 OR (r.owner_type = 'team' AND r.owner_id = :tid)
 OR EXISTS (SELECT 1 FROM record_share s WHERE s.record_id = r.id AND (s.rights & 1) = 1
   AND ((s.principal_type = 'user' AND s.principal_id = :uid)
     OR (s.principal_type = 'team' AND s.principal_id = :tid))))"""

# The inner LIMIT makes every page walk exactly `limit` log rows by seq and
# look their records up by id, instead of letting the planner hash-join the
# whole record table per page.  Rows the user may not read come back with
# NULL data and are dropped (or turned into removals) in Python.
_PAGE = """SELECT cl.seq, cl.revoked, r.id, r.entity, r.version, r.owner_type, r.owner_id, r.deleted,
 CASE WHEN {readable} THEN r.data END AS data, r.created_at, r.modified_at
 FROM (SELECT seq, record_id, revoked FROM change_log WHERE seq > :cursor AND seq <= :top
       ORDER BY seq LIMIT :limit) cl
 {join}
 ORDER BY cl.seq"""
# PostgreSQL would hash-join the whole record table; LATERAL keeps it to
# one primary key probe per log row (SQLite always joins that way).
_JOINS = {
    "postgresql": "JOIN LATERAL (SELECT * FROM record WHERE id = cl.record_id LIMIT 1) r ON true",
    "sqlite": "JOIN record r ON r.id = cl.record_id",
}


# No index on record_id (it would slow every push): one grouped pass instead.
_WHERE_SUPERSEDED = "WHERE seq NOT IN (SELECT max(seq) FROM change_log GROUP BY record_id)"
_COUNT_SUPERSEDED = "SELECT max(seq), count(*) FROM change_log " + _WHERE_SUPERSEDED
_DROP_SUPERSEDED = "DELETE FROM change_log " + _WHERE_SUPERSEDED


_BOUNDS = (
    "SELECT (SELECT coalesce(max(seq), 0) FROM change_log), (SELECT value FROM server_meta WHERE key = 'log_floor')"
)


def log_floor(conn: Connection) -> int:
    """The oldest cursor (other than 0) the change log still serves."""
    value = conn.execute(text("SELECT value FROM server_meta WHERE key = 'log_floor'")).scalar()
    return int(value or 0)


def _page_sql(actor: Actor, dialect: str) -> str:
    return _PAGE.format(readable="1 = 1" if actor.is_admin else _READABLE, join=_JOINS[dialect])


def _names(conn: Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute(
        text("SELECT 'user' AS kind, id, name FROM crm_user UNION ALL SELECT 'team', id, name FROM team")
    )
    return {(r.kind, r.id): r.name for r in rows}


def _fetch_raw(conn: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows straight from the driver's cursor: SQLAlchemy's Row objects cost
    as much as the query itself on a 5000-record page."""
    if conn.dialect.name != "sqlite":  # sqlite3 takes :name itself; psycopg wants %(name)s
        sql = re.sub(r":(\w+)", r"%(\1)s", sql)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def pull(*, engine: Engine, actor: Actor, cursor: int, limit: int, full: bool = False) -> bytes:
    """The PullResponse JSON for ``actor`` from ``cursor``; 410 if too old.

    ``full`` says the client is in a full pull (one that began at cursor 0):
    its cursor may then be below the floor, just not beyond the log's end.
    """
    with engine.connect() as conn:
        bounds = conn.execute(text(_BOUNDS)).one()
        top, floor = int(bounds[0] or 0), int(bounds[1] or 0)
        if cursor > top or (cursor and cursor < floor and not full):
            raise Gone(f"cursor {cursor} is outside the change log ({floor}..{top}); sync again from 0")
        params = {"cursor": cursor, "top": top, "limit": limit, "nobody": NOBODY, "uid": actor.id, "tid": actor.team_id}
        rows = _fetch_raw(conn, _page_sql(actor, conn.dialect.name), params)
        names = _names(conn)
        conn.rollback()
    # Only the first page of a full pull leaves out removals: a later page's
    # removal may be of a record an earlier page of this same pull sent.
    items = _changes(rows, actor, names, full=cursor == 0)
    has_more = len(rows) == limit
    new_cursor = rows[-1][0] if has_more else max(top, cursor)
    body = ",".join(items.values())
    more = "true" if has_more else "false"
    return f'{{"changes":[{body}],"cursor":{new_cursor},"has_more":{more}}}'.encode()


def _changes(rows: Any, actor: Actor, names: dict[tuple[str, str], str], full: bool) -> dict[str, str]:
    """One JSON change per record (its newest), in seq order.

    Record ids went through uuid.UUID when created, so they need no JSON
    escaping; owner names do, once per owner.
    """
    keys = actor.keys
    owners: dict[tuple[str, str], str] = {}
    items: dict[str, str] = {}
    for seq, revoked, rid, entity, version, owner_type, owner_id, deleted, data, created, modified in rows:
        head = f'{{"seq":{seq},"entity":"{entity}","record_id":"{rid}","version":{version},'
        if data is not None:
            owner = owners.get((owner_type, owner_id))
            if owner is None:
                owner = owners[(owner_type, owner_id)] = _owner(owner_type, owner_id, names)
            tomb = "true" if deleted else "false"
            item = (
                f'{head}"removed":false,"deleted":{tomb},"fields":{data},"owner":{owner},'
                f'"created_at":{_stamp(created)},"modified_at":{_stamp(modified)}}}'
            )
        elif revoked and not full and keys.intersection(revoked.split(",")):
            item = f'{head}"removed":true,"deleted":false,"fields":{{}},"owner":null}}'
        else:
            continue
        items.pop(rid, None)  # keep only the newest change of a record, in seq order
        items[rid] = item
    return items


def _stamp(value: str) -> str:
    """A record's time stamp as JSON text; iso_now() text needs no escaping."""
    if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return json.dumps(value)


def _owner(owner_type: str, owner_id: str, names: dict[tuple[str, str], str]) -> str:
    if owner_type == NOBODY:
        return "null"
    name = json.dumps(names.get((owner_type, owner_id), ""))
    return f'{{"type":"{owner_type}","id":"{owner_id}","name":{name}}}'


def compact_log(engine: Engine) -> tuple[int, int]:
    """Drop change log rows a newer row of the same record supersedes.

    Returns (rows removed, new floor).  Incremental pulls from below the
    floor get 410, because the revocations those rows carried are gone.
    """
    with write_transaction(engine) as conn:
        dropped = conn.execute(text(_COUNT_SUPERSEDED)).one()
        if not dropped[1]:
            return 0, log_floor(conn)
        conn.execute(text(_DROP_SUPERSEDED))
        floor = max(int(dropped[0]), log_floor(conn))
        conn.execute(text("DELETE FROM server_meta WHERE key = 'log_floor'"))
        conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('log_floor', :v)"), {"v": floor})
    log.info("compacted the change log: %d rows dropped, floor %d", dropped[1], floor)
    return int(dropped[1]), floor
