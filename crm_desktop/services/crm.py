"""The rep's use cases on accounts, contacts and connections.

The CLI and the GUI both call these; nothing here knows about Qt.  Records
can be named by id, by an unambiguous id prefix, or by their exact name.
"""

from __future__ import annotations

import json
import re
import uuid
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crm_core.entities import CUSTOMER_TYPES, INACTIVE, entity
from crm_core.validation import ValidationError, matching_role_ids
from crm_desktop.services.errors import AmbiguousRecord, RecordNotFound, ServiceError
from crm_desktop.store import Record, Store
from crm_desktop.store.meta_keys import FAILED_SYNC_KEY, LAST_SYNC_KEY, SERVER_KEY, USER_KEY
from crm_desktop.store.queries import ConnectionView, SortKey, View
from crm_desktop.store.writes import Writer, set_state_value

_HEX_PREFIX = re.compile(r"^[0-9a-f-]{6,36}$")
_SHORT_HEX = re.compile(r"^[0-9a-f]{1,5}$")  # looks like the start of an id, too short to be one
_REFERENCE_ENTITY = {"account_id": "account", "parent_account_id": "account",
                     "primary_contact_id": "contact"}


@dataclass(frozen=True)
class Status:
    """What ``crm-desktop status`` reports."""

    pending_changes: int
    last_sync: str | None
    sync_issues: int
    data_dir: str
    last_failure: dict[str, str] | None = None  # {"at", "message"} of a sync failed since the last good one
    server: str | None = None  # where and as whom this store syncs (None before the first login)
    user: str | None = None


@dataclass(frozen=True)
class DeleteEffects:
    """What a delete takes along (its connections) and changes (the records that lose their reference to it)."""

    connections: int
    cleared: dict[tuple[str, str], int]  # (entity, reference field) -> how many records

    def __bool__(self) -> bool:
        return bool(self.connections or self.cleared)


