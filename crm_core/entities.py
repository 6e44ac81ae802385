"""The synced entities, defined once for the desktop app and the server.

Each entity lists only the fields a user edits and that sync carries (name,
longest text, default).  The desktop store adds its local columns around
them; the server keeps them as a JSON document per record.  Adding an entity
means adding its fields and one ``EntityDef`` in ``ENTITIES``: sync, the
queue and the server's push/pull are generic over this registry.

The registry is plain Python on purpose: the desktop app reads it on every
start, and SQLModel (with SQLAlchemy and pydantic) cost 0.7 of the 1.4 s a
window took to appear (``python -X importtime``).  ``crm_core.entity_models``
builds the SQLModel class of each entity from it for the schema description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

ACTIVE = "active"
INACTIVE = "inactive"
STATES = (ACTIVE, INACTIVE)


@dataclass(frozen=True)
class TextField:
    """One synced field.  Every field is text; a None default means it may be empty (NULL)."""

    name: str
    max_length: int
    default: str | None = None


# A company the rep sells to.
ACCOUNT_FIELDS = (
    TextField("name", 160, ""),
    TextField("account_number", 40),
    TextField("email", 254),
    TextField("phone", 50),
    TextField("other_phone", 50),
    TextField("website", 200),
    TextField("industry", 80),
    TextField("bill_to_street", 250),
    TextField("bill_to_city", 80),
    TextField("bill_to_postal_code", 20),
    TextField("bill_to_country", 80),
    TextField("ship_to_street", 250),
    TextField("ship_to_city", 80),
    TextField("ship_to_postal_code", 20),
    TextField("ship_to_country", 80),
    TextField("parent_account_id", 36),
    TextField("primary_contact_id", 36),
    TextField("price_list", 80),
    TextField("currency", 3),
    TextField("payment_terms", 40),
    TextField("description", 4000),
    TextField("state", 8, ACTIVE),
)


# A person, usually working at one account.
CONTACT_FIELDS = (
    TextField("first_name", 80),
    TextField("last_name", 80, ""),
    TextField("job_title", 100),
    TextField("email", 254),
    TextField("email2", 254),
    TextField("phone", 50),
    TextField("mobile_phone", 50),
    TextField("street", 250),
    TextField("city", 80),
    TextField("postal_code", 20),
    TextField("country", 80),
    TextField("account_id", 36),
    TextField("description", 4000),
    TextField("state", 8, ACTIVE),
)


# A role a record plays in a connection (Champion, Colleague...).
CONNECTION_ROLE_FIELDS = (
    TextField("name", 100, ""),
    TextField("category", 20, "Other"),
    TextField("matching_role_ids", 4000, ""),
    TextField("state", 8, ACTIVE),
)


# Two records joined with a role on each side; one row seen from both.
CONNECTION_FIELDS = (
    TextField("record1_type", 20, ""),
    TextField("record1_id", 36, ""),
    TextField("role1_id", 36, ""),
    TextField("record2_type", 20, ""),
    TextField("record2_id", 36, ""),
    TextField("role2_id", 36),
    TextField("description", 1000),
    TextField("valid_from", 10),
    TextField("valid_to", 10),
    TextField("state", 8, ACTIVE),
)


@dataclass(frozen=True)
class EntityDef:
    """What sync, the queue and the server need to know about an entity."""

    name: str
    fields: tuple[TextField, ...]
    label: str
    required: tuple[str, ...] = ()
    # field -> entity names its id may point at
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def max_lengths(self) -> dict[str, int]:
        """The longest value each field accepts."""
        return {f.name: f.max_length for f in self.fields}

    def max_length(self, name: str) -> int | None:
        """The longest value the field ``name`` accepts."""
        return self.max_lengths.get(name)

    def defaults(self) -> dict[str, Any]:
        """A new record's field values before the user fills them in."""
        return {f.name: f.default for f in self.fields}


ACCOUNT = EntityDef(
    name="account",
    fields=ACCOUNT_FIELDS,
    label="name",
    required=("name",),
    references={"parent_account_id": ("account",), "primary_contact_id": ("contact",)},
    emails=("email",),
    phones=("phone", "other_phone"),
)
CONTACT = EntityDef(
    name="contact",
    fields=CONTACT_FIELDS,
    label="last_name",
    required=("last_name",),
    references={"account_id": ("account",)},
    emails=("email", "email2"),
    phones=("phone", "mobile_phone"),
)
CONNECTION_ROLE = EntityDef(
    name="connection_role",
    fields=CONNECTION_ROLE_FIELDS,
    label="name",
    required=("name",),
)
CONNECTION = EntityDef(
    name="connection",
    fields=CONNECTION_FIELDS,
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
