"""Server settings, read from the environment (``CRM_*``) or the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

DB_FILE_NAME = "crm-server.sqlite3"


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw else default


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know about its environment.

    ``login_slow_after`` failed logins in a row make every further attempt
    wait (doubling, capped at ``login_delay_max``); ``login_lock_after`` lock
    the user out for ``login_lock_seconds``.
    """

    database_url: str
    data_dir: Path
    token_ttl_hours: float = 24 * 30
    login_slow_after: int = 3
    login_lock_after: int = 10
    login_delay_seconds: float = 0.5
    login_delay_max: float = 4.0
    login_lock_seconds: float = 900.0

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is a SQLite file (else PostgreSQL)."""
        return self.database_url.startswith("sqlite")

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with some settings changed (tests lower the thresholds)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def default_data_dir() -> Path:
    """Where the server keeps its SQLite file when no directory is given."""
    return Path(platformdirs.user_data_dir("crm-server", appauthor=False))


def sqlite_url(data_dir: Path) -> str:
    """The URL of the SQLite database file inside ``data_dir``."""
    return f"sqlite:///{(data_dir / DB_FILE_NAME).resolve()}"


def load_settings(database_url: str | None = None, data_dir: str | Path | None = None) -> Settings:
    """Settings from arguments first, then ``CRM_*`` environment variables."""
    directory = Path(data_dir or os.environ.get("CRM_DATA_DIR") or default_data_dir())
    url = database_url or os.environ.get("CRM_DATABASE_URL") or sqlite_url(directory)
    return Settings(
        database_url=url,
        data_dir=directory,
        token_ttl_hours=_env_float("CRM_TOKEN_TTL_HOURS", 24 * 30),
        login_slow_after=_env_int("CRM_LOGIN_SLOW_AFTER", 3),
        login_lock_after=_env_int("CRM_LOGIN_LOCK_AFTER", 10),
        login_delay_seconds=_env_float("CRM_LOGIN_DELAY_SECONDS", 0.5),
        login_delay_max=_env_float("CRM_LOGIN_DELAY_MAX", 4.0),
        login_lock_seconds=_env_float("CRM_LOGIN_LOCK_SECONDS", 900.0),
    )
