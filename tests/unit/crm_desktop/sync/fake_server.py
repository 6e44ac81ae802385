"""A small in-memory stand-in for crm-server behind httpx.MockTransport.

It speaks the protocol's messages (crm_core.protocol) for push, pull, login
and health, keeps per-client last mutation ids like the real server, and can
be told to fail the next requests in chosen ways.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from crm_core.protocol import Change, PullResponse, PushRequest, PushResponse, PushResult, TokenResponse

TOKEN = "tok-1"


@dataclass
class FakeRecord:
    entity: str
    version: int
    fields: dict[str, Any]
    deleted: bool = False


@dataclass
class FakeServer:
    up: bool = True
    password: str = "pw"
    records: dict[str, FakeRecord] = field(default_factory=dict)
    log: list[tuple[int, str]] = field(default_factory=list)  # (seq, record id)
    last_ids: dict[str, int] = field(default_factory=dict)
    pushes: list[list[int]] = field(default_factory=list)  # mutation ids per push received
    # next requests fail: "connect", "timeout", "lost", "garbage" or a status code ("500", "401", "410")
    failures: list[str] = field(default_factory=list)
    conflict_fields: dict[int, dict[str, Any]] = field(default_factory=dict)  # mutation id -> theirs
    reject: dict[int, str] = field(default_factory=dict)  # mutation id -> reason
    reject_messages: dict[int, str] = field(default_factory=dict)  # mutation id -> the message, if not the default
    reject_whys: dict[int, dict[str, Any]] = field(default_factory=dict)  # mutation id -> why, if any
    requests: list[str] = field(default_factory=list)
    pulls: list[tuple[int, bool]] = field(default_factory=list)  # (cursor, full) per pull asked for
    floor: int = 0  # incremental pulls from cursors in 1..floor-1 get 410 (the log was compacted)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    # -- server-side edits (another rep) -----------------------------------------

    def put(self, entity: str, record_id: str, fields: dict[str, Any], deleted: bool = False) -> None:
        record = self.records.get(record_id)
        if record is None:
            record = self.records[record_id] = FakeRecord(entity, 0, {})
        record.fields.update(fields)
        record.version += 1
        record.deleted = deleted
        self.log.append((len(self.log) + 1, record_id))

    # -- the handler -------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        self.requests.append(f"{request.method} {path}")
        if not self.up:
            raise httpx.ConnectError("connection refused", request=request)
        if self.failures and path != "/health":
            failure = self.failures.pop(0)
            if failure == "connect":
                raise httpx.ConnectError("connection refused", request=request)
            if failure == "timeout":
                raise httpx.ReadTimeout("timed out", request=request)
            if failure == "lost":  # the server commits, the answer never arrives
                self.handle(request)
                raise httpx.ReadError("connection reset", request=request)
            if failure == "garbage":
                return httpx.Response(200, content=b"<html>proxy error</html>")
            return httpx.Response(int(failure), json={"detail": f"injected {failure}"})
        if path == "/health":
            return httpx.Response(200, json={"status": "ok"})
        if path == "/auth/token":
            body = json.loads(request.content)
            if body["password"] != self.password:
                return httpx.Response(401, json={"detail": "wrong user name or password"})
            token = TokenResponse(access_token=TOKEN, expires_at="2099-01-01T00:00:00+00:00", user=body["username"])
            return httpx.Response(200, content=token.model_dump_json())
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return httpx.Response(401, json={"detail": "bad token"})
        if path == "/sync/push":
            return self._push(PushRequest.model_validate_json(request.content))
        if path == "/sync/pull":
            params = request.url.params
            return self._pull(int(params["cursor"]), int(params["limit"]), params.get("full") == "true")
        if path == "/directory":
            return httpx.Response(200, json={"users": [{"name": "ana", "team": "sales"}], "teams": ["sales"]})
        if path == "/auth/logout":
            return httpx.Response(204)
        return httpx.Response(404, json={"detail": "not found"})

    def _push(self, push: PushRequest) -> httpx.Response:
        self.pushes.append([m.mutation_id for m in push.mutations])
        last = self.last_ids.get(push.client_id, 0)
        results = []
        for m in push.mutations:
            if m.mutation_id <= last:
                results.append(PushResult(mutation_id=m.mutation_id, status="duplicate"))
                continue
            if m.mutation_id > last + 1:
                break  # a gap stops the batch, like crm-server
            last = m.mutation_id
            results.append(self._apply(m))
        self.last_ids[push.client_id] = last
        return httpx.Response(200, content=PushResponse(results=results, last_mutation_id=last).model_dump_json())

    def _apply(self, m: Any) -> PushResult:
        if m.mutation_id in self.reject:
            return PushResult(mutation_id=m.mutation_id, status="rejected", reason=self.reject[m.mutation_id],
                              message=self.reject_messages.get(m.mutation_id, "refused by the fake"),
                              why=self.reject_whys.get(m.mutation_id))
        if m.mutation_id in self.conflict_fields:
            theirs = self.conflict_fields[m.mutation_id]
            self.put(m.entity, m.record_id, theirs)
            conflicts = {k: {"base": m.base.get(k), "theirs": v, "yours": m.fields.get(k)} for k, v in theirs.items()}
            return PushResult.model_validate({"mutation_id": m.mutation_id, "status": "conflict",
                                              "version": self.records[m.record_id].version,
                                              "conflicts": conflicts})
        if m.op in ("create", "update"):
            self.put(m.entity, m.record_id, m.fields)
        elif m.op == "delete":
            self.put(m.entity, m.record_id, {}, deleted=True)
        return PushResult(mutation_id=m.mutation_id, status="applied", version=self.records[m.record_id].version)

    def _pull(self, cursor: int, limit: int, full: bool) -> httpx.Response:
        self.pulls.append((cursor, full))
        if 0 < cursor < self.floor and not full:  # a full pull is served below the floor
            return httpx.Response(410, json={"detail": f"cursor {cursor} is too old"})
        newest: dict[str, int] = {}
        for seq, record_id in self.log:
            if seq > cursor:
                newest[record_id] = seq
        entries = sorted((seq, rid) for rid, seq in newest.items())[:limit]
        changes = []
        for seq, record_id in entries:
            r = self.records[record_id]
            changes.append(Change(seq=seq, entity=r.entity, record_id=record_id, version=r.version,
                                  deleted=r.deleted, fields={} if r.deleted else dict(r.fields)))
        has_more = len(entries) == limit
        new_cursor = entries[-1][0] if has_more else max(cursor, len(self.log))
        body = PullResponse(changes=changes, cursor=new_cursor, has_more=has_more)
        return httpx.Response(200, content=body.model_dump_json())
