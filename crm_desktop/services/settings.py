"""Where the rep's data lives and the settings kept with it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "crm-desktop"
DATA_DIR_ENV = "CRM_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user data directory of this platform (XDG, AppData, Library)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``CRM_DATA_DIR``, then the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()
