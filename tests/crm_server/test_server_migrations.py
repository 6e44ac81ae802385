"""Alembic: an empty database upgraded to head matches the models exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from server_testkit import create_schema, drop_schema, pg_base_url, worker_schema
from sqlalchemy import inspect, text

from crm_core.roles import SEED_ROLES
from crm_server.core.config import sqlite_url
from crm_server.core.db import make_engine, migrate
from crm_server.models import METADATA


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[str]:
    """A database with no tables at all."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "fresh")
        return
    base = pg_base_url()
    schema = worker_schema(worker_id, "migrate")
    yield create_schema(base, schema)
    drop_schema(base, schema)


def test_upgrade_from_empty_to_head_matches_the_models(empty_database: str) -> None:
    engine = make_engine(empty_database)
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, METADATA) == []
        assert set(inspect(conn).get_table_names()) == set(METADATA.tables) | {"alembic_version"}
    engine.dispose()


def test_migrating_twice_changes_nothing_and_seeds_roles_once(empty_database: str) -> None:
    engine = make_engine(empty_database)
    migrate(engine)
    migrate(engine)
    with engine.connect() as conn:
        roles = conn.execute(text("SELECT count(*) FROM record WHERE entity = 'connection_role'")).scalar()
    assert roles == len(SEED_ROLES)
    engine.dispose()
