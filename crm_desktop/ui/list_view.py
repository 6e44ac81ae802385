"""One list page: search as you type, a view picker, the table and its count."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import CrmService, Record, View
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from crm_desktop.ui.models.record_table import RecordTableModel

log = logging.getLogger("crm.ui")


# The first view of each kind is where its list opens: a rep starts on their own records.
VIEWS: dict[str, tuple[tuple[str, View], ...]] = {
    "account": (
        (QT_TRANSLATE_NOOP("RecordListView", "My active accounts"), "mine"),
        (QT_TRANSLATE_NOOP("RecordListView", "Active accounts"), "active"),
        (QT_TRANSLATE_NOOP("RecordListView", "Inactive accounts"), "inactive"),
        (QT_TRANSLATE_NOOP("RecordListView", "All accounts"), "all"),
    ),
    "contact": (
        (QT_TRANSLATE_NOOP("RecordListView", "My active contacts"), "mine"),
        (QT_TRANSLATE_NOOP("RecordListView", "Active contacts"), "active"),
        (QT_TRANSLATE_NOOP("RecordListView", "Inactive contacts"), "inactive"),
        (QT_TRANSLATE_NOOP("RecordListView", "All contacts"), "all"),
    ),
}


class RecordListView(QWidget):
    """Accounts or contacts in a searchable, paged table."""

    record_opened = Signal(str, str)  # kind, record id
    new_requested = Signal(str)  # kind
    delete_requested = Signal(object)  # Record

    def __init__(self, crm: CrmService, kind: str, parent: QWidget | None = None,
                 export: Callable[..., None] | None = None,
                 reader: CrmService | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._export: Callable[..., None] | None = None
        self.model = RecordTableModel(crm, kind, self, reader=reader, view=VIEWS[kind][0][1])
        self.search = QLineEdit(self)
        self.views = QComboBox(self)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.new_button = QPushButton(self)
        self.export_button: QPushButton | None = None
        self._top = QHBoxLayout()
        self._build()
        self.model.count_changed.connect(self._on_model_count_changed)
        self._on_model_count_changed(self.model.total)
        if export is not None:
            self.set_export(export)

    def set_export(self, export: Callable[..., None]) -> None:
        """Offer Export for this list (once the transfer service is there)."""
        self._export = export
        if self.export_button is None:
            self.export_button = QPushButton(self)
            self.export_button.clicked.connect(self._on_export_button_clicked)
            self._top.insertWidget(self._top.indexOf(self.count_label), self.export_button)
            self.setTabOrder(self.search, self.export_button)
            self.retranslate()

    def _build(self) -> None:
        top = self._top
        for widget in (self.new_button, self.views, self.search, self.count_label):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.views.currentIndexChanged.connect(self._on_views_current_index_changed)
        self.new_button.clicked.connect(lambda: self.new_requested.emit(self.kind))
        self._build_table()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self._on_delete_shortcut,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.retranslate()
        self.setTabOrder(self.new_button, self.views)
        self.setTabOrder(self.views, self.search)
        self.setTabOrder(self.search, self.table)

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 210)
        for column in range(1, self.model.columnCount()):
            table.setColumnWidth(column, 135)  # six columns fit a 1180-pixel window
        table.activated.connect(self._on_table_activated)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        plural = self.tr("accounts") if self.kind == "account" else self.tr("contacts")
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("New record (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New record"))
        self.search.setPlaceholderText(self.tr("Search %1 (Ctrl+F)").replace("%1", plural))
        self.search.setAccessibleName(self.tr("Search %1").replace("%1", plural))
        self.views.setAccessibleName(self.tr("List view"))
        self.table.setAccessibleName(self.tr("List of %1").replace("%1", plural))
        current = self.views.currentIndex()
        self.views.blockSignals(True)
        self.views.clear()
        for title, view in VIEWS[self.kind]:
            self.views.addItem(self.tr(title), view)
        self.views.setCurrentIndex(max(current, 0))
        self.views.blockSignals(False)
        if self.export_button is not None:
            self.export_button.setText(self.tr("&Export…"))
            self.export_button.setAccessibleName(self.tr("Export this list"))
        self._on_model_count_changed(self.model.total)

    def focus_search(self) -> None:
        """Put the cursor in the search box (Find)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_record(self) -> Record | None:
        """The record of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        """Re-read the list after an edit or a sync."""
        self.model.refresh()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_search(text)

    @Slot(int)
    def _on_views_current_index_changed(self, index: int) -> None:
        view = self.views.itemData(index)
        if view:
            self.model.set_view(view)

    @Slot(int)
    def _on_model_count_changed(self, count: int) -> None:
        self.count_label.setText(self._count_text(count).replace("%1", QLocale().toString(count)))

    def _count_text(self, count: int) -> str:
        if self.model.sorting:
            return self.tr("Sorting…")
        if self.model.search_text:
            if self.model.more_matches:
                return self.tr("%1+ matches")
            return self.tr("1 match") if count == 1 else self.tr("%1 matches")
        if not self.model.counted:
            return self.tr("%1+ records (counting…)")
        if self.kind == "account":
            return self.tr("1 account") if count == 1 else self.tr("%1 accounts")
        return self.tr("1 contact") if count == 1 else self.tr("%1 contacts")

    def _on_table_activated(self, index: Any) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.record_opened.emit(self.kind, record.id)

    def _on_delete_shortcut(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.delete_requested.emit(record)

    def _on_export_button_clicked(self) -> None:
        if self._export is not None:
            view = self.views.currentData() or self.model.view
            self._export(self, self.kind, self.model.search_text, view, self.model.column_order())
