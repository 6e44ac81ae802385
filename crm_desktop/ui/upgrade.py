"""Opening a store that needs an upgrade, with a busy dialog instead of a frozen start.

A new version of the app may upgrade the store's schema and rewrite its
records once (reading every phone again, rebuilding the search index).  On a
large store that takes up to a minute, before any window exists: without a
word the rep would think the app hung and kill it.  The upgrade runs in one
transaction, so a kill loses nothing, but it would start over next time.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from crm_desktop.services import AppContext
from crm_desktop.ui.i18n import Translations


def open_store(context: AppContext) -> None:
    """Open ``context``'s store; an upgrade runs on a thread under a busy dialog.

    Errors of the open are raised here, on the GUI thread, as if it had run here.
    """
    if not context.upgrade_pending():
        context.store  # noqa: B018 - opened now so a bad data folder is reported before the window
        return
    # The rep's language is a preference kept in the store being upgraded: the system's for now.
    translations = Translations()
    translations.install(None)
    dialog = upgrade_dialog()
    dialog.show()
    failure: list[BaseException] = []
    worker = threading.Thread(target=_open, args=(context, failure), name="crm-store-upgrade", daemon=True)
    worker.start()
    while worker.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.join(0.05)
    dialog.close()
    dialog.deleteLater()
    translations.install("en")  # drops its translators: the window installs the rep's own language
    if failure:
        raise failure[0]


def upgrade_dialog() -> QProgressDialog:
    """A busy dialog with no Cancel: stopping half-way would only make the next start do it again."""
    text = QCoreApplication.translate(
        "StoreUpgrade", "Updating your records for this version of crm-desktop.\n"
        "This happens once; a large store takes up to a minute.")
    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle("crm-desktop")
    dialog.setCancelButton(None)  # no button
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setMinimumWidth(420)
    return dialog


def _open(context: AppContext, failure: list[BaseException]) -> None:
    try:
        context.store  # noqa: B018 - the open upgrades the store
    except BaseException as exc:  # handed to the GUI thread, which raises it
        failure.append(exc)
