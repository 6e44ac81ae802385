"""Alembic environment: runs on the connection handed in by ``core.db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from crm_server.models import METADATA

connection = context.config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(connection=conn, target_metadata=METADATA, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # plain `alembic` command line with sqlalchemy.url set
    url = context.config.get_main_option("sqlalchemy.url") or ""
    with create_engine(url).begin() as conn:
        _run(conn)
