"""The sync protocol's messages, shared by the desktop client and the server."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# 2: a delete says which of its dependants the client held, and a conflict may name
# the dependants changed since (``Mutation.seen``, ``PushResult.dependants``); a
# rejection says why as a code and values too (``PushResult.why``).
# 3: a conflicting delete's dependants may include ones the deleter cannot read,
# told by entity, id and version only (``DependantChange.hidden``).
SCHEMA_VERSION = 3
# The server still takes older clients.  Schema 1 sends no ``seen``, so its
# deletes cascade as they always did, and its answers carry no ``dependants``
# and no ``why``; schema 2 hears of a hidden dependant as one ``created`` with no
# fields.  Both read answers with extra="forbid": an unknown key would fail.
SUPPORTED_SCHEMA_VERSIONS = (1, 2, 3)
# What the desktop can speak, newest first: it steps down to a server not
# upgraded yet (a hidden dependant then arrives as a ``created`` one).
CLIENT_SCHEMA_VERSIONS = (3, 2)
MAX_PUSH_MUTATIONS = 5000
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_PULL_LIMIT = 5000

RIGHTS = ("read", "write", "append", "append_to", "assign", "share", "delete")
Right = Literal["read", "write", "append", "append_to", "assign", "share", "delete"]
Operation = Literal["create", "update", "delete", "assign", "share"]
Status = Literal["applied", "duplicate", "conflict", "rejected"]
RejectReason = Literal["permission", "validation", "missing", "deleted"]
PrincipalType = Literal["user", "team"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mutation(_Strict):
    """One queued change: create/update/delete carry field values.

    ``assign`` carries ``{"owner_type", "owner"}`` (a user or team name) and
    ``share`` carries ``{"principal_type", "principal", "rights"}``.
    ``base`` holds the values the client had before the edit, shown to the
    rep next to theirs and the server's when a field conflicts.

    ``seen`` (schema 2, deletes only): the version this client holds of
    every record that requires the deleted one (its connections, which the
    server's cascade deletes with it; this client's own store tombstoned
    them with it).  A dependant another client changed past the version
    held here, or one missing from it (made, or shared with this user,
    since this client last pulled), is a change the rep never saw, so the
    delete comes back as a conflict naming it (``PushResult.dependants``)
    instead of cascading over it.  Record versions are per record, so only
    the client can say what it saw of each dependant: nothing it already
    sends (the deleted record's ``base_version``, a pull cursor it does not
    send) tells the server that.  ``None`` (a schema 1 client) keeps the
    old cascade; ``{}`` says the client held no dependants.

    A dependant the deleter cannot read (another rep's private connection)
    conflicts too, unless only this client ever wrote it: the rep never saw
    it, so the delete must not take it unasked.  Delete anyway sends the
    version the conflict told (``DependantChange.hidden``) in ``seen``.
    """

    mutation_id: int = Field(ge=1)
    entity: str = Field(max_length=40)
    record_id: str = Field(max_length=36)
    op: Operation
    fields: dict[str, Any] = Field(default_factory=dict)
    base: dict[str, Any] = Field(default_factory=dict)
    base_version: int = Field(default=0, ge=0)
    seen: dict[str, int] | None = None


class PushRequest(_Strict):
    client_id: str = Field(min_length=1, max_length=64)
    schema_version: int
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_MUTATIONS)


class FieldConflict(_Strict):
    base: Any = None
    theirs: Any = None
    yours: Any = None


class DependantChange(_Strict):
    """A record a conflicting delete would have taken with it, changed or
    made by someone else since the deleter last saw it.

    ``created``: the deleter never held it (``conflicts`` is then empty).
    ``fields`` are its values on the server, so the client can name it
    (a connection by its ends and roles) even when it never pulled it.

    ``hidden`` (schema 3): the deleter cannot read it, so only its entity,
    id and version are told (``fields`` and ``conflicts`` are empty); the
    version is what Delete anyway sends back in ``Mutation.seen``.
    """

    entity: str
    record_id: str
    version: int
    created: bool = False
    fields: dict[str, Any] = Field(default_factory=dict)
    conflicts: dict[str, FieldConflict] = Field(default_factory=dict)
    hidden: bool = False  # schema 3


class Why(_Strict):
    """A refusal's reason as a code and its values (``crm_core.sync_reasons``).

    ``values`` maps each name to a JSON scalar, a nested reason
    (``{"code", "values"}``) or a field's name (``{"field", "record"}``).
    """

    code: str
    values: dict[str, Any] = Field(default_factory=dict)


class PushResult(_Strict):
    """One mutation's answer.

    A rejection has ``reason`` (permission, validation, missing, deleted)
    and ``message``, the English text the command line prints.  To a schema
    2 client it also says ``why`` as a code and values, which the desktop
    shows in the rep's language (``crm_core.sync_reasons``; None from an
    older server, or for a refusal with no code).  ``dependants``: schema 2,
    conflicting deletes only.
    """

    mutation_id: int
    status: Status
    version: int | None = None
    reason: RejectReason | None = None
    message: str | None = None
    conflicts: dict[str, FieldConflict] = Field(default_factory=dict)
    dependants: list[DependantChange] = Field(default_factory=list)  # schema 2, conflicting deletes only
    why: Why | None = None  # schema 2, rejections only


class PushResponse(_Strict):
    results: list[PushResult]
    last_mutation_id: int


class Owner(_Strict):
    type: PrincipalType
    id: str
    name: str


class Change(_Strict):
    """A record's state as of a change the puller may read.

    ``removed`` means the record is no longer readable by this user (deleted,
    unshared or reassigned away): the client drops its copy.  ``created_at``
    and ``modified_at`` are the server's (UTC, ISO 8601); empty on a removal.
    """

    seq: int
    entity: str
    record_id: str
    version: int
    removed: bool = False
    deleted: bool = False
    fields: dict[str, Any] = Field(default_factory=dict)
    owner: Owner | None = None
    created_at: str = ""
    modified_at: str = ""


class PullResponse(_Strict):
    changes: list[Change]
    cursor: int
    has_more: bool


class TokenResponse(_Strict):
    access_token: str
    token_type: str = "bearer"
    expires_at: str
    user: str
    team: str | None = None
    is_admin: bool = False


class ErrorBody(_Strict):
    detail: str
