"""The rep's preferences, kept in the store's meta table.

Nothing here knows about Qt: the GUI reads and writes them through this
service, and so could a script.
"""

from __future__ import annotations

from typing import Protocol

LANGUAGE_KEY = "ui.language"
SYNC_INTERVAL_KEY = "sync.interval_minutes"
LANGUAGES = ("en", "es")
DEFAULT_SYNC_INTERVAL = 5
SYNC_INTERVAL_RANGE = (1, 24 * 60)


class MetaStore(Protocol):
    """The part of the store preferences need."""

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str | None) -> None: ...


class Preferences:
    """Language override and sync interval."""

    def __init__(self, store: MetaStore) -> None:
        self.store = store

    @property
    def language(self) -> str | None:
        """The chosen language code, or None to follow the system locale."""
        value = self.store.get_meta(LANGUAGE_KEY)
        return value if value in LANGUAGES else None

    def set_language(self, language: str | None) -> None:
        """Override the language ("en", "es"), or follow the system with None."""
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
        self.store.set_meta(LANGUAGE_KEY, language)

    @property
    def sync_interval_minutes(self) -> int:
        """Minutes between automatic syncs."""
        value = self.store.get_meta(SYNC_INTERVAL_KEY)
        try:
            minutes = int(value) if value else DEFAULT_SYNC_INTERVAL
        except ValueError:
            return DEFAULT_SYNC_INTERVAL
        low, high = SYNC_INTERVAL_RANGE
        return min(max(minutes, low), high)

    def set_sync_interval_minutes(self, minutes: int) -> None:
        """Sync automatically every ``minutes`` (1 minute to 1 day)."""
        low, high = SYNC_INTERVAL_RANGE
        if not low <= minutes <= high:
            raise ValueError(f"the sync interval must be between {low} and {high} minutes")
        self.store.set_meta(SYNC_INTERVAL_KEY, str(minutes))
