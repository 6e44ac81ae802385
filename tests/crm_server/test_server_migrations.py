"""Alembic: an empty database upgraded to head matches the models exactly, and an
older schema with data upgrades to head keeping the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from server_testkit import create_schema, drop_schema, pg_base_url, worker_schema
from sqlalchemy import Engine, inspect, text

from crm_core.roles import SEED_ROLES
from crm_server.core.config import sqlite_url
from crm_server.core.db import MIGRATIONS_DIR, make_engine, migrate
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


def _upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade to one revision only (``migrate`` goes to head)."""
    if engine.dialect.name == "sqlite":
        Path(engine.url.database or "").parent.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def test_upgrade_from_0001_with_data_keeps_it_and_adds_push_result(empty_database: str) -> None:
    engine = make_engine(empty_database)
    _upgrade_to(engine, "0001")
    with engine.begin() as conn:
        assert "push_result" not in inspect(conn).get_table_names()
        conn.execute(text("INSERT INTO sync_client (client_id, user_id, last_mutation_id) VALUES ('lap', 'u1', 7)"))
        conn.execute(
            text(
                "INSERT INTO record (id, entity, version, owner_type, owner_id, deleted, data, field_meta,"
                " created_at, modified_at) VALUES ('r1', 'account', 3, 'user', 'u1', false, '{\"name\": \"Acme\"}',"
                " '{}', '2026-01-01T00:00:00.000000Z', '2026-01-02T00:00:00.000000Z')"
            )
        )
    migrate(engine)  # 0001 -> head
    with engine.begin() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, METADATA) == []
        assert conn.execute(text("SELECT last_mutation_id FROM sync_client WHERE client_id = 'lap'")).scalar() == 7
        assert conn.execute(text("SELECT data FROM record WHERE id = 'r1'")).scalar() == '{"name": "Acme"}'
        assert conn.execute(text("SELECT count(*) FROM push_result")).scalar() == 0
        conn.execute(
            text(
                "INSERT INTO push_result (client_id, mutation_id, result, created_at)"
                " VALUES ('lap', 7, '{}', '2026-01-02T00:00:00.000000Z')"
            )
        )
    engine.dispose()
