"""Reads for lists, search and connections: keyset pages, never OFFSET.

A list's order is ``(sort_key, num)``; a page continues after the last key
the caller saw (or before the first, going backwards), which costs the same
on page 1 and page 18,000 of a million contacts.
"""

from __future__ import annotations

import sqlite3
from array import array
from dataclasses import dataclass
from typing import Literal

from crm_desktop.store import fts
from crm_desktop.store.db import memory_mapped
from crm_desktop.store.records import Record, from_row
from crm_desktop.store.writes import table

View = Literal["mine", "active", "inactive", "all"]
SortKey = tuple[str, int]

# "mine": what this rep owns, by the user name they log in with; records not
# synced yet have no owner and will be theirs once they sync them.
_VIEW_SQL = {
    "mine": "{t}deleted = 0 AND {t}state = 'active' AND ({t}owner_id IS NULL OR {t}owner_name ="
            " (SELECT value FROM meta WHERE key = 'sync_username'))",
    "active": "{t}deleted = 0 AND {t}state = 'active'",
    "inactive": "{t}deleted = 0 AND {t}state = 'inactive'",
    "all": "{t}deleted = 0",
}
_FTS_TABLE = {"contact": "contact_fts", "account": "account_fts"}


def view_filter(view: View, alias: str = "") -> str:
    """The WHERE clause of a list view; raises KeyError on unknown views."""
    return _VIEW_SQL[view].format(t=f"{alias}." if alias else "")


def page(conn: sqlite3.Connection, entity_name: str, *, view: View = "active",
         after: SortKey | None = None, before: SortKey | None = None, limit: int = 50,
         from_end: bool = False) -> list[Record]:
    """One page of a list in (sort_key, num) order.

    ``after`` continues forwards; ``before`` or ``from_end`` read backwards
    (the rows still come back in list order).
    """
    where = [view_filter(view)]
    params: list[object] = []
    backwards = before is not None or from_end
    if after is not None:
        where.append("(sort_key, num) > (?, ?)")
        params += [after[0], after[1]]
    if before is not None:
        where.append("(sort_key, num) < (?, ?)")
        params += [before[0], before[1]]
    order = "DESC" if backwards else "ASC"
    sql = (f"SELECT * FROM {table(entity_name)} WHERE {' AND '.join(where)} "
           f"ORDER BY sort_key {order}, num {order} LIMIT ?")
    rows = conn.execute(sql, (*params, limit)).fetchall()
    if backwards:
        rows.reverse()
    return [from_row(entity_name, r) for r in rows]


def count(conn: sqlite3.Connection, entity_name: str, view: View = "active") -> int:
    """How many records a view holds."""
    sql = f"SELECT count(*) FROM {table(entity_name)} WHERE {view_filter(view)}"
    return int(conn.execute(sql).fetchone()[0])


def ordered_nums(conn: sqlite3.Connection, entity_name: str, view: View = "active") -> array[int]:
    """Every record's num in list order: 8 bytes a row, read off the index."""
    sql = (f"SELECT num FROM {table(entity_name)} WHERE {view_filter(view)} "
           "ORDER BY sort_key, num")
    return array("q", (r[0] for r in conn.execute(sql)))


# Other orders than the name: each column's sort key, whitelisted (a column
# name never comes from the caller into SQL), blanks last: (is blank, key).
# These orders have no index (an index per column would slow every write,
# import and sync for a click now and then); the list reads them whole as
# nums in the background.
def _text(column: str) -> tuple[str, str]:
    return f"coalesce(t.{column}, '') = ''", f"fold(t.{column})"


_COMPANY = ("r.rank IS NULL", "r.rank")  # the account's place in name order (_rank_companies)
SORTS: dict[str, dict[str, tuple[str, str]]] = {
    "account": {
        "name": ("", "t.sort_key"),
        "account_number": _text("account_number"),
        "phone": _text("phone"),
        "bill_to_city": _text("bill_to_city"),
        "email": _text("email"),
        "owner": _text("owner_name"),
    },
    "contact": {
        "name": ("", "t.sort_key"),
        "job_title": _text("job_title"),
        "company": _COMPANY,
        "email": _text("email"),
        "phone": _text("phone"),
        "owner": _text("owner_name"),
    },
}


