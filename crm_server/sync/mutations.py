"""Applying one mutation to the push's working set.

Every handler checks everything first and only then changes the working
set, so a refused mutation leaves no trace.  Derived changes (cascades the
desktop store also makes locally) bump the touched records' versions.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from crm_core.entities import ACTIVE, ENTITIES
from crm_core.protocol import RIGHTS, Mutation
from crm_core.reasons import Reason
from crm_core.sync_reasons import (
    ALREADY_EXISTS,
    DELETED,
    MISSING,
    NO_ACCESS,
    NO_PRINCIPAL,
    NOT_A_UUID,
    SHARE_BEYOND,
    SHARE_WITH_TEAM,
    TEAM_ONLY,
    TO_A_MEMBER,
    entity_word,
    in_field,
    principal_word,
    reason_json,
)
from crm_core.validation import NOT_ONE_OF, REQUIRED, ValidationError, check_record, clean_changes
from crm_server.errors import Refused
from crm_server.sync.access import READ, mask, principal_key
from crm_server.sync.batch import WRITERS, Batch, DeletedLink
from crm_server.sync.store import RecordState

Result = dict[str, Any]
# Canonical UUID text only: pulls splice record ids into JSON unescaped.
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")


def result(m: Mutation, status: str, **extra: Any) -> Result:
    """A PushResult as a plain dict (serialized without re-validation)."""
    return {"mutation_id": m.mutation_id, "status": status, **extra}  # omitted keys take their defaults


def apply_mutation(batch: Batch, m: Mutation) -> Result:
    """Apply ``m`` or say why not: applied, conflict or rejected."""
    try:
        if m.op == "create":
            return _create(batch, m)
        state = batch.get(m.record_id)
        if state is None or state.entity != m.entity:
            return _rejected(batch, m, "missing", MISSING(entity=entity_word(m.entity), id=m.record_id))
        rights = batch.rights(state)
        if not rights & READ:
            raise Refused(NO_ACCESS(entity=entity_word(m.entity), id=m.record_id))
        if state.deleted:
            return _rejected(batch, m, "deleted", DELETED(entity=entity_word(m.entity), id=m.record_id))
        return _HANDLERS[m.op](batch, m, state, rights)
    except DeletedLink as exc:
        return _refused_field(batch, m, "deleted", exc)
    except ValidationError as exc:
        return _refused_field(batch, m, "validation", exc)
    except Refused as exc:
        return _rejected(batch, m, "permission", exc.reason)


def _rejected(batch: Batch, m: Mutation, reason: str, why: Reason | str) -> Result:
    """A rejection: its English ``message`` for every client, its code and values (``why``) for schema 2 ones."""
    if isinstance(why, str) or batch.schema_version < 2:
        return result(m, "rejected", reason=reason, message=str(why))
    return result(m, "rejected", reason=reason, message=str(why), why=reason_json(why))


def _refused_field(batch: Batch, m: Mutation, reason: str, exc: ValidationError) -> Result:
    """A refused field: "email: ...", with the field's own reason when the check gave one."""
    if exc.reason is None or exc.record is not None:
        return _rejected(batch, m, reason, str(exc))
    return _rejected(batch, m, reason, in_field(m.entity, exc.field, exc.reason))


def _create(batch: Batch, m: Mutation) -> Result:
    if not _UUID.match(m.record_id):
        raise ValidationError("record_id", NOT_A_UUID(value=m.record_id))
    if batch.get(m.record_id) is not None:
        raise ValidationError("record_id", ALREADY_EXISTS(id=m.record_id))
    definition = ENTITIES[m.entity]
    data = {**_defaults(m.entity), **clean_changes(m.entity, m.fields)}
    _check_required(m.entity, data)
    names = set(data)
    batch.refuse_deleted_links(definition, data, names)
    check_record(batch, m.entity, m.record_id, data, names)
    batch.require_append_to(definition, data, names)
    state = RecordState(
        id=m.record_id,
        entity=m.entity,
        version=0,
        owner_type="user",
        owner_id=batch.actor.id,
        deleted=False,
        data=data,
        field_meta={},
        created_at=batch.now,
        modified_at=batch.now,
        is_new=True,
    )
    batch.add(state)
    batch.touch(state)  # no field stamps: no client can hold an older version of a new record
    return result(m, "applied", version=state.version)


@cache
def _defaults(entity_name: str) -> dict[str, Any]:
    """A new record's values (shared: callers copy it, never change it)."""
    return ENTITIES[entity_name].defaults()


def _check_required(entity_name: str, data: dict[str, Any]) -> None:
    for name in ENTITIES[entity_name].required:
        if not data.get(name):
            raise ValidationError(name, REQUIRED())


def _conflicts(batch: Batch, m: Mutation, state: RecordState, cleaned: dict[str, Any]) -> dict[str, Any]:
    found = {}
    for name, yours in cleaned.items():
        meta = state.field_meta.get(name)
        theirs = state.data.get(name)
        if meta and meta[0] > m.base_version and meta[1] != batch.client_id and theirs != yours:
            found[name] = {"base": m.base.get(name), "theirs": theirs, "yours": yours}
    return found


