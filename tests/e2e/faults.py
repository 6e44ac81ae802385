"""Fault injection between the sync client and a real server: an httpx transport wrapper.

``FaultTransport`` forwards to the real server over TCP and, when told, drops
a request before it leaves, drops the answer after the server committed,
delivers a request twice, answers garbage or 401, or runs a hook (kill the
server) while a request is in flight.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

Action = str  # "drop_request" | "drop_response" | "twice" | "garbage" | "401" | "kill_in_flight"


@dataclass
class Fault:
    """Do ``action`` to the ``nth`` request (1-based) whose path contains ``path``."""

    path: str
    action: Action
    nth: int = 1
    seen: int = 0


@dataclass
class FaultTransport(httpx.BaseTransport):
    """Forwards to the real server, applying the planned faults once each."""

    faults: list[Fault] = field(default_factory=list)
    offline: bool = False
    on_kill: Callable[[], None] | None = None
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append(f"{request.method} {request.url.path}")
        if self.offline:
            raise httpx.ConnectError("network is unreachable (test: offline)", request=request)
        fault = self._due(request)
        if fault is None:
            return self._forward(request)
        return self._inject(fault.action, request)

    def _due(self, request: httpx.Request) -> Fault | None:
        for fault in self.faults:
            if fault.path in request.url.path:
                fault.seen += 1
                if fault.seen == fault.nth:
                    self.faults.remove(fault)
                    return fault
        return None

    def _forward(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        return response

    def _inject(self, action: Action, request: httpx.Request) -> httpx.Response:
        if action == "drop_request":
            raise httpx.ConnectError("connection reset before sending (test)", request=request)
        if action == "drop_response":
            self._forward(request)
            raise httpx.ReadError("connection reset after the server answered (test)", request=request)
        if action == "twice":
            self._forward(request)
            return self._forward(request)
        if action == "garbage":
            return httpx.Response(200, content=b"\x00\xffnot json{{", request=request)
        if action == "401":
            return httpx.Response(401, json={"detail": "token expired (test)"}, request=request)
        if action == "kill_in_flight":
            return self._kill_in_flight(request)
        raise AssertionError(f"unknown fault {action}")

    def _kill_in_flight(self, request: httpx.Request) -> httpx.Response:
        assert self.on_kill is not None
        outcome: list[object] = []
        sender = threading.Thread(target=lambda: outcome.append(self._try_forward(request)), daemon=True)
        sender.start()
        threading.Event().wait(0.05)  # let the server start on the batch
        self.on_kill()
        sender.join(timeout=20)
        raise httpx.ReadError("server died mid-request (test)", request=request)

    def _try_forward(self, request: httpx.Request) -> object:
        try:
            return self._forward(request)
        except httpx.HTTPError as exc:
            return exc

    def close(self) -> None:
        self.inner.close()
