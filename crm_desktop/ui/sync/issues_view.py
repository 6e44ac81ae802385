"""The Sync issues view: the conflicts and rejections, and what to do about each.

A conflict shows each field before, on the server and yours, with Keep mine
and Take theirs; for a delete, Keep mine reads "Delete anyway".  A rejection
shows why and the fields the rep changed, with Retry (after fixing the
record) and Discard.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QMetaMethod, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import KNOWN_ERRORS
from crm_desktop.ui.sync.controller import IssueAction, SyncController
from crm_desktop.ui.sync.issues_model import (
    IssueFieldsModel,
    SyncIssuesModel,
    dependants_text,
    reason_text,
    record_text,
    server_words,
)

logger = logging.getLogger("crm.ui")


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _label(button: QPushButton, text: str, tip: str) -> None:
    button.setText(text)
    button.setAccessibleName(text)
    button.setToolTip(tip)


def _stretch_columns(table: QTableView, columns: range) -> None:
    header = table.horizontalHeader()
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class IssueDetail(QWidget):
    """One issue: what happened, its fields, and the two choices it allows."""

    resolve_requested = Signal(object, str)  # issue id, action
    open_record_requested = Signal(str, str)  # entity, record id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issue: Any = None
        self.title = QLabel(self)
        self.title.setObjectName("issueTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.dependants = QLabel(self)  # a delete conflict's changed connections, which its delete takes
        self.dependants.setObjectName("issueDependants")
        self.dependants.setWordWrap(True)
        self.dependants.hide()
        self.fields_model = IssueFieldsModel(self)
        self.fields = _table(self, "")
        self.fields.setModel(self.fields_model)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields_model.modelReset.connect(self._on_fields_model_model_reset)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explanation, self.dependants, self.fields, self.error):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.open_button = self._button(self._on_open_button_clicked)
        self.keep_mine = self._button(lambda: self._resolve("keep_mine"))
        self.take_theirs = self._button(lambda: self._resolve("take_theirs"))
        self.retry = self._button(lambda: self._resolve("retry"))
        self.discard = self._button(lambda: self._resolve("discard"))
        self.retranslate()
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.retry, self.discard):
            row.addWidget(button)
        return row

    def _button(self, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """Every text again, in the current language."""
        self.fields.setAccessibleName(self.tr("Fields"))
        buttons = (
            (self.open_button, self.tr("Open record"), ""),
            (self.retry, self.tr("Retry"), self.tr("Send the record as it is now (edit it first)")),
            (self.discard, self.tr("Discard"), self.tr("Drop your change and undo it here")),
        )
        for button, text, tip in buttons:
            _label(button, text, tip)
        self._label_choices(deleting=False)
        if self._issue is not None:
            self.show_issue(self._issue)

    def _label_choices(self, deleting: bool) -> None:
        """A delete conflict's choices say what they do to the record."""
        if deleting:
            _label(self.keep_mine, self.tr("Delete anyway"),
                   self.tr("Delete the record on the server too, with the changes shown"))
            _label(self.take_theirs, self.tr("Take theirs"), self.tr("Keep the record as it is on the server"))
        else:
            _label(self.keep_mine, self.tr("Keep mine"), self.tr("Send your values again, over the server's"))
            _label(self.take_theirs, self.tr("Take theirs"), self.tr("Use the server's values and drop yours"))

    def show_issue(self, issue: Any) -> None:
        """Fill the pane for one issue."""
        self._issue = issue
        conflict = issue.kind == "conflict"
        self.title.setText(record_text(issue))
        self.explanation.setText(self._explain(issue))
        self.dependants.setText(dependants_text(issue))
        self.dependants.setVisible(bool(self.dependants.text()))
        self.fields_model.set_issue(issue)
        self.fields.setVisible(bool(issue.fields) or not self.dependants.text())
        self.error.hide()
        self._label_choices(deleting=conflict and issue.op == "delete")
        self.keep_mine.setVisible(conflict)
        self.take_theirs.setVisible(conflict)
        self.retry.setVisible(not conflict)
        self.discard.setVisible(not conflict)

    @Slot()
    def _on_fields_model_model_reset(self) -> None:
        _stretch_columns(self.fields, range(1, self.fields_model.columnCount()))

    def show_error(self, message: str) -> None:
        """An inline line when resolving failed."""
        self.error.setText(message)
        self.error.show()

    def _explain(self, issue: Any) -> str:
        if issue.kind == "conflict" and issue.op == "delete":
            return self._explain_delete(issue)
        if issue.kind == "conflict":
            return self.tr("Someone changed these fields on the server after your edit. "
                           "Keep your values or take the server's.")
        text = self.tr("The server did not take your change: {reason}.").format(
            reason=reason_text(issue).lower())
        message = server_words(issue).rstrip(". ")
        if message:  # the server's words: in the rep's language when it gave a code, else its English as a quote
            text += " " + self.tr("The server said: {message}.").format(message=message[:1].upper() + message[1:])
        text += "\n" + self.tr("Fix the record and Retry, or Discard your change.")
        followers = len(getattr(issue, "followers", ()))
        if followers == 1:
            text += " " + self.tr("The connection that went with this assign follows your choice.")
        elif followers:
            text += " " + self.tr("The {count} connections that went with this assign follow your choice."
                                  ).format(count=followers)
        return text

    def _explain_delete(self, issue: Any) -> str:
        if issue.fields:
            text = self.tr("Someone changed this record on the server after you deleted it, so the server "
                           "kept it and it is back here. Delete anyway to delete it with their changes, "
                           "or Take theirs to keep it as it is on the server.")
        elif _only_hidden(getattr(issue, "dependants", ())):
            text = self.tr("Another rep has connections to this record that you cannot see, so the server kept "
                           "it, and it is back here. Delete anyway to delete it with those connections, or Take "
                           "theirs to keep it as it is on the server.")
        else:
            text = self.tr("Someone changed connections of this record on the server after you deleted it, so the "
                           "server kept it and them, and they are back here. Delete anyway to delete it with those "
                           "connections, or Take theirs to keep it as it is on the server.")
        # The rep deleted such a connection on its own too: that delete's conflict is settled with this one.
        followers = len(getattr(issue, "followers", ()))
        if followers == 1:
            text += " " + self.tr("You had deleted one of those connections on its own too: its conflict follows "
                                  "your choice here.")
        elif followers:
            text += " " + self.tr("You had deleted {count} of those connections on their own too: their conflicts "
                                  "follow your choice here.").format(count=followers)
        return text

    def _resolve(self, action: IssueAction) -> None:
        if self._issue is not None:
            self.resolve_requested.emit(self._issue.id, action)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        if self._issue is not None:
            self.open_record_requested.emit(self._issue.entity, self._issue.record_id)


