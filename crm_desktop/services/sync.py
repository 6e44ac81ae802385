"""Sync as the rep uses it: log in and out, sync now, see and resolve issues.

The CLI and the GUI call this; nothing here knows about Qt.  ``sync_now``
may run on a worker thread while the GUI reads the store: every local
transaction is one push batch or one pull page, so readers wait briefly.
``AutoSync`` (in ``crm_desktop.sync.autosync``) drives it in the background.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import httpx
from filelock import FileLock, Timeout

from crm_core.entities import ENTITIES
from crm_desktop.services.errors import ServiceError
from crm_desktop.store import Store, outbox
from crm_desktop.store.meta_keys import FAILED_SYNC_KEY, LAST_SYNC_KEY, SERVER_KEY, USER_KEY
from crm_desktop.store.writes import now_iso
from crm_desktop.sync.autosync import AutoSync
from crm_desktop.sync.client import SyncClient, normalize_url
from crm_desktop.sync.credentials import CredentialStore
from crm_desktop.sync.engine import SyncEngine
from crm_desktop.sync.errors import (
    AuthError,
    GarbageResponse,
    LoginLocked,
    NetworkError,
    SchemaTooOld,
    ServerError,
    SyncBusy,
    SyncError,
    WaitingForAnotherUser,
)
from crm_desktop.sync.issues import Action, IssueNotResolvable, SyncIssueView, list_issues
from crm_desktop.sync.issues import resolve as resolve_issue

log = logging.getLogger("crm.sync")


@dataclass(frozen=True)
class SyncReport:
    """What one sync did, and how many changes still wait."""

    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    pending_changes: int


@dataclass(frozen=True)
class SyncState:
    """Everything the status bar shows; ``online`` is None until first known."""

    online: bool | None
    logged_in: bool
    server_url: str | None
    username: str | None
    last_sync: str | None
    pending_changes: int
    sync_issues: int
    syncing: bool
    last_error: SyncError | None


class SyncService:
    """Sync of one store with the server it is logged in to."""

    def __init__(self, store: Store, *, credentials: CredentialStore | None = None,
                 transport: httpx.BaseTransport | None = None, timeout: float = 10.0) -> None:
        self.store = store
        self.credentials = credentials or CredentialStore()
        self.transport = transport
        self.timeout = timeout
        self.push_batch = 1000
        self.pull_limit = 5000
        self._sync_lock = threading.Lock()  # one sync (so one push) in flight
        self._online: bool | None = None
        self._syncing = False
        self._last_error: SyncError | None = None

    # -- login -------------------------------------------------------------------

    @property
    def server_url(self) -> str | None:
        """The server this store syncs with (saved at login)."""
        return self.store.get_meta(SERVER_KEY)

    @property
    def username(self) -> str | None:
        """The user this store syncs as (saved at login)."""
        return self.store.get_meta(USER_KEY)

    def login(self, server_url: str, username: str, password: str, *, wait: float = 600.0) -> int:
        """Exchange the password for a token and keep only the token.

        Returns how many synced records of another user left the store with
        the switch (see ``_switch_account``); 0 for the same user.  A switch
        waits (up to ``wait`` seconds, else SyncBusy) for a sync of this store
        running meanwhile: its pages would bring the last user's records back,
        and its end would undo the switch's full re-sync.
        """
        url = normalize_url(server_url)
        self._refuse_other_users_queue(username)
        with self._client(url, None) as client:
            try:
                token = client.login(username, password)
            except LoginLocked:
                raise
            except AuthError:
                raise AuthError(f"the server at {url} did not accept user {username!r} with that password"
                                " (a wrong password, or no such user there)") from None
        forgotten = 0
        with ExitStack() as switching:
            if (url, username) != (self.server_url, self.username) and self.server_url is not None:
                switching.enter_context(self._sync_lock)
                switching.enter_context(self._store_sync_lock(wait))
                self._refuse_other_users_queue(username)  # again: the sync waited for may have left issues
                forgotten = self._switch_account(forget=username != self.username)
            self.credentials.set(url, username, token.access_token)
            self.store.set_meta(SERVER_KEY, url)
            self.store.set_meta(USER_KEY, username)
        self._online, self._last_error = True, None
        log.info("logged in to %s as %s", url, username)
        return forgotten

    def _refuse_other_users_queue(self, username: str) -> None:
        """Another rep may not log in over changes still waiting under this one's name.

        The server takes a push as the logged-in user's own work: the queue
        (and the open issues, which re-queue) of the last user would go out
        signed by the next.  Changes made before any login are whoever's
        first syncs them; the same user on another server keeps the queue.
        """
        previous = self.username
        if previous is None or previous == username:
            return
        waiting = self.store.pending_changes() + self.store.sync_issue_count()
        if waiting:
            raise WaitingForAnotherUser(
                f"{waiting} change{'s' if waiting != 1 else ''} made as {previous} "
                f"{'are' if waiting != 1 else 'is'} not synced yet; log in as {previous} and "
                f"sync (and settle any sync issues) before logging in as {username}",
                waiting_user=previous, waiting=waiting)

    def _switch_account(self, *, forget: bool) -> int:
        """Another server or user: a new device id, the queue renumbered from 1, a full re-sync.

        The server keys exactly-once on (device id, mutation id) and stops at
        a gap, and a device id belongs to one user: the queue goes on under
        a fresh id whose numbering starts where a new device's does.

        ``forget`` (another user): the last user's synced records leave at
        once, not at the re-sync; until then the new user, offline, would
        read records only the last one may see.  Nothing of theirs is lost:
        the server has it, and their queue is empty (``_refuse_other_users_queue``).
        Records made here before any login stay.  Returns how many left.
        """
        client_id = str(uuid.uuid4())
        forgotten = 0
        with self.store.db.transaction() as conn:
            outbox.renumber_queue(conn)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'client_id'", (client_id,))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (outbox.RESYNC_KEY,))
            if forget:  # nothing seen yet: every synced record a rep sees (the team's roles stay)
                outbox.begin_full_resync(conn)
                forgotten = outbox.remove_unseen(conn, [e for e in ENTITIES if e != "connection_role"])
        self.store.client_id = client_id
        log.info("new server or user: this store syncs as device %s from now on", client_id)
        return forgotten

    def logout(self, *, wait: float = 600.0) -> bool | None:
        """Revoke the token (if the server answers) and forget it here.

        Returns whether the server revoked it (False: it could not be told,
        and the token stays valid there until it expires), or None when no
        token was kept here.  A sync of this store running meanwhile (here
        or in another process) ends first, within ``wait`` seconds, else
        SyncBusy: revoked mid-push, it had failed half-way and, with
        CRM_PASSWORD set, logged in again.
        """
        url, user = self.server_url, self.username
        if url is None or user is None:
            return None
        with self._sync_lock, self._store_sync_lock(wait):
            token = self.credentials.get(url, user)
            revoked = None
            if token:
                try:
                    with self._client(url, token) as client:
                        client.logout()
                    revoked = True
                except SyncError as exc:
                    log.info("logout: the server was not told (%s)", exc.message)
                    revoked = False
            self.credentials.delete(url, user)
        return revoked

    def _token(self) -> tuple[str, str]:
        url, user = self.server_url, self.username
        token = self.credentials.get(url, user) if url and user else None
        if not url or not token:
            raise AuthError("not logged in; run `crm-desktop login --server URL --user NAME`")
        return url, token

    @contextmanager
    def _client(self, url: str, token: str | None) -> Iterator[SyncClient]:
        client = SyncClient(url, token=token, transport=self.transport, timeout=self.timeout)
        try:
            yield client
        finally:
            client.close()

    # -- sync --------------------------------------------------------------------

    def sync_now(self, *, progress: Callable[[str, int, int], None] | None = None,
                 cancel: threading.Event | None = None, wait: float = 0.0) -> SyncReport:
        """Push the queue, pull what is new; raises a SyncError subclass on failure.

        While another process syncs this store (the window and a command, say),
        this one waits up to ``wait`` seconds for it, then raises SyncBusy.
        """
        with self._sync_lock, self._store_sync_lock(wait):
            self._syncing = True
            try:
                return self._sync(progress, cancel)
            finally:
                self._syncing = False

    @contextmanager
    def _store_sync_lock(self, wait: float) -> Iterator[None]:
        # Two processes pushing one queue at once made the server answer the
        # second "busy", and the rep read it as server trouble.  The lock is
        # the operating system's: it goes with the process that held it, even
        # a killed one.
        lock = FileLock(f"{self.store.path}.sync-lock", timeout=wait)
        try:
            lock.acquire()
        except Timeout:
            raise SyncBusy("another sync of this store is running (in the window or another crm-desktop"
                           " command); nothing was done, try again when it ends") from None
        try:
            yield
        finally:
            lock.release()

    def _sync(self, progress: Callable[[str, int, int], None] | None,
              cancel: threading.Event | None) -> SyncReport:
        try:
            url, token = self._token()
            with self._client(url, token) as client:
                engine = SyncEngine(self.store, client, push_batch=self.push_batch,
                                    pull_limit=self.pull_limit)
                counts = engine.run(progress, cancel)
        except SyncError as exc:
            self._failed(exc)
            raise
        self._online, self._last_error = True, None
        self.store.set_meta(FAILED_SYNC_KEY, None)
        report = SyncReport(pushed=counts.pushed, pulled=counts.pulled, conflicts=counts.conflicts,
                            rejected=counts.rejected, pending_changes=self.store.pending_changes())
        log.info("sync done: %s", report)
        return report

    def _failed(self, exc: SyncError) -> None:
        self._last_error = exc
        if isinstance(exc, NetworkError):
            self._online = False
        elif not isinstance(exc, ServerError) or exc.answered:
            self._online = True  # it answered: auth, schema, garbage or a 5xx (not a timeout)
        refused = isinstance(exc, AuthError) and "not logged in" not in exc.message
        if refused and self.server_url and self.username:
            self.credentials.delete(self.server_url, self.username)  # the server refused it: ask again
        # Not a warning: the caller shows the failure (the status bar, the
        # command's one error line), and a laptop offline fails every attempt.
        log.info("sync failed (%s): %s", exc.kind, exc.message)
        self.remember_failure(exc)

    def remember_failure(self, exc: SyncError) -> None:
        """Keep a failed sync (or the login it needed) for `status`, in another process or after a restart."""
        if self.server_url is not None:
            failure = {"at": now_iso(), "message": exc.message}
            self.store.set_meta(FAILED_SYNC_KEY, json.dumps(failure, ensure_ascii=False))

    def probe(self) -> bool:
        """Whether the server answers its health check; never raises."""
        url = self.server_url
        if url is None:
            return False
        with self._client(url, None) as client:
            ok = client.health()
        self._online = ok
        return ok

    def state(self) -> SyncState:
        """The status bar's picture of sync right now."""
        url, user = self.server_url, self.username
        return SyncState(
            online=self._online, logged_in=bool(url and user and self.credentials.get(url, user)),
            server_url=url, username=user, last_sync=self.store.get_meta(LAST_SYNC_KEY),
            pending_changes=self.store.pending_changes(), sync_issues=self.store.sync_issue_count(),
            syncing=self._syncing, last_error=self._last_error,
        )

    # -- issues and directory ------------------------------------------------------

    def issues(self) -> list[SyncIssueView]:
        """Open conflicts and rejections, oldest first."""
        return list_issues(self.store)

    def resolve(self, issue_id: int, action: Action) -> list[int]:
        """Keep mine / take theirs a conflict, retry / discard a rejection; the other issues it settled."""
        if action not in ("keep_mine", "take_theirs", "retry", "discard"):
            raise ServiceError(f"unknown action {action!r}")
        try:
            return resolve_issue(self.store, issue_id, action)
        except IssueNotResolvable as exc:
            raise ServiceError(str(exc)) from None

    def directory(self) -> dict[str, list[str]]:
        """User and team names for Assign and Share; empty lists when offline."""
        try:
            url, token = self._token()
            with self._client(url, token) as client:
                return client.directory()
        except SyncError as exc:
            log.info("directory unavailable: %s", exc.message)
            return {"users": [], "teams": []}


__all__ = ["AuthError", "AutoSync", "CredentialStore", "GarbageResponse", "NetworkError", "SchemaTooOld",
           "ServerError", "SyncBusy", "SyncError", "SyncIssueView", "SyncReport", "SyncService", "SyncState"]
