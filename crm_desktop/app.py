"""The desktop app's composition root: Qt application, language, services, window.

``crm-desktop`` with no subcommand calls ``main``.  ``build_window`` is the
same wiring without an event loop, for tests, screenshots and benchmarks.
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.services import AppContext
from crm_desktop.services.errors import KNOWN_ERRORS
from crm_desktop.services.preferences import Preferences
from crm_desktop.ui import optional
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.ops import Op, TaskManager, install_task_manager, task_manager
from crm_desktop.ui.upgrade import open_store

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
        task_manager().cancel_reads()  # queued writes still run: they are the rep's edits
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


# Modules of the pieces attached after the first paint: importing them (httpx,
# rapidfuzz, vobject...) takes most of a second, so it happens on a worker.
EXTRA_MODULES = (
    "crm_desktop.services.sync", "crm_desktop.ui.sync.controller", "crm_desktop.ui.sync.status_bar",
    "crm_desktop.ui.sync.issues_view", "crm_desktop.ui.sync.login_dialog", "crm_desktop.ui.sync.owner_dialogs",
    "crm_desktop.services.transfer", "crm_desktop.ui.import_wizard", "crm_desktop.ui.export",
    "crm_desktop.ui.welcome", "crm_desktop.ui.forms",
)


def build_window(context: AppContext, *, with_sync: bool = True, first_run: bool = True,
                 defer_extras: bool = False) -> App:
    """Services, language and the main window over ``context`` (not shown yet).

    With ``defer_extras`` the lists come up at once and sync, import/export
    and the welcome page are attached when their modules have loaded in the
    background; otherwise they are attached before this returns.
    """
    qt_app = application()
    install_task_manager(TaskManager(qt_app))
    preferences = Preferences(context.store)
    translations = Translations()
    translations.install(preferences.language)
    # A second connection for slow background reads (WAL lets it read while the worker writes).
    reader = AppContext(context.data_dir)
    window = MainWindow(context.crm, reader=reader.crm, preferences=preferences)
    app = App(context, preferences, translations, window, None, reader)
    window.language_chosen.connect(lambda language: _switch_language(app, language))
    window.sync_interval_chosen.connect(lambda minutes: _set_sync_interval(app, minutes))
    _mark_language(app)
    if defer_extras:
        Op(window, _preload).on_reader().success(
            lambda _none: attach_extras(app, with_sync=with_sync, first_run=first_run, start_sync=True)).run()
    else:
        attach_extras(app, with_sync=with_sync, first_run=first_run)
    return app


def _preload() -> None:
    for name in EXTRA_MODULES:
        optional.module(name)


def attach_extras(app: App, *, with_sync: bool, first_run: bool, start_sync: bool = False) -> None:
    """Sync, import/export and, on an empty store, the welcome page."""
    # Everything loaded so far (Qt, SQLAlchemy, pydantic, the modules) lives as
    # long as the app: frozen out of the cyclic collector, whose full passes
    # over it on the sync threads held the GIL for 70-120 ms and stalled the
    # window during a first sync (bench/bench_gui_sync.py).
    gc.freeze()
    window, context = app.window, app.context
    controller = optional.sync_controller(context, application()) if with_sync else None
    if controller is not None:
        app.controller = controller
        window.attach_sync(controller)
        controller.sync_finished.connect(lambda _result: window.refresh_after_sync())
        if start_sync:
            controller.start()
    transfer = optional.transfer_service(context.store)
    if transfer is not None:
        window.attach_transfer(transfer)
    if first_run:
        from crm_desktop.ui.first_run import show_welcome_if_empty

        show_welcome_if_empty(window)


def _switch_language(app: App, language: str | None) -> None:
    app.preferences.set_language(language)
    app.translations.install(language)
    app.window.language_changed()
    _mark_language(app)


def _set_sync_interval(app: App, minutes: int) -> None:
    app.preferences.set_sync_interval_minutes(minutes)
    if app.controller is not None:
        app.controller.set_sync_interval(minutes)  # the running AutoSync takes the new pace now


def _mark_language(app: App) -> None:
    chosen = app.preferences.language or "system"
    action = app.window.actions_by_name.get(f"language_{chosen}")
    if action is not None:
        action.setChecked(True)


def main(data_dir: str | None = None) -> int:
    """Open the window on the rep's data and run until it closes.

    A data folder or store that cannot be opened is shown in a message box
    and raised again (a StoreError) for the command line to report.
    """
    qt_app = application()
    context = AppContext(data_dir)
    try:
        open_store(context)  # opened here so a bad data folder is reported, not a trace
    except KNOWN_ERRORS as exc:
        # Started from a menu there is no terminal to read the CLI's line on stderr.  The
        # store's messages are English, so the title is the app's name, not a text to translate.
        QMessageBox.critical(None, "crm-desktop", str(exc))
        raise
    app = build_window(context, defer_extras=True)
    app.window.show()
    try:
        return int(qt_app.exec())
    finally:
        app.close()