def _update(batch: Batch, m: Mutation, state: RecordState, rights: int) -> Result:
    batch.require(rights, "write", state)
    cleaned = clean_changes(m.entity, m.fields)
    conflicts = _conflicts(batch, m, state, cleaned)
    if conflicts:
        return result(m, "conflict", version=state.version, conflicts=conflicts)
    changed = {name for name, value in cleaned.items() if state.data.get(name) != value}
    if not changed:
        return result(m, "applied", version=state.version)
    definition = ENTITIES[m.entity]
    if changed & definition.references.keys():
        batch.require(rights, "append", state)
    merged = {**state.data, **cleaned}
    _check_required(m.entity, merged)
    batch.refuse_deleted_links(definition, merged, changed)
    check_record(batch, m.entity, m.record_id, merged, changed)
    batch.require_append_to(definition, merged, changed)
    state.data = merged
    batch.touch(state, changed)
    if state.entity == "contact" and changed & {"state", "account_id"}:
        _clear_stale_primary(batch, state)
    return result(m, "applied", version=state.version)


def _clear_stale_primary(batch: Batch, contact: RecordState) -> None:
    """An inactive contact, or one moved away, is no account's primary contact."""
    for account, name in batch.referencing(contact.id):
        if name != "primary_contact_id":
            continue
        if contact.data.get("state") != ACTIVE or contact.data.get("account_id") != account.id:
            _clear(batch, account, name)


def _clear(batch: Batch, state: RecordState, name: str) -> None:
    state.data = state.data | {name: None}
    batch.touch(state, {name})


def _delete(batch: Batch, m: Mutation, state: RecordState, rights: int) -> Result:
    batch.require(rights, "delete", state)
    conflicts = _unseen_changes(batch, m, state)
    dependants = _unseen_dependants(batch, m, state)
    if dependants:
        return result(m, "conflict", version=state.version, conflicts=conflicts, dependants=dependants)
    if conflicts:
        return result(m, "conflict", version=state.version, conflicts=conflicts)
    _tombstone(batch, state)
    return result(m, "applied", version=state.version)


_UNSENT = object()


def _unseen_changes(batch: Batch, m: Mutation, state: RecordState) -> dict[str, Any]:
    """The fields another client changed since the delete's base, which the deleter never saw.

    A delete touches every field, so it conflicts like an update of all of
    them.  ``m.base`` holds the deleter's values: a field that is back at
    the value the deleter had loses nothing (a client that sent no base
    saw nothing, so every newer change conflicts).
    """
    found = {}
    for name, meta in _field_stamps(state):
        if meta[0] <= m.base_version or meta[1] == batch.client_id:
            continue
        theirs = state.data.get(name)
        base = m.base.get(name, _UNSENT)
        if base != theirs:
            found[name] = {"base": None if base is _UNSENT else base, "theirs": theirs, "yours": None}
    return found


def _unseen_dependants(batch: Batch, m: Mutation, state: RecordState) -> list[dict[str, Any]]:
    """The records the delete's cascade would take that another client changed or made unseen.

    The cascade (``_tombstone``) deletes the records that require this one,
    its connections; a colleague's edit of one, or a connection they added,
    would go with no word.  ``m.seen`` holds the version the deleter held of
    each (``crm_core.protocol.Mutation``): a dependant missing from it was
    never seen there; one held at an older version conflicts on the fields
    another client wrote since (like ``_unseen_changes``: what the
    deleter's own client wrote, or nobody wrote since, cascades quietly).
    A dependant the deleter cannot read (a colleague's private connection)
    conflicts when any other client wrote it since the version ``seen``
    holds (all of it when none), and is told without its content
    (``_hidden``).  A delete from a schema 1 client (``seen`` None) cascades as ever.
    """
    if m.seen is None:
        return []
    found = []
    for other in _cascade(batch, state):
        held = m.seen.get(other.id)
        if not batch.rights(other) & READ:
            if _written_by_others(batch, other, since=held or 0):
                found.append(_hidden(batch, other))
            continue
        conflicts = {} if held is None else {
            name: {"base": None, "theirs": other.data.get(name), "yours": None}
            for name, meta in sorted(_field_stamps(other)) if meta[0] > held and meta[1] != batch.client_id}
        if held is None or conflicts:
            found.append({"entity": other.entity, "record_id": other.id, "version": other.version,
                          "created": held is None, "fields": dict(other.data), "conflicts": conflicts})
    return found


def _field_stamps(state: RecordState) -> list[tuple[str, list[Any]]]:
    """(field, [version, client id]) of each field's last write (``field_meta`` without its writers)."""
    return [(name, meta) for name, meta in state.field_meta.items() if name != WRITERS]


def _written_by_others(batch: Batch, state: RecordState, *, since: int) -> bool:
    """Whether a client other than the pushing one wrote the record after version ``since``."""
    writers = state.field_meta.get(WRITERS)
    if writers is None:  # untouched since the server began keeping its writers: by whom is not known
        return state.version > since
    return any(client != batch.client_id and version > since for client, version in writers)


