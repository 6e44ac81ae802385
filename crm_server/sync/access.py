"""Who may do what to a record: ownership, team membership and shares.

As in Dynamics CRM: admins may do everything; the owning user and the
members of the owning team hold every right; anyone else holds the rights
shared with them or with their team.  Records owned by nobody (the seeded
roles) are readable by everyone and changed only by admins.  Holding the
assign right on a team's record is not enough to take it out of the team
(``mutations._keep_in_team``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crm_core.protocol import RIGHTS
from crm_server.models import NOBODY

BITS: dict[str, int] = {name: 1 << i for i, name in enumerate(RIGHTS)}
ALL_RIGHTS = (1 << len(RIGHTS)) - 1
READ = BITS["read"]


def mask(rights: Iterable[str]) -> int:
    """The bit mask of the named rights."""
    value = 0
    for name in rights:
        value |= BITS[name]
    return value


def names(rights: int) -> list[str]:
    """The names of the rights in a bit mask, in RIGHTS order."""
    return [name for name in RIGHTS if rights & BITS[name]]


def principal_key(principal_type: str, principal_id: str) -> str:
    """How shares and revocations name a user ("u:<id>") or team ("t:<id>")."""
    return f"{principal_type[0]}:{principal_id}"


@dataclass(frozen=True)
class Actor:
    """The authenticated user a request acts for."""

    id: str
    name: str
    team_id: str | None
    team_name: str | None
    is_admin: bool

    @property
    def keys(self) -> frozenset[str]:
        """The principal keys this user holds rights through."""
        own = {principal_key("user", self.id)}
        if self.team_id:
            own.add(principal_key("team", self.team_id))
        return frozenset(own)

    def owns(self, owner_type: str, owner_id: str) -> bool:
        """Whether the record's owner is this user or this user's team."""
        if owner_type == "user":
            return owner_id == self.id
        return owner_type == "team" and self.team_id is not None and owner_id == self.team_id


def rights_of(actor: Actor, owner_type: str, owner_id: str, shares: Mapping[str, int]) -> int:
    """The rights ``actor`` holds on a record with this owner and shares."""
    if actor.is_admin or actor.owns(owner_type, owner_id):
        return ALL_RIGHTS
    granted = READ if owner_type == NOBODY else 0
    for key in actor.keys:
        granted |= shares.get(key, 0)
    return granted
