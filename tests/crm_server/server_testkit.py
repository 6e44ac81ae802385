"""The server tests' view of the API: sales reps that push and pull."""

from __future__ import annotations

import os
import uuid
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from crm_core.protocol import SCHEMA_VERSION
from crm_server import crud
from crm_server.core.db import make_engine

PG_ENV = "CRM_TEST_DATABASE_URL"
HEADERS_SCHEMA = {"X-CRM-Schema-Version": str(SCHEMA_VERSION)}


class Rep:
    """A logged-in user with one desktop client id and its mutation counter."""

    def __init__(self, api: Api, name: str, headers: dict[str, str]) -> None:
        self.api = api
        self.name = name
        self.headers = headers
        self.client_id = f"{name}-laptop-{uuid.uuid4().hex[:8]}"
        self.next_id = 1

    def mutation(
        self,
        op: str,
        entity: str,
        record_id: str,
        fields: dict[str, Any] | None = None,
        base_version: int = 0,
        base: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A mutation with this client's next mutation id."""
        m = {
            "mutation_id": self.next_id,
            "entity": entity,
            "record_id": record_id,
            "op": op,
            "fields": fields or {},
            "base": base or {},
            "base_version": base_version,
        }
        self.next_id += 1
        return m

    def push(self, *mutations: dict[str, Any], expect: int = 200) -> Any:
        """POST the mutations; the decoded answer."""
        body = {"client_id": self.client_id, "schema_version": SCHEMA_VERSION, "mutations": list(mutations)}
        response = self.api.client.post("/api/v1/sync/push", json=body, headers=self.headers)
        assert response.status_code == expect, response.text
        return response.json()

    def do(
        self, op: str, entity: str, record_id: str, fields: dict[str, Any] | None = None, base_version: int = 0
    ) -> dict[str, Any]:
        """Push one mutation; its result."""
        answer = self.push(self.mutation(op, entity, record_id, fields, base_version))
        result: dict[str, Any] = answer["results"][0]
        return result

    def create(self, entity: str, **fields: Any) -> str:
        """Create a record (asserting it applied); its id."""
        record_id = str(uuid.uuid4())
        result = self.do("create", entity, record_id, fields)
        assert result["status"] == "applied", result
        return record_id

    def pull(self, cursor: int = 0, limit: int = 1000, expect: int = 200, full: bool = False) -> Any:
        """GET one pull page (``full``: a page of a pull begun at cursor 0); the decoded answer."""
        response = self.api.client.get(
            "/api/v1/sync/pull",
            params={"cursor": cursor, "limit": limit} | ({"full": "true"} if full else {}),
            headers=self.headers | HEADERS_SCHEMA,
        )
        assert response.status_code == expect, response.text
        return response.json()

    def pull_all(self, cursor: int = 0) -> tuple[dict[str, dict[str, Any]], int]:
        """Every change from cursor on, newest per record; and the final cursor."""
        seen: dict[str, dict[str, Any]] = {}
        while True:
            page = self.pull(cursor)
            for change in page["changes"]:
                seen[change["record_id"]] = change
            cursor = page["cursor"]
            if not page["has_more"]:
                return seen, cursor


class Api:
    """The app under test plus a way to make logged-in reps."""

    def __init__(self, client: TestClient, engine: Engine) -> None:
        self.client = client
        self.engine = engine

    def team(self, name: str) -> None:
        """Add a team."""
        with Session(self.engine) as session:
            crud.create_team(session=session, name=name)

    def rep(self, name: str, team: str | None = None, admin: bool = False) -> Rep:
        """Add a user and log them in."""
        with Session(self.engine) as session:
            if team and crud.get_team(session=session, name=team) is None:
                crud.create_team(session=session, name=team)
            crud.create_user(session=session, name=name, password=f"pw-{name}", team=team, admin=admin)
        return Rep(self, name, self.login(name, f"pw-{name}"))

    def login(self, name: str, password: str) -> dict[str, str]:
        """Bearer headers for a fresh token."""
        response = self.client.post("/api/v1/auth/token", json={"username": name, "password": password})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


def pg_base_url() -> str:
    """The PostgreSQL URL to test against, or skip the test."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"set {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run this")
    return url


def schema_url(base: str, schema: str) -> str:
    """``base`` with every connection's search_path set to ``schema``."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


def create_schema(base: str, schema: str) -> str:
    """Create an empty schema and return a URL using it."""
    engine = make_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return schema_url(base, schema)


def drop_schema(base: str, schema: str) -> None:
    """Drop a schema made by create_schema."""
    engine = make_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def worker_schema(worker_id: str, purpose: str) -> str:
    """A schema name unique to this xdist worker and purpose."""
    return f"crm_test_{worker_id}_{purpose}_{os.getpid()}"
