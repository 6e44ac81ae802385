"""Where the login token lives: the OS keyring, one entry per server and user.

Never the password, never a file.  A machine without a keyring backend gets
the token kept in memory for this run only, and the rep is told so once.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

import keyring
import keyring.errors

log = logging.getLogger("crm.sync")

SERVICE = "crm-desktop"


class KeyringBackend(Protocol):
    """The part of ``keyring``'s API we use (a test passes a stub)."""

    def get_password(self, service_name: str, username: str) -> str | None: ...

    def set_password(self, service_name: str, username: str, password: str) -> None: ...

    def delete_password(self, service_name: str, username: str) -> None: ...


def entry_name(server_url: str, username: str) -> str:
    """The keyring entry of one server and user: ``user@https://server``."""
    return f"{username}@{server_url.rstrip('/')}"


class CredentialStore:
    """Tokens by server and user, in the keyring or (without one) in memory."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend: KeyringBackend | None = backend
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self.persistent = True
        self.warning: str | None = None

    def _keyring(self) -> KeyringBackend:
        if self._backend is None:
            self._backend = keyring.get_keyring()
        return self._backend

    def _fall_back(self, exc: Exception) -> None:
        if self.persistent:
            self.persistent = False
            # keyring's own text is a paragraph about backends; the rep needs one line.
            self.warning = "no keyring is available on this machine; the login is kept for this run only"
            log.warning("%s", self.warning)
            log.debug("keyring: %s", exc)

    def get(self, server_url: str, username: str) -> str | None:
        """The stored token, or None."""
        name = entry_name(server_url, username)
        with self._lock:
            if name in self._memory or not self.persistent:
                return self._memory.get(name)
            try:
                token = self._keyring().get_password(SERVICE, name)
            except keyring.errors.KeyringError as exc:
                self._fall_back(exc)
                return None
            if token is not None:
                self._memory[name] = token  # the status bar asks often; the keyring can be slow
            return token

    def set(self, server_url: str, username: str, token: str) -> None:
        """Keep the token (keyring, or memory when there is none)."""
        name = entry_name(server_url, username)
        with self._lock:
            if self.persistent:
                try:
                    self._keyring().set_password(SERVICE, name, token)
                    if self._keyring().get_password(SERVICE, name) != token:
                        # A backend that keeps nothing and says nothing (keyring's "null" one).
                        raise keyring.errors.KeyringError("the keyring did not keep the token")
                except keyring.errors.KeyringError as exc:
                    self._fall_back(exc)
            self._memory[name] = token

    def delete(self, server_url: str, username: str) -> None:
        """Forget the token wherever it is kept."""
        name = entry_name(server_url, username)
        with self._lock:
            self._memory.pop(name, None)
            if not self.persistent:
                return
            try:
                self._keyring().delete_password(SERVICE, name)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored: already logged out
            except keyring.errors.KeyringError as exc:
                self._fall_back(exc)


class MemoryKeyring:
    """A keyring backend in memory, for tests and for embedding."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service_name: str, username: str) -> str | None:
        """The stored secret or None."""
        return self.entries.get((service_name, username))

    def set_password(self, service_name: str, username: str, password: str) -> None:
        """Store a secret."""
        self.entries[(service_name, username)] = password

    def delete_password(self, service_name: str, username: str) -> None:
        """Remove a secret; raises PasswordDeleteError when absent, like keyring."""
        if self.entries.pop((service_name, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
