"""Item models of the Sync issues view: the issues, and one issue's fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from crm_desktop.ui.sync.status_bar import local_time_text

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_MUTED = QColor("#757575")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncIssues", text)


def reason_text(issue: Any) -> str:
    """Why the server did not take the change, in the rep's words."""
    reasons = {
        "conflict": _tr("Changed on the server too"),
        "permission": _tr("Not allowed"),
        "validation": _tr("Value refused"),
        "missing": _tr("Not on the server"),
        "deleted": _tr("Linked record deleted"),
    }
    return reasons.get(issue.reason, issue.reason or _tr("Refused"))


def kind_text(issue: Any) -> str:
    """'Conflict' or 'Rejected'."""
    return _tr("Conflict") if issue.kind == "conflict" else _tr("Rejected")


def field_label(name: str) -> str:
    """'bill_to_city' -> 'Bill to city'."""
    words = name.removesuffix("_id").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def value_text(value: Any) -> str:
    """A field value for display; empty values read '(empty)'."""
    if value is None or value == "":
        return _tr("(empty)")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or _tr("(none)")
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
    return str(value)


def issue_time(issue: Any) -> str:
    """When the issue came back, in local time ('' when the service does not say)."""
    return local_time_text(getattr(issue, "created_at", None)) or ""


class SyncIssuesModel(QAbstractTableModel):
    """The open conflicts and rejections; ``Qt.UserRole`` gives the issue itself."""

    KIND, RECORD, REASON, WHEN = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: list[Any] = []

    def set_issues(self, issues: list[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._issues = list(issues)
        self.endResetModel()

    def issue(self, row: int) -> Any:
        """The issue on a row."""
        return self._issues[row]

    def row_of(self, issue_id: Any) -> int | None:
        """The row showing the issue with that id, if any."""
        return next((r for r, i in enumerate(self._issues) if i.id == issue_id), None)

    def has_times(self) -> bool:
        """Whether any issue says when it happened (else the view hides the column)."""
        return any(issue_time(i) for i in self._issues)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 4:
            return None
        return (_tr("Kind"), _tr("Record"), _tr("Reason"), _tr("When"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return issue
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(issue, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.message or reason_text(issue)
        return None

    def _display(self, issue: Any, column: int) -> str | None:
        if column == self.KIND:
            return kind_text(issue)
        if column == self.RECORD:
            return f"{issue.record_name} ({issue.entity})"
        if column == self.REASON:
            reason = reason_text(issue)
            return f"{reason}: {issue.message}" if issue.message else reason
        if column == self.WHEN:
            return issue_time(issue)
        return None


class IssueFieldsModel(QAbstractTableModel):
    """One issue's fields: base / theirs / yours for a conflict, yours for a rejection.

    A delete conflict's "yours" reads "(deleted)": the rep deleted the record.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, dict[str, Any]]] = []
        self._keys: tuple[str, ...] = ()
        self._deleted = False

    def set_issue(self, issue: Any | None) -> None:
        """Show an issue's fields (None clears)."""
        self.beginResetModel()
        if issue is None:
            self._rows, self._keys = [], ()
        else:
            self._rows = sorted(issue.fields.items())
            self._keys = ("base", "theirs", "yours") if issue.kind == "conflict" else ("yours",)
        self._deleted = issue is not None and issue.kind == "conflict" and issue.op == "delete"
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {"base": _tr("Before"), "theirs": _tr("On the server"), "yours": _tr("Yours")}
        headers = [_tr("Field"), *(names[k] for k in self._keys)]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, values = self._rows[index.row()]
        if not 0 <= index.column() <= len(self._keys):
            return None
        key = self._keys[index.column() - 1] if index.column() else ""
        value = values.get(key) if key else name
        deleted = self._deleted and key == "yours"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if deleted:
                return _tr("(deleted)")
            return value_text(value) if index.column() else field_label(name)
        if role == Qt.ItemDataRole.ForegroundRole and (deleted or value in (None, "")):
            return _MUTED  # '(empty)' and '(deleted)' read as notes, not as values
        return None
