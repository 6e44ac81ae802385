"""Fixtures for the server tests: a database per test on SQLite, and on
PostgreSQL when CRM_TEST_DATABASE_URL is set, a TestClient and sales reps.

PostgreSQL isolation: each xdist worker migrates its own schema
(``crm_test_<worker>``) once, each test starts from emptied tables, and the
schema is dropped at the end of the session.
"""

from __future__ import annotations

import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from server_testkit import Api, create_schema, drop_schema, pg_base_url, worker_schema  # noqa: E402

from crm_server.core import security  # noqa: E402
from crm_server.core.config import Settings, sqlite_url  # noqa: E402
from crm_server.core.db import make_engine, migrate  # noqa: E402
from crm_server.main import create_app  # noqa: E402
from crm_server.models import METADATA  # noqa: E402
from crm_server.seed import seed_roles  # noqa: E402
from tests.helpers.fixtures import crm_server_process  # noqa: E402, F401


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters: the tests log in a lot."""
    monkeypatch.setattr(security, "_HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database to copy for each test."""
    directory = tmp_path_factory.mktemp("template")
    engine = make_engine(sqlite_url(directory))
    migrate(engine)
    engine.dispose()
    return directory / "crm-server.sqlite3"


@pytest.fixture(scope="session")
def pg_session_url(worker_id: str) -> Iterator[str]:
    """A migrated PostgreSQL schema for this xdist worker."""
    base = pg_base_url()
    schema = worker_schema(worker_id, "api")
    url = create_schema(base, schema)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    drop_schema(base, schema)


def _empty_tables(engine: Engine) -> None:
    names = ", ".join(t.name for t in METADATA.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
    seed_roles(engine)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated, seeded, otherwise empty database for one test."""
    if request.param == "sqlite":
        shutil.copy(sqlite_template, tmp_path / "crm-server.sqlite3")
        return sqlite_url(tmp_path)
    url: str = request.getfixturevalue("pg_session_url")
    engine = make_engine(url)
    _empty_tables(engine)
    engine.dispose()
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Settings with login thresholds low enough to test quickly."""
    return Settings(
        database_url=database_url,
        data_dir=tmp_path,
        login_slow_after=2,
        login_lock_after=4,
        login_delay_seconds=0.01,
        login_delay_max=0.02,
        login_lock_seconds=60,
    )


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """The test database's engine."""
    engine = make_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    """A TestClient over the app."""
    with TestClient(create_app(settings, engine)) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, engine: Engine) -> Api:
    """The API under test on one database (SQLite, then PostgreSQL)."""
    return Api(client, engine)
