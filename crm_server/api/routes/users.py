"""Who am I, and who else is there (for the Assign and Share pickers)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import select

from crm_server.api.deps import CurrentUser, SessionDep
from crm_server.models import Team, User

router = APIRouter(tags=["users"])


@router.get("/users/me")
def me(actor: CurrentUser) -> dict[str, object]:
    """The logged-in user's name, team and admin flag."""
    return {"id": actor.id, "name": actor.name, "team": actor.team_name, "is_admin": actor.is_admin}


@router.get("/directory")
def directory(session: SessionDep, actor: CurrentUser) -> dict[str, object]:
    """Every user (with their team) and team name, sorted by name."""
    teams = {t.id: t.name for t in session.exec(select(Team))}
    users = [
        {"name": u.name, "team": teams.get(u.team_id or "")} for u in session.exec(select(User).order_by(User.name))
    ]
    return {"users": users, "teams": sorted(teams.values())}
