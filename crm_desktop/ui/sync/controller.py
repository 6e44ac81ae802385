"""The GUI's handle on sync: one object the window, status bar and dialogs share.

Network work (sync, login, the user directory) runs on one serial worker
thread; ``AutoSync`` calls back from its own thread.  Both reach the GUI
thread only through queued signals, so no slot here ever runs elsewhere and
the GUI thread never waits on the network.  Each failure kind has one
handling: ``auth`` asks the rep to log in again (the queue is kept), the rest
are shown in the status bar and retried by ``AutoSync``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

from crm_desktop.ui.sync.tasks import TaskRunner

if TYPE_CHECKING:
    from crm_desktop.services import AppContext

logger = logging.getLogger("crm.ui")

IssueAction = Literal["keep_mine", "take_theirs", "retry", "discard"]
ISSUE_ACTIONS: tuple[IssueAction, ...] = ("keep_mine", "take_theirs", "retry", "discard")
_REQUEUEING_ACTIONS = ("keep_mine", "retry")
_PAUSING_KINDS = ("auth", "schema")  # AutoSync waits for the rep after these
_SHUTDOWN_WAIT_MS = 15_000
# Pulled pages are parsed by json.loads in one C call that holds the GIL:
# about 60-70 ms for 5000 records on a slow laptop, a visible stall of the
# window.  1000 records take about 10 ms, at some 20% of a first sync's
# speed; the command line, with no window, keeps the larger pages.
WINDOW_PULL_LIMIT = 1000


class SyncServiceLike(Protocol):
    """What the controller needs of ``crm_desktop.services.sync.SyncService``."""

    def login(self, server_url: str, username: str, password: str) -> Any: ...
    def logout(self) -> Any: ...
    def sync_now(self, *, progress: Any = None, cancel: Any = None) -> Any: ...
    def state(self) -> Any: ...
    def issues(self) -> list[Any]: ...
    def resolve(self, issue_id: Any, action: IssueAction) -> Any: ...
    def directory(self) -> dict[str, list[Any]]: ...


class AutoSyncLike(Protocol):
    """What the controller needs of ``crm_desktop.services.sync.AutoSync``."""

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def notify_local_edit(self) -> None: ...
    def request_sync(self) -> None: ...


AutoSyncFactory = Callable[..., AutoSyncLike]


def error_kind(error: BaseException) -> str | None:
    """The sync error's kind, or None for an error that is a bug."""
    kind = getattr(error, "kind", None)
    return kind if isinstance(kind, str) else None


def is_not_set_up(error: BaseException | None, state: Any) -> bool:
    """An auth failure because no server was ever set up: nothing to report, only 'Not connected'."""
    return error is not None and error_kind(error) == "auth" and not getattr(state, "server_url", None)


