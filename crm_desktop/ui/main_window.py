"""The main window: navigation, the lists, menus, shortcuts and the status bar.

Pieces built elsewhere (sync controller and its widgets, welcome page,
import and export) are optional: the window shows only the menu items whose
piece is there, so there are no dead buttons.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from crm_desktop.services import CrmService, Record
from crm_desktop.services.preferences import Preferences
from crm_desktop.ui import optional
from crm_desktop.ui.delete_confirm import confirm_delete
from crm_desktop.ui.list_view import RecordListView
from crm_desktop.ui.ops import Op

if TYPE_CHECKING:
    from crm_desktop.ui.forms import RecordForm

log = logging.getLogger("crm.ui")

ACCOUNTS, CONTACTS, SYNC_ISSUES = "accounts", "contacts", "sync_issues"


class MainWindow(QMainWindow):
    """Accounts, contacts and sync issues, with the rep's commands."""

    record_changed = Signal(str, str)  # kind, id: after any local edit lands
    language_chosen = Signal(object)  # "en", "es" or None for the system's
    sync_interval_chosen = Signal(int)  # minutes between automatic syncs

    def __init__(self, crm: CrmService, *, controller: Any = None, transfer: Any = None,
                 reader: CrmService | None = None, preferences: Preferences | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crm = crm
        self.reader = reader
        self.preferences = preferences  # read here; the app keeps and applies what is chosen
        self.controller: Any = None
        self.transfer: Any = None
        self.status_widget: QWidget | None = None
        self.forms: list[RecordForm] = []
        self.nav = QListWidget(self)
        self.pages = QStackedWidget(self)
        self.lists: dict[str, RecordListView] = {}
        self._page_keys: list[str] = []
        self.welcome: QWidget | None = None
        self._told_no_keyring = False
        self.actions_by_name: dict[str, QAction] = {}
        self._build_pages()
        self._build_layout()
        self._file_menu = self._build_actions()
        self.retranslate()
        self.record_changed.connect(self._on_self_record_changed)
        if controller is not None:
            self.attach_sync(controller)
        if transfer is not None:
            self.attach_transfer(transfer)

    # -- building ------------------------------------------------------------

    def _build_pages(self) -> None:
        for key, kind in ((ACCOUNTS, "account"), (CONTACTS, "contact")):
            view = RecordListView(self.crm, kind, self, reader=self.reader)
            view.record_opened.connect(self._on_list_record_opened)
            view.new_requested.connect(self._on_list_new_requested)
            view.delete_requested.connect(self._on_list_delete_requested)
            self.lists[key] = view
            self._add_page(key, view)

    def attach_sync(self, controller: Any) -> None:
        """Sync is ready: its page, status bar, F9, Log in and the forms' Assign/Share."""
        from crm_desktop.ui.menus import add_sync_actions

        self.controller = controller
        issues: Any = optional.sync_issues_view(controller, self)
        if issues is not None:
            issues.open_record_requested.connect(self._on_issues_open_record_requested)
            self._add_page(SYNC_ISSUES, issues)
        self._build_status_bar()
        add_sync_actions(self, self._file_menu)
        controller.login_required.connect(self._on_controller_login_required)
        controller.login_succeeded.connect(self._on_controller_login_succeeded)
        # Take theirs or Discard rewrites the record here: lists and open forms follow.
        controller.issues_changed.connect(self.refresh_after_sync)
        self.retranslate()

    def attach_transfer(self, transfer: Any) -> None:
        """Import and export are ready: File > Import... and each list's Export."""
        from crm_desktop.ui.menus import add_import_action

        self.transfer = transfer
        export = optional.export_function(transfer)
        if export is not None:
            for view in self.lists.values():
                view.set_export(export)
        add_import_action(self, self._file_menu)
        self.retranslate()

    def _add_page(self, key: str, widget: QWidget) -> None:
        self._page_keys.append(key)
        self.pages.addWidget(widget)
        item = QListWidgetItem(self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)

    def _build_layout(self) -> None:
        self.nav.setIconSize(QSize(16, 16))
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)
        self.resize(1100, 680)

    def _build_actions(self) -> QMenu:
        from crm_desktop.ui.menus import build_menus

        return build_menus(self)

    def _build_status_bar(self) -> None:
        widget: Any = optional.sync_status_widget(self.controller, self)
        self.status_widget = widget
        if widget is not None:
            widget.issues_requested.connect(self._on_status_widget_issues_requested)
            self.statusBar().addPermanentWidget(widget, 1)

    def language_changed(self) -> None:
        """Show every text in the newly installed language, open forms included."""
        self.retranslate()
        self.refresh_lists()  # cached row texts ("not synced yet") follow the language
        for form in self.forms:
            form.retranslate()
        # The sync widgets, welcome page and wizards retranslate on Qt's LanguageChange event.

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("CRM"))
        titles = {ACCOUNTS: self.tr("Accounts"), CONTACTS: self.tr("Contacts"),
                  SYNC_ISSUES: self.tr("Sync issues")}
        for row, key in enumerate(self._page_keys):
            item = self.nav.item(row)
            item.setText(titles[key])
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(max(170, self.nav.sizeHintForColumn(0) + 24))
        for view in self.lists.values():
            view.retranslate()
        from crm_desktop.ui.menus import retranslate_menus

        retranslate_menus(self)

    # -- navigation ----------------------------------------------------------

    def show_page(self, key: str) -> None:
        """Show the list (or view) called ``key`` and select it in the navigation."""
        self.hide_welcome()
        self.nav.setCurrentRow(self._page_keys.index(key))

    def current_list(self) -> RecordListView:
        """The list shown now, or the accounts list when another page is up."""
        key = self._page_keys[self.pages.currentIndex()] if self.pages.currentIndex() >= 0 else ACCOUNTS
        return self.lists.get(key, self.lists[ACCOUNTS])

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)

    def show_welcome(self, welcome: QWidget) -> None:
        """Cover the lists with the first-run page until the rep picks a start."""
        self.welcome = welcome
        self.pages.addWidget(welcome)
        self.pages.setCurrentWidget(welcome)
        self.nav.setEnabled(False)

    def hide_welcome(self) -> None:
        if self.welcome is not None:
            self.pages.removeWidget(self.welcome)
            self.welcome.deleteLater()
            self.welcome = None
            self.nav.setEnabled(True)
            self.pages.setCurrentIndex(max(self.nav.currentRow(), 0))

    # -- records -------------------------------------------------------------

    def open_record(self, kind: str, record_id: str | None,
                    defaults: dict[str, Any] | None = None) -> RecordForm | None:
        """Open a record's form in its own window (None: a new record); None if it is gone."""
        from crm_desktop.ui.forms import open_form

        for form in self.forms:
            if record_id and form.record is not None and form.record.id == record_id:
                form.raise_()
                form.activateWindow()
                return form
        if record_id and self.crm.get(kind, record_id) is None:
            QMessageBox.information(self, self.tr("Record not found"),
                                    self.tr("This record was deleted, here or on the server."))
            self.refresh_lists()
            return None
        form = open_form(self, kind, record_id, defaults)
        self.forms.append(form)
        form.destroyed.connect(lambda: self.forms.remove(form) if form in self.forms else None)
        return form

    def new_record(self) -> None:
        """New (Ctrl+N): a new record of the list shown."""
        self.open_record(self.current_list().kind, None)

    def find_in_list(self) -> None:
        """Find (Ctrl+F): search the list shown."""
        view = self.current_list()
        self.pages.setCurrentWidget(view)
        self.nav.setCurrentRow(self.pages.currentIndex())
        view.focus_search()

    def notify_local_edit(self, kind: str = "", record_id: str = "") -> None:
        """A local edit landed: refresh lists and tell sync there is work."""
        self.record_changed.emit(kind, record_id)

    def refresh_lists(self) -> None:
        """Re-read every list (after an edit)."""
        for view in self.lists.values():
            view.refresh()

    def refresh_after_sync(self) -> None:
        """A sync brought changes in and cleared pending markers: lists and open forms follow."""
        self.refresh_lists()
        for form in list(self.forms):
            form.on_record_changed()

    @Slot(str, str)
    def _on_self_record_changed(self, _kind: str, _record_id: str) -> None:
        self.refresh_lists()
        for form in list(self.forms):
            form.on_record_changed()
        if self.welcome is not None and any(view.model.total for view in self.lists.values()):
            self.hide_welcome()
        if self.controller is not None:
            self.controller.notify_local_edit()

    @Slot(str, str)
    def _on_list_record_opened(self, kind: str, record_id: str) -> None:
        self.open_record(kind, record_id)

    @Slot(str)
    def _on_list_new_requested(self, kind: str) -> None:
        self.open_record(kind, None)

    @Slot(object)
    def _on_list_delete_requested(self, record: Record) -> None:
        self.delete_record(record)

    def delete_selected(self) -> None:
        """Delete: the selected record of the list shown, after confirming."""
        record = self.current_list().selected_record()
        if record is not None:
            self.delete_record(record)

    def delete_record(self, record: Record) -> None:
        """Ask, then delete the record on the store worker."""
        if not confirm_delete(self, self.crm, record):
            return
        Op(self, lambda: self.crm.delete(record)).success(
            lambda _r: self.notify_local_edit(record.entity, record.id)).failure(self.show_error).run()

    def show_error(self, error: Exception) -> None:
        """A known error as a message; the trace of a bug is already logged."""
        QMessageBox.warning(self, self.tr("Could not save"), str(error))

    # -- preferences ---------------------------------------------------------

    @Slot(object, int)
    def apply_preferences(self, language: str | None, sync_minutes: int) -> None:
        """The Preferences dialog's choices: announce the ones that changed."""
        if self.preferences is None:
            return
        if language != self.preferences.language:
            self.language_chosen.emit(language)
        if sync_minutes != self.preferences.sync_interval_minutes:
            self.sync_interval_chosen.emit(sync_minutes)

    # -- sync ----------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller is not None:
            self.controller.sync_now()

    def open_login(self) -> QDialog | None:
        """The login dialog, or the one already open raised; None without sync."""
        dialog_class = optional.login_dialog_class(self.controller)
        if dialog_class is None:
            return None
        dialog: QDialog = dialog_class.show_for(self.controller, self)
        return dialog

    @Slot()
    def _on_controller_login_required(self) -> None:
        self.open_login()

    @Slot()
    def _on_controller_login_succeeded(self) -> None:
        self.refresh_lists()  # "My active ..." follow who is logged in
        warning = self.controller.credentials_warning()
        if warning and not self._told_no_keyring:
            self._told_no_keyring = True  # once a run: it stays true until the app closes
            self._tell_no_keyring(warning)

    def _tell_no_keyring(self, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Login kept until you close the app"),
                          self.tr("This computer has no keyring to keep your login in, so you will be "
                                  "asked to log in again the next time you open the app."),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the login dialog closes behind it

    @Slot()
    def _on_status_widget_issues_requested(self) -> None:
        if SYNC_ISSUES in self._page_keys:
            self.show_page(SYNC_ISSUES)

    @Slot(str, str)
    def _on_issues_open_record_requested(self, entity: str, record_id: str) -> None:
        connection = self.crm.get(entity, record_id) if entity == "connection" else None
        if connection is None:
            self.open_record(entity, record_id)  # a connection gone meanwhile is reported there
            return
        # A connection has no form of its own: show it on the first record it connects.
        form = self.open_record(connection.fields["record1_type"], connection.fields["record1_id"])
        if form is not None:
            form.tabs.setCurrentWidget(form.connections)

    def closeEvent(self, event: QCloseEvent) -> None:
        for form in list(self.forms):
            if not form.close():
                event.ignore()
                return
        # An import or export still running would outlive the window that owns its thread
        # (the app aborted): an import stops after the rows in progress, an export ends its file.
        for child in self.findChildren(QObject):
            finish = getattr(child, "finish_before_close", None)
            if callable(finish):
                finish()
        super().closeEvent(event)


def standard_key(name: str) -> QKeySequence:
    """A shortcut from the issue's keyboard map."""
    keys = {"new": "Ctrl+N", "find": "Ctrl+F", "save": "Ctrl+S", "sync": "F9"}
    return QKeySequence(keys[name])
