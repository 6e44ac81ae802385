"""Edit > Preferences…: language and sync interval, kept and applied at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop import app as app_module
from crm_desktop.app import App, build_window
from crm_desktop.services import AppContext
from crm_desktop.ui.ops import TaskManager
from crm_desktop.ui.preferences_dialog import PreferencesDialog

from .conftest import StubController


@pytest.fixture
def app(qtbot: QtBot, context: AppContext, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setattr(app_module, "install_task_manager", lambda _manager: None)  # keep the test's worker
    built = build_window(context, with_sync=False, first_run=False)
    qtbot.add_widget(built.window)
    yield built
    built.translations.install("en")
    built.reader.close()


def _open(app: App) -> PreferencesDialog:
    app.window.actions_by_name["preferences"].trigger()
    [dialog] = [d for d in app.window.findChildren(PreferencesDialog) if d.isVisible()]
    return dialog


def test_preferences_open_on_the_current_choices(qtbot: QtBot, app: App) -> None:
    app.preferences.set_sync_interval_minutes(30)
    dialog = _open(app)
    assert dialog.chosen_language() is None
    assert dialog.sync_interval.value() == 30
    assert (dialog.sync_interval.minimum(), dialog.sync_interval.maximum()) == (1, 1440)
    dialog.reject()


def test_saved_sync_interval_is_kept_and_given_to_running_sync(qtbot: QtBot, app: App,
                                                              controller: StubController) -> None:
    app.controller = controller
    dialog = _open(app)
    dialog.sync_interval.setValue(20)
    dialog.accept()
    assert app.preferences.sync_interval_minutes == 20
    assert controller.sync_intervals == [20]


def test_saved_language_switches_the_window_like_the_view_menu(qtbot: QtBot, app: App) -> None:
    dialog = _open(app)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    assert app.preferences.language == "es"
    assert app.window.nav.item(0).text() == "Cuentas"
    assert app.window.actions_by_name["language_es"].isChecked()
    assert app.window.actions_by_name["preferences"].text() == "&Preferencias…"


def test_cancel_changes_nothing(qtbot: QtBot, app: App, controller: StubController) -> None:
    app.controller = controller
    dialog = _open(app)
    dialog.sync_interval.setValue(60)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.reject()
    assert app.preferences.sync_interval_minutes == 5 and app.preferences.language is None
    assert controller.sync_intervals == []


def test_unchanged_choices_restart_nothing(qtbot: QtBot, app: App, controller: StubController) -> None:
    app.controller = controller
    _open(app).accept()
    assert controller.sync_intervals == []
