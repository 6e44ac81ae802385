"""The local store's tables, as SQLModel classes.

The synced fields come from ``crm_core.entities`` (as the SQLModel classes
``crm_core.entity_models`` builds, which mypy cannot see); each table adds the sync
columns every record has (DESIGN.md) and the local columns the app needs:
``num`` (an integer key for FTS rows and cheap id lists), ``pending`` (queued
changes not yet accepted by the server), normalised phones and a sort key.

These classes are the schema's description; ``store.migrations`` creates and
upgrades it with versioned SQL, and a test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from crm_core.entity_models import AccountFields, ConnectionFields, ConnectionRoleFields, ContactFields


class SyncColumns(SQLModel):
    num: int | None = Field(default=None, primary_key=True)
    id: str = Field(max_length=36, unique=True)
    version: int = 0
    owner_id: str | None = Field(default=None, max_length=36)
    owner_name: str | None = Field(default=None, max_length=120)
    created_at: str = Field(default="", max_length=32)
    modified_at: str = Field(default="", max_length=32)
    deleted: bool = False
    pending: bool = False


class Account(AccountFields, SyncColumns, table=True):  # type: ignore[misc,valid-type]  # bases built at run time
    __table_args__ = (
        Index("ix_account_list", "deleted", "state", "sort_key", "num"),
        Index("ix_account_parent", "parent_account_id"),
        Index("ix_account_primary", "primary_contact_id"),
    )
    sort_key: str = Field(default="", max_length=200)
    phone_e164: str | None = Field(default=None, max_length=20)
    other_phone_e164: str | None = Field(default=None, max_length=20)


class Contact(ContactFields, SyncColumns, table=True):  # type: ignore[misc,valid-type]  # bases built at run time
    __table_args__ = (
        Index("ix_contact_list", "deleted", "state", "sort_key", "num"),
        Index("ix_contact_account", "account_id"),
        Index("ix_contact_email", text("email COLLATE NOCASE")),  # duplicate checks ignore case
        Index("ix_contact_phone", "phone_e164"),
    )
    sort_key: str = Field(default="", max_length=200)
    phone_e164: str | None = Field(default=None, max_length=20)
    mobile_phone_e164: str | None = Field(default=None, max_length=20)


class ConnectionRole(ConnectionRoleFields, SyncColumns, table=True):  # type: ignore[misc,valid-type]  # bases built at run time
    __tablename__ = "connection_role"


class Connection(ConnectionFields, SyncColumns, table=True):  # type: ignore[misc,valid-type]  # bases built at run time
    __table_args__ = (
        Index("ix_connection_record1", "record1_id"),
        Index("ix_connection_record2", "record2_id"),
    )


class Outbox(SQLModel, table=True):
    """One queued change, in the order the rep made it.

    AUTOINCREMENT: a mutation id is never reused, even after the queue has
    drained, or the server would answer a new change as a duplicate.
    """

    __table_args__ = {"sqlite_autoincrement": True}

    mutation_id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=40)
    record_id: str = Field(max_length=36, index=True)
    op: str = Field(max_length=10)
    fields: str = "{}"
    base: str = "{}"
    base_version: int = 0
    created_at: str = Field(default="", max_length=32)
    seen: str | None = None  # a delete's: JSON {dependant id: version held here} (see Writer.delete)


class SyncIssue(SQLModel, table=True):
    """A change the server answered with a conflict or a rejection.

    AUTOINCREMENT: an issue id typed from an older listing never names a newer issue.
    """

    __tablename__ = "sync_issue"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    mutation_id: int
    entity: str = Field(max_length=40)
    record_id: str = Field(max_length=36, index=True)
    record_name: str = Field(default="", max_length=300)  # as it was when answered: the record may go since
    op: str = Field(max_length=10)
    reason: str = Field(default="", max_length=40)
    message: str = Field(default="", max_length=1000)
    fields: str = "{}"
    # A delete conflict's: JSON list of the connections its cascade would take, changed on the server since.
    dependants: str = "[]"
    # A rejection's reason as a code and values (JSON, crm_core.sync_reasons); None from older servers and issues.
    why: str | None = None
    server_version: int = 0
    created_at: str = Field(default="", max_length=32)


class Meta(SQLModel, table=True):
    """Small settings of this store: client id, sync cursor, last sync."""

    key: str = Field(primary_key=True, max_length=60)
    value: str = ""


RECORD_TABLES: dict[str, type[SQLModel]] = {
    "account": Account,
    "contact": Contact,
    "connection_role": ConnectionRole,
    "connection": Connection,
}
