"""The desktop app's composition root: Qt application, language, services, window.

``crm-desktop`` with no subcommand calls ``main``.  ``build_window`` is the
same wiring without an event loop, for tests, screenshots and benchmarks.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from crm_desktop.services import AppContext
from crm_desktop.services.preferences import Preferences
from crm_desktop.ui import optional
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.ops import TaskManager, install_task_manager, task_manager

log = logging.getLogger("crm.ui")


@dataclass
class App:
    """Everything the window needs, kept together for a clean shutdown."""

    context: AppContext
    preferences: Preferences
    translations: Translations
    window: MainWindow
    controller: Any
    reader: AppContext

    def close(self) -> None:
        """Stop sync, let queued store writes finish, drop the window, close the store."""
        if self.controller is not None:
            self.controller.stop()
        task_manager().wait_idle()
        # Widgets left alive would still answer events (a language change) over a closed store.
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.reader.close()
        self.context.close()


def application() -> QApplication:
    """The QApplication, created once."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("crm-desktop")
    app.setOrganizationName("crm-desktop")
    return app


def build_window(context: AppContext, *, with_sync: bool = True, first_run: bool = True) -> App:
    """Services, language and the main window over ``context`` (not shown yet)."""
    qt_app = application()
    install_task_manager(TaskManager(qt_app))
    preferences = Preferences(context.store)
    translations = Translations()
    translations.install(preferences.language)
    controller = optional.sync_controller(context, qt_app) if with_sync else None
    transfer = optional.transfer_service(context.store)
    # A second connection for slow background reads (WAL lets it read while the worker writes).
    reader = AppContext(context.data_dir)
    window = MainWindow(context.crm, controller=controller, transfer=transfer, reader=reader.crm)
    app = App(context, preferences, translations, window, controller, reader)
    window.language_chosen.connect(lambda language: _switch_language(app, language))
    _mark_language(app)
    if controller is not None:
        controller.sync_finished.connect(lambda _result: window.refresh_after_sync())
    if first_run:
        from crm_desktop.ui.first_run import show_welcome_if_empty

        show_welcome_if_empty(window)
    return app


def _switch_language(app: App, language: str | None) -> None:
    app.preferences.set_language(language)
    app.translations.install(language)
    app.window.language_changed()
    _mark_language(app)


def _mark_language(app: App) -> None:
    chosen = app.preferences.language or "system"
    action = app.window.actions_by_name.get(f"language_{chosen}")
    if action is not None:
        action.setChecked(True)


def main(data_dir: str | None = None) -> int:
    """Open the window on the rep's data and run until it closes."""
    qt_app = application()
    app = build_window(AppContext(data_dir))
    app.window.show()
    if app.controller is not None:
        app.controller.start()
    try:
        return int(qt_app.exec())
    finally:
        app.close()
