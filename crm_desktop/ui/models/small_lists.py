"""Table models for the short lists on a form: contacts, sub-accounts, connections.

These lists are bounded (a few hundred rows at most), so the model holds
them whole; the big lists use ``record_table.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.services import ConnectionView, Record
from crm_desktop.ui import icons
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
_CONTEXT = "SmallLists"


class RowsModel(QAbstractTableModel, Generic[T]):
    """A short list of items with one text per column and a pending marker."""

    def __init__(self, headers: Sequence[str], values: Callable[[T], Sequence[str]],
                 pending: Callable[[T], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._values = values
        self._pending = pending
        self.items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        wanted = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if wanted and 0 <= section < len(self.headers):
            return QCoreApplication.translate(_CONTEXT, self.headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._values(item)[index.column()]
        if index.column() == 0 and self._pending(item):
            if role == Qt.ItemDataRole.DecorationRole:
                return icons.pending_icon()
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(_CONTEXT, "Not synced yet")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren



def contacts_model(primary_id: Callable[[], str | None], parent: Any = None) -> RowsModel[Record]:
    """An account's contacts, the primary contact marked."""
    headers = (QT_TRANSLATE_NOOP("SmallLists", "Full name"), QT_TRANSLATE_NOOP("SmallLists", "Job title"),
               QT_TRANSLATE_NOOP("SmallLists", "Email"), QT_TRANSLATE_NOOP("SmallLists", "Business phone"),
               QT_TRANSLATE_NOOP("SmallLists", "Primary"))

    def values(r: Record) -> Sequence[str]:
        primary = QCoreApplication.translate("SmallLists", "Primary contact") if r.id == primary_id() else ""
        return (r.name, r.get("job_title") or "", r.get("email") or "", r.get("phone") or "", primary)

    return RowsModel(headers, values, lambda r: r.pending, parent)


def accounts_model(parent: Any = None) -> RowsModel[Record]:
    """Sub-accounts of an account."""
    headers = (QT_TRANSLATE_NOOP("SmallLists", "Account name"), QT_TRANSLATE_NOOP("SmallLists", "City"),
               QT_TRANSLATE_NOOP("SmallLists", "Main phone"), QT_TRANSLATE_NOOP("SmallLists", "Owner"))

    def values(r: Record) -> Sequence[str]:
        owner = r.owner_name or QCoreApplication.translate("SmallLists", "not synced yet")
        return (r.name, r.get("bill_to_city") or "", r.get("phone") or "", owner)

    return RowsModel(headers, values, lambda r: r.pending, parent)


def connections_model(parent: Any = None) -> RowsModel[ConnectionView]:
    """A record's connections, each from its side."""
    headers = (QT_TRANSLATE_NOOP("SmallLists", "Connected to"), QT_TRANSLATE_NOOP("SmallLists", "Type"),
               QT_TRANSLATE_NOOP("SmallLists", "My role"), QT_TRANSLATE_NOOP("SmallLists", "Their role"),
               QT_TRANSLATE_NOOP("SmallLists", "Description"), QT_TRANSLATE_NOOP("SmallLists", "From"),
               QT_TRANSLATE_NOOP("SmallLists", "To"), QT_TRANSLATE_NOOP("SmallLists", "Status"))

    def values(c: ConnectionView) -> Sequence[str]:
        if c.other_type == "account":
            kind = QCoreApplication.translate("SmallLists", "Account")
        else:
            kind = QCoreApplication.translate("SmallLists", "Contact")
        status = ""
        if c.pending:
            status = QCoreApplication.translate("SmallLists", "Not synced yet")
        elif c.state != "active":
            status = QCoreApplication.translate("SmallLists", "Inactive")
        return (c.other_name, kind, role_name(c.role), role_name(c.other_role), c.description or "",
                c.valid_from or "", c.valid_to or "", status)

    return RowsModel(headers, values, lambda c: c.pending, parent)


def role_name(name: str | None) -> str:
    """A seeded role's name in the current language."""
    return QCoreApplication.translate("Roles", name) if name else ""
