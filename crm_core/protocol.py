"""The sync protocol's messages, shared by the desktop client and the server."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
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
    """

    mutation_id: int = Field(ge=1)
    entity: str = Field(max_length=40)
    record_id: str = Field(max_length=36)
    op: Operation
    fields: dict[str, Any] = Field(default_factory=dict)
    base: dict[str, Any] = Field(default_factory=dict)
    base_version: int = Field(default=0, ge=0)


class PushRequest(_Strict):
    client_id: str = Field(min_length=1, max_length=64)
    schema_version: int
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_MUTATIONS)


class FieldConflict(_Strict):
    base: Any = None
    theirs: Any = None
    yours: Any = None


class PushResult(_Strict):
    mutation_id: int
    status: Status
    version: int | None = None
    reason: RejectReason | None = None
    message: str | None = None
    conflicts: dict[str, FieldConflict] = Field(default_factory=dict)


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
