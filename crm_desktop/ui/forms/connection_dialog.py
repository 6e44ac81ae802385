"""Add or edit a connection: the other record, my role, their role, dates.

The role-2 list shows only the roles that match role 1 (Manager -> Employee,
Colleague -> Colleague).  The dialog checks what it can, then hands the
write to the tab, which runs it on the store worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_core.roles import SEED_ROLES
from crm_core.validation import ValidationError, clean_value
from crm_desktop.services import ConnectionView, CrmService, Record
from crm_desktop.ui.forms.fields import ERROR_STYLE
from crm_desktop.ui.forms.picker import RecordPicker
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

# The seeded roles' names, for the translation files (shown through "Roles").
ROLE_NAMES = (
    QT_TRANSLATE_NOOP("Roles", "Colleague"), QT_TRANSLATE_NOOP("Roles", "Partner"),
    QT_TRANSLATE_NOOP("Roles", "Customer"), QT_TRANSLATE_NOOP("Roles", "Supplier"),
    QT_TRANSLATE_NOOP("Roles", "Friend"), QT_TRANSLATE_NOOP("Roles", "Spouse"),
    QT_TRANSLATE_NOOP("Roles", "Sibling"), QT_TRANSLATE_NOOP("Roles", "Manager"),
    QT_TRANSLATE_NOOP("Roles", "Employee"), QT_TRANSLATE_NOOP("Roles", "Former Employer"),
    QT_TRANSLATE_NOOP("Roles", "Former Employee"), QT_TRANSLATE_NOOP("Roles", "Referrer"),
    QT_TRANSLATE_NOOP("Roles", "Referral"), QT_TRANSLATE_NOOP("Roles", "Parent"),
    QT_TRANSLATE_NOOP("Roles", "Child"), QT_TRANSLATE_NOOP("Roles", "Champion"),
    QT_TRANSLATE_NOOP("Roles", "Decision Maker"), QT_TRANSLATE_NOOP("Roles", "End User"),
    QT_TRANSLATE_NOOP("Roles", "Economic Buyer"), QT_TRANSLATE_NOOP("Roles", "Influencer"),
    QT_TRANSLATE_NOOP("Roles", "Technical Buyer"), QT_TRANSLATE_NOOP("Roles", "Sales Professional"),
    QT_TRANSLATE_NOOP("Roles", "Sales Manager"), QT_TRANSLATE_NOOP("Roles", "Technical Sales Professional"),
    QT_TRANSLATE_NOOP("Roles", "Account Manager"),
)
assert len(ROLE_NAMES) == len(SEED_ROLES)


def role_label(role: Record) -> str:
    return QCoreApplication.translate("Roles", role.name)


class ConnectionDialog(QDialog):
    """Connect the form's record with another; ``write`` holds the store call once accepted."""

    def __init__(self, crm: CrmService, record: Record, connection: ConnectionView | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crm = crm
        self.record = record
        self.connection = connection
        self.write: Callable[[], Any] | None = None
        self.roles = sorted(crm.roles(), key=lambda role: role_label(role).casefold())  # in the rep's language
        self.other = RecordPicker(crm, ("account", "contact"), self)
        self.other.exclude = {record.id}
        self.role1 = QComboBox(self)
        self.role2 = QComboBox(self)
        self.description = QLineEdit(self)
        self.valid_from = QLineEdit(self)
        self.valid_to = QLineEdit(self)
        self.error = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self._build()
        self._fill(connection)

    def _build(self) -> None:
        form = QFormLayout()
        rows = ((self.tr("Connect &to"), self.other), (self.tr("&My role"), self.role1),
                (self.tr("&Their role"), self.role2), (self.tr("&Description"), self.description),
                (self.tr("Valid &from"), self.valid_from), (self.tr("Valid t&o"), self.valid_to))
        for text, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            widget.setAccessibleName(text.replace("&", ""))
        for edit in (self.valid_from, self.valid_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Connection of %1").replace("%1", self.record.name), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for role in self.roles:
            self.role1.addItem(role_label(role), role.id)
        self.role1.currentIndexChanged.connect(self._on_role1_current_index_changed)
        self.setWindowTitle(self.tr("Connection"))
        self.resize(460, 320)

    def _fill(self, connection: ConnectionView | None) -> None:
        if connection is None:
            self._select(self.role1, None)
            self._on_role1_current_index_changed(self.role1.currentIndex())
            return
        self.other.set_record(connection.other_id, connection.other_name)
        self.other.setEnabled(False)  # a connection joins the same two records for life
        self._select(self.role1, connection.role_id)
        self._on_role1_current_index_changed(self.role1.currentIndex())
        self._select(self.role2, connection.other_role_id)
        self.description.setText(connection.description or "")
        self.valid_from.setText(connection.valid_from or "")
        self.valid_to.setText(connection.valid_to or "")

    @staticmethod
    def _select(combo: QComboBox, role_id: str | None) -> None:
        index = combo.findData(role_id) if role_id else 0
        combo.setCurrentIndex(max(index, 0))

    @Slot(int)
    def _on_role1_current_index_changed(self, index: int) -> None:
        """Role 2 offers only the matches of role 1."""
        role = next((r for r in self.roles if r.id == self.role1.itemData(index)), None)
        self.role2.clear()
        matches = self.crm.matching_roles(role) if role else []
        for match in sorted(matches, key=lambda r: role_label(r).casefold()):
            self.role2.addItem(role_label(match), match.id)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def accept(self) -> None:
        """Check the input; keep the dialog open with a message when it is wrong."""
        if self.other.record_id is None:
            self.show_error(self.tr("Choose the record to connect to."))
            return
        try:
            for name, edit in (("valid_from", self.valid_from), ("valid_to", self.valid_to)):
                clean_value(_connection_def(), name, edit.text())
        except ValidationError as exc:
            self.show_error(f"{exc.field}: {exc.message}")
            return
        self.write = self._write()
        super().accept()

    def _write(self) -> Callable[[], Any]:
        role1, role2 = self.role1.currentData(), self.role2.currentData()
        values = {"description": self.description.text().strip() or None,
                  "valid_from": self.valid_from.text().strip() or None,
                  "valid_to": self.valid_to.text().strip() or None}
        crm, record, other_id = self.crm, self.record, self.other.record_id
        connection = self.connection
        if connection is None:
            assert other_id is not None
            return lambda: crm.link(record, other_id, role1, role2, **values)
        return lambda: crm.update_connection(connection.id, {**_sides(crm, connection.id, record.id, role1,
                                                                       role2), **values})


def _connection_def() -> Any:
    from crm_core.entities import CONNECTION

    return CONNECTION


def _sides(crm: CrmService, connection_id: str, my_id: str, mine: str, theirs: str | None) -> dict[str, Any]:
    """The role fields of an edit made from ``my_id``'s side."""
    stored = crm.get("connection", connection_id)
    first = stored is None or stored.fields.get("record1_id") == my_id
    return {"role1_id": mine, "role2_id": theirs} if first else {"role1_id": theirs, "role2_id": mine}
