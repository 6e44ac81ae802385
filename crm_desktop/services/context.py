"""The composition root without Qt: one data dir, its store and services.

The CLI builds one per command; the GUI builds one for its lifetime and
hands its services to the windows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from crm_desktop.services.crm import CrmService
from crm_desktop.services.settings import resolve_data_dir
from crm_desktop.store import Store


class AppContext:
    """Lazily opened store and services for one data directory."""

    def __init__(self, data_dir: str | Path | None = None,
                 announce_upgrade: Callable[[Path], None] | None = None) -> None:
        self.data_dir = resolve_data_dir(data_dir)
        self.announce_upgrade = announce_upgrade

    @cached_property
    def store(self) -> Store:
        """The store, opened (and created or upgraded) on first use.

        ``announce_upgrade`` is told first when the open will upgrade an older
        store, which can take a while once.
        """
        if self.announce_upgrade is not None and self.upgrade_pending():
            self.announce_upgrade(self.data_dir)
        return Store.open_dir(self.data_dir)

    def upgrade_pending(self) -> bool:
        """Whether opening the store will first upgrade a store an older version wrote."""
        return "store" not in self.__dict__ and Store.upgrade_pending(self.data_dir)

    @cached_property
    def crm(self) -> CrmService:
        """Accounts, contacts, connections."""
        return CrmService(self.store)

    def close(self) -> None:
        """Close the store if it was opened."""
        if "store" in self.__dict__:
            self.store.close()
