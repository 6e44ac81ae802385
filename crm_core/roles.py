"""The connection roles every store and server starts with.

Seeded roles get ids derived from their names, so a laptop that never synced
and the server agree on them and connections made offline refer to the same
roles.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

_NAMESPACE = uuid.UUID("5b0f6c1e-8d3a-4f43-9a57-2f1d6a0c9e11")

STAKEHOLDER_ROLES = (
    "Champion",
    "Decision Maker",
    "End User",
    "Economic Buyer",
    "Influencer",
    "Technical Buyer",
)
SALES_TEAM_ROLES = (
    "Sales Professional",
    "Sales Manager",
    "Technical Sales Professional",
    "Account Manager",
)


@dataclass(frozen=True)
class SeedRole:
    """A role as shipped: its name, category and the names it matches."""

    name: str
    category: str
    matches: tuple[str, ...]

    @property
    def id(self) -> str:
        return role_id(self.name)


def role_id(name: str) -> str:
    """The fixed id of the seeded role called ``name``."""
    return str(uuid.uuid5(_NAMESPACE, name))


def _pair(a: str, b: str, category: str) -> list[SeedRole]:
    return [SeedRole(a, category, (b,)), SeedRole(b, category, (a,))]


def _seed() -> list[SeedRole]:
    customer_matches = ("Supplier", *STAKEHOLDER_ROLES, *SALES_TEAM_ROLES)
    roles = [
        SeedRole("Colleague", "Business", ("Colleague",)),
        SeedRole("Partner", "Business", ("Partner",)),
        SeedRole("Customer", "Business", customer_matches),
        SeedRole("Supplier", "Business", ("Customer",)),
        SeedRole("Friend", "Social", ("Friend",)),
        SeedRole("Spouse", "Family", ("Spouse",)),
        SeedRole("Sibling", "Family", ("Sibling",)),
    ]
    roles += _pair("Manager", "Employee", "Business")
    roles += _pair("Former Employer", "Former Employee", "Business")
    roles += _pair("Referrer", "Referral", "Other")
    roles += _pair("Parent", "Child", "Family")
    roles += [SeedRole(n, "Stakeholder", ("Customer",)) for n in STAKEHOLDER_ROLES]
    roles += [SeedRole(n, "Sales", ("Customer",)) for n in SALES_TEAM_ROLES]
    return roles


SEED_ROLES: tuple[SeedRole, ...] = tuple(_seed())
CATEGORIES = ("Business", "Family", "Social", "Sales", "Stakeholder", "Other")


def seed_role_rows() -> list[dict[str, str]]:
    """The seeded roles as field dicts, ready to insert."""
    return [
        {
            "id": r.id,
            "name": r.name,
            "category": r.category,
            "matching_role_ids": ",".join(role_id(m) for m in r.matches),
            "state": "active",
        }
        for r in SEED_ROLES
    ]
