"""Exception handlers: bad input answers 4xx with ``{"detail": "..."}``, never 500."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from crm_server.errors import ApiError

log = logging.getLogger("crm.server")


def describe(errors: Sequence[Mapping[str, Any]] | object) -> str:
    """A one-line account of pydantic errors: 'mutations.0.op: Input should be ...'."""
    if not isinstance(errors, Sequence):
        return str(errors)
    parts = []
    for error in errors[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return "; ".join(parts)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _request_invalid(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError | ValidationError)
    return JSONResponse({"detail": describe(exc.errors())}, status_code=422)


async def _database_busy(_request: Request, exc: Exception) -> JSONResponse:
    log.warning("transient database failure, request rolled back: %s", exc)
    return JSONResponse(
        {"detail": "the server is busy; nothing was changed, try again"},
        status_code=503,
        headers={"Retry-After": "1"},
    )


async def _bug(_request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error", exc_info=exc)
    return JSONResponse({"detail": "internal server error"}, status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(ValidationError, _request_invalid)
    app.add_exception_handler(OperationalError, _database_busy)
    app.add_exception_handler(DBAPIError, _database_busy)
    app.add_exception_handler(PoolTimeout, _database_busy)
    app.add_exception_handler(sqlite3.Error, _database_busy)  # raw driver errors (pull's fetch)
    app.add_exception_handler(psycopg.Error, _database_busy)
    app.add_exception_handler(Exception, _bug)
