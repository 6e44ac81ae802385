"""Server budgets, on SQLite and (when CRM_TEST_DATABASE_URL is set) PostgreSQL.

* push: 10k contact creates in two pushes of 5000, through HTTP, against a
  bare Starlette endpoint doing json.loads plus one executemany upsert of the
  same rows into the same database; ours <= 3x the baseline, and >= 20k
  mutations/s (<= 500 ms) on SQLite.
* pull: a full sync (cursor 0, pages of 5000) of 1M records (quick: 20k),
  decoded by the client, >= 50k records/s.  The baseline is the raw keyset
  query over the same rows building the same JSON, without HTTP or checks.

PostgreSQL runs in a scratch schema that is dropped at exit.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import tempfile
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

from common import Benchmark, Result
from sqlalchemy import Engine, text
from sqlmodel import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from crm_core.entities import ENTITIES
from crm_core.protocol import MAX_PUSH_MUTATIONS, SCHEMA_VERSION
from crm_server import crud
from crm_server.core.config import Settings, sqlite_url
from crm_server.core.db import iso_now, make_engine, migrate
from crm_server.core.memory import freeze_startup_objects
from crm_server.main import create_app

with warnings.catch_warnings():  # starlette prefers httpx2; httpx works the same here
    warnings.filterwarnings("ignore", message=".*httpx2", category=UserWarning)
    from starlette.testclient import TestClient

PUSH_MUTATIONS = 10_000
PG_ENV = "CRM_TEST_DATABASE_URL"
SCHEMA_HEADERS = {"X-CRM-Schema-Version": str(SCHEMA_VERSION)}
_RAW_COLUMNS = "id, entity, version, owner_type, owner_id, deleted, data, field_meta, created_at, modified_at"


def _database(kind: str) -> str:
    """A fresh, migrated database of ``kind``; removed when the run ends."""
    if kind == "sqlite":
        directory = Path(tempfile.mkdtemp(prefix="crm-server-bench-"))
        atexit.register(shutil.rmtree, directory, True)
        url = sqlite_url(directory)
    else:
        base = os.environ[PG_ENV]
        schema = f"crm_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        admin = make_engine(base)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        atexit.register(_drop_schema, admin, schema)
        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE bench_raw ({_raw_table_columns()})"))
    engine.dispose()
    return url


def _drop_schema(admin: Engine, schema: str) -> None:
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _raw_table_columns() -> str:
    return (
        "id VARCHAR(36) PRIMARY KEY, entity VARCHAR(40) NOT NULL, version INTEGER NOT NULL, "
        "owner_type VARCHAR(8) NOT NULL, owner_id VARCHAR(36) NOT NULL, deleted BOOLEAN NOT NULL, "
        "data TEXT NOT NULL, field_meta TEXT NOT NULL, created_at VARCHAR(32) NOT NULL, "
        "modified_at VARCHAR(32) NOT NULL"
    )


def _server(url: str) -> tuple[TestClient, Engine, dict[str, str], str]:
    """A TestClient over the real app, a user's auth headers and their id."""
    engine = make_engine(url)
    name = f"bench-{uuid.uuid4().hex[:6]}"
    with Session(engine) as session:
        user_id = crud.create_user(session=session, name=name, password="pw").id
    client = TestClient(create_app(Settings(database_url=url, data_dir=Path(".")), engine))
    token = client.post("/api/v1/auth/token", json={"username": name, "password": "pw"}).json()
    return client, engine, {"Authorization": f"Bearer {token['access_token']}"}, user_id


def _baseline_app(engine: Engine, owner_id: str) -> Starlette:
    """The raw endpoint: json.loads and one executemany upsert."""
    placeholder = "?" if engine.dialect.paramstyle == "qmark" else "%s"
    upsert = (
        f"INSERT INTO bench_raw ({_RAW_COLUMNS}) VALUES ({', '.join([placeholder] * 10)}) "
        "ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version"
    )

    async def raw_push(request: Request) -> JSONResponse:
        body = json.loads(await request.body())
        now = iso_now()
        rows = [
            (m["record_id"], m["entity"], 1, "user", owner_id, False, json.dumps(m["fields"]), "{}", now, now)
            for m in body["mutations"]
        ]
        with engine.begin() as conn:
            conn.exec_driver_sql(upsert, rows)
        return JSONResponse({"count": len(rows)})

    return Starlette(routes=[Route("/raw", raw_push, methods=["POST"])])


def _push_bodies(client_id: str, first_id: int) -> list[bytes]:
    bodies = []
    for start in range(0, PUSH_MUTATIONS, MAX_PUSH_MUTATIONS):
        mutations = [
            {
                "mutation_id": first_id + start + i,
                "entity": "contact",
                "record_id": str(uuid.uuid4()),
                "op": "create",
                "fields": {
                    "first_name": "Ana",
                    "last_name": f"Ruiz {start + i}",
                    "job_title": "Buyer",
                    "city": "Madrid",
                    "phone": "+34 600 000 000",
                },
            }
            for i in range(MAX_PUSH_MUTATIONS)
        ]
        body = {"client_id": client_id, "schema_version": SCHEMA_VERSION, "mutations": mutations}
        bodies.append(json.dumps(body).encode())
    return bodies