class SyncIssuesView(QWidget):
    """The issues list and the selected issue's detail; refreshes after each sync."""

    open_record_requested = Signal(str, str)  # entity, record id

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model = SyncIssuesModel(self)
        self._build()
        controller.issues_changed.connect(self._on_controller_issues_changed)
        controller.sync_finished.connect(self._on_controller_sync_finished)
        self.refresh()

    def _build(self) -> None:
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = _table(self, "")
        self.table.setModel(self.model)
        _stretch_columns(self.table, range(SyncIssuesModel.REASON, SyncIssuesModel.REASON + 1))
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.detail = IssueDetail(self)
        self.detail.resolve_requested.connect(self._on_detail_resolve_requested)
        self.detail.open_record_requested.connect(self.open_record_requested)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        QVBoxLayout(self).addWidget(self.pages)
        self._retranslate_texts()

    def _retranslate_texts(self) -> None:
        self.empty.setText(self.tr('<p style="font-size: 14pt">No sync issues</p>'
                                   "<p>Conflicts and changes the server refused show up here.</p>"))
        self.empty.setAccessibleName(self.tr("No sync issues"))
        self.table.setAccessibleName(self.tr("Sync issues"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch of language (the model's texts come back with a refresh)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_texts()
            self.detail.retranslate()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the issues again, keeping the selected one selected if it is still open."""
        current = self.selected_issue()
        self.model.set_issues(self._controller.issues())
        self.table.setColumnHidden(SyncIssuesModel.WHEN, not self.model.has_times())
        self.pages.setCurrentIndex(1 if self.model.rowCount() else 0)
        row = self.model.row_of(current.id) if current is not None else None
        if self.model.rowCount():
            self.table.selectRow(row or 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Offer Open record only when the window listens for it."""
        meta = self.metaObject()
        method: QMetaMethod = meta.method(meta.indexOfSignal("open_record_requested(QString,QString)"))
        self.detail.open_button.setVisible(self.isSignalConnected(method))
        super().showEvent(event)

    def selected_issue(self) -> Any:
        """The issue shown in the detail pane, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.issue(rows[0].row()) if rows else None

    def resolve(self, issue_id: Any, action: IssueAction) -> None:
        """Apply a choice; known errors show inline, bugs are logged too."""
        try:
            self._controller.resolve(issue_id, action)
        except KNOWN_ERRORS as exc:
            self.detail.show_error(str(exc))
        except Exception as exc:
            logger.exception("resolving sync issue %s with %s failed", issue_id, action)
            self.detail.show_error(self.tr("That did not work ({error}); see the log.").format(error=exc))

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        issue = self.selected_issue()
        if issue is not None:
            self.detail.show_issue(issue)

    @Slot(object, str)
    def _on_detail_resolve_requested(self, issue_id: Any, action: IssueAction) -> None:
        self.resolve(issue_id, action)

    @Slot()
    def _on_controller_issues_changed(self) -> None:
        self.refresh()

    @Slot(object)
    def _on_controller_sync_finished(self, _report: Any) -> None:
        self.refresh()


def _only_hidden(dependants: Any) -> bool:
    """Whether every connection a delete conflict names is one the rep cannot see (another rep's)."""
    return bool(dependants) and all(getattr(d, "hidden", False) for d in dependants)
