"""Seeding the connection roles as records owned by nobody and read by all."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from crm_core.entities import ENTITIES
from crm_core.roles import seed_role_rows
from crm_server.core.db import iso_now, write_transaction
from crm_server.models import NOBODY
from crm_server.sync.store import RecordState, load_records, write_records

log = logging.getLogger("crm.server")


def seed_roles(engine: Engine) -> int:
    """Add the seeded connection roles that are missing; returns how many."""
    rows = seed_role_rows()
    defaults = ENTITIES["connection_role"].defaults()
    now = iso_now()
    with write_transaction(engine) as conn:
        existing = load_records(conn, [r["id"] for r in rows])
        new = [
            RecordState(
                id=row["id"],
                entity="connection_role",
                version=1,
                owner_type=NOBODY,
                owner_id="",
                deleted=False,
                data=defaults | {k: v for k, v in row.items() if k != "id"},
                field_meta={},
                created_at=now,
                modified_at=now,
                is_new=True,
            )
            for row in rows
            if row["id"] not in existing
        ]
        write_records(conn, new)
    if new:
        log.info("seeded %d connection roles", len(new))
    return len(new)
