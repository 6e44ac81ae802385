"""The working set of one push: touched records, their shares, and the
``RecordLookup`` the shared validation rules read through."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Connection, select

from crm_core.entities import ACTIVE, ENTITIES, EntityDef
from crm_core.protocol import Mutation
from crm_core.sync_reasons import DELETED, NO_RECORD, NO_RIGHT, entity_word, in_field, right_word
from crm_core.validation import ValidationError
from crm_server.errors import Refused
from crm_server.models import NOBODY, Team, User
from crm_server.sync import store
from crm_server.sync.access import BITS, READ, Actor, rights_of
from crm_server.sync.store import RecordState

USER = User.__table__  # type: ignore[attr-defined]
TEAM = Team.__table__  # type: ignore[attr-defined]
_PAIR_KEYS = ("record1_id", "role1_id", "record2_id", "role2_id")
# The one key of ``field_meta`` that is no field: ``[[client id, last version it wrote], ...]``
# for every client that ever wrote the record, so a delete can tell whether a dependant
# its deleter cannot read is only their own client's work (``mutations._unseen_dependants``).
# "" stands for whoever wrote it before the server kept its writers.  Kept only for the
# entities a cascade can delete (``_cascades``): push's hot path, creates of accounts and
# contacts, pays nothing for it.
WRITERS = "@writers"


class DeletedLink(ValidationError):
    """A change links to a record deleted on the server (reason ``deleted``)."""


@cache
def _cascades(entity_name: str) -> bool:
    """Whether a delete can take records of this entity along: it requires another record."""
    definition = ENTITIES.get(entity_name)
    return definition is not None and any(name in definition.required for name in definition.references)


@cache
def _link_fields(entity_name: str) -> tuple[str, ...]:
    definition = ENTITIES.get(entity_name)
    return tuple(definition.references) if definition else ()


class Batch:
    """Records of one push, loaded once and written back together."""

    def __init__(self, conn: Connection, actor: Actor, client_id: str, now: str, schema_version: int = 2) -> None:
        self.conn = conn
        self.actor = actor
        self.client_id = client_id
        self.now = now
        self.schema_version = schema_version  # of the push: what its answers may carry
        self.records: dict[str, RecordState | None] = {}
        self.shares: dict[str, dict[str, int]] = {}
        self.share_changes: dict[tuple[str, str], int] = {}
        self.dirty: dict[str, RecordState] = {}
        self._ref_index: dict[str, set[tuple[str, str]]] = {}
        self._principals: dict[tuple[str, str], str | None] = {}
        self._teams: dict[str, str | None] = {}

    def preload(self, mutations: list[Mutation]) -> None:
        """Load every record the mutations name or link to, in a few queries."""
        ids = {m.record_id for m in mutations}
        for m in mutations:
            for name in _link_fields(m.entity):
                value = m.fields.get(name)
                if value.__class__ is str:
                    ids.add(value)
        self._load(ids)

    def _load(self, ids: set[str]) -> None:
        wanted = ids - self.records.keys()
        found = store.load_records(self.conn, wanted)
        self.shares.update(store.load_shares(self.conn, found))
        for record_id in wanted:
            self.records[record_id] = found.get(record_id)

    def get(self, record_id: str) -> RecordState | None:
        """The record as changed so far in this push, or None if missing."""
        if record_id not in self.records:
            self._load({record_id})
        return self.records[record_id]

    def rights(self, state: RecordState) -> int:
        """The pushing user's rights on ``state``."""
        return rights_of(self.actor, state.owner_type, state.owner_id, self.shares.get(state.id, {}))

    def require(self, rights: int, right: str, state: RecordState) -> None:
        """Refuse unless ``right`` is among ``rights``."""
        if not rights & BITS[right]:
            raise Refused(NO_RIGHT(right=right_word(right), entity=entity_word(state.entity), id=state.id))

    def add(self, state: RecordState) -> None:
        """Put a newly created record into the working set."""
        self.records[state.id] = state

    def touch(self, state: RecordState, changed: Iterable[str] = ()) -> None:
        """Bump the record's version and mark it (and changed fields) written."""
        state.version += 1
        state.modified_at = self.now
        for name in changed:
            state.field_meta[name] = [state.version, self.client_id]
        if _cascades(state.entity):
            self._stamp_writer(state)
        self.dirty[state.id] = state
        for name, target in state.refs().items():
            self._ref_index.setdefault(target, set()).add((state.id, name))

    def _stamp_writer(self, state: RecordState) -> None:
        writers = state.field_meta.get(WRITERS)
        if writers is None:
            if state.is_new:
                state.field_meta[WRITERS] = [[self.client_id, state.version]]
                return
            writers = state.field_meta[WRITERS] = [["", state.version - 1]]  # last written before they were kept
        for writer in writers:
            if writer[0] == self.client_id:
                writer[1] = state.version
                return
        writers.append([self.client_id, state.version])

    # RecordLookup, as crm_core.validation reads records
    def get_fields(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        """A live record's fields, if it is of that entity and readable."""
        state = self.get(record_id) if record_id else None
        if state is None or state.deleted or state.entity != entity_name:
            return None
        return state.data if self.rights(state) & READ else None

    def connection_exists(self, fields: Mapping[str, Any], exclude_id: str) -> bool:
        """Whether another live connection joins the same records with the same roles."""
        wanted = tuple(fields.get(k) for k in _PAIR_KEYS)
        swapped = (wanted[2], wanted[3], wanted[0], wanted[1])
        for other in self.referencing(str(fields.get("record1_id"))):
            state = other[0]
            if state.entity != "connection" or state.id == exclude_id:
                continue
            if state.data.get("state") != ACTIVE:
                continue
            if tuple(state.data.get(k) for k in _PAIR_KEYS) in (wanted, swapped):
                return True
        return False

    def referencing(self, target_id: str) -> list[tuple[RecordState, str]]:
        """Live records (and the field) whose reference points at target_id."""
        candidates = set(store.referrers(self.conn, target_id)) | self._ref_index.get(target_id, set())
        self._load({record_id for record_id, _ in candidates})
        found = []
        for record_id, name in sorted(candidates):
            state = self.records.get(record_id)
            if state is not None and not state.deleted and state.data.get(name) == target_id:
                found.append((state, name))
        return found

    def refuse_deleted_links(self, definition: EntityDef, data: Mapping[str, Any], changed: set[str]) -> None:
        """Refuse links to deleted records with that reason (DeletedLink)."""
        for name in sorted(changed & definition.references.keys()):
            target = self.get(data[name]) if data.get(name) else None
            if target is not None and target.deleted:
                raise DeletedLink(name, DELETED(entity=entity_word(target.entity), id=target.id))

    def require_append_to(self, definition: EntityDef, data: Mapping[str, Any], changed: set[str]) -> None:
        """Refuse links to records the user holds no append_to right on."""
        for name in sorted(changed & definition.references.keys()):
            target_id = data.get(name)
            if not target_id:
                continue
            target = self.get(target_id)
            if target is None or target.deleted or not self.rights(target) & READ:
                raise ValidationError(name, NO_RECORD(id=target_id))
            if target.owner_type != NOBODY and not self.rights(target) & BITS["append_to"]:
                no_right = NO_RIGHT(right=right_word("append_to"), entity=entity_word(target.entity), id=target_id)
                raise Refused(in_field(definition.name, name, no_right))

    def principal_id(self, principal_type: str, name: str) -> str | None:
        """The id of the user or team called ``name``, or None."""
        key = (principal_type, name)
        if key not in self._principals:
            column = USER.c if principal_type == "user" else TEAM.c
            row = self.conn.execute(select(column.id).where(column.name == name)).first()
            self._principals[key] = row.id if row else None
        return self._principals[key]

    def team_of(self, user_id: str) -> str | None:
        """The id of the team the user is in, or None."""
        if user_id not in self._teams:  # a push may assign many records to one user
            row = self.conn.execute(select(USER.c.team_id).where(USER.c.id == user_id)).first()
            self._teams[user_id] = row.team_id if row else None
        return self._teams[user_id]

    def team_name(self, team_id: str) -> str:
        """The team's name (its id if it is gone)."""
        row = self.conn.execute(select(TEAM.c.name).where(TEAM.c.id == team_id)).first()
        return str(row.name) if row else team_id

    def flush(self) -> None:
        """Write every changed record, its log row and the share changes."""
        store.write_records(self.conn, list(self.dirty.values()))
        store.write_shares(self.conn, self.share_changes)


def entity_def(name: str) -> EntityDef:
    """The registered entity (the request was checked for unknown ones)."""
    return ENTITIES[name]
