"""Sync budgets, client side, against a real crm-server process on 127.0.0.1.

* sync_push_10k: push 10k queued contact creates until all are acknowledged
  (SyncService's push, batches of 5000) vs. one raw httpx POST of the same
  rows to a bare bulk endpoint: a Starlette app in its own process (this file
  run with ``--bare``) doing json.loads plus one executemany into a table of
  the same server database.  crm-server has no bare bulk endpoint, so the
  baseline is this stand-in.  Budget: ours <= 3x.
* sync_first_pull: a first sync of 1M contacts (quick: 20k) into an empty
  store vs. streaming the same pull pages with httpx and inserting the rows
  with sqlite3 executemany.  Budget: ours <= 3x and >= 50k records/s.

    python bench/run.py --only sync_ [--quick]
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import Benchmark, Result
from sqlalchemy import Engine, text
from sqlmodel import Session

from crm_core.entities import ENTITIES
from crm_core.protocol import SCHEMA_VERSION
from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store import Store
from crm_desktop.sync.client import SyncClient
from crm_desktop.sync.credentials import MemoryKeyring
from crm_desktop.sync.engine import Counts, SyncEngine
from crm_server import crud
from crm_server.core.config import DB_FILE_NAME, sqlite_url
from crm_server.core.db import iso_now, make_engine, migrate
from tests.helpers.server import ROOT, ServerProcess, free_port

USER, PASSWORD = "bench", "bench-password"
PUSH_ROWS = 10_000
PAGE = 5000


def _scratch(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, True)
    return path


def _server_database(directory: Path) -> Engine:
    """A migrated server database with the admin bench user."""
    engine = make_engine(sqlite_url(directory))
    migrate(engine)
    with Session(engine) as session:
        crud.create_user(session=session, name=USER, password=PASSWORD, admin=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_raw (record_id TEXT PRIMARY KEY, entity TEXT, fields TEXT)"))
    return engine


def _start(directory: Path) -> ServerProcess:
    server = ServerProcess(directory)
    server.start()
    atexit.register(server.kill)
    return server


def _service(root: Path, server: ServerProcess) -> SyncService:
    service = SyncService(Store.open_dir(root), credentials=CredentialStore(MemoryKeyring()), timeout=120)
    service.login(server.url, USER, PASSWORD)
    return service


# -- push ------------------------------------------------------------------------


def _bare_server(database: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{Path(__file__).parent}")
    process = subprocess.Popen([sys.executable, __file__, "--bare", str(port), str(database)], cwd=ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    atexit.register(process.kill)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("the bare bulk server did not start")


def _queue_contacts(service: SyncService, tag: str) -> None:
    with service.store.writing() as writer:
        for i in range(PUSH_ROWS):
            writer.create("contact", {"first_name": "Ana", "last_name": f"Ruiz {tag} {i}",
                                      "email": f"ana.{tag}.{i}@example.com", "job_title": "Buyer"})


def bench_push(quick: bool) -> Result:
    """Seconds to push 10k queued creates until acknowledged, vs. one bare bulk POST."""
    directory = _scratch("crm-sync-bench-push-")
    engine = _server_database(directory)
    engine.dispose()
    server = _start(directory)
    _, bare_url = _bare_server(directory / DB_FILE_NAME)
    service = _service(_scratch("crm-sync-bench-laptop-"), server)
    token = service.credentials.get(server.url, USER)
    engine = SyncEngine(service.store, SyncClient(server.url, token=token, timeout=120), push_batch=5000)
    ours, baseline = [], []
    for run in range(1 if quick else 3):
        _queue_contacts(service, f"r{run}")
        with service.store.db.lock:
            rows = [m.model_dump() for m in _all_queued(service)]
        start = time.perf_counter()
        httpx.post(f"{bare_url}/bulk", content=json.dumps(rows), timeout=120).raise_for_status()
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        counts = Counts()
        engine.push(counts, lambda _stage, _done, _total: None, None)
        ours.append(time.perf_counter() - start)
        assert counts.pushed == PUSH_ROWS and service.store.pending_changes() == 0, counts
    return Result(min(ours), min(baseline), "s", max_ratio=3)


def _all_queued(service: SyncService) -> list[object]:
    from crm_desktop.store import outbox

    return list(outbox.queued(service.store.conn, PUSH_ROWS * 2))


def _bare_app(database: str) -> object:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    conn = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")

    async def bulk(request: Request) -> JSONResponse:
        rows = json.loads(await request.body())
        conn.execute("BEGIN")
        conn.executemany("INSERT OR REPLACE INTO bench_raw VALUES (?, ?, ?)",
                         [(r["record_id"], r["entity"], json.dumps(r["fields"])) for r in rows])
        conn.execute("COMMIT")
        return JSONResponse({"count": len(rows)})

    async def health(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(routes=[Route("/bulk", bulk, methods=["POST"]), Route("/health", health)])


# -- first sync --------------------------------------------------------------------


def _seed_contacts(engine: Engine, count: int) -> None:
    """``count`` contacts owned by the bench user, straight into the server database."""
    values = ENTITIES["contact"].defaults() | {"first_name": "Ana", "job_title": "Buyer", "city": "Madrid",
                                               "country": "Spain"}
    parts = []
    for name, value in values.items():
        if name == "last_name":
            parts.append("'last_name', 'Ruiz ' || i")
        elif name == "email":
            parts.append("'email', 'ana' || i || '@example.com'")
        elif name == "phone":
            parts.append("'phone', printf('+34 6%02d %03d %03d', i % 100, (i / 100) % 1000, i % 1000)")
        else:
            parts.append(f"'{name}', " + ("NULL" if value is None else f"'{value}'"))
    with engine.begin() as conn:
        uid = conn.execute(text("SELECT id FROM crm_user WHERE name = :n"), {"n": USER}).scalar()
        conn.execute(text(
            "INSERT INTO record (id, entity, version, owner_type, owner_id, deleted, data, field_meta,"
            " created_at, modified_at) SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'contact', 1,"
            f" 'user', :uid, 0, json_object({', '.join(parts)}), '{{}}', :now, :now FROM"
            " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) SELECT i FROM n)"),
            {"uid": uid, "now": iso_now(), "count": count})
        conn.execute(text("INSERT INTO change_log (record_id) SELECT id FROM record WHERE entity = 'contact'"
                          " ORDER BY id"))


def _raw_first_sync(server: ServerProcess, token: str, target: Path) -> int:
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE record (id TEXT PRIMARY KEY, entity TEXT, version INTEGER, data TEXT)")
    headers = {"Authorization": f"Bearer {token}", "X-CRM-Schema-Version": str(SCHEMA_VERSION)}
    cursor, count = 0, 0
    with httpx.Client(base_url=server.url, headers=headers, timeout=120) as client:
        while True:
            page = json.loads(client.get("/api/v1/sync/pull", params={"cursor": cursor, "limit": PAGE}).content)
            rows = [(c["record_id"], c["entity"], c["version"], json.dumps(c["fields"])) for c in page["changes"]]
            conn.execute("BEGIN")
            conn.executemany("INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
            count += len(rows)
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    conn.close()
    return count


def bench_first_sync(quick: bool) -> Result:
    """Records per second of a first sync into an empty store, vs. raw pull + executemany."""
    count = 20_000 if quick else 1_000_000
    directory = _scratch("crm-sync-bench-pull-")
    engine = _server_database(directory)
    _seed_contacts(engine, count)
    engine.dispose()
    server = _start(directory)
    service = _service(_scratch("crm-sync-bench-first-"), server)
    token = service.credentials.get(server.url, USER)
    assert token is not None
    start = time.perf_counter()
    raw = _raw_first_sync(server, token, _scratch("crm-sync-bench-raw-") / "raw.sqlite3")
    baseline = raw / (time.perf_counter() - start)
    start = time.perf_counter()
    report = service.sync_now()
    ours = report.pulled / (time.perf_counter() - start)
    assert service.store.count("contact") == count, service.store.count("contact")
    # In seconds for the whole sync: at most 3x the raw one, and at least 50k records/s.
    return Result(count / ours, count / baseline, "s", max_ratio=3, max_ours=count / 50_000)


BENCHMARKS = [
    Benchmark("sync_push_10k", bench_push),
    Benchmark("sync_first_pull", bench_first_sync),
]


if __name__ == "__main__" and sys.argv[1:2] == ["--bare"]:
    import uvicorn

    uvicorn.run(_bare_app(sys.argv[3]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")  # type: ignore[arg-type]