def sorted_nums(conn: sqlite3.Connection, entity_name: str, sort: str, *, descending: bool = False,
                view: View = "active", text: str = "") -> array[int]:
    """The view's nums (or its matches for ``text``) ordered by the column ``sort``.

    Case and accents are ignored, blanks come last either way, and ``num``
    breaks ties so the order is stable between reads.
    """
    blank, key = SORTS[entity_name][sort]
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT t.num FROM {table(entity_name)} t"
    if (blank, key) == _COMPANY:
        _rank_companies(conn)
        sql += " LEFT JOIN temp.company_rank r ON r.id = t.account_id"
    where, params = [view_filter(view, "t")], []
    query = fts.match_query(text)
    if query is not None:
        fts_table = _FTS_TABLE[entity_name]
        where.append(f"t.num IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(query)
    order = [blank] if blank else []  # names are never blank
    order += [f"{key} {direction}", f"t.num {direction}"]
    sql += f" WHERE {' AND '.join(where)} ORDER BY {', '.join(order)}"
    with memory_mapped(conn):
        return array("q", (r[0] for r in conn.execute(sql, params)))


def _rank_companies(conn: sqlite3.Connection) -> None:
    # Folding and comparing 50k account names once, then integers per contact, is
    # a third faster than joining and folding the company name of each contact.
    conn.execute("DROP TABLE IF EXISTS temp.company_rank")
    conn.execute("CREATE TEMP TABLE company_rank (id TEXT PRIMARY KEY, rank INTEGER NOT NULL) WITHOUT ROWID")
    conn.execute("INSERT INTO temp.company_rank SELECT id, row_number() OVER (ORDER BY fold(name), num)"
                 " FROM account WHERE deleted = 0 AND name != ''")


def by_nums(conn: sqlite3.Connection, entity_name: str, nums: list[int]) -> list[Record]:
    """Records by num, in the order asked (missing ones are left out)."""
    if not nums:
        return []
    marks = ",".join("?" * len(nums))
    rows = conn.execute(f"SELECT * FROM {table(entity_name)} WHERE num IN ({marks})", nums).fetchall()
    found = {r["num"]: from_row(entity_name, r) for r in rows}
    return [found[n] for n in nums if n in found]


def search(conn: sqlite3.Connection, entity_name: str, text: str, *, view: View = "active",
           limit: int = 50, after_num: int = 0) -> list[Record]:
    """Records matching every word of ``text`` as a prefix.

    Results come in FTS row order, so a one-letter search stops after
    ``limit`` matches instead of ranking all of them.
    """
    query = fts.match_query(text)
    if query is None:
        return page(conn, entity_name, view=view, limit=limit)
    fts_table = _FTS_TABLE[entity_name]
    sql = (f"SELECT t.* FROM {fts_table} f JOIN {table(entity_name)} t ON t.num = f.rowid "
           f"WHERE {fts_table} MATCH ? AND f.rowid > ? AND {view_filter(view, 't')} "
           "ORDER BY f.rowid LIMIT ?")
    rows = conn.execute(sql, (query, after_num, limit)).fetchall()
    return [from_row(entity_name, r) for r in rows]


@dataclass(frozen=True)
class ConnectionView:
    """A connection seen from one record's side."""

    id: str
    other_type: str
    other_id: str
    other_name: str
    role: str | None
    role_id: str | None
    other_role: str | None
    other_role_id: str | None
    description: str | None
    valid_from: str | None
    valid_to: str | None
    state: str
    pending: bool


_CONNECTIONS_SQL = """
SELECT c.*, r1.name AS role1_name, r2.name AS role2_name,
       COALESCE(a1.name, trim(COALESCE(p1.first_name, '') || ' ' || p1.last_name)) AS name1,
       COALESCE(a2.name, trim(COALESCE(p2.first_name, '') || ' ' || p2.last_name)) AS name2
FROM connection c
LEFT JOIN connection_role r1 ON r1.id = c.role1_id
LEFT JOIN connection_role r2 ON r2.id = c.role2_id
LEFT JOIN account a1 ON c.record1_type = 'account' AND a1.id = c.record1_id
LEFT JOIN contact p1 ON c.record1_type = 'contact' AND p1.id = c.record1_id
LEFT JOIN account a2 ON c.record2_type = 'account' AND a2.id = c.record2_id
LEFT JOIN contact p2 ON c.record2_type = 'contact' AND p2.id = c.record2_id
WHERE c.deleted = 0 AND (c.record1_id = :id OR c.record2_id = :id)
ORDER BY c.created_at, c.num
"""


def connections_of(conn: sqlite3.Connection, record_id: str) -> list[ConnectionView]:
    """The record's connections, each from this record's side."""
    out = []
    for row in conn.execute(_CONNECTIONS_SQL, {"id": record_id}):
        mine = "1" if row["record1_id"] == record_id else "2"
        other = "2" if mine == "1" else "1"
        out.append(ConnectionView(
            id=row["id"], other_type=row[f"record{other}_type"], other_id=row[f"record{other}_id"],
            other_name=row[f"name{other}"] or "(not available)",
            role=row[f"role{mine}_name"], role_id=row[f"role{mine}_id"],
            other_role=row[f"role{other}_name"], other_role_id=row[f"role{other}_id"],
            description=row["description"], valid_from=row["valid_from"], valid_to=row["valid_to"],
            state=row["state"], pending=bool(row["pending"]),
        ))
    return out
