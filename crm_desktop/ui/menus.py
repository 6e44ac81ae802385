"""The main window's menus, toolbar and shortcuts.

Menu items for optional pieces (log in, import, sync) appear only when the
piece is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from crm_desktop.ui import optional
from crm_desktop.ui.i18n import LANGUAGES

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow


def _action(window: MainWindow, name: str, slot: object, shortcut: str | None = None) -> QAction:
    action = QAction(window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.actions_by_name[name] = action
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> QMenu:
    """Create the menus, toolbar and their actions; returns the File menu."""
    bar = window.menuBar()
    file_menu = bar.addMenu("")
    file_menu.setObjectName("file")
    file_menu.addAction(_action(window, "new", window.new_record, "Ctrl+N"))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "quit", window.close, "Ctrl+Q"))
    edit_menu = bar.addMenu("")
    edit_menu.setObjectName("edit")
    edit_menu.addAction(_action(window, "find", window.find_in_list, "Ctrl+F"))
    edit_menu.addAction(_action(window, "delete", window.delete_selected))
    if window.preferences is not None:
        edit_menu.addSeparator()
        preferences = _action(window, "preferences", lambda: open_preferences(window), "Ctrl+,")
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(preferences)
    _build_view_menu(window)
    toolbar = QToolBar(window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    window.addToolBar(toolbar)
    toolbar.addAction(window.actions_by_name["new"])
    return file_menu


def add_sync_actions(window: MainWindow, file_menu: QMenu) -> None:
    """Sync now (F9, also on the toolbar) and Log in..., once sync is there."""
    first_after_new = file_menu.actions()[1]
    if optional.login_dialog_class(window.controller) is not None:
        file_menu.insertAction(first_after_new, _action(window, "login", lambda: open_login(window)))
        logout = _action(window, "logout", lambda: log_out(window))
        file_menu.insertAction(first_after_new, logout)
        _enable_when_logged_in(window.controller, logout)
    sync = _action(window, "sync", window.sync_now, "F9")
    file_menu.insertAction(first_after_new, sync)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    if toolbar is not None:
        toolbar.addAction(sync)


def add_import_action(window: MainWindow, file_menu: QMenu) -> None:
    """File > Import..., once the import wizard and the transfer service are there."""
    if optional.import_wizard_class(window.transfer) is not None:
        file_menu.insertAction(file_menu.actions()[1], _action(window, "import", lambda: open_import(window)))


def _build_view_menu(window: MainWindow) -> None:
    view_menu = window.menuBar().addMenu("")
    view_menu.setObjectName("view")
    # The column headers sort with the mouse; this is the same from the keyboard.
    sort_menu = view_menu.addMenu("")
    sort_menu.setObjectName("sort")
    sort_menu.aboutToShow.connect(lambda: fill_sort_menu(window, sort_menu))
    language_menu = view_menu.addMenu("")
    language_menu.setObjectName("language")
    group = QActionGroup(window)
    for code in (None, *LANGUAGES):
        action = QAction(window)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: window.language_chosen.emit(c))
        group.addAction(action)
        language_menu.addAction(action)
        window.actions_by_name[f"language_{code or 'system'}"] = action


def fill_sort_menu(window: MainWindow, menu: QMenu) -> None:
    """View > Sort by: the shown list's columns and the direction, checked as they are now."""
    menu.clear()
    view = window.current_list()
    if window.pages.currentWidget() is not view:
        menu.addAction(QCoreApplication.translate("MainWindow", "Open a list to sort it")).setEnabled(False)
        return
    model, table = view.model, view.table
    order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
    group = QActionGroup(menu)
    for column in range(model.columnCount()):
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        action.setChecked(column == model.sort_column)
        action.triggered.connect(lambda _checked=False, c=column: table.sortByColumn(c, order))
        group.addAction(action)
    menu.addSeparator()
    descending = menu.addAction(QCoreApplication.translate("MainWindow", "&Descending"))
    descending.setCheckable(True)
    descending.setChecked(model.descending)
    descending.toggled.connect(lambda on: table.sortByColumn(
        model.sort_column, Qt.SortOrder.DescendingOrder if on else Qt.SortOrder.AscendingOrder))


