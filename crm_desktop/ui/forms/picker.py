"""Choosing a record: a search-as-you-type dialog over accounts and contacts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import CrmService, Record
from crm_desktop.ui import icons

RESULTS_PER_KIND = 30



class PickerDialog(QDialog):
    """Search accounts and/or contacts by name, email, phone or company and pick one."""

    def __init__(self, crm: CrmService, kinds: tuple[str, ...], parent: QWidget | None = None,
                 exclude: set[str] | None = None) -> None:
        super().__init__(parent)
        self.crm = crm
        self.kinds = kinds
        self.exclude = exclude or set()
        self.chosen: Record | None = None
        self.search = QLineEdit(self)
        self.results = QListWidget(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Type part of a name, email, phone or company:"), self))
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Choose a record"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.results.setAccessibleName(self.tr("Matching records"))
        self.search.textChanged.connect(self._on_search_text_changed)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_search_text_changed("")
        self.resize(420, 380)

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.results.clear()
        for kind in self.kinds:
            if text.strip():
                found = self.crm.search(kind, text, limit=RESULTS_PER_KIND)
            else:
                found = self.crm.page(kind, limit=RESULTS_PER_KIND)
            for record in found:
                if record.id not in self.exclude:
                    self._add(record)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _add(self, record: Record) -> None:
        kind = self.tr("Account") if record.entity == "account" else self.tr("Contact")
        item = QListWidgetItem(f"{record.name}  ·  {kind}", self.results)
        item.setData(Qt.ItemDataRole.UserRole, record)
        if record.pending:
            item.setIcon(icons.pending_icon())

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class RecordPicker(QWidget):
    """A reference field: shows the chosen record's name, with Choose and Clear."""

    changed = Signal()

    def __init__(self, crm: CrmService, kinds: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crm = crm
        self.kinds = kinds
        self.record_id: str | None = None
        self.exclude: set[str] = set()
        self.display = QLineEdit(self)
        self.display.setReadOnly(True)
        self.choose_button = QToolButton(self)
        self.clear_button = QToolButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.choose_button.setText("…")
        self.clear_button.setText("×")
        self.choose_button.setToolTip(QCoreApplication.translate("RecordPicker", "Choose…"))
        self.choose_button.setAccessibleName(QCoreApplication.translate("RecordPicker", "Choose a record"))
        self.clear_button.setToolTip(QCoreApplication.translate("RecordPicker", "Clear"))
        self.clear_button.setAccessibleName(QCoreApplication.translate("RecordPicker", "Clear the choice"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self._pick(None, None))
        self.setFocusProxy(self.choose_button)
        self.dialog: PickerDialog | None = None

    def set_record(self, record_id: str | None, name: str | None) -> None:
        """Show ``record_id`` without marking the field edited."""
        self.record_id = record_id
        self.display.setText(name or "")

    def choose(self) -> PickerDialog:
        """Open the search dialog (not modal-blocking); the choice lands when accepted."""
        self.dialog = PickerDialog(self.crm, self.kinds, self, exclude=self.exclude)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _on_dialog_accepted(self) -> None:
        if self.dialog is not None and self.dialog.chosen is not None:
            chosen = self.dialog.chosen
            self._pick(chosen.id, chosen.name)
        QTimer.singleShot(0, self._drop_dialog)

    def _drop_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _pick(self, record_id: str | None, name: str | None) -> None:
        if record_id != self.record_id:
            self.set_record(record_id, name)
            self.changed.emit()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.display.setAccessibleName(name)
