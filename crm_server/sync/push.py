"""Push: apply a client's queued mutations exactly once, in order.

The whole batch is one transaction: the client's row is locked, every
touched record is loaded in a few queries, the mutations are judged and
applied in Python, and the results are written with one executemany per
table together with the client's new last mutation id.  Any database error
rolls everything back, so a retried push starts from the same state.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from crm_core.entities import ENTITIES
from crm_core.protocol import RIGHTS, SCHEMA_VERSION, Mutation, PushRequest
from crm_server.core.db import is_postgres, iso_now, write_transaction
from crm_server.errors import BadRequest, Forbidden, UpgradeRequired
from crm_server.models import SyncClient
from crm_server.sync.access import Actor
from crm_server.sync.batch import Batch
from crm_server.sync.mutations import Result, apply_mutation, result

log = logging.getLogger("crm.server")
CLIENT = SyncClient.__table__  # type: ignore[attr-defined]

_OP_FIELDS = {"assign": {"owner_type", "owner"}, "share": {"principal_type", "principal", "rights"}}


def check_request(request: PushRequest) -> None:
    """Refuse a push that is malformed as a whole (nothing gets written)."""
    if request.schema_version != SCHEMA_VERSION:
        raise UpgradeRequired(
            f"schema version {request.schema_version} is not supported; this server speaks {SCHEMA_VERSION}"
        )
    for index, m in enumerate(request.mutations):
        if (
            m.entity not in ENTITIES
            or not _allowed_fields(m.entity, m.op).issuperset(m.fields)
            or m.op == "share"
            or any(v is not None and v.__class__ is not str for v in m.fields.values())
        ):
            _refuse_mutation(index, m)


def _refuse_mutation(index: int, m: Mutation) -> None:
    """Say what is wrong with a malformed mutation (BadRequest), if anything."""
    where = f"mutations[{index}] (mutation {m.mutation_id})"
    if m.entity not in ENTITIES:
        raise BadRequest(f"{where}: unknown entity {m.entity!r}")
    allowed = _allowed_fields(m.entity, m.op)
    for name, value in m.fields.items():
        if name not in allowed:
            raise BadRequest(f"{where}: unknown field {name!r} for {m.op} of {m.entity}")
        if name == "rights":
            _check_rights(where, value)
        elif value is not None and not isinstance(value, str):
            raise BadRequest(f"{where}: field {name!r} must be text, not {type(value).__name__}")


@cache
def _allowed_fields(entity_name: str, op: str) -> frozenset[str]:
    return frozenset(_OP_FIELDS.get(op, ENTITIES[entity_name].field_names))


def _check_rights(where: str, value: Any) -> None:
    if not isinstance(value, list) or any(r not in RIGHTS for r in value):
        raise BadRequest(f"{where}: rights must be a list of {', '.join(RIGHTS)}")


def _lock_client(conn: Connection, actor: Actor, client_id: str) -> int:
    query = select(CLIENT).where(CLIENT.c.client_id == client_id)
    if is_postgres(conn):
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        conn.execute(insert(CLIENT).values(client_id=client_id, user_id=actor.id, last_mutation_id=0))
        return 0
    if row.user_id != actor.id:
        raise Forbidden(f"client id {client_id} belongs to another user")
    return int(row.last_mutation_id)


def push(*, engine: Engine, actor: Actor, request: PushRequest) -> dict[str, Any]:
    """Apply the push and return the PushResponse as a plain dict."""
    check_request(request)
    with write_transaction(engine) as conn:
        last = _lock_client(conn, actor, request.client_id)
        batch = Batch(conn, actor, request.client_id, iso_now())
        batch.preload([m for m in request.mutations if m.mutation_id > last])
        results: list[Result] = []
        for m in request.mutations:
            if m.mutation_id <= last:
                results.append(result(m, "duplicate"))
                continue
            if m.mutation_id > last + 1:
                log.info("client %s: gap before mutation %d, batch stopped", request.client_id, m.mutation_id)
                break
            results.append(apply_mutation(batch, m))
            last = m.mutation_id
        batch.flush()
        conn.execute(update(CLIENT).where(CLIENT.c.client_id == request.client_id).values(last_mutation_id=last))
    return {"results": results, "last_mutation_id": last}
