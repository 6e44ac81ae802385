"""The kinds of sync failure, each with one line the rep can act on.

Every failure the sync engine reports is one of these; anything else that
escapes is a bug and is logged with a trace by whoever called us.
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["network", "auth", "server", "schema", "garbage", "busy"]


class SyncError(Exception):
    """A sync that did not complete; ``message`` is one line for the rep."""

    kind: ErrorKind = "server"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class NetworkError(SyncError):
    """The server cannot be reached: the queue stays, the app shows offline."""

    kind: ErrorKind = "network"


class AuthError(SyncError):
    """No token, or the server rejected it: the rep logs in again."""

    kind: ErrorKind = "auth"


class LoginLocked(AuthError):
    """Too many wrong passwords: the server takes no login for this user for a while."""

    login_locked = True  # read by the window, which does not import this module


class ServerError(SyncError):
    """The server failed (5xx, timeout, refused a request): try again later."""

    kind: ErrorKind = "server"
    # Whether it answered (a 5xx, a refusal): the network is up, whatever the server's trouble.
    answered: bool = True

    def __init__(self, message: str, *, answered: bool = True) -> None:
        super().__init__(message)
        self.answered = answered


class NotAServer(ServerError):
    """The address is not a crm-server's (another scheme, a web site without our API): retrying will not help."""

    not_a_server = True  # the window says "check the address", not "try again"


class WaitingForAnotherUser(AuthError):
    """Another rep's changes wait in this store: only that rep may log in until they are synced."""

    def __init__(self, message: str, *, waiting_user: str, waiting: int) -> None:
        super().__init__(message)
        self.waiting_user = waiting_user  # read by the window, which says it in the rep's language
        self.waiting = waiting


class SchemaTooOld(SyncError):
    """The server speaks a newer protocol: the rep must update the app."""

    kind: ErrorKind = "schema"


class ServerTooOld(SchemaTooOld):
    """The server speaks only protocols older than this app can: the admin must upgrade it."""

    server_too_old = True  # read by the window, which does not import this module


class GarbageResponse(ServerError):
    """The server answered something that is not the protocol."""

    kind: ErrorKind = "garbage"



class SyncBusy(SyncError):
    """Another process (the window, a command) is syncing this store: nothing was done."""

    kind: ErrorKind = "busy"
