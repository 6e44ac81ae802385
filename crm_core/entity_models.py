"""The SQLModel class of each synced entity, built from ``crm_core.entities``.

The registry there is plain Python so the desktop app starts without
loading SQLModel; the store's schema description (``crm_desktop.store.tables``)
builds its tables on these classes, and a test checks that schema against
the versioned SQL the store really runs.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Field, SQLModel

from crm_core.entities import ACCOUNT, CONNECTION, CONNECTION_ROLE, CONTACT, EntityDef


def fields_model(definition: EntityDef, class_name: str) -> type[SQLModel]:
    """A SQLModel class with one text column per field of ``definition``, in order."""
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__annotations__": annotations, "__module__": __name__,
                                 "__doc__": f"The synced fields of a {definition.name}."}
    for spec in definition.fields:
        annotations[spec.name] = str | None if spec.default is None else str
        namespace[spec.name] = Field(default=spec.default, max_length=spec.max_length)
    return type(class_name, (SQLModel,), namespace)


AccountFields = fields_model(ACCOUNT, "AccountFields")
ContactFields = fields_model(CONTACT, "ContactFields")
ConnectionRoleFields = fields_model(CONNECTION_ROLE, "ConnectionRoleFields")
ConnectionFields = fields_model(CONNECTION, "ConnectionFields")
