"""The FastAPI application."""

from __future__ import annotations

import logging

from fastapi import APIRouter, FastAPI
from sqlalchemy import Engine

from crm_server.api import errors
from crm_server.api.routes import auth, health, sync, users
from crm_server.core.config import Settings, load_settings
from crm_server.core.db import make_engine
from crm_server.core.memory import freeze_startup_objects

log = logging.getLogger("crm.server")
API_PREFIX = "/api/v1"


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The server app over ``settings.database_url`` (schema must be migrated)."""
    app = FastAPI(title="crm-server", version="1", openapi_url=f"{API_PREFIX}/openapi.json")
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.database_url)
    api = APIRouter(prefix=API_PREFIX)
    for module in (health, auth, users, sync):
        api.include_router(module.router)
    app.include_router(api)
    errors.install(app)
    return app


def create_app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory``: settings from ``CRM_*`` variables."""
    app = create_app(load_settings())
    freeze_startup_objects()
    return app
