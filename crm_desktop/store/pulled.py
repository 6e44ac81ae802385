"""Pulled changes as the store applies them, and the bulk path for new records.

``ChangeLike`` is what ``outbox.apply_changes`` reads: the protocol's
``Change`` fits, and so does the sync client's lighter ``PulledChange``
(a first sync of a million records cannot afford a pydantic model each).

``prepare`` builds a page's rows and search rows in pure Python, so the
sync engine runs it on its fetching thread while the store's thread is
inside SQLite with the previous page; ``insert_prepared`` then inserts the
records the store does not have with one ``executemany`` per table.

Phones get their E.164 form from ``crm_core.validation.phone_e164``, which
answers the common shapes without a full parse.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

from crm_core.countries import region_reader
from crm_core.entities import ENTITIES, entity
from crm_desktop.store import fts
from crm_desktop.store.writes import local_columns, now_iso, server_stamp, sort_key, table


class OwnerLike(Protocol):
    """A record's owner as pulled."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


class ChangeLike(Protocol):
    """One pulled record state (see crm_core.protocol.Change)."""

    @property
    def seq(self) -> int: ...

    @property
    def entity(self) -> str: ...

    @property
    def record_id(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def removed(self) -> bool: ...

    @property
    def deleted(self) -> bool: ...

    @property
    def fields(self) -> dict[str, Any]: ...

    @property
    def owner(self) -> OwnerLike | None: ...

    @property
    def created_at(self) -> str: ...

    @property
    def modified_at(self) -> str: ...




# -- new records in bulk ---------------------------------------------------------

_SYNC_COLUMNS = ("id", "version", "owner_id", "owner_name", "created_at", "modified_at", "deleted",
                 "pending")
_CHUNK = 900


@dataclass
class _Group:
    changes: list[ChangeLike] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    search: list[tuple[Any, ...]] = field(default_factory=list)  # FTS values without rowid (and company)
    # The same as JSON arrays: a page of new records goes in with one INSERT .. SELECT from json_each
    # per table, which runs without the interpreter lock; executemany takes it back for every row,
    # and the fetching thread holds it for most of its work (bench/bench_sync.py).
    rows_json: str = ""
    search_json: str = ""


@dataclass
class Prepared:
    """A page's new-record candidates, as rows ready to insert."""

    groups: dict[str, _Group] = field(default_factory=dict)


def columns(entity_name: str) -> tuple[str, ...]:
    """The columns a bulk row fills: fields, local columns (sort key first), sync columns."""
    definition = entity(entity_name)
    local = tuple(local_columns(entity_name, definition.defaults(), set(definition.field_names), "US"))
    return (*definition.field_names, *local, *_SYNC_COLUMNS)


def prepare(changes: Iterable[ChangeLike], region: str) -> Prepared:
    """Rows for every change that may be a new record (pure Python: any thread)."""
    prepared = Prepared()
    stamp = now_iso()
    for change in changes:
        if change.entity in ENTITIES and not (change.removed or change.deleted):
            group = prepared.groups.setdefault(change.entity, _Group())
            group.changes.append(change)
    for entity_name, group in prepared.groups.items():
        _prepare_group(entity_name, group, region, stamp)
        group.rows_json, group.search_json = _as_json(group.rows), _as_json(group.search)
    return prepared


def _prepare_group(entity_name: str, group: _Group, region: str, stamp: str) -> None:
    definition = entity(entity_name)
    names, defaults = definition.field_names, definition.defaults()
    phones = definition.phones if entity_name in ("account", "contact") else ()
    search_row = {"account": fts.account_text, "contact": fts.contact_text}.get(entity_name)
    region_of = region_reader(entity_name, region)  # the record's own country's, as local_columns
    rows, search, get = group.rows, group.search, _getter(names)
    for change in group.changes:
        # Fields of a newer server's making ride along in ``values`` but never reach a row.
        values = {**defaults, **change.fields}
        owner = change.owner
        sync = (change.record_id, change.version, owner.id if owner else None, owner.name if owner else None,
                server_stamp(change.created_at, stamp), server_stamp(change.modified_at, stamp), 0, 0)
        if phones:
            # The local columns writes.local_columns derives: sort key, then each phone's E.164 form
            # (read in the record's own country: a dict lookup by the country cell's text).
            e164, phone_text = fts.phone_columns([values[p] for p in phones], region_of(values))
            rows.append((*get(values), sort_key(entity_name, values), *e164, *sync))
        else:
            phone_text = None
            rows.append((*get(values), *sync))
        if search_row is not None:
            search.append(search_row(values, phone_text))


def _getter(names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of ``names`` as a tuple, in C (itemgetter gives a bare value for one name)."""
    if len(names) == 1:
        return lambda values: (values[names[0]],)
    return operator.itemgetter(*names)


def _as_json(rows: list[tuple[Any, ...]]) -> str:
    """Rows as one JSON array ("" when a value has no JSON form: the rows then go in one by one).

    orjson writes it several times faster than json.dumps; what it refuses (an
    integer past 64 bits) goes through json.dumps as before.
    """
    try:
        return orjson.dumps(rows).decode()
    except TypeError:
        pass
    try:
        return json.dumps(rows, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return ""


def insert_prepared(conn: sqlite3.Connection, prepared: Prepared, skip: set[str]) -> list[ChangeLike]:
    """Insert the records this store lacks; returns the changes it did not insert.

    Records in ``skip`` (queued edits or open issues) and records the store
    already has go back to the caller for the careful per-row path.
    """
    left: list[ChangeLike] = []
    # Accounts first: a contact's search row carries its account's name.
    for entity_name in sorted(prepared.groups, key=lambda name: name != "account"):
        left += _insert_group(conn, entity_name, prepared.groups[entity_name], skip)
    return left


def _insert_group(conn: sqlite3.Connection, entity_name: str, group: _Group, skip: set[str]) -> list[ChangeLike]:
    name, names_out = table(entity_name), columns(entity_name)
    chosen = [i for i, c in enumerate(group.changes) if c.record_id not in skip]
    whole = len(chosen) == len(group.rows)
    before = _last_num(conn, name)
    changes_before = conn.total_changes
    # OR IGNORE skips records the store already has (unique id): one index probe per record, not two.
    insert = f"INSERT OR IGNORE INTO {name} ({', '.join(names_out)})"
    if whole and group.rows_json:
        conn.execute(f"{_ROWS_OF_JSON} {insert} SELECT {_json_values(len(names_out))} FROM page", (group.rows_json,))
    else:
        conn.executemany(f"{insert} VALUES ({', '.join('?' * len(names_out))})",
                         group.rows if whole else [group.rows[i] for i in chosen])
    if conn.total_changes - changes_before == len(chosen) and _last_num(conn, name) == before + len(chosen):
        # All were new (a first sync): SQLite numbered them after the last num, in order.
        if whole and group.search_json:
            _index_all(conn, entity_name, group.search_json, before)
            _companies_after_insert(conn, entity_name, before)
            return []
        nums = {group.changes[i].record_id: before + k for k, i in enumerate(chosen, 1)}
    else:
        nums = dict(conn.execute(f"SELECT id, num FROM {name} WHERE num > ?", (before,)).fetchall())
    inserted = [i for i in chosen if group.changes[i].record_id in nums]
    if entity_name == "account":
        conn.executemany("INSERT INTO account_fts (rowid, name, email, phone, website) VALUES (?,?,?,?,?)",
                         [(nums[group.changes[i].record_id], *group.search[i]) for i in inserted])
    elif entity_name == "contact":
        _index_contacts(conn, group, inserted, nums, names_out.index("account_id"))
    _companies_after_insert(conn, entity_name, before)
    return [c for c in group.changes if c.record_id not in nums]


# -- a contact stored before its account -------------------------------------------
#
# A contact's search row carries its account's name, read when the contact is
# inserted.  Its account may come later: on a later page (a log compacted
# after the account changed puts it after the contact) or in a later sync
# (shared since).  The per-row path refreshes such contacts when the account
# arrives; the bulk path does it here.  While a load has dropped the index of
# contacts by account (store/bulkload.py) they cannot be looked up by
# account, so each page notes its contacts whose account is missing, and
# ``settle_companies`` fills those in when the load ends.

_BY_ACCOUNT = "ix_contact_account"  # the contacts-by-account index (sql/v1.sql)
_WAITING = "temp.company_waiting"


def _companies_after_insert(conn: sqlite3.Connection, entity_name: str, before: int) -> None:
    """After new records numbered past ``before``: their contacts' company text, now or at the load's end."""
    loading = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                           (_BY_ACCOUNT,)).fetchone() is None
    if entity_name == "contact" and loading:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {_WAITING} (num INTEGER PRIMARY KEY)")
        conn.execute(f"INSERT OR IGNORE INTO {_WAITING} (num) SELECT num FROM contact c WHERE num > ?"
                     " AND account_id IS NOT NULL AND NOT EXISTS"
                     " (SELECT 1 FROM account a WHERE a.id = c.account_id AND a.deleted = 0)", (before,))
    elif entity_name == "account" and not loading:
        # "+a.deleted": not the list index on deleted, which walks every live account, but the num range.
        _reindex_contacts(conn, "SELECT c.*, a.name AS company FROM account a JOIN contact c ON c.account_id = a.id"
                                " WHERE a.num > ? AND +a.deleted = 0", (before,))


def settle_companies(conn: sqlite3.Connection) -> None:
    """At the end of a load: the company text of contacts whose account came after them."""
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (_WAITING.split(".")[1],)).fetchone():
        _reindex_contacts(conn, f"SELECT c.*, a.name AS company FROM {_WAITING} w JOIN contact c ON c.num = w.num"
                                " JOIN account a ON a.id = c.account_id AND a.deleted = 0", ())
        conn.execute(f"DROP TABLE {_WAITING}")


def repair_companies(conn: sqlite3.Connection) -> int:
    """Every contact whose search row lacks its account's name (after a load the app did not finish)."""
    return _reindex_contacts(conn, "SELECT c.*, a.name AS company FROM contact c JOIN account a"
                                   " ON a.id = c.account_id AND a.deleted = 0 JOIN contact_fts f ON f.rowid = c.num"
                                   " WHERE c.deleted = 0 AND f.company = ''", ())


def _reindex_contacts(conn: sqlite3.Connection, query: str, params: tuple[Any, ...]) -> int:
    rows = conn.execute(query, params).fetchall()
    for row in rows:
        fts.index_contact(conn, row, row["company"])
    return len(rows)


# A page's rows as JSON arrays, each read once.  Every mention of json_each's
# ``value`` writes the row's text out again, and json_extract then finds it
# in its cache only by comparing the whole text: with a row's 25 columns read
# straight off json_each, that was two thirds of the insert.  Kept in a
# materialized table, each row's text is written once (bench: rows of 200k
# contacts 1.98 s -> 0.84 s).  Its rows come back in the array's order, which
# ``_index_all`` relies on to number them.  (SQLite before 3.35 has no
# MATERIALIZED: the same query, at the old speed.)
_MATERIALIZED = "MATERIALIZED" if sqlite3.sqlite_version_info >= (3, 35) else ""
_ROWS_OF_JSON = f"WITH page(key, row) AS {_MATERIALIZED} (SELECT key, value FROM json_each(?))"


def _json_values(count: int) -> str:
    return ", ".join(f"json_extract(row, '$[{k}]')" for k in range(count))


def _index_all(conn: sqlite3.Connection, entity_name: str, search_json: str, before: int) -> None:
    """Search rows for a whole page of new records, numbered from ``before`` + 1."""
    if entity_name == "account":
        conn.execute(f"{_ROWS_OF_JSON} INSERT INTO account_fts (rowid, name, email, phone, website)"
                     f" SELECT ? + key + 1, {_json_values(4)} FROM page", (search_json, before))
    elif entity_name == "contact":
        conn.execute(f"{_ROWS_OF_JSON} INSERT INTO contact_fts (rowid, name, email, phone, company) SELECT c.num,"
                     f" {_json_values(3)}, coalesce(a.name, '') FROM page"
                     " JOIN contact c ON c.num = ? + page.key + 1"
                     " LEFT JOIN account a ON a.id = c.account_id AND a.deleted = 0", (search_json, before))


def _last_num(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(num), 0) FROM {name}").fetchone()[0])


def _index_contacts(conn: sqlite3.Connection, group: _Group, inserted: list[int], nums: dict[str, int],
                    account_column: int) -> None:
    account_ids = list({group.rows[i][account_column] for i in inserted if group.rows[i][account_column]})
    companies: dict[str, str] = {}
    for start in range(0, len(account_ids), _CHUNK):
        chunk = account_ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        companies.update(conn.execute(f"SELECT id, name FROM account WHERE deleted = 0 AND id IN ({marks})",
                                      chunk).fetchall())
    conn.executemany(
        "INSERT INTO contact_fts (rowid, name, email, phone, company) VALUES (?,?,?,?,?)",
        [(nums[group.changes[i].record_id], *group.search[i],
          companies.get(group.rows[i][account_column] or "", "")) for i in inserted])
