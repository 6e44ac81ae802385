"""First run: on an empty store, the welcome page offers a way in."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from crm_desktop.services.demo import load as load_demo_data
from crm_desktop.ui import optional
from crm_desktop.ui.menus import open_import, open_login
from crm_desktop.ui.ops import Op

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow

log = logging.getLogger("crm.ui")


def store_is_empty(window: MainWindow) -> bool:
    """No accounts and no contacts at all, active or not."""
    crm = window.crm
    return crm.count("account", "all") == 0 and crm.count("contact", "all") == 0


def show_welcome_if_empty(window: MainWindow) -> bool:
    """Show the welcome page when there is nothing to list; True if shown."""
    page_class = optional.welcome_page_class()
    if page_class is None or not store_is_empty(window):
        return False
    page = page_class(window)
    page.demo_requested.connect(lambda: load_demo(window))
    if optional.login_dialog_class(window.controller) is not None:
        page.connect_requested.connect(lambda: open_login(window))
    if optional.import_wizard_class(window.transfer) is not None:
        page.import_requested.connect(lambda: open_import(window))
    window.show_welcome(page)
    return True


def load_demo(window: MainWindow) -> Op:
    """Fill the store with demo records on the store worker, then show the lists."""
    label = QCoreApplication.translate("FirstRun", "Loading demo data…")

    def done(_count: object) -> None:
        window.hide_welcome()
        window.show_page("accounts")
        window.notify_local_edit()

    return Op(window, lambda: load_demo_data(window.crm)).with_progress(label).success(done).failure(
        window.show_error).run()