class SyncController(QObject):
    """Runs sync, login and issue resolution for the window; reports by signals."""

    state_changed = Signal(object)
    sync_started = Signal()
    sync_finished = Signal(object)
    sync_failed = Signal(object)
    issues_changed = Signal()
    login_required = Signal()
    login_succeeded = Signal()
    login_failed = Signal(object)
    directory_changed = Signal()
    sync_progressed = Signal(str, int, int)  # stage ("push"/"pull"), done, total

    # Callbacks from other threads, re-emitted there and delivered queued.
    _auto_state_received = Signal(object)
    _auto_finished_received = Signal(object)
    _progress_received = Signal(str, int, int)

    def __init__(self, service: SyncServiceLike, *, auto_sync: AutoSyncFactory | None = None,
                 sync_interval: float | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = TaskRunner(self)
        self._syncing = False
        self._logging_in = False
        self._login_asked = False
        self._auto_paused = False
        self._cancel = threading.Event()
        self._state: Any = None
        self._directory: dict[str, list[Any]] = {"users": [], "teams": []}
        queued = Qt.ConnectionType.QueuedConnection
        self._auto_state_received.connect(self._on_auto_state_received, queued)
        self._auto_finished_received.connect(self._on_auto_finished_received, queued)
        self._progress_received.connect(self.sync_progressed, queued)
        self._auto_sync = auto_sync
        self._sync_interval = sync_interval  # seconds; None: AutoSync's own default
        self._auto_running = False
        self._auto = self._new_auto()

    @classmethod
    def create(cls, context: AppContext, parent: QObject | None = None) -> SyncController:
        """The controller over the context's store, syncing as often as the rep's preferences say."""
        from crm_desktop.services.preferences import Preferences
        from crm_desktop.services.sync import AutoSync, SyncService

        minutes = Preferences(context.store).sync_interval_minutes
        service = SyncService(context.store)
        service.pull_limit = WINDOW_PULL_LIMIT
        return cls(service, auto_sync=AutoSync, sync_interval=minutes * 60, parent=parent)

    def _new_auto(self) -> AutoSyncLike | None:
        if self._auto_sync is None:
            return None
        interval = {} if self._sync_interval is None else {"interval": self._sync_interval}
        return self._auto_sync(self._service, on_state=self._auto_state_received.emit,
                               on_finished=self._from_auto_finished, **interval)

    # -- lifetime ------------------------------------------------------------

    def start(self) -> None:
        """Publish the current state, start automatic sync, fetch the directory."""
        self._cancel = threading.Event()  # a restart after stop() must not start cancelled
        self.refresh_state()
        if self._auto is not None:
            self._auto.start()
            self._auto_running = True
        if getattr(self._state, "logged_in", False):
            self.refresh_directory()

    def stop(self) -> None:
        """Cancel a running sync, stop automatic sync, wait for the worker (at window close)."""
        self._cancel.set()
        if self._auto is not None:
            self._auto.stop()
        self._auto_running = False
        self._runner.wait(_SHUTDOWN_WAIT_MS)

    def sync_interval_minutes(self) -> int | None:
        """Minutes between automatic syncs, or None when AutoSync uses its default."""
        return None if self._sync_interval is None else round(self._sync_interval / 60)

    def set_sync_interval(self, minutes: int) -> None:
        """Sync automatically every ``minutes`` from now on.

        AutoSync fixes its next periodic sync when it is made, so a running
        one is replaced: the old one stops on the worker (stopping waits for
        a sync in progress, which the GUI thread must not) and the new one
        starts with a sync, then keeps the new pace.
        """
        seconds = minutes * 60
        if seconds == self._sync_interval:
            return
        self._sync_interval = seconds
        old = self._auto
        self._auto = self._new_auto()
        if old is None or not self._auto_running:
            return
        self._runner.run(old.stop, lambda _none: None, self._on_auto_stop_failed)
        if self._auto is not None:
            self._auto.start()

    def _on_auto_stop_failed(self, error: Exception) -> None:
        logger.error("stopping the previous automatic sync failed", exc_info=error)

    # -- reading -------------------------------------------------------------

    def state(self) -> Any:
        """The last known SyncState (read from the service the first time)."""
        if self._state is None:
            self._state = self._service.state()
        return self._state

    def is_syncing(self) -> bool:
        """Whether a sync (started here or by AutoSync) is running."""
        return self._syncing or bool(getattr(self._state, "syncing", False))

    def issues(self) -> list[Any]:
        """The open conflicts and rejections (a local read)."""
        return list(self._service.issues())

    def credentials_warning(self) -> str | None:
        """Why the login will not outlast this run (no keyring on this machine), or None."""
        warning = getattr(getattr(self._service, "credentials", None), "warning", None)
        return warning if isinstance(warning, str) and warning else None

    def directory(self) -> dict[str, list[Any]]:
        """The server's users and teams as last fetched; empty lists until then."""
        return self._directory

    def refresh_state(self) -> None:
        """Read the state again (local) and emit ``state_changed``."""
        self._publish_state(self._service.state())

    def refresh_directory(self) -> None:
        """Fetch users and teams on the worker; ``directory_changed`` when they arrive."""
        self._runner.run(self._service.directory, self._on_directory_loaded, self._on_directory_failed)

    # -- sync ----------------------------------------------------------------

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync on the worker unless one is running; False if ignored.

        Logged out, the rep asked to sync, so they are asked to log in instead.
        """
        if self._syncing:
            return False
        if not getattr(self.state(), "logged_in", True):
            self.login_required.emit()
            return False
        self._syncing = True
        self.sync_started.emit()
        call = partial(self._service.sync_now, progress=self._progress_received.emit, cancel=self._cancel)
        self._runner.run(call, self._on_sync_done, self._on_sync_error)
        return True

    @Slot()
    def notify_local_edit(self) -> None:
        """A change was queued: update the counts and let AutoSync push it soon."""
        if self._auto is not None:
            self._auto.notify_local_edit()
        self.refresh_state()

    @Slot()
    def request_login(self) -> None:
        """Ask the window to show the login dialog (the status bar's link)."""
        self.login_required.emit()

    def _on_sync_done(self, report: Any) -> None:
        self._syncing = False
        if self._auto_paused and self._auto is not None:
            self._auto.request_sync()  # the rep fixed what paused it: resume background sync
        self._auto_paused = False
        self._handle_report(report)

    def _on_sync_error(self, error: Exception) -> None:
        self._syncing = False
        self._handle_failure(error)

    def _handle_report(self, report: Any) -> None:
        logger.info("sync finished: %s", report)
        self.refresh_state()
        self.sync_finished.emit(report)
        if getattr(report, "conflicts", 0) or getattr(report, "rejected", 0):
            self.issues_changed.emit()

    def _handle_failure(self, error: BaseException) -> None:
        kind = error_kind(error)
        if kind is None:
            logger.error("sync failed on a bug", exc_info=error)
        else:
            logger.info("sync failed (%s): %s", kind, error)
        self._auto_paused = self._auto_paused or kind in _PAUSING_KINDS
        self.refresh_state()
        if is_not_set_up(error, self._state):
            return  # AutoSync trying before any login: the status bar already says Not connected
        self.sync_failed.emit(error)
        if kind == "auth" and not self._login_asked:
            self._login_asked = True
            self.login_required.emit()

    # -- AutoSync, whose callbacks arrive on its thread ------------------------

    def _from_auto_finished(self, *outcome: Any) -> None:
        self._auto_finished_received.emit(outcome)

    @Slot(object)
    def _on_auto_state_received(self, state: Any) -> None:
        was_syncing = self.is_syncing()
        self._publish_state(state)
        if not was_syncing and getattr(state, "syncing", False):
            self.sync_started.emit()

    @Slot(object)
    def _on_auto_finished_received(self, outcome: tuple[Any, ...]) -> None:
        errors = [o for o in outcome if isinstance(o, BaseException)]
        if errors:
            self._handle_failure(errors[0])
            return
        reports = [o for o in outcome if o is not None]
        if reports:
            self._handle_report(reports[0])

    def _publish_state(self, state: Any) -> None:
        self._state = state
        self.state_changed.emit(state)

    # -- login ---------------------------------------------------------------

    def login(self, server_url: str, username: str, password: str) -> bool:
        """Log in on the worker; ``login_succeeded`` or ``login_failed(error)`` follows."""
        if self._logging_in:
            return False
        self._logging_in = True
        call = partial(self._service.login, server_url, username, password)
        self._runner.run(call, self._on_login_done, self._on_login_error)
        return True

    def logout(self) -> None:
        """Forget the token (telling the server, on the worker); the rep is not nagged to log in."""
        self._login_asked = True
        self._directory = {"users": [], "teams": []}
        self._runner.run(self._service.logout, self._on_logout_done, self._on_logout_done)

    def _on_logout_done(self, outcome: Any) -> None:
        if isinstance(outcome, Exception):
            logger.error("logout failed", exc_info=outcome)
        self.refresh_state()

    def _on_login_done(self, _result: Any) -> None:
        self._logging_in = False
        self._login_asked = False
        self.refresh_state()
        self.login_succeeded.emit()
        self.refresh_directory()
        self.sync_now()

    def _on_login_error(self, error: Exception) -> None:
        self._logging_in = False
        if error_kind(error) is None:
            logger.error("login failed on a bug", exc_info=error)
        self.login_failed.emit(error)

    # -- issues --------------------------------------------------------------

    def resolve(self, issue_id: Any, action: IssueAction) -> None:
        """Settle a sync issue (a local write); raises what the service raises."""
        if action not in ISSUE_ACTIONS:
            raise ValueError(f"unknown action {action!r}; use one of {', '.join(ISSUE_ACTIONS)}")
        self._service.resolve(issue_id, action)
        self.issues_changed.emit()
        if action in _REQUEUEING_ACTIONS:
            self.notify_local_edit()
        else:
            self.refresh_state()

    def _on_directory_loaded(self, directory: dict[str, list[Any]]) -> None:
        self._directory = {"users": list(directory.get("users", [])),
                           "teams": list(directory.get("teams", []))}
        self.directory_changed.emit()

    def _on_directory_failed(self, error: Exception) -> None:
        if error_kind(error) is None:
            logger.error("loading users and teams failed on a bug", exc_info=error)
        else:
            logger.info("users and teams not loaded (%s): %s", error_kind(error), error)
