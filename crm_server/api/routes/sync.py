"""Push and pull over HTTP: size, schema version and body checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from crm_core.protocol import MAX_PULL_LIMIT, MAX_PUSH_BYTES, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS, PushRequest
from crm_server.api.deps import CurrentUser, EngineDep
from crm_server.api.errors import describe
from crm_server.core.memory import collector_paused
from crm_server.errors import BadRequest, TooLarge, UpgradeRequired
from crm_server.sync.access import Actor
from crm_server.sync.pull import pull
from crm_server.sync.push import push
from crm_server.sync.store import encode_json

router = APIRouter(prefix="/sync", tags=["sync"])
SCHEMA_HEADER = "X-CRM-Schema-Version"


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_PUSH_BYTES:
        raise TooLarge(f"a push may be at most {MAX_PUSH_BYTES} bytes; send fewer mutations per push")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_PUSH_BYTES:
            raise TooLarge(f"a push may be at most {MAX_PUSH_BYTES} bytes; send fewer mutations per push")
        chunks.append(chunk)
    return b"".join(chunks)


class _SchemaOnly(BaseModel):
    schema_version: int


def _parse(body: bytes) -> PushRequest:
    try:
        return PushRequest.model_validate_json(body)
    except ValidationError as exc:
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            raise BadRequest("the body is not valid JSON") from None
        _refuse_other_schema(body)  # a newer client's push may not fit this schema at all
        raise BadRequest(describe(exc.errors())) from None


def _refuse_other_schema(body: bytes) -> None:
    try:
        version = _SchemaOnly.model_validate_json(body).schema_version
    except ValidationError:
        return
    if version not in SUPPORTED_SCHEMA_VERSIONS:
        raise UpgradeRequired(f"schema version {version} is not supported; this server speaks {SCHEMA_VERSION}")


@router.post("/push")
async def push_changes(request: Request, actor: CurrentUser, engine: EngineDep) -> Response:
    """Apply the client's queued mutations; answers a PushResponse."""
    body = await _read_body(request)
    return Response(await run_in_threadpool(_push, engine, actor, body), media_type="application/json")


def _push(engine: Engine, actor: Actor, body: bytes) -> str:
    with collector_paused():  # see crm_server.core.memory
        answer = push(engine=engine, actor=actor, request=_parse(body))
        return encode_json(answer)


def _schema_version(value: str | None) -> None:
    if value is None:
        raise BadRequest(f"send the {SCHEMA_HEADER} header")
    if not value.strip().isdigit() or int(value) not in SUPPORTED_SCHEMA_VERSIONS:
        raise UpgradeRequired(f"schema version {value} is not supported; this server speaks {SCHEMA_VERSION}")


@router.get("/pull")
def pull_changes(
    actor: CurrentUser,
    engine: EngineDep,
    cursor: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1)] = 1000,
    full: Annotated[bool, Query()] = False,
    schema_version: Annotated[str | None, Header(alias=SCHEMA_HEADER)] = None,
) -> Response:
    """The readable changes after ``cursor``; answers a PullResponse.

    ``full=true``: the client is in a full pull (begun at cursor 0), so a
    cursor below the compacted log's floor is still served.
    """
    _schema_version(schema_version)
    body = pull(engine=engine, actor=actor, cursor=cursor, limit=min(limit, MAX_PULL_LIMIT), full=full)
    return Response(body, media_type="application/json")