def _hidden(batch: Batch, state: RecordState) -> dict[str, Any]:
    """A dependant the deleter cannot read, told by entity, id and version only (no field, no name).

    A schema 2 client knows no ``hidden``: to it, it is a dependant added
    since, with no fields, which it still shows and sends back with Delete anyway.
    """
    told = {"entity": state.entity, "record_id": state.id, "version": state.version}
    return told | ({"hidden": True} if batch.schema_version >= 3 else {"created": True})


def _cascade(batch: Batch, state: RecordState) -> list[RecordState]:
    """The live records ``_tombstone`` would delete along with ``state``."""
    found: dict[str, RecordState] = {}
    todo = [state]
    while todo:
        for other, name in batch.referencing(todo.pop().id):
            if other.id != state.id and other.id not in found and name in ENTITIES[other.entity].required:
                found[other.id] = other
                todo.append(other)
    return list(found.values())


def _tombstone(batch: Batch, state: RecordState) -> None:
    """Delete a record; records needing it go too, optional links are cleared."""
    state.deleted = True
    batch.touch(state)
    for other, name in batch.referencing(state.id):
        if other.deleted:
            continue
        if name in ENTITIES[other.entity].required:
            _tombstone(batch, other)
        else:
            _clear(batch, other, name)


def _text(fields: dict[str, Any], name: str, choices: tuple[str, ...] | None = None) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value:
        raise ValidationError(name, REQUIRED())
    if choices and value not in choices:
        raise ValidationError(name, NOT_ONE_OF(choices=", ".join(choices)))
    return value


def _assign(batch: Batch, m: Mutation, state: RecordState, rights: int) -> Result:
    batch.require(rights, "assign", state)
    owner_type = _text(m.fields, "owner_type", ("user", "team"))
    owner_id = batch.principal_id(owner_type, _text(m.fields, "owner"))
    if owner_id is None:
        raise ValidationError("owner", NO_PRINCIPAL(kind=principal_word(owner_type), name=m.fields["owner"]))
    _keep_in_team(batch, state, owner_type, owner_id, m.fields["owner"])
    if (owner_type, owner_id) != (state.owner_type, state.owner_id):
        if state.owner_type == "team" and not batch.actor.is_admin:
            _share_with_team(batch, state)
        elif state.owner_type in ("user", "team"):
            state.revoked.add(principal_key(state.owner_type, state.owner_id))
        state.owner_type, state.owner_id = owner_type, owner_id
    batch.touch(state)
    return result(m, "applied", version=state.version)


def _keep_in_team(batch: Batch, state: RecordState, owner_type: str, owner_id: str, owner: str) -> None:
    """Refuse to assign a team's record outside the team, unless an admin does it.

    Every member holds every right on the team's records, so one member
    giving a record to an outsider would take it from the whole team, and
    no one left could give it back.  Given to a member, the team keeps it
    shared with every right (``_share_with_team``), so it stays in the
    team's hands even when its new owner passes it on.  A right shared on
    it cannot do more than the members'.
    """
    if state.owner_type != "team" or batch.actor.is_admin:
        return
    if owner_type == "team" and owner_id == state.owner_id:
        return
    if owner_type == "user" and batch.team_of(owner_id) == state.owner_id:
        return
    team = batch.team_name(state.owner_id)
    instead = TO_A_MEMBER(owner=owner, team=team) if owner_type == "user" else SHARE_WITH_TEAM(owner=owner)
    raise Refused(TEAM_ONLY(entity=entity_word(state.entity), team=team, instead=instead))


def _share_with_team(batch: Batch, state: RecordState) -> None:
    """A member's assign of the team's record keeps it shared with the team, with every right.

    As Dynamics' "share reassigned records with the original owner": a rep
    who takes a team account ("assign to me") does not hide it from the
    rest of the team.  An admin's assign is deliberate and moves it whole.
    """
    key = principal_key("team", state.owner_id)
    every = mask(RIGHTS)
    batch.shares.setdefault(state.id, {})[key] = every
    batch.share_changes[(state.id, key)] = every


def _share(batch: Batch, m: Mutation, state: RecordState, rights: int) -> Result:
    batch.require(rights, "share", state)
    principal_type = _text(m.fields, "principal_type", ("user", "team"))
    principal_id = batch.principal_id(principal_type, _text(m.fields, "principal"))
    if principal_id is None:
        raise ValidationError("principal", NO_PRINCIPAL(kind=principal_word(principal_type),
                                                        name=m.fields["principal"]))
    granted = mask(m.fields.get("rights") or [])
    granted = granted | READ if granted else 0  # any share lets the sharee see the record
    if granted & ~rights:
        raise Refused(SHARE_BEYOND(entity=entity_word(state.entity), id=state.id))
    key = principal_key(principal_type, principal_id)
    shares = batch.shares.setdefault(state.id, {})
    before = shares.pop(key, 0)
    if granted:
        shares[key] = granted
    batch.share_changes[(state.id, key)] = granted
    if before & READ and not granted & READ:
        state.revoked.add(key)
    batch.touch(state)
    return result(m, "applied", version=state.version)


_HANDLERS = {"update": _update, "delete": _delete, "assign": _assign, "share": _share}
