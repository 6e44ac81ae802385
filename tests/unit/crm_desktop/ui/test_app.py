"""The composition root: language, first run with demo data, background work."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from crm_desktop import app as app_module
from crm_desktop import cli
from crm_desktop.app import App, build_window
from crm_desktop.services import AppContext
from crm_desktop.ui import ops
from crm_desktop.ui.first_run import load_demo
from crm_desktop.ui.ops import Op, TaskManager


@pytest.fixture
def app(qtbot: QtBot, context: AppContext, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setattr(app_module, "install_task_manager", lambda _manager: None)  # keep the test's worker
    built = build_window(context, with_sync=False, first_run=False)
    qtbot.add_widget(built.window)
    yield built
    built.translations.install("en")
    built.reader.close()


def test_choosing_spanish_translates_the_window_and_is_remembered(app: App, context: AppContext) -> None:
    window = app.window
    window.language_chosen.emit("es")
    assert window.nav.item(0).text() == "Cuentas"
    assert window.lists["accounts"].model.headerData(0, _horizontal()) == "Nombre"
    assert window.actions_by_name["language_es"].isChecked()
    assert app.preferences.language == "es"
    window.language_chosen.emit(None)
    assert app.preferences.language is None
    assert window.nav.item(0).text() == "Accounts"


def test_demo_data_loads_in_the_background_and_shows_the_lists(qtbot: QtBot, app: App) -> None:
    op = load_demo(app.window)
    qtbot.wait_until(lambda: app.window.lists["accounts"].model.total > 10, timeout=10_000)
    assert not op.cancelled.is_set()
    contacts = app.context.crm.count("contact", "all")
    assert contacts > 20
    assert app.context.crm.status().pending_changes > 0  # queued like any other edit


def test_progress_shows_only_for_slow_work_and_cancel_drops_the_result(
        qtbot: QtBot, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 20)
    release = threading.Event()
    results: list[Any] = []
    op = Op(None, lambda: release.wait(5)).with_progress("Working…").success(results.append).run()
    qtbot.wait_until(lambda: op._progress is not None and op._progress.isVisible(), timeout=5000)
    assert isinstance(op._progress, QProgressDialog)
    assert op._progress.windowTitle() == "crm-desktop"
    op._progress.cancel()
    release.set()
    qtbot.wait_until(lambda: not tasks.busy, timeout=5000)
    assert results == [] and op.cancelled.is_set()


def test_quick_work_never_shows_progress(qtbot: QtBot, tasks: TaskManager) -> None:
    results: list[Any] = []
    op = Op(None, lambda: 42).with_progress("Working…").success(results.append).run()
    qtbot.wait_until(lambda: results == [42], timeout=5000)
    assert op._progress is None


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_empty_store_opens_on_the_welcome_page_and_demo_data_fills_the_lists(
        qtbot: QtBot, app: App) -> None:
    pytest.importorskip("crm_desktop.ui.welcome")
    from crm_desktop.ui.first_run import show_welcome_if_empty

    window = app.window
    assert show_welcome_if_empty(window)
    welcome = window.welcome
    assert welcome is not None and window.pages.currentWidget() is welcome
    assert not window.nav.isEnabled()
    welcome.demo_requested.emit()
    qtbot.wait_until(lambda: window.welcome is None, timeout=10_000)
    assert window.nav.isEnabled()
    assert window.lists["accounts"].model.total > 10
    assert not show_welcome_if_empty(window)


def test_extras_attach_after_the_lists_are_up(qtbot: QtBot, context: AppContext, tasks: TaskManager,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("crm_desktop.ui.import_wizard")
    monkeypatch.setattr(app_module, "install_task_manager", lambda _manager: None)
    built = build_window(context, with_sync=False, first_run=False, defer_extras=True)
    qtbot.add_widget(built.window)
    assert "import" not in built.window.actions_by_name  # the lists come first
    assert built.window.lists["contacts"].model is not None
    qtbot.wait_until(lambda: "import" in built.window.actions_by_name, timeout=10_000)
    assert built.window.lists["contacts"].export_button is not None
    built.reader.close()


def test_the_window_with_a_data_dir_that_is_a_file_says_so_instead_of_crashing(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    path = tmp_path / "notes.txt"
    path.write_text("not a folder")
    assert cli.main(["--data-dir", str(path)]) == 1
    message = f"cannot use {path} as the data folder: it is a file, not a folder"
    assert shown == [message]
    assert capsys.readouterr().err == f"crm-desktop: {message}\n"
