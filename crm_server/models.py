"""The server's tables.

Records of every entity live in one generic ``record`` table, their fields as
a JSON document, so adding an entity to ``crm_core.entities.ENTITIES`` needs
no new table here.  ``record_ref`` indexes the reference fields of every
record (``EntityDef.references``) so deletes can find who points at a record.
The tables use their own SQLAlchemy registry, so they never collide with the
desktop store's tables in ``SQLModel.metadata``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, Text
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

NOBODY = "none"  # owner_type of records owned by nobody (the seeded roles)


class ServerTable(SQLModel, registry=registry()):
    """Base of the server's tables; they share ``ServerTable.metadata``."""


class Team(ServerTable, table=True):
    __tablename__ = "team"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=80, unique=True)
    created_at: datetime


class User(ServerTable, table=True):
    __tablename__ = "crm_user"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=80, unique=True)
    password_hash: str = Field(max_length=255)
    team_id: str | None = Field(default=None, max_length=36, index=True)
    is_admin: bool = False
    created_at: datetime
    failed_logins: int = 0
    locked_until: datetime | None = None


class AuthToken(ServerTable, table=True):
    __tablename__ = "auth_token"

    token_hash: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(max_length=36, index=True)
    expires_at: datetime
    created_at: datetime


class SyncClient(ServerTable, table=True):
    __tablename__ = "sync_client"

    client_id: str = Field(primary_key=True, max_length=64)
    user_id: str = Field(max_length=36, index=True)
    last_mutation_id: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class StoredPushResult(ServerTable, table=True):
    """The original answer to a mutation that was not plainly applied.

    ``result`` is the ``PushResult`` JSON of a ``conflict`` or ``rejected``
    mutation, written in the push's transaction, so a retry of that push
    (its answer was lost) hears the same conflict or rejection again instead
    of ``duplicate``.  Rows older than ``store.PUSH_RESULT_DAYS`` are pruned.
    """

    __tablename__ = "push_result"

    client_id: str = Field(primary_key=True, max_length=64)
    mutation_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    result: str = Field(sa_column=Column(Text, nullable=False))
    created_at: str = Field(max_length=32, index=True)


class Record(ServerTable, table=True):
    """A record of any entity.  No secondary indexes: pulls walk the change
    log and pushes look records up by id, so indexes would only slow writes."""

    __tablename__ = "record"

    id: str = Field(primary_key=True, max_length=36)
    entity: str = Field(max_length=40)
    version: int
    owner_type: str = Field(max_length=8)
    owner_id: str = Field(max_length=36)
    deleted: bool = False
    data: str = Field(sa_column=Column(Text, nullable=False))
    field_meta: str = Field(sa_column=Column(Text, nullable=False))
    created_at: str = Field(max_length=32)
    modified_at: str = Field(max_length=32)


class RecordShare(ServerTable, table=True):
    """Rights granted on one record to one user or team, as a bit mask."""

    __tablename__ = "record_share"
    __table_args__ = (Index("ix_record_share_principal", "principal_type", "principal_id"),)

    record_id: str = Field(primary_key=True, max_length=36)
    principal_type: str = Field(primary_key=True, max_length=8)
    principal_id: str = Field(primary_key=True, max_length=36)
    rights: int


class RecordRef(ServerTable, table=True):
    """One reference field of a record pointing at another record."""

    __tablename__ = "record_ref"

    record_id: str = Field(primary_key=True, max_length=36)
    field: str = Field(primary_key=True, max_length=64)
    target_id: str = Field(max_length=36, index=True)


class ChangeLog(ServerTable, table=True):
    """One row per record per push that changed it, in commit order.

    ``revoked`` lists the principals ("u:<id>", "t:<id>") who lost read
    access with this change, so their next pull says ``removed``.
    """

    __tablename__ = "change_log"

    seq: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    )
    record_id: str = Field(max_length=36)
    revoked: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ServerMeta(ServerTable, table=True):
    """Small named integers: ``log_floor`` is the oldest cursor still served."""

    __tablename__ = "server_meta"

    key: str = Field(primary_key=True, max_length=40)
    value: int = Field(sa_column=Column(BigInteger, nullable=False))


METADATA: MetaData = ServerTable.metadata
