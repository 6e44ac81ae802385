"""Background sync: on reconnect with backoff, on an interval, after edits."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

from crm_desktop.services.sync import AuthError, AutoSync, NetworkError, ServerError, SyncError, SyncReport
from crm_desktop.sync.autosync import backoff_delay

REPORT = SyncReport(pushed=0, pulled=0, conflicts=0, rejected=0, pending_changes=0)


class StubService:
    """Answers like SyncService; ``online`` decides whether syncs and probes succeed."""

    def __init__(self, online: bool = True, error: SyncError | None = None) -> None:
        self.online = online
        self.error = error
        self.syncs = 0
        self.probes: list[float] = []
        self.synced = threading.Event()

    def sync_now(self) -> SyncReport:
        self.syncs += 1
        self.synced.set()
        if self.error is not None:
            raise self.error
        if not self.online:
            raise NetworkError("cannot reach the server")
        return REPORT

    def probe(self) -> bool:
        self.probes.append(time.monotonic())
        return self.online

    def state(self) -> Any:
        return {"online": self.online}


def _wait(predicate: Any, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_delay(n, 60.0, rng) for n in range(10)]
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and 4.0 <= delays[3] <= 8.0
    assert all(d <= 60.0 for d in delays) and delays[-1] >= 30.0


def test_offline_probes_with_backoff_and_syncs_once_the_server_answers() -> None:
    service = StubService(online=False)
    finished: list[Any] = []
    auto = AutoSync(service, interval=100, edit_delay=0.01, max_backoff=0.08, on_finished=finished.append)
    auto.start()
    try:
        assert _wait(lambda: len(service.probes) >= 3)
        assert service.syncs == 1  # the first attempt; after that only probes
        service.online = True
        assert _wait(lambda: service.syncs == 2)
        assert isinstance(finished[0], NetworkError) and finished[-1] == REPORT
    finally:
        auto.stop()


def test_local_edit_syncs_shortly_after_while_online() -> None:
    service = StubService()
    auto = AutoSync(service, interval=100, edit_delay=0.05)
    auto.start()
    try:
        assert _wait(lambda: service.syncs == 1)
        auto.notify_local_edit()
        auto.notify_local_edit()
        assert _wait(lambda: service.syncs == 2)
        time.sleep(0.15)
        assert service.syncs == 2  # two edits, one sync
    finally:
        auto.stop()


def test_syncs_periodically_while_online() -> None:
    service = StubService()
    auto = AutoSync(service, interval=0.05)
    auto.start()
    try:
        assert _wait(lambda: service.syncs >= 3)
    finally:
        auto.stop()


def test_rejected_login_stops_automatic_sync_until_asked() -> None:
    service = StubService(error=AuthError("log in again"))
    auto = AutoSync(service, interval=0.02, max_backoff=0.02)
    auto.start()
    try:
        assert _wait(lambda: service.syncs == 1)
        time.sleep(0.15)
        assert service.syncs == 1 and service.probes == []
        service.error = None
        auto.request_sync()
        assert _wait(lambda: service.syncs == 2)
    finally:
        auto.stop()


def test_stop_returns_promptly() -> None:
    auto = AutoSync(StubService(), interval=300)
    auto.start()
    started = time.monotonic()
    auto.stop()
    assert time.monotonic() - started < 2


def test_a_failing_server_is_retried_with_backoff_not_at_once() -> None:
    # The start-up sync works; then every sync fails (5xx, or another process holds the store's sync).
    service = StubService()
    auto = AutoSync(service, interval=0.05, edit_delay=100, max_backoff=60.0)
    auto.start()
    try:
        assert _wait(lambda: service.syncs == 1)
        service.error = ServerError("the server had a problem (500); try again later")
        assert _wait(lambda: service.syncs == 2)  # the next periodic sync fails
        time.sleep(0.4)
        assert service.syncs == 2, "the first retry waits at least half a second"
    finally:
        auto.stop()


def test_an_unexpected_error_waits_like_a_failure() -> None:
    service = StubService(error=RuntimeError("a bug"))  # type: ignore[arg-type]
    auto = AutoSync(service, interval=0.05, max_backoff=60.0)
    auto.start()
    try:
        assert _wait(lambda: service.syncs == 1)
        time.sleep(0.3)
        assert service.syncs == 1
    finally:
        auto.stop()
