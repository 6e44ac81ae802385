"""Engine setup, write transactions and schema migration.

SQLite runs in WAL mode with a busy timeout; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue instead of failing on lock upgrade.

On PostgreSQL every write transaction that appends to the change log first
takes one transaction-scoped advisory lock (``pg_advisory_xact_lock``),
held until commit.  We chose this over storing ``pg_current_xact_id()`` per
log row because it keeps the cursor a plain integer: with the lock, change
log sequence numbers are allocated in commit order, so the rows a pull can
see are always a prefix of the sequence (apart from the holes of rolled back
transactions) and a cursor can never move past a change that commits later.
It also serializes pushes the way SQLite does, so the checks a push makes
against other records (primary contact, parent chain, duplicate connection)
cannot be invalidated by a concurrent push (no write skew).  Pulls take no
lock and never wait for pushes.  The price is one push at a time per
database, which the push benchmark shows is far above what a team needs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

log = logging.getLogger("crm.server")

WRITE_LOCK_KEY = 0x43524D53  # "CRMS": the change log's advisory lock
MIGRATE_LOCK_KEY = 0x43524D4D  # "CRMM": one schema migration at a time
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored datetime as aware UTC (SQLite hands them back naive)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def iso_now() -> str:
    """The current UTC time as the ISO text stored on records."""
    return utcnow().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def is_postgres(engine_or_conn: Engine | Connection) -> bool:
    """Whether the database is PostgreSQL (else SQLite)."""
    return engine_or_conn.dialect.name == "postgresql"


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    # FULL: a client drops its queued changes once the push is answered, so an answered commit must
    # survive a power cut or an OS crash; in WAL mode NORMAL may roll the last ones back.  One fsync
    # a push of up to 5000 changes (no difference within the noise of bench/bench_server.py).
    # fullfsync: on macOS a plain fsync leaves the data in the drive's cache (elsewhere a no-op).
    pragmas = ("journal_mode=WAL", "synchronous=FULL", "fullfsync=ON", "busy_timeout=30000", "foreign_keys=ON",
               "cache_size=-32000")
    for pragma in pragmas:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("crm_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(database_url: str) -> Engine:
    """An engine for ``database_url`` with our SQLite pragmas or PG pool."""
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=8)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(database_url, pool_size=10, max_overflow=20, pool_recycle=1800)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that may append to the change log (see module doc)."""
    with engine.connect() as conn:
        conn.execution_options(crm_write=True)
        with conn.begin():
            if is_postgres(conn):
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            yield conn


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest alembic revision and seed the roles."""
    from alembic import command
    from alembic.config import Config

    from crm_server.seed import seed_roles

    if engine.dialect.name == "sqlite":
        Path(engine.url.database or "").parent.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        if is_postgres(conn):  # two servers starting at once must not both migrate
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK_KEY})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    seed_roles(engine)
    log.info("database schema at head")
