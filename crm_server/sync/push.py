"""Push: apply a client's queued mutations exactly once, in order.

The whole batch is one transaction: the client's row is locked, every
touched record is loaded in a few queries, the mutations are judged and
applied in Python, and the results are written with one executemany per
table together with the client's new last mutation id.  Any database error
rolls everything back, so a retried push starts from the same state.

Exactly once per ``(client_id, mutation_id)``: a mutation id at or below the
client's last applied id is not applied again.  If the response to a push is
lost after the commit, the client retries the same mutations, and a
conflict or rejection it never heard must not turn into a silent
``duplicate`` (the client would drop the change as done).  So the full
``PushResult`` of every mutation that was *not* applied is kept in
``push_result`` in the same transaction, and a retried id answers that
stored result (``conflict`` with the same base/theirs/yours, ``rejected``
with the same reason and message); ids without one (applied) answer
``duplicate``.  Applied results are not kept: that path stays as fast as
before, and a retried applied mutation needs nothing but ``duplicate``.
Stored results are kept ``store.PUSH_RESULT_DAYS`` days; pushes that store
new ones drop the expired rows.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from crm_core.entities import ENTITIES
from crm_core.protocol import RIGHTS, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS, Mutation, PushRequest
from crm_server.core.db import is_postgres, iso_now, write_transaction
from crm_server.errors import BadRequest, Forbidden, UpgradeRequired
from crm_server.models import SyncClient
from crm_server.sync import store
from crm_server.sync.access import Actor
from crm_server.sync.batch import Batch
from crm_server.sync.mutations import Result, apply_mutation, result

log = logging.getLogger("crm.server")
CLIENT = SyncClient.__table__  # type: ignore[attr-defined]

_OP_FIELDS = {"assign": {"owner_type", "owner"}, "share": {"principal_type", "principal", "rights"}}


def check_request(request: PushRequest) -> None:
    """Refuse a push that is malformed as a whole (nothing gets written)."""
    if request.schema_version not in SUPPORTED_SCHEMA_VERSIONS:
        raise UpgradeRequired(
            f"schema version {request.schema_version} is not supported; this server speaks {SCHEMA_VERSION}"
        )
    for index, m in enumerate(request.mutations):
        if (
            m.entity not in ENTITIES
            or not _allowed_fields(m.entity, m.op).issuperset(m.fields)
            or m.op == "share"
            or any(v is not None and v.__class__ is not str for v in m.fields.values())
            or (m.seen is not None and m.op != "delete")
        ):
            _refuse_mutation(index, m)


def _refuse_mutation(index: int, m: Mutation) -> None:
    """Say what is wrong with a malformed mutation (BadRequest), if anything."""
    where = f"mutations[{index}] (mutation {m.mutation_id})"
    if m.entity not in ENTITIES:
        raise BadRequest(f"{where}: unknown entity {m.entity!r}")
    if m.seen is not None and m.op != "delete":
        raise BadRequest(f"{where}: only a delete says which dependants it saw ('seen')")
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


# What a schema 1 client does not know: it reads answers with extra="forbid" (crm_core.protocol).
_SCHEMA_2_KEYS = ("dependants", "why")


def _for_schema(kept: Result | None, schema_version: int) -> Result | None:
    """A kept answer as this push's client may read it: answered to a newer push, retried by an older one."""
    if kept is None or schema_version >= 3:
        return kept
    if schema_version < 2:
        return {name: value for name, value in kept.items() if name not in _SCHEMA_2_KEYS}
    if not any("hidden" in d for d in kept.get("dependants", ())):
        return kept
    return kept | {"dependants": [_for_schema_2(d) for d in kept["dependants"]]}


def _for_schema_2(dependant: dict[str, Any]) -> dict[str, Any]:
    """A hidden dependant as a schema 2 client hears of one (``mutations._hidden``)."""
    if "hidden" not in dependant:
        return dependant
    return {name: value for name, value in dependant.items() if name != "hidden"} | {"created": True}


def push(*, engine: Engine, actor: Actor, request: PushRequest) -> dict[str, Any]:
    """Apply the push and return the PushResponse as a plain dict."""
    check_request(request)
    with write_transaction(engine) as conn:
        last = _lock_client(conn, actor, request.client_id)
        batch = Batch(conn, actor, request.client_id, iso_now(), request.schema_version)
        batch.preload([m for m in request.mutations if m.mutation_id > last])
        retried = [m.mutation_id for m in request.mutations if m.mutation_id <= last]
        kept = store.load_push_results(conn, request.client_id, retried)  # conflicts/rejections answered before
        results: list[Result] = []
        not_applied: list[Result] = []
        for m in request.mutations:
            if m.mutation_id <= last:
                results.append(_for_schema(kept.get(m.mutation_id), request.schema_version) or result(m, "duplicate"))
                continue
            if m.mutation_id > last + 1:
                log.info("client %s: gap before mutation %d, batch stopped", request.client_id, m.mutation_id)
                break
            outcome = apply_mutation(batch, m)
            if outcome["status"] != "applied":
                not_applied.append(outcome)
            results.append(outcome)
            last = m.mutation_id
        batch.flush()
        store.save_push_results(conn, request.client_id, not_applied, batch.now)
        conn.execute(update(CLIENT).where(CLIENT.c.client_id == request.client_id).values(last_mutation_id=last))
    return {"results": results, "last_mutation_id": last}
