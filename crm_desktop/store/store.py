"""The local store: one SQLite file holding the rep's records and queue.

``Store`` is the only way the rest of the app touches the database.  Every
write runs in one transaction with its outbox entry (see ``writes.py``).
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from array import array
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from crm_core.entities import ENTITIES, display_name
from crm_desktop.store import bulkload, migrations, phones, pulled, queries
from crm_desktop.store.db import Database, connect
from crm_desktop.store.queries import ConnectionView, SortKey, View
from crm_desktop.store.records import Record, from_row
from crm_desktop.store.writes import RecordNotFound, Writer, table

log = logging.getLogger("crm.store")

STORE_FILE = "crm.sqlite3"
T = TypeVar("T")


# What display_name reads of each entity.
_NAME_COLUMNS = {name: ("first_name", "last_name") if name == "contact" else (definition.label,)
                 for name, definition in ENTITIES.items()}


class Store:
    """The rep's records, their pending changes and sync bookkeeping."""

    def __init__(self, path: Path, *, phone_region: str | None = None) -> None:
        self.path = path
        self.db = Database(path)
        interrupted = bulkload.restore(self.db)  # indexes a bulk load dropped, if the app died before it finished
        migrations.upgrade(self.db.conn)
        if interrupted:
            with self.db.transaction() as conn:  # and the company text its end would have filled in
                pulled.repair_companies(conn)
        self.client_id = self._ensure_meta("client_id", lambda: str(uuid.uuid4()))
        self.phone_region = self.get_meta("phone_region") or "US"
        if phone_region:
            self.set_phone_region(phone_region)

    def set_phone_region(self, region: str) -> None:
        """The country whose numbering plan applies to phones typed without +."""
        import phonenumbers

        code = region.strip().upper()
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{region!r} is not a region code such as US, ES or GB")
        with self.db.transaction() as conn:
            self.set_meta("phone_region", code)
            if code != self.phone_region:
                # The phones already stored without "+" and without a country of their own were read
                # in the old region: their E.164 forms (duplicates, search) follow the new one.
                for entity_name in phones.ENTITIES:
                    phones.reread_without_country(conn, entity_name, code)
        self.phone_region = code

    @staticmethod
    def upgrade_pending(data_dir: Path) -> bool:
        """Whether opening the store in ``data_dir`` will upgrade an older schema first.

        An upgrade runs once per version and may rewrite every record (a
        million-row store takes a minute), so the app says so before it
        starts instead of looking stuck.  Read-only: a store that cannot be
        read here answers False and the real open reports what is wrong.
        """
        path = Path(data_dir) / STORE_FILE
        if not path.is_file():
            return False
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                return 0 < migrations.current_version(conn) < migrations.SCHEMA_VERSION
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            return False

    @classmethod
    def open_dir(cls, data_dir: Path, *, phone_region: str | None = None) -> Store:
        """Open (creating if needed) the store in a data directory."""
        return cls(Path(data_dir) / STORE_FILE, phone_region=phone_region)

    def close(self) -> None:
        """Close the database file."""
        self.db.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    # -- writes ------------------------------------------------------------

    def write(self, fn: Callable[[Writer], T]) -> T:
        """Run ``fn`` with a Writer in one transaction and return its result."""
        with self.db.transaction() as conn:
            return fn(Writer(conn, self.phone_region))

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """A Writer whose edits all commit together at the end of the block."""
        with self.db.transaction() as conn:
            yield Writer(conn, self.phone_region)

    def create(self, entity_name: str, values: Mapping[str, Any]) -> Record:
        """Create and queue a record; returns it as stored."""
        record_id = self.write(lambda w: w.create(entity_name, values))
        return self.require(entity_name, record_id)

    def update(self, entity_name: str, record_id: str, changes: Mapping[str, Any]) -> Record:
        """Change fields of a record and queue the change; returns it."""
        _, row = self.write(lambda w: w.update_row(entity_name, record_id, changes))
        return from_row(entity_name, row)

    def delete(self, entity_name: str, record_id: str) -> None:
        """Delete a record, leaving a tombstone for sync."""
        self.write(lambda w: w.delete(entity_name, record_id))

    # -- reads -------------------------------------------------------------

    def get(self, entity_name: str, record_id: str, *, deleted: bool = False) -> Record | None:
        """A record by id (tombstones only when asked), or None."""
        with self.db.lock:
            row = self.conn.execute(f"SELECT * FROM {table(entity_name)} WHERE id = ?",
                                    (record_id,)).fetchone()
        if row is None or (row["deleted"] and not deleted):
            return None
        return from_row(entity_name, row)

    def names(self, entity_name: str, record_ids: list[str]) -> dict[str, str]:
        """The names of the live records among ``record_ids``, in one query per 500."""
        found: dict[str, str] = {}
        with self.db.lock:
            for start in range(0, len(record_ids), 500):
                chunk = record_ids[start:start + 500]
                # No "deleted = 0" in SQL: with it the planner walks the list index, not the ids.
                rows = self.conn.execute(f"SELECT id, deleted, {', '.join(_NAME_COLUMNS[entity_name])} FROM"
                                         f" {table(entity_name)} WHERE id IN ({','.join('?' * len(chunk))})",
                                         chunk).fetchall()
                found.update((row["id"], display_name(entity_name, dict(row))) for row in rows if not row["deleted"])
        return found

    def require(self, entity_name: str, record_id: str) -> Record:
        """A live record by id; raises RecordNotFound."""
        record = self.get(entity_name, record_id)
        if record is None:
            raise RecordNotFound(f"{entity_name} {record_id} does not exist")
        return record

    def entity_of(self, record_id: str) -> str | None:
        """Whether an id is an account, a contact or a connection (None: unknown)."""
        for name in ("account", "contact", "connection"):
            with self.db.lock:
                if self.conn.execute(f"SELECT 1 FROM {name} WHERE id = ? AND deleted = 0",
                                     (record_id,)).fetchone():
                    return name
        return None

    def find_by_name(self, entity_name: str, name: str, *, view: View = "all") -> list[Record]:
        """Live records whose name is exactly ``name``, ignoring case and accents' case."""
        key = " ".join(name.split()).casefold()
        if entity_name == "connection_role":
            return [r for r in self.roles() if r.name.casefold() == key]
        if entity_name not in ("account", "contact"):
            return []  # connections have no name of their own
        candidates = self.search(entity_name, name, view=view, limit=500)
        return [r for r in candidates if " ".join(r.name.split()).casefold() == key]

    def page(self, entity_name: str, *, view: View = "active", after: SortKey | None = None,
             before: SortKey | None = None, limit: int = 50, from_end: bool = False) -> list[Record]:
        """One keyset page of a list (see queries.page)."""
        with self.db.lock:
            return queries.page(self.conn, entity_name, view=view, after=after, before=before,
                                limit=limit, from_end=from_end)

    def search(self, entity_name: str, text: str, *, view: View = "active", limit: int = 50,
               after_num: int = 0) -> list[Record]:
        """Prefix search over names, emails, phones and company."""
        with self.db.lock:
            return queries.search(self.conn, entity_name, text, view=view, limit=limit,
                                  after_num=after_num)

    def count(self, entity_name: str, view: View = "active") -> int:
        """How many records a list view holds."""
        with self.db.lock:
            return queries.count(self.conn, entity_name, view)

    def ordered_nums(self, entity_name: str, view: View = "active") -> array[int]:
        """Every record's num in list order (for models that jump anywhere)."""
        with self.db.lock:
            return queries.ordered_nums(self.conn, entity_name, view)

    def sorted_nums(self, entity_name: str, sort: str, *, descending: bool = False, view: View = "active",
                    text: str = "", own_connection: bool = False) -> array[int]:
        """A view's (or a search's) nums ordered by another column (see queries.sorted_nums).

        The read takes seconds on a million rows.  ``own_connection`` runs it on
        a connection of its own, so a background export does not hold this
        store's lock (and every GUI read behind it) meanwhile.
        """
        if own_connection:
            conn = connect(self.path)
            try:
                return queries.sorted_nums(conn, entity_name, sort, descending=descending, view=view, text=text)
            finally:
                conn.close()
        with self.db.lock:
            return queries.sorted_nums(self.conn, entity_name, sort, descending=descending, view=view, text=text)

    def by_nums(self, entity_name: str, nums: list[int]) -> list[Record]:
        """Records by their nums, in that order."""
        with self.db.lock:
            return queries.by_nums(self.conn, entity_name, nums)

    def referring(self, entity_name: str, record_id: str) -> dict[tuple[str, str], int]:
        """How many live records refer to this one, by (entity, field) of an optional reference
        (a contact's account, an account's parent or primary contact): a delete clears those."""
        found: dict[tuple[str, str], int] = {}
        with self.db.lock:
            for other in ENTITIES.values():
                for name, targets in other.references.items():
                    if entity_name in targets and name not in other.required:
                        count = self.conn.execute(f"SELECT count(*) FROM {table(other.name)} WHERE {name} = ?"
                                                  " AND deleted = 0", (record_id,)).fetchone()[0]
                        if count:
                            found[(other.name, name)] = int(count)
        return found

    def connections_of(self, record_id: str) -> list[ConnectionView]:
        """A record's connections, each from its side."""
        with self.db.lock:
            return queries.connections_of(self.conn, record_id)

    def roles(self) -> list[Record]:
        """The active connection roles, by name."""
        with self.db.lock:
            rows = self.conn.execute("SELECT * FROM connection_role WHERE deleted = 0 AND state = 'active'"
                                     " ORDER BY name").fetchall()
        return [from_row("connection_role", r) for r in rows]

    def contacts_of(self, account_id: str, limit: int = 500) -> list[Record]:
        """The live contacts whose parent account is ``account_id``."""
        with self.db.lock:
            rows = self.conn.execute("SELECT * FROM contact WHERE account_id = ? AND deleted = 0"
                                     " ORDER BY sort_key, num LIMIT ?", (account_id, limit)).fetchall()
        return [from_row("contact", r) for r in rows]

    def sub_accounts(self, account_id: str, limit: int = 500) -> list[Record]:
        """Accounts whose parent is ``account_id``."""
        with self.db.lock:
            rows = self.conn.execute("SELECT * FROM account WHERE parent_account_id = ? AND deleted = 0"
                                     " ORDER BY sort_key, num LIMIT ?", (account_id, limit)).fetchall()
        return [from_row("account", r) for r in rows]

    # -- queue and meta ----------------------------------------------------

    def pending_changes(self) -> int:
        """How many changes wait in the queue for the server."""
        with self.db.lock:
            return int(self.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def sync_issue_count(self) -> int:
        """How many conflicts and rejections wait for the rep."""
        with self.db.lock:
            return int(self.conn.execute("SELECT count(*) FROM sync_issue").fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        """A stored setting, or None."""
        with self.db.lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str | None) -> None:
        """Store (or with None, forget) a setting."""
        with self.db.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                             " SET value = excluded.value", (key, value))

    def _ensure_meta(self, key: str, make: Callable[[], str]) -> str:
        value = self.get_meta(key)
        if value is None:
            value = make()
            self.set_meta(key, value)
        return value
