"""Stubs of the sync service (same shape as crm_desktop.services.sync) and fixtures."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

import pytest

from crm_desktop.ui.sync.controller import SyncController


class FakeSyncError(Exception):
    def __init__(self, message: str, kind: str = "server") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


@dataclass(frozen=True)
class FakeReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    pending_changes: int = 0


@dataclass(frozen=True)
class FakeState:
    online: bool | None = True
    logged_in: bool = True
    server_url: str | None = "https://crm.example.com"
    username: str | None = "ana"
    last_sync: str | None = None
    pending_changes: int = 0
    sync_issues: int = 0
    syncing: bool = False
    last_error: Any = None


@dataclass(frozen=True)
class FakeIssue:
    id: int
    kind: str
    entity: str
    record_id: str
    record_name: str
    op: str
    reason: str
    message: str
    fields: dict[str, dict[str, Any]]
    created_at: str = "2026-11-30T09:15:00+00:00"
    followers: tuple[int, ...] = ()


def conflict(issue_id: int = 1) -> FakeIssue:
    return FakeIssue(issue_id, "conflict", "account", "a1", "Acme Ltd", "update", "conflict",
                     "Changed on the server since you edited it",
                     {"phone": {"base": "555-0100", "theirs": "555-0199", "yours": "555-0123"},
                      "industry": {"base": None, "theirs": "Retail", "yours": "Wholesale"}})


def rejection(issue_id: int = 2) -> FakeIssue:
    return FakeIssue(issue_id, "rejected", "contact", "c1", "Ana Ruiz", "update", "permission",
                     "You may not change this contact", {"job_title": {"yours": "CEO"}})


@dataclass
class FakeSyncService:
    """Answers like SyncService; ``sync_result`` is a report or an error to raise."""

    state_value: FakeState = field(default_factory=FakeState)
    sync_result: Any = field(default_factory=FakeReport)
    login_error: Exception | None = None
    open_issues: list[FakeIssue] = field(default_factory=list)
    directory_value: dict[str, list[Any]] = field(default_factory=lambda: {"users": ["ana", "luis"],
                                                                          "teams": ["North"]})
    gate: threading.Event | None = None
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    progress_steps: list[tuple[str, int, int]] = field(default_factory=list)
    cancel_events: list[Any] = field(default_factory=list)

    def sync_now(self, *, progress: Any = None, cancel: Any = None) -> Any:
        self.threads.append(threading.current_thread())
        self.calls.append(("sync_now",))
        self.cancel_events.append(cancel)
        for step in self.progress_steps:
            progress(*step)
        if self.gate is not None:
            self.gate.wait(5)
        if isinstance(self.sync_result, Exception):
            raise self.sync_result
        return self.sync_result

    def login(self, server_url: str, username: str, password: str) -> None:
        self.threads.append(threading.current_thread())
        self.calls.append(("login", server_url, username))
        if self.login_error is not None:
            raise self.login_error
        self.state_value = replace(self.state_value, logged_in=True, server_url=server_url,
                                   username=username)

    def logout(self) -> None:
        self.calls.append(("logout",))
        self.state_value = replace(self.state_value, logged_in=False)

    def state(self) -> FakeState:
        return self.state_value

    def issues(self) -> list[FakeIssue]:
        return list(self.open_issues)

    def resolve(self, issue_id: int, action: str) -> list[int]:
        self.calls.append(("resolve", issue_id, action))
        followers = next((i.followers for i in self.open_issues if i.id == issue_id), ())
        self.open_issues = [i for i in self.open_issues if i.id != issue_id and i.id not in followers]
        return list(followers)

    def directory(self) -> dict[str, list[Any]]:
        return self.directory_value


class FakeAutoSync:
    """Records calls; the test fires its callbacks from any thread it likes."""

    def __init__(self, service: Any, *, on_state: Callable[[Any], None] | None = None,
                 on_finished: Callable[..., None] | None = None, interval: float = 300.0,
                 **_: Any) -> None:
        self.service = service
        self.interval = interval
        self.on_state = on_state
        self.on_finished = on_finished
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("start")

    def stop(self) -> None:
        self.calls.append("stop")

    def notify_local_edit(self) -> None:
        self.calls.append("notify_local_edit")

    def request_sync(self) -> None:
        self.calls.append("request_sync")


@pytest.fixture
def service() -> FakeSyncService:
    return FakeSyncService()


@pytest.fixture
def controller(qtbot: Any, service: FakeSyncService) -> Iterator[SyncController]:
    made = SyncController(service, auto_sync=FakeAutoSync)
    yield made
    made.stop()
    made.deleteLater()


@pytest.fixture
def fake() -> SimpleNamespace:
    """The stub classes, for tests that build their own states, reports and errors."""
    return SimpleNamespace(Error=FakeSyncError, Report=FakeReport, State=FakeState, Issue=FakeIssue,
                           AutoSync=FakeAutoSync, Service=FakeSyncService, conflict=conflict,
                           rejection=rejection)