class CrmService:
    """Accounts, contacts, connections and roles over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- finding records -----------------------------------------------------

    def resolve(self, ref: str, kinds: tuple[str, ...] = ("account", "contact")) -> Record:
        """The one live record ``ref`` names (id, id prefix or exact name)."""
        ref = ref.strip()
        if not ref:
            raise ServiceError("no record given")
        found = self._by_id(ref, kinds)
        if found is None:
            found = self._by_name(ref, kinds)
        return found

    def _by_id(self, ref: str, kinds: tuple[str, ...]) -> Record | None:
        if not _HEX_PREFIX.match(ref.lower()):
            return None
        ref = ref.lower()
        matches = []
        for kind in kinds:
            if len(ref) == 36:
                record = self.store.get(kind, ref)
                matches += [record] if record else []
            else:
                matches += self._id_prefix(kind, ref)
        if len(matches) > 1:
            raise AmbiguousRecord(f"id prefix {ref!r} matches {len(matches)} records; give more of the id")
        return matches[0] if matches else None

    def _id_prefix(self, kind: str, prefix: str) -> list[Record]:
        from crm_desktop.store.records import from_row
        from crm_desktop.store.writes import table

        with self.store.db.lock:
            rows = self.store.conn.execute(
                f"SELECT * FROM {table(kind)} WHERE id >= ? AND id < ? AND deleted = 0 LIMIT 2",
                (prefix, prefix + "~"),
            ).fetchall()
        return [from_row(kind, r) for r in rows]

    def _by_name(self, ref: str, kinds: tuple[str, ...]) -> Record:
        matches: list[Record] = []
        for kind in kinds:
            matches += self.store.find_by_name(kind, ref)
        if not matches:
            what = " or ".join(kinds)
            short = " (an id needs at least its first 6 characters)" if _SHORT_HEX.match(ref.lower()) else ""
            raise RecordNotFound(f"no {what} named {ref!r}{short}")
        if len(matches) > 1:
            ids = ", ".join(f"{m.entity} {m.id[:8]}" for m in matches[:5])
            raise AmbiguousRecord(f"{ref!r} matches {len(matches)} records ({ids}); use the id")
        return matches[0]

    # -- accounts and contacts -----------------------------------------------

    def create_account(self, values: Mapping[str, Any]) -> Record:
        """A new account; ``parent_account_id`` may be a name."""
        return self.store.create("account", self._resolve_references(values))

    def create_contact(self, values: Mapping[str, Any]) -> Record:
        """A new contact; ``account_id`` may be an account's name."""
        return self.store.create("contact", self._resolve_references(values))

    def update(self, ref: str | Record, changes: Mapping[str, Any]) -> Record:
        """Change fields of a record; reference fields may be given by name."""
        record = self._record(ref)
        known = entity(record.entity).field_names
        unknown = [k for k in changes if k not in known]
        if unknown:
            raise ValidationError(unknown[0], f"unknown field of {record.entity}; fields are: "
                                  f"{', '.join(known)}", record=record.name)
        return self.store.update(record.entity, record.id, self._resolve_references(changes))

    def set_primary_contact(self, account_ref: str | Record, contact_ref: str | Record | None) -> Record:
        """Make the contact the account's primary contact (None clears it)."""
        account = self._record(account_ref, ("account",))
        contact_id = None
        if contact_ref is not None:
            contact_id = self._record(contact_ref, ("contact",)).id
        return self.store.update("account", account.id, {"primary_contact_id": contact_id})

    def set_active(self, ref: str | Record, active: bool) -> Record:
        """Activate or deactivate an account, contact or connection."""
        record = self._record(ref, ("account", "contact", "connection"))
        return self.store.update(record.entity, record.id, {"state": set_state_value(active)})

    def delete(self, ref: str | Record) -> Record:
        """Delete a record (a tombstone is queued for the server)."""
        record = self._record(ref, ("account", "contact", "connection"))
        self.store.delete(record.entity, record.id)
        return record

    def deleting_affects(self, record: Record) -> DeleteEffects:
        """What deleting ``record`` would take or change besides it."""
        if record.entity == "connection":
            return DeleteEffects(0, {})
        return DeleteEffects(len(self.store.connections_of(record.id)),
                             self.store.referring(record.entity, record.id))

    def assign(self, ref: str | Record, owner_type: str, owner: str) -> Record:
        """Give the record to another user or team (queued)."""
        record = self._record(ref, ("account", "contact", "connection"))
        links = self._links_that_follow(record)

        def write(writer: Writer) -> None:
            writer.assign(record.entity, record.id, owner_type, owner)
            for link in links:
                writer.assign("connection", link, owner_type, owner)

        self.store.write(write)
        return self.store.require(record.entity, record.id)

    def _links_that_follow(self, record: Record) -> list[str]:
        """The connections of ``record`` that go with it to a new owner: those with its owner.

        A connection is a record of its own; without this, a colleague who
        now owns an account and its contact still could not see the link
        between them.  As Dynamics' "cascade user-owned" assign does, a link
        someone else owns stays theirs.
        """
        if record.entity == "connection":
            return []
        current = self.store.get(record.entity, record.id) or record  # the caller's copy may predate a sync
        owner = (current.owner_id, current.owner_name)
        found = []
        for view in self.store.connections_of(record.id):
            link = self.store.get("connection", view.id)
            if link is not None and (link.owner_id, link.owner_name) == owner:
                found.append(link.id)
        return found

    def share(self, ref: str | Record, principal_type: str, principal: str, rights: list[str]) -> Record:
        """Grant a user or team rights on the record (queued)."""
        record = self._record(ref, ("account", "contact", "connection"))
        self.store.write(lambda w: w.share(record.entity, record.id, principal_type, principal, rights))
        return self.store.require(record.entity, record.id)

    # -- lists ---------------------------------------------------------------

    def list_records(self, kind: str, *, search: str | None = None, limit: int = 50,
                     view: View = "active", after: SortKey | None = None) -> list[Record]:
        """A page of accounts or contacts, searched or in name order."""
        if kind not in CUSTOMER_TYPES:
            raise ServiceError(f"cannot list {kind!r}; use accounts or contacts")
        if not 1 <= limit <= 10_000:
            raise ServiceError(f"limit must be between 1 and 10000, not {limit}")
        if search and search.strip():
            return self.store.search(kind, search, view=view, limit=limit)
        return self.store.page(kind, view=view, after=after, limit=limit)

    def page(self, kind: str, *, view: View = "active", after: SortKey | None = None,
             before: SortKey | None = None, limit: int = 100, from_end: bool = False) -> list[Record]:
        """A keyset page of a list, forwards after a key or backwards before one."""
        return self.store.page(kind, view=view, after=after, before=before, limit=limit, from_end=from_end)

    def search(self, kind: str, text: str, *, view: View = "active", limit: int = 50,
               after_num: int = 0) -> list[Record]:
        """Prefix search: every word of ``text`` starts a name, email, phone or company."""
        return self.store.search(kind, text, view=view, limit=limit, after_num=after_num)

    def count(self, kind: str, view: View = "active") -> int:
        """How many records a list view holds."""
        return self.store.count(kind, view)

    def ordered_nums(self, kind: str, view: View = "active") -> array[int]:
        """The list's order as compact row numbers, for views that jump anywhere."""
        return self.store.ordered_nums(kind, view)

    def sorted_nums(self, kind: str, sort: str, *, descending: bool = False, view: View = "active",
                    text: str = "") -> array[int]:
        """A list's (or a search's) order by another column, as compact row numbers."""
        return self.store.sorted_nums(kind, sort, descending=descending, view=view, text=text)

    def by_nums(self, kind: str, nums: list[int]) -> list[Record]:
        """Records by row number, in the order given."""
        return self.store.by_nums(kind, nums)

    def get(self, kind: str, record_id: str) -> Record | None:
        """A live record by id, or None."""
        return self.store.get(kind, record_id)

    def names(self, kind: str, record_ids: list[str]) -> dict[str, str]:
        """Names of the live records among ``record_ids`` (missing ones left out)."""
        return self.store.names(kind, record_ids)

    def contacts_of(self, account: str | Record) -> list[Record]:
        """The contacts whose parent account this is."""
        return self.store.contacts_of(self._record(account, ("account",)).id)

    def sub_accounts(self, account: str | Record) -> list[Record]:
        """The accounts whose parent this is."""
        return self.store.sub_accounts(self._record(account, ("account",)).id)

    def related_names(self, record: Record) -> dict[str, str | None]:
        """Names of the records this one points at, for display."""
        out: dict[str, str | None] = {}
        for field, kind in _REFERENCE_ENTITY.items():
            value = record.fields.get(field)
            if field in record.fields:
                other = self.store.get(kind, value) if value else None
                out[field.removesuffix("_id") + "_name"] = other.name if other else None
        if record.entity == "connection":
            out.update(self._connection_names(record))
        return out

    def _connection_names(self, record: Record) -> dict[str, str | None]:
        """Both ends and both roles by name: a connection is known by what it joins."""
        out: dict[str, str | None] = {}
        roles = {r.id: r.name for r in self.store.roles()}
        for side in ("1", "2"):
            kind, other_id = record.fields.get(f"record{side}_type"), record.fields.get(f"record{side}_id")
            other = self.store.get(kind, other_id) if kind in ("account", "contact") and other_id else None
            out[f"record{side}_name"] = other.name if other else None
            out[f"role{side}_name"] = roles.get(record.fields.get(f"role{side}_id") or "")
        return out

    # -- connections ---------------------------------------------------------

    def roles(self) -> list[Record]:
        """Every active connection role."""
        return self.store.roles()

    def role(self, ref: str) -> Record:
        """A role by id or name."""
        ref = ref.strip()
        for role in self.store.roles():
            if role.id == ref or role.name.casefold() == ref.casefold():
                return role
        names = ", ".join(r.name for r in self.store.roles())
        raise RecordNotFound(f"no connection role named {ref!r}; roles are: {names}")

    def matching_roles(self, role: Record) -> list[Record]:
        """The roles allowed on the other side of ``role``."""
        ids = matching_role_ids(role.fields)
        return [r for r in self.store.roles() if r.id in ids]

    def link(self, ref1: str | Record, ref2: str | Record, role: str, role2: str | None = None,
             description: str | None = None, valid_from: str | None = None,
             valid_to: str | None = None) -> Record:
        """Connect two records with a role on each side."""
        one, two = self._record(ref1), self._record(ref2)
        role1 = self.role(role)
        other_role = self._other_role(role1, role2)
        values = {
            "record1_type": one.entity, "record1_id": one.id, "role1_id": role1.id,
            "record2_type": two.entity, "record2_id": two.id, "role2_id": other_role.id,
            "description": description, "valid_from": valid_from, "valid_to": valid_to,
        }
        return self.store.create("connection", values)

    def _other_role(self, role1: Record, role2: str | None) -> Record:
        matches = self.matching_roles(role1)
        if role2:
            chosen = self.role(role2)
            if chosen.id not in {m.id for m in matches}:
                allowed = ", ".join(m.name for m in matches)
                raise ValidationError("role2", f"{chosen.name} does not match {role1.name}; "
                                      f"choose one of: {allowed}")
            return chosen
        if len(matches) == 1:
            return matches[0]
        allowed = ", ".join(m.name for m in matches)
        raise ValidationError("role2", f"{role1.name} matches several roles; choose one of: {allowed}")

    def update_connection(self, connection_id: str, changes: Mapping[str, Any]) -> Record:
        """Edit a connection's roles, description or dates."""
        self.store.require("connection", connection_id)
        return self.store.update("connection", connection_id, changes)

    def unlink(self, connection_ref: str) -> Record:
        """Remove a connection."""
        connection = self._record(connection_ref, ("connection",))
        self.store.delete("connection", connection.id)
        return connection

    def connections(self, ref: str | Record) -> list[ConnectionView]:
        """The record's connections, each from its side."""
        return self.store.connections_of(self._record(ref).id)

    # -- status --------------------------------------------------------------

    def status(self) -> Status:
        """Pending changes, last sync, open sync issues and the data dir."""
        return Status(
            pending_changes=self.store.pending_changes(),
            last_sync=self.store.get_meta(LAST_SYNC_KEY),
            sync_issues=self.store.sync_issue_count(),
            data_dir=str(self.store.path.parent),
            last_failure=_failure(self.store.get_meta(FAILED_SYNC_KEY)),
            server=self.store.get_meta(SERVER_KEY),
            user=self.store.get_meta(USER_KEY),
        )

    # -- helpers -------------------------------------------------------------

    def _record(self, ref: str | Record, kinds: tuple[str, ...] = ("account", "contact")) -> Record:
        if isinstance(ref, Record):
            return ref
        if "connection" in kinds and _is_uuid(ref):
            found = self.store.get("connection", ref.strip().lower())
            if found:
                return found
        return self.resolve(ref, kinds)

    def _resolve_references(self, values: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(values)
        for field, kind in _REFERENCE_ENTITY.items():
            value = out.get(field)
            if isinstance(value, str) and value.strip():
                out[field] = self._reference(field, kind, value)
        return out

    def _reference(self, field: str, kind: str, value: str) -> str:
        try:
            return self.resolve(value, (kind,)).id
        except (RecordNotFound, AmbiguousRecord) as exc:
            raise ValidationError(field, str(exc)) from None


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value.strip())
    except ValueError:
        return False
    return True


def deactivated(record: Record) -> bool:
    """Whether the record is inactive."""
    return record.fields.get("state") == INACTIVE


def _failure(text: str | None) -> dict[str, str] | None:
    try:
        found = json.loads(text) if text else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