def retranslate_menus(window: MainWindow) -> None:
    """Menu and action texts in the current language."""
    titles = {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "edit": QCoreApplication.translate("MainWindow", "&Edit"),
        "view": QCoreApplication.translate("MainWindow", "&View"),
        "language": QCoreApplication.translate("MainWindow", "&Language"),
        "sort": QCoreApplication.translate("MainWindow", "&Sort by"),
    }
    for menu in window.menuBar().findChildren(QMenu):
        if menu.objectName() in titles:
            menu.setTitle(titles[menu.objectName()])
    texts = {
        "new": QCoreApplication.translate("MainWindow", "&New record"),
        "import": QCoreApplication.translate("MainWindow", "&Import…"),
        "login": QCoreApplication.translate("MainWindow", "&Log in…"),
        "logout": QCoreApplication.translate("MainWindow", "Log &out"),
        "quit": QCoreApplication.translate("MainWindow", "&Quit"),
        "find": QCoreApplication.translate("MainWindow", "&Find"),
        "delete": QCoreApplication.translate("MainWindow", "&Delete record"),
        "preferences": QCoreApplication.translate("MainWindow", "&Preferences…"),
        "sync": QCoreApplication.translate("MainWindow", "&Sync now"),
        "language_system": QCoreApplication.translate("MainWindow", "System language"),
        "language_en": "English",
        "language_es": "Español",
    }
    for name, action in window.actions_by_name.items():
        action.setText(texts[name])
    # Delete itself is a shortcut of each list's table, so it never fires while typing.
    window.actions_by_name["delete"].setToolTip(
        QCoreApplication.translate("MainWindow", "Delete the selected record (Del in the list)"))


def open_import(window: MainWindow) -> None:
    """File > Import...: the import wizard, refreshing the lists when it is done."""
    wizard_class = optional.import_wizard_class(window.transfer)
    wizard = wizard_class(window.transfer, window)
    wizard.finished.connect(lambda _result: window.notify_local_edit())
    wizard.open()


def open_preferences(window: MainWindow) -> None:
    """Edit > Preferences…: language and sync interval."""
    from crm_desktop.ui.preferences_dialog import open_preferences as open_dialog

    open_dialog(window)


def open_login(window: MainWindow) -> None:
    """File > Log in...: the sync login dialog (the open one, if there is one)."""
    window.open_login()


def _enable_when_logged_in(controller: object, action: QAction) -> None:
    changed, state = getattr(controller, "state_changed", None), getattr(controller, "state", None)
    if changed is None or state is None:
        return  # a controller that cannot say: the action checks when triggered

    def follow(state: object) -> None:
        action.setEnabled(bool(getattr(state, "logged_in", False)))

    changed.connect(follow)
    follow(state())


def log_out(window: MainWindow) -> None:
    """File > Log out: forget the token here; queued changes wait for the same rep to log in again."""
    from PySide6.QtWidgets import QMessageBox

    state = window.controller.state()
    if not getattr(state, "logged_in", False):
        return
    pending, user = getattr(state, "pending_changes", 0), getattr(state, "username", "") or ""
    if pending:
        text = (QCoreApplication.translate(
            "MainWindow", "1 change made as %1 is not synced yet. It waits here until %1 logs in again and "
            "syncs; no one else can log in on this computer until then.\n\nLog out?") if pending == 1 else
            QCoreApplication.translate(
            "MainWindow", "%2 changes made as %1 are not synced yet. They wait here until %1 logs in again "
            "and syncs; no one else can log in on this computer until then.\n\nLog out?").replace(
                "%2", str(pending))).replace("%1", user)
        answer = QMessageBox.question(window, QCoreApplication.translate("MainWindow", "Log out"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
    window.controller.logout()
