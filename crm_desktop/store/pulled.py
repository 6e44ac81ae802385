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

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from crm_core.entities import ENTITIES, entity
from crm_core.validation import phone_e164
from crm_desktop.store import fts
from crm_desktop.store.writes import local_columns, now_iso, sort_key, table


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




# -- new records in bulk ---------------------------------------------------------

_SYNC_COLUMNS = ("id", "version", "owner_id", "owner_name", "created_at", "modified_at", "deleted",
                 "pending")
_CHUNK = 900


@dataclass
class _Group:
    changes: list[ChangeLike] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    search: list[tuple[Any, ...]] = field(default_factory=list)  # FTS values without rowid (and company)


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
    return prepared


def _prepare_group(entity_name: str, group: _Group, region: str, stamp: str) -> None:
    definition = entity(entity_name)
    names, defaults = definition.field_names, definition.defaults()
    names_out = columns(entity_name)
    phones = definition.phones if entity_name in ("account", "contact") else ()
    for change in group.changes:
        values = {**defaults, **{k: v for k, v in change.fields.items() if k in defaults}}
        # The local columns writes.local_columns derives, with the fast phone path.
        local: list[str | None] = [sort_key(entity_name, values)] if phones else []
        local += [phone_e164(values[p], region) for p in phones]
        owner = change.owner
        row = (*(values[n] for n in names), *local, change.record_id, change.version,
               owner.id if owner else None, owner.name if owner else None, stamp, stamp, 0, 0)
        group.rows.append(row)
        if entity_name == "account":
            group.search.append(fts.account_row({"num": 0, **dict(zip(names_out, row, strict=True))})[1:])
        elif entity_name == "contact":
            group.search.append(fts.contact_row({"num": 0, **dict(zip(names_out, row, strict=True))}, None)[1:4])


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
    before = int(conn.execute(f"SELECT coalesce(max(num), 0) FROM {name}").fetchone()[0])
    # OR IGNORE skips records the store already has (unique id): one index probe per record, not two.
    conn.executemany(f"INSERT OR IGNORE INTO {name} ({', '.join(names_out)})"
                     f" VALUES ({', '.join('?' * len(names_out))})", [group.rows[i] for i in chosen])
    nums = dict(conn.execute(f"SELECT id, num FROM {name} WHERE num > ?", (before,)).fetchall())
    inserted = [i for i in chosen if group.changes[i].record_id in nums]
    if entity_name == "account":
        conn.executemany("INSERT INTO account_fts (rowid, name, email, phone, website) VALUES (?,?,?,?,?)",
                         [(nums[group.changes[i].record_id], *group.search[i]) for i in inserted])
    elif entity_name == "contact":
        _index_contacts(conn, group, inserted, nums, names_out.index("account_id"))
    return [c for c in group.changes if c.record_id not in nums]


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
