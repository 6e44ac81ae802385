"""Assign a record to a user or team, and share it with rights.

Both are ordinary queued changes: written locally at once, sent at the next
sync, checked by the server then.  Names come from the server's directory
when it is known; offline the rep types the name.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_core.protocol import RIGHTS
from crm_desktop.services import KNOWN_ERRORS, CrmService, Record
from crm_desktop.ui.sync.controller import SyncController

logger = logging.getLogger("crm.ui")


class PrincipalPicker(QWidget):
    """'User' or 'Team' and a name, offered from the directory when there is one."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.user_radio = QRadioButton(self.tr("&User"), self)
        self.team_radio = QRadioButton(self.tr("&Team"), self)
        self.user_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.user_radio, self.team_radio):
            group.addButton(radio)
            radio.toggled.connect(self._on_radio_toggled)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setMinimumWidth(260)
        self.name.setAccessibleName(self.tr("User or team name"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #616161")
        self._layout()
        controller.directory_changed.connect(self._on_controller_directory_changed)
        self._fill()

    def _layout(self) -> None:
        kinds = QHBoxLayout()
        kinds.addWidget(self.user_radio)
        kinds.addWidget(self.team_radio)
        kinds.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(self.tr("Give to:"), self)
        form.addRow(self.kind_label, kinds)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.hint)

    def principal_type(self) -> str:
        """'user' or 'team'."""
        return "team" if self.team_radio.isChecked() else "user"

    def principal(self) -> str:
        """The typed or chosen name."""
        return self.name.currentText().strip()

    def _fill(self) -> None:
        key = "teams" if self.principal_type() == "team" else "users"
        names = sorted({_name(n) for n in self._controller.directory().get(key, [])}, key=str.casefold)
        typed = self.name.currentText()
        self.name.clear()
        self.name.addItems(names)
        self.name.setEditText(typed)
        if names:
            self.hint.setText(self.tr("Pick a name or type one."))
        else:
            self.hint.setText(self.tr("Type the exact name; the server checks it when you sync."))

    @Slot(bool)
    def _on_radio_toggled(self, checked: bool) -> None:
        if checked:
            self.name.setEditText("")
            self._fill()

    @Slot()
    def _on_controller_directory_changed(self) -> None:
        self._fill()


def _name(entry: Any) -> str:
    if isinstance(entry, dict):
        return str(entry.get("name") or entry.get("username") or "")
    return str(entry)


class _OwnerDialog(QDialog):
    """What Assign and Share have in common: the picker, an error line, two buttons."""

    def __init__(self, crm: CrmService, controller: SyncController, record: Record,
                 parent: QWidget | None, ok_text: str) -> None:
        super().__init__(parent)
        self.crm = crm
        self.controller = controller
        self.record = record
        self.setMinimumWidth(440)
        if getattr(controller.state(), "logged_in", False):
            controller.refresh_directory()  # fresh names arrive while the rep looks
        self.picker = PrincipalPicker(controller, self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self._add_ok(ok_text)

    def _add_ok(self, text: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setDefault(True)
        button.setAccessibleName(text)
        button.clicked.connect(self._on_ok_button_clicked)
        return button

    def _set_tab_order(self, middle: list[QWidget]) -> None:
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain = [self.picker.user_radio, self.picker.team_radio, self.picker.name, *middle,
                 self.ok_button, cancel]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.picker.name.setFocus()

    def _intro(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    @Slot()
    def _on_ok_button_clicked(self) -> None:
        if not self.picker.principal():
            self._show_error(self.tr("Enter a user or team name."))
            return
        try:
            self._write()
        except KNOWN_ERRORS as exc:
            self._show_error(str(exc))
            return
        self.controller.notify_local_edit()
        self.accept()

    def _write(self) -> None:
        raise NotImplementedError

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.picker.name.setFocus()


class AssignDialog(_OwnerDialog):
    """Give a record to another user or team (queued like any change)."""

    def __init__(self, crm: CrmService, controller: SyncController, record: Record,
                 parent: QWidget | None = None) -> None:
        super().__init__(crm, controller, record, parent, self.tr("Assign"))
        self.setWindowTitle(self.tr("Assign {name}").format(name=record.name))
        owner = record.owner_name or self.tr("you")
        intro = self._intro(self.tr("{name} is owned by {owner}. The new owner takes over when you "
                                    "sync.").format(name=record.name, owner=owner))
        layout = QVBoxLayout(self)
        for widget in (intro, self.picker, self.error, self.buttons):
            layout.addWidget(widget)
        self._set_tab_order([])

    def _write(self) -> None:
        self.crm.assign(self.record, self.picker.principal_type(), self.picker.principal())


class ShareDialog(_OwnerDialog):
    """Grant a user or team rights on a record; no rights at all removes access."""

    def __init__(self, crm: CrmService, controller: SyncController, record: Record,
                 parent: QWidget | None = None) -> None:
        super().__init__(crm, controller, record, parent, self.tr("Share"))
        self.setWindowTitle(self.tr("Share {name}").format(name=record.name))
        self.picker.kind_label.setText(self.tr("Share with:"))
        intro = self._intro(self.tr("Let a colleague or team work on {name}. They get access when you "
                                    "sync.").format(name=record.name))
        layout = QVBoxLayout(self)
        for widget in (intro, self.picker, self._rights_box(), self.error, self.buttons):
            layout.addWidget(widget)
        self._on_right_toggled()
        self._set_tab_order(list(self.rights.values()))

    def _rights_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What they may do"), self)
        grid = QGridLayout(box)
        self.rights: dict[str, QCheckBox] = {}
        labels = self._right_labels()
        for i, right in enumerate(RIGHTS):
            label, tip = labels.get(right, (right, ""))
            check = QCheckBox(label, box)
            check.setToolTip(tip)
            check.setAccessibleName(label)
            check.setChecked(right == "read")
            check.toggled.connect(self._on_right_toggled)
            grid.addWidget(check, i // 4, i % 4)
            self.rights[right] = check
        return box

    def _right_labels(self) -> dict[str, tuple[str, str]]:
        return {
            "read": (self.tr("Read"), self.tr("See the record")),
            "write": (self.tr("Write"), self.tr("Change its fields")),
            "append": (self.tr("Append"), self.tr("Attach other records to it")),
            "append_to": (self.tr("Append to"), self.tr("Attach it to other records")),
            "assign": (self.tr("Assign"), self.tr("Give it to someone else")),
            "share": (self.tr("Share"), self.tr("Share it further")),
            "delete": (self.tr("Delete"), self.tr("Delete it")),
        }

    def chosen_rights(self) -> list[str]:
        """The ticked rights, in protocol order."""
        return [r for r, check in self.rights.items() if check.isChecked()]

    @Slot()
    def _on_right_toggled(self) -> None:
        revoke = not self.chosen_rights()
        self.ok_button.setText(self.tr("Remove access") if revoke else self.tr("Share"))

    def _write(self) -> None:
        self.crm.share(self.record, self.picker.principal_type(), self.picker.principal(),
                       self.chosen_rights())

