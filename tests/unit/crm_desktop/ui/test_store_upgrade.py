"""Opening a store that must be upgraded first: a busy dialog, not a frozen start."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from crm_desktop.services import AppContext
from crm_desktop.store import Store, migrations
from crm_desktop.store.db import StoreError
from crm_desktop.ui import upgrade


def _visible_dialogs() -> list[str]:
    return [w.labelText() for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_slow_upgrade_runs_under_a_busy_dialog_and_the_store_opens(
        qapp: Any, v1_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = migrations.upgrade

    def slow_upgrade(conn: sqlite3.Connection, target: int = migrations.SCHEMA_VERSION) -> int:
        time.sleep(0.6)  # a large store's data steps
        return real(conn, target)

    monkeypatch.setattr(migrations, "upgrade", slow_upgrade)
    seen: list[list[str]] = []
    QTimer.singleShot(300, lambda: seen.append(_visible_dialogs()))
    context = AppContext(v1_store)
    upgrade.open_store(context)
    try:
        assert len(seen) == 1 and len(seen[0]) == 1, seen  # the window stayed alive and said why
        assert "Updating your records" in seen[0][0]
        assert _visible_dialogs() == []  # gone once the store is open
        assert migrations.current_version(context.store.conn) == migrations.SCHEMA_VERSION
    finally:
        context.close()


def test_an_up_to_date_store_opens_without_a_dialog(qapp: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open_dir(tmp_path).close()
    monkeypatch.setattr(upgrade, "upgrade_dialog", lambda: pytest.fail("no upgrade is pending"))
    context = AppContext(tmp_path)
    upgrade.open_store(context)
    assert "store" in context.__dict__
    context.close()


def test_a_failed_upgrade_is_raised_on_the_gui_thread_and_the_old_store_is_kept(
        qapp: Any, v1_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_conn: sqlite3.Connection, target: int = migrations.SCHEMA_VERSION) -> int:
        raise StoreError("the disk is full")

    monkeypatch.setattr(migrations, "upgrade", broken)
    with pytest.raises(StoreError, match="the disk is full"):
        upgrade.open_store(AppContext(v1_store))
    assert _visible_dialogs() == []
    assert Store.upgrade_pending(v1_store)  # nothing was changed: the next start upgrades again
