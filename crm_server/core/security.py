"""Password hashing (argon2) and opaque bearer tokens stored as sha256."""

from __future__ import annotations

import hashlib
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    # Verified against when the user does not exist, so a wrong name costs as
    # much time as a wrong password and names cannot be probed by timing.
    return _HASHER.hash("not-a-password")


def hash_password(password: str) -> str:
    """The argon2 hash of ``password``."""
    return _HASHER.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether ``password`` matches; a missing hash still costs one verify."""
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A fresh random opaque token for the client to keep."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database stores for ``token``: its sha256, never the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
