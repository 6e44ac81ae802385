"""A record's form: fields, Save / Save & Close, activate, delete, owner.

Saving runs on the store worker; a ValidationError comes back to the field
it names.  Closing with unsaved changes asks first.  Account and contact
forms add their tabs (``account_form.py``, ``contact_form.py``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import CrmService, Record
from crm_desktop.services.errors import ValidationError
from crm_desktop.ui import icons, optional
from crm_desktop.ui.delete_confirm import confirm_delete
from crm_desktop.ui.forms.fields import FieldsPanel
from crm_desktop.ui.forms.record_tabs import ConnectionsTab
from crm_desktop.ui.ops import Op

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow

log = logging.getLogger("crm.ui")


class RecordForm(QWidget):
    """The form of one account or contact (a window of its own)."""

    saved = Signal(object)  # Record
    deleted = Signal(str)  # record id

    def __init__(self, window: MainWindow, kind: str, record: Record | None,
                 defaults: dict[str, Any] | None = None) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_ = window
        self.crm: CrmService = window.crm
        self.kind = kind
        self.record = record
        self.fields = FieldsPanel(self.crm, kind, self)
        self.tabs = QTabWidget(self)
        self.header = QLabel(self)
        self.owner_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        self.connections = ConnectionsTab(self, self)
        self._saving = False
        self._close_after_save = False
        self._build()
        self.fields.edited.connect(self._update_title)
        self.load(record, defaults or {})
        self.resize(900, 720)

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        self.tabs.addTab(scroll, "")
        self.add_tabs()
        self.tabs.addTab(self.connections, "")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        for widget in self.header_widgets():
            head.addWidget(widget)
        head.addWidget(self.pending_label)
        head.addWidget(self.owner_label)
        layout.addLayout(head)
        layout.addLayout(self._button_row())
        layout.addWidget(self.tabs, 1)
        self.header.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.pending_label.setStyleSheet(f"color: {icons.PENDING_COLOR};")
        self._set_tab_order()
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("F9"), self, self.window_.sync_now)  # sync from any window
        self.retranslate()

    def _set_tab_order(self) -> None:
        """Tab walks the fields top to bottom, then the buttons, then the tabs."""
        chain: list[QWidget] = [editor.editor for editor in self.fields.editors.values()]
        chain += [*self.buttons.values(), self.tabs]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def add_tabs(self) -> None:
        """Subclasses add their tabs between the fields and the connections."""

    def header_widgets(self) -> list[QWidget]:
        """Subclasses add labels next to the record's name."""
        return []

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions: dict[str, Callable[..., Any]] = {
            "save": self.save, "save_close": self.save_and_close, "state": self.toggle_active,
            "delete": self.confirm_delete}
        for name in ("assign", "share"):
            dialog = optional.owner_dialog_class(self.window_.controller, f"{name.title()}Dialog")
            if dialog is not None:
                actions[name] = lambda _c=False, d=dialog: self.open_owner_dialog(d)
        for name, slot in actions.items():
            button = QPushButton(self)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def retranslate(self) -> None:
        texts = {"save": self.tr("&Save"), "save_close": self.tr("Save && &Close"),
                 "delete": self.tr("&Delete"), "assign": self.tr("&Assign…"), "share": self.tr("S&hare…")}
        for name, text in texts.items():
            if name in self.buttons:
                self.buttons[name].setText(text)
        self.buttons["save"].setToolTip(self.tr("Save (Ctrl+S)"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(self.tabs.indexOf(self.connections), self.tr("Connections"))
        self.fields.retranslate()
        self.connections.retranslate()
        self._show_state()

    # -- loading -------------------------------------------------------------

    def load(self, record: Record | None, defaults: dict[str, Any] | None = None) -> None:
        """Show ``record`` (None: a new one, with ``defaults`` filled in)."""
        self.record = record
        values = dict(record.fields) if record else {}
        names = self.crm.related_names(record) if record else {}
        for name, value in (defaults or {}).items():
            values[name] = value
            if name.endswith("_id") and value:
                other = self.crm.get("account", value)
                names[name.removesuffix("_id") + "_name"] = other.name if other else None
        self.fields.load(values, names)
        if defaults:
            self.fields._loaded = {k: v for k, v in self.fields._loaded.items() if k not in defaults}
        self.connections.reload()
        self.reload_tabs()
        self._show_state()

    def reload_tabs(self) -> None:
        """Subclasses refresh their tabs from the store."""

    def on_record_changed(self) -> None:
        """Another window saved something: refresh the lists on the tabs, keep typed edits."""
        if self.record is None:
            return
        fresh = self.crm.get(self.kind, self.record.id)
        if fresh is None:
            return
        self.record = fresh
        self.connections.reload()
        self.reload_tabs()
        self._show_state()

    def _show_state(self) -> None:
        record = self.record
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, record is not None)
        for name in ("state", "delete", "assign", "share"):
            if name in self.buttons:
                self.buttons[name].setEnabled(record is not None)
        active = record is None or record.active
        self.buttons["state"].setText(self.tr("De&activate") if active else self.tr("&Activate"))
        owner = (record.owner_name if record else None) or self.tr("not synced yet")
        self.owner_label.setText(self.tr("Owner: %1").replace("%1", owner))
        pending = record is None or record.pending
        self.pending_label.setText(self.tr("● Not synced yet") if pending else "")
        self.pending_label.setToolTip(self.tr("Changes wait to reach the server"))
        self._update_title()

    def _update_title(self) -> None:
        record = self.record
        name = record.name if record else (self.tr("New account") if self.kind == "account"
                                           else self.tr("New contact"))
        state = "" if record is None or record.active else self.tr(" (inactive)")
        self.header.setText(name + state)
        self.setWindowTitle(("* " if self.is_dirty() else "") + name)

    def is_dirty(self) -> bool:
        """Whether the fields hold edits not saved yet."""
        return bool(self.fields.changes())

    # -- saving --------------------------------------------------------------

    def save(self) -> Op | None:
        """Save the edits on the store worker (Ctrl+S)."""
        if self._saving:
            return None
        changes = self.fields.changes()
        if self.record is not None and not changes:
            self._finish_save(self.record)
            return None
        self.fields.clear_errors()
        self._saving = True
        record, kind = self.record, self.kind
        if record is None:
            create = self.crm.create_account if kind == "account" else self.crm.create_contact
            return Op(self, lambda: create(changes)).success(self._on_save_done).failure(
                self._on_save_failed).run()
        return Op(self, lambda: self.crm.update(record, changes)).success(self._on_save_done).failure(
            self._on_save_failed).run()

    def save_and_close(self) -> None:
        self._close_after_save = True
        self.save()

    def _on_save_done(self, record: Record) -> None:
        self._saving = False
        self.load(record)
        self.window_.notify_local_edit(record.entity, record.id)
        self._finish_save(record)

    def _finish_save(self, record: Record) -> None:
        self.saved.emit(record)
        if self._close_after_save:
            self.close()

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self._close_after_save = False
        if isinstance(error, ValidationError) and self.fields.show_error(error.field, error.message):
            return
        self.window_.show_error(error)

    # -- state, delete, owner --------------------------------------------------

    def toggle_active(self) -> None:
        """Deactivate an active record, activate an inactive one."""
        record = self.record
        if record is None:
            return
        Op(self, lambda: self.crm.set_active(record, not record.active)).success(
            self._on_save_done).failure(self.window_.show_error).run()

    def confirm_delete(self) -> None:
        record = self.record
        if record is None:
            return
        if confirm_delete(self, self.crm, record):
            Op(self, lambda: self.crm.delete(record)).success(lambda _r: self._on_deleted(record)).failure(
                self.window_.show_error).run()

    def _on_deleted(self, record: Record) -> None:
        self.window_.notify_local_edit(record.entity, record.id)
        self.deleted.emit(record.id)
        self.fields.load(dict(record.fields), {})  # nothing left to save
        self.close()

    def open_owner_dialog(self, dialog_class: Any) -> None:
        dialog = dialog_class(self.crm, self.window_.controller, self.record, self)
        dialog.finished.connect(lambda _result: self._on_owner_dialog_finished())
        dialog.open()

    def _on_owner_dialog_finished(self) -> None:
        if self.record is not None:
            fresh = self.crm.get(self.kind, self.record.id)
            if fresh is not None:
                self.load(fresh)
            self.window_.notify_local_edit(self.kind, self.record.id)

    # -- closing -------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._close_after_save:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save the changes to %1?").replace(
                    "%1", self.header.text()),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self.save_and_close()
                return
        super().closeEvent(event)
