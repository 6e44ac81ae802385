"""The synced entities, defined once for the desktop app and the server.

Each entity is a SQLModel class holding only the fields a user edits and that
sync carries.  The desktop store adds its local columns around them; the
server keeps them as a JSON document per record.  Adding an entity means
adding its fields class and one ``EntityDef`` in ``ENTITIES``: sync, the
queue and the server's push/pull are generic over this registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlmodel import Field, SQLModel

ACTIVE = "active"
INACTIVE = "inactive"
STATES = (ACTIVE, INACTIVE)


class AccountFields(SQLModel):
    """A company the rep sells to."""

    name: str = Field(default="", max_length=160)
    account_number: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    other_phone: str | None = Field(default=None, max_length=50)
    website: str | None = Field(default=None, max_length=200)
    industry: str | None = Field(default=None, max_length=80)
    bill_to_street: str | None = Field(default=None, max_length=250)
    bill_to_city: str | None = Field(default=None, max_length=80)
    bill_to_postal_code: str | None = Field(default=None, max_length=20)
    bill_to_country: str | None = Field(default=None, max_length=80)
    ship_to_street: str | None = Field(default=None, max_length=250)
    ship_to_city: str | None = Field(default=None, max_length=80)
    ship_to_postal_code: str | None = Field(default=None, max_length=20)
    ship_to_country: str | None = Field(default=None, max_length=80)
    parent_account_id: str | None = Field(default=None, max_length=36)
    primary_contact_id: str | None = Field(default=None, max_length=36)
    price_list: str | None = Field(default=None, max_length=80)
    currency: str | None = Field(default=None, max_length=3)
    payment_terms: str | None = Field(default=None, max_length=40)
    description: str | None = Field(default=None, max_length=4000)
    state: str = Field(default=ACTIVE, max_length=8)


class ContactFields(SQLModel):
    """A person, usually working at one account."""

    first_name: str | None = Field(default=None, max_length=80)
    last_name: str = Field(default="", max_length=80)
    job_title: str | None = Field(default=None, max_length=100)
    email: str | None = Field(default=None, max_length=254)
    email2: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    mobile_phone: str | None = Field(default=None, max_length=50)
    street: str | None = Field(default=None, max_length=250)
    city: str | None = Field(default=None, max_length=80)
    postal_code: str | None = Field(default=None, max_length=20)
    country: str | None = Field(default=None, max_length=80)
    account_id: str | None = Field(default=None, max_length=36)
    description: str | None = Field(default=None, max_length=4000)
    state: str = Field(default=ACTIVE, max_length=8)


class ConnectionRoleFields(SQLModel):
    """A role a record plays in a connection (Champion, Colleague...)."""

    name: str = Field(default="", max_length=100)
    category: str = Field(default="Other", max_length=20)
    matching_role_ids: str = Field(default="", max_length=4000)
    state: str = Field(default=ACTIVE, max_length=8)


class ConnectionFields(SQLModel):
    """Two records joined with a role on each side; one row seen from both."""

    record1_type: str = Field(default="", max_length=20)
    record1_id: str = Field(default="", max_length=36)
    role1_id: str = Field(default="", max_length=36)
    record2_type: str = Field(default="", max_length=20)
    record2_id: str = Field(default="", max_length=36)
    role2_id: str | None = Field(default=None, max_length=36)
    description: str | None = Field(default=None, max_length=1000)
    valid_from: str | None = Field(default=None, max_length=10)
    valid_to: str | None = Field(default=None, max_length=10)
    state: str = Field(default=ACTIVE, max_length=8)


@dataclass(frozen=True)
class EntityDef:
    """What sync, the queue and the server need to know about an entity."""

    name: str
    fields_model: type[SQLModel]
    label: str
    required: tuple[str, ...] = ()
    # field -> entity names its id may point at
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(self.fields_model.model_fields)

    @cached_property
    def max_lengths(self) -> dict[str, int]:
        """The longest value each string field accepts."""
        limits: dict[str, int] = {}
        for name, info in self.fields_model.model_fields.items():
            for meta in info.metadata:
                limit = getattr(meta, "max_length", None)
                if limit is not None:
                    limits[name] = int(limit)
        return limits

    def max_length(self, name: str) -> int | None:
        """The longest value the string field ``name`` accepts."""
        return self.max_lengths.get(name)

    def defaults(self) -> dict[str, Any]:
        """A new record's field values before the user fills them in."""
        return {
            name: info.default for name, info in self.fields_model.model_fields.items()
        }


ACCOUNT = EntityDef(
    name="account",
    fields_model=AccountFields,
    label="name",
    required=("name",),
    references={"parent_account_id": ("account",), "primary_contact_id": ("contact",)},
    emails=("email",),
    phones=("phone", "other_phone"),
)
CONTACT = EntityDef(
    name="contact",
    fields_model=ContactFields,
    label="last_name",
    required=("last_name",),
    references={"account_id": ("account",)},
    emails=("email", "email2"),
    phones=("phone", "mobile_phone"),
)
CONNECTION_ROLE = EntityDef(
    name="connection_role",
    fields_model=ConnectionRoleFields,
    label="name",
    required=("name",),
)
CONNECTION = EntityDef(
    name="connection",
    fields_model=ConnectionFields,
    label="description",
    required=("record1_type", "record1_id", "role1_id", "record2_type", "record2_id"),
    references={
        "record1_id": ("account", "contact"),
        "record2_id": ("account", "contact"),
        "role1_id": ("connection_role",),
        "role2_id": ("connection_role",),
    },
    dates=("valid_from", "valid_to"),
)

ENTITIES: dict[str, EntityDef] = {
    e.name: e for e in (ACCOUNT, CONTACT, CONNECTION_ROLE, CONNECTION)
}
CUSTOMER_TYPES = ("account", "contact")


def entity(name: str) -> EntityDef:
    """The definition of entity ``name``; KeyError names unknown entities."""
    try:
        return ENTITIES[name]
    except KeyError:
        raise KeyError(f"unknown entity {name!r}") from None


def display_name(entity_name: str, values: dict[str, Any]) -> str:
    """How a record is named to a rep: 'Ana Ruiz', 'Acme Ltd'."""
    if entity_name == "contact":
        first = values.get("first_name") or ""
        last = values.get("last_name") or ""
        return f"{first} {last}".strip()
    return str(values.get(ENTITIES[entity_name].label) or "")
