"""Users, teams and tokens: the data functions behind the CLI and auth routes."""

from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, text
from sqlmodel import Session, col, select

from crm_server.core.config import Settings
from crm_server.core.db import as_utc, utcnow
from crm_server.core.security import hash_password, new_token, token_digest, verify_password
from crm_server.errors import TooManyAttempts, Unauthorized
from crm_server.models import AuthToken, RecordShare, Team, User
from crm_server.sync.access import Actor

log = logging.getLogger("crm.server")


class NameTaken(ValueError):
    """A user or team with that name exists already."""


def get_team(*, session: Session, name: str) -> Team | None:
    """The team called ``name``, if any."""
    return session.exec(select(Team).where(Team.name == name)).first()


def get_user(*, session: Session, name: str) -> User | None:
    """The user called ``name``, if any."""
    return session.exec(select(User).where(User.name == name)).first()


def create_team(*, session: Session, name: str) -> Team:
    """Add a team; NameTaken if one has that name."""
    if not name.strip():
        raise ValueError("a team needs a name")
    if get_team(session=session, name=name):
        raise NameTaken(f"there is already a team named {name!r}")
    team = Team(id=str(uuid.uuid4()), name=name, created_at=utcnow())
    session.add(team)
    session.commit()
    return team


def create_user(*, session: Session, name: str, password: str, team: str | None = None, admin: bool = False) -> User:
    """Add a user (in an existing team, if given) with an argon2 password hash."""
    if not name.strip() or not password:
        raise ValueError("a user needs a name and a password")
    if get_user(session=session, name=name):
        raise NameTaken(f"there is already a user named {name!r}")
    team_id = None
    if team:
        found = get_team(session=session, name=team)
        if found is None:
            raise ValueError(f"there is no team named {team!r}; create it with `crm-server create-team`")
        team_id = found.id
    user = User(
        id=str(uuid.uuid4()),
        name=name,
        password_hash=hash_password(password),
        team_id=team_id,
        is_admin=admin,
        created_at=utcnow(),
    )
    session.add(user)
    session.commit()
    return user


def delete_user(*, session: Session, name: str) -> bool:
    """Remove a user with their tokens and shares; False if there is none.

    Records they own stay (admins still see them and can reassign them).
    """
    user = get_user(session=session, name=name)
    if user is None:
        return False
    session.execute(delete(AuthToken).where(col(AuthToken.user_id) == user.id))
    shares = delete(RecordShare).where(
        col(RecordShare.principal_type) == "user", col(RecordShare.principal_id) == user.id
    )
    session.execute(shares)
    session.delete(user)
    session.commit()
    return True


def actor_of(*, session: Session, user: User) -> Actor:
    """The sync engine's view of a user."""
    team = session.get(Team, user.team_id) if user.team_id else None
    return Actor(user.id, user.name, user.team_id, team.name if team else None, user.is_admin)


def _throttle(settings: Settings, user: User | None) -> None:
    if user is None:
        return
    now = utcnow()
    if user.locked_until and as_utc(user.locked_until) > now:
        wait = int((as_utc(user.locked_until) - now).total_seconds()) + 1
        raise TooManyAttempts(
            f"too many failed logins; try again in {wait} seconds", headers={"Retry-After": str(wait)}
        )
    extra = user.failed_logins - settings.login_slow_after
    if extra >= 0:
        time.sleep(min(settings.login_delay_seconds * 2**extra, settings.login_delay_max))


def _record_failure(session: Session, settings: Settings, user: User) -> None:
    user.failed_logins += 1
    if user.failed_logins >= settings.login_lock_after:
        user.locked_until = utcnow() + timedelta(seconds=settings.login_lock_seconds)
        user.failed_logins = 0
        log.warning("user %s locked after repeated failed logins", user.name)
    session.add(user)
    session.commit()


def login(*, session: Session, settings: Settings, name: str, password: str) -> tuple[str, AuthToken, User]:
    """Check the password and issue a token; slowed, then locked, on failures."""
    user = get_user(session=session, name=name)
    _throttle(settings, user)
    if user is None or not verify_password(password, user.password_hash):
        if user is not None:
            _record_failure(session, settings, user)
        raise Unauthorized("wrong user name or password")
    token = new_token()
    row = AuthToken(
        token_hash=token_digest(token),
        user_id=user.id,
        created_at=utcnow(),
        expires_at=utcnow() + timedelta(hours=settings.token_ttl_hours),
    )
    user.failed_logins = 0
    user.locked_until = None
    session.add_all([row, user])
    session.commit()
    session.refresh(row)
    session.refresh(user)
    return token, row, user


def user_for_token(*, session: Session, token: str) -> User:
    """The user a live token belongs to; Unauthorized otherwise."""
    row = session.get(AuthToken, token_digest(token))
    if row is None or as_utc(row.expires_at) <= utcnow():
        raise Unauthorized("the token is invalid or expired; log in again")
    user = session.get(User, row.user_id)
    if user is None:
        raise Unauthorized("the token's user no longer exists; log in again")
    return user


_ACTOR_BY_TOKEN = text(
    "SELECT u.id, u.name, u.team_id, t.name AS team_name, u.is_admin, k.expires_at FROM auth_token k"
    " JOIN crm_user u ON u.id = k.user_id LEFT JOIN team t ON t.id = u.team_id WHERE k.token_hash = :digest"
)


def actor_for_token(*, engine: Engine, token: str) -> Actor:
    """The user a live token belongs to, in one query (every request asks)."""
    with engine.connect() as conn:
        row = conn.execute(_ACTOR_BY_TOKEN, {"digest": token_digest(token)}).first()
        conn.rollback()
    if row is None:
        raise Unauthorized("the token is invalid, revoked, or its user was deleted; log in again")
    expires_at = row.expires_at if isinstance(row.expires_at, datetime) else datetime.fromisoformat(row.expires_at)
    if as_utc(expires_at) <= utcnow():
        raise Unauthorized("the token has expired; log in again")
    return Actor(row.id, row.name, row.team_id, row.team_name, bool(row.is_admin))


def revoke_token(*, session: Session, token: str) -> None:
    """Forget a token, so it no longer authenticates."""
    row = session.get(AuthToken, token_digest(token))
    if row is not None:
        session.delete(row)
        session.commit()