def _timed_posts(client: TestClient, path: str, bodies: list[bytes], headers: dict[str, str]) -> float:
    start = time.perf_counter()
    for body in bodies:
        response = client.post(path, content=body, headers=headers | {"Content-Type": "application/json"})
        assert response.status_code == 200, response.text[:300]
    return (time.perf_counter() - start) * 1000


def bench_push(kind: str, quick: bool) -> Result:
    """Median ms for 10k mutations: our push vs. the raw upsert endpoint."""
    client, engine, headers, owner_id = _server(_database(kind))
    raw = TestClient(_baseline_app(engine, owner_id))
    ours, baseline = [], []
    next_id = 1
    freeze_startup_objects()  # as `crm-server serve` does after start-up
    for round_ in range(6 if quick else 8):  # round 0 warms both up and is not counted
        bodies = _push_bodies("bench-laptop", next_id)
        next_id += PUSH_MUTATIONS
        mine, theirs = (
            _timed_posts(client, "/api/v1/sync/push", bodies, headers),
            _timed_posts(raw, "/raw", bodies, {}),
        )
        if round_:
            ours.append(mine)
            baseline.append(theirs)
    engine.dispose()
    budget = 1000 * PUSH_MUTATIONS / 20_000 if kind == "sqlite" else None
    return Result(statistics.median(ours), statistics.median(baseline), "ms", max_ratio=3, max_ours=budget)


def _seed_values() -> dict[str, str]:
    """SQL expressions of a generated contact's fields (``i`` numbers it)."""
    given = {"first_name": "Ana", "job_title": "Buyer", "city": "Madrid", "phone": "+34 600 000 000"}
    values = {k: "NULL" if v is None else f"'{v}'" for k, v in (ENTITIES["contact"].defaults() | given).items()}
    return values | {"last_name": "'Ruiz ' || i", "email": "'ana' || i || '@example.com'"}


def _seed_sql(kind: str) -> str:
    """One INSERT ... SELECT making :count contacts owned by :uid."""
    parts = [f"'{name}', {expression}" for name, expression in _seed_values().items()]
    if kind == "sqlite":
        ids = "printf('%08x-0000-4000-8000-%012x', i, i)"
        source = "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) SELECT i FROM n)"
        data = f"json_object({', '.join(parts)})"
        deleted = "0"
    else:
        ids = "lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0')"
        source = "generate_series(1, :count) AS g(i)"
        data = f"json_build_object({', '.join(parts)})::text"
        deleted = "false"
    return (
        f"INSERT INTO record ({_RAW_COLUMNS}) SELECT {ids}, 'contact', 1, 'user', :uid, {deleted}, "
        f"{data}, '{{}}', :now, :now FROM {source}"
    )


def _seed(engine: Engine, kind: str, owner_id: str, count: int) -> None:
    with engine.begin() as conn:
        conn.execute(text(_seed_sql(kind)), {"count": count, "uid": owner_id, "now": iso_now()})
        conn.execute(
            text("INSERT INTO change_log (record_id) SELECT id FROM record WHERE entity = 'contact' ORDER BY id")
        )
        if kind == "postgres":
            conn.execute(text("ANALYZE"))


def _full_pull(client: TestClient, headers: dict[str, str]) -> int:
    cursor, count = 0, 0
    while True:
        response = client.get(
            "/api/v1/sync/pull", params={"cursor": cursor, "limit": 5000}, headers=headers | SCHEMA_HEADERS
        )
        page: dict[str, Any] = json.loads(response.content)
        count += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            return count


def _raw_pull(engine: Engine) -> int:
    query = text(
        "SELECT cl.seq, r.id, r.entity, r.version, r.data FROM change_log cl "
        "JOIN record r ON r.id = cl.record_id WHERE cl.seq > :cursor ORDER BY cl.seq LIMIT 5000"
    )
    cursor, count = 0, 0
    with engine.connect() as conn:
        while True:
            rows = conn.execute(query, {"cursor": cursor}).all()
            if not rows:
                return count
            items = [f'{{"seq":{r.seq},"record_id":"{r.id}","version":{r.version},"fields":{r.data}}}' for r in rows]
            count += len(json.loads("[" + ",".join(items) + "]"))
            cursor = rows[-1].seq


def bench_pull(kind: str, quick: bool) -> Result:
    """Records per second of a full sync, ours vs. the raw keyset query."""
    client, engine, headers, owner_id = _server(_database(kind))
    count = 20_000 if quick else 1_000_000
    _seed(engine, kind, owner_id, count)
    start = time.perf_counter()
    pulled = _full_pull(client, headers)
    ours = pulled / (time.perf_counter() - start)
    start = time.perf_counter()
    raw = _raw_pull(engine)
    baseline = raw / (time.perf_counter() - start)
    assert pulled >= count, f"pulled {pulled} of {count}"
    engine.dispose()
    return Result(ours, baseline, "rec/s", min_ours=50_000)


BENCHMARKS = [
    Benchmark("server_push_sqlite", lambda quick: bench_push("sqlite", quick)),
    Benchmark("server_pull_sqlite", lambda quick: bench_pull("sqlite", quick)),
]
if os.environ.get(PG_ENV):
    BENCHMARKS += [
        Benchmark("server_push_postgres", lambda quick: bench_push("postgres", quick)),
        Benchmark("server_pull_postgres", lambda quick: bench_pull("postgres", quick)),
    ]
