"""Dependencies shared by the routes: settings, engine, session, current user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlmodel import Session

from crm_server import crud
from crm_server.core.config import Settings
from crm_server.errors import Unauthorized
from crm_server.sync.access import Actor


def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_engine(request: Request) -> Engine:
    """The app's database engine."""
    engine: Engine = request.app.state.engine
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """A session for one request."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


def get_write_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """A session for a request that reads, then writes (a login: the user, then a token).

    On SQLite its transaction takes the write lock at its start (BEGIN
    IMMEDIATE, see core.db): begun as a reader, its first write failed at
    once with "busy", not after a wait, whenever a push committed between
    the read and the write.
    """
    with Session(engine.execution_options(crm_write=True), expire_on_commit=False) as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]
WriteSessionDep = Annotated[Session, Depends(get_write_session)]


def get_token(request: Request) -> str:
    """The bearer token of the request; 401 without one."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("log in first: send Authorization: Bearer <token>")
    return token.strip()


TokenDep = Annotated[str, Depends(get_token)]


def get_current_user(engine: EngineDep, token: TokenDep) -> Actor:
    """The user the bearer token belongs to; 401 if it is unknown or expired."""
    return crud.actor_for_token(engine=engine, token=token)


CurrentUser = Annotated[Actor, Depends(get_current_user)]
