"""The accounts and contacts lists: a table model over keyset pages.

The model holds no more than a bounded cache of rows (``rows.py``).  Name
order is the store's keyset order, sorted in SQL; descending order reads the
same pages mirrored.  Any other column's order (and a search sorted by a
column) is read whole as nums on the reader thread; the rows shown so far stay
on screen until it arrives, a second or two on a million contacts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from crm_desktop.services import CrmService, Record, View
from crm_desktop.ui import icons
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from crm_desktop.ui.models.rows import CACHE_ROWS, ListRows, SearchRows, SortedRows, SortOrder
from crm_desktop.ui.ops import Op

log = logging.getLogger("crm.ui")

AnyIndex = QModelIndex | QPersistentModelIndex
RecordIdRole = Qt.ItemDataRole.UserRole + 1
PendingRole = Qt.ItemDataRole.UserRole + 2
COUNT_DELAY_MS = 40
_NAMES_AROUND = 100  # rows each side of a shown row whose company names are read with it


def tr(text: str) -> str:
    """Translate a text marked elsewhere with N() or translate()."""
    return QCoreApplication.translate("RecordTableModel", text)


@dataclass(frozen=True)
class Column:
    """One list column: its header (untranslated source text) and its value."""

    title: str
    value: Callable[[Record, Callable[[str], str | None]], str]
    sort: str  # the store's name for this column's order (queries.SORTS)


def _field(name: str) -> Callable[[Record, Callable[[str], str | None]], str]:
    return lambda record, _names: str(record.fields.get(name) or "")


def _name(record: Record, _names: Callable[[str], str | None]) -> str:
    return record.name


def _owner(record: Record, _names: Callable[[str], str | None]) -> str:
    return record.owner_name or QCoreApplication.translate("RecordTableModel", "not synced yet")


def _company(record: Record, names: Callable[[str], str | None]) -> str:
    account_id = record.fields.get("account_id")
    return (names(account_id) or "") if account_id else ""


def _c(title: str, value: Callable[[Record, Callable[[str], str | None]], str], sort: str) -> Column:
    return Column(title, value, sort)


COLUMNS: dict[str, tuple[Column, ...]] = {
    "account": (
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Name"), _name, "name"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Account number"), _field("account_number"), "account_number"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Main phone"), _field("phone"), "phone"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "City"), _field("bill_to_city"), "bill_to_city"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Email"), _field("email"), "email"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Owner"), _owner, "owner"),
    ),
    "contact": (
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Full name"), _name, "name"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Job title"), _field("job_title"), "job_title"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Company"), _company, "company"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Email"), _field("email"), "email"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Business phone"), _field("phone"), "phone"),
        _c(QT_TRANSLATE_NOOP("RecordTableModel", "Owner"), _owner, "owner"),
    ),
}


class RecordTableModel(QAbstractTableModel):
    """Accounts or contacts of one view, searched or in name order."""

    count_changed = Signal(int)

    def __init__(self, crm: CrmService, kind: str, parent: Any = None,
                 reader: CrmService | None = None, view: View = "active") -> None:
        super().__init__(parent)
        self.crm = crm
        self.reader = reader or crm
        self.kind = kind
        self.columns = COLUMNS[kind]
        self.view: View = view
        self.search_text = ""
        self.sort_column = 0
        self.descending = False
        self._rows: ListRows | SearchRows | SortedRows = ListRows(crm, kind, self.view)
        self._wanted_order: SortOrder | None = None  # a column order being read in the background
        self._mirrored = False  # name order descending: the keyset pages read from the end
        self._count_asked: ListRows | None = None  # the rows a count is already on its way for
        self._account_names: dict[str, str | None] = {}
        self._shown: dict[int, tuple[tuple[str, ...], Record]] = {}
        self._nums_loading = False
        self._fetching = False
        self.modelReset.connect(self._shown.clear)
        self.rowsInserted.connect(self._shown.clear)
        self.rowsRemoved.connect(self._shown.clear)
        self._count_in_background()

    # -- what the view shows -------------------------------------------------

    def set_view(self, view: View) -> None:
        """Show another list view (mine, active, inactive, all)."""
        self.view = view
        self._reload()

    def set_search(self, text: str) -> None:
        """Show the records matching ``text`` (empty: the whole list)."""
        text = text.strip()
        # Punctuation alone matches nothing in the index: show the whole list.
        self.search_text = text if any(ch.isalnum() for ch in text) else ""
        self._reload()

    def refresh(self) -> None:
        """Re-read rows, count and names after an edit or a sync, staying where the rep was."""
        self._account_names.clear()
        self._reload(keep_position=True)

    def _reload(self, keep_position: bool = False) -> None:
        order = self._column_order()
        self._wanted_order = order
        if order is not None:
            self._read_order(order)
            return
        previous = self._rows if keep_position and isinstance(self._rows, ListRows) else None
        self.beginResetModel()
        self._nums_loading = False
        if self.search_text:
            self._rows = SearchRows(self.crm, self.kind, self.view, self.search_text)
        else:
            self._rows = ListRows(self.crm, self.kind, self.view, previous)
        self._mirrored = self.descending and not self.search_text
        self.endResetModel()
        self.count_changed.emit(self._rows.count)
        self._count_in_background()

    def _column_order(self) -> SortOrder | None:
        """The order to read whole, or None when keyset pages or search pages give it."""
        if self.sort_column == 0 and not (self.descending and self.search_text):
            return None
        sort = self.columns[self.sort_column].sort
        return SortOrder(sort, self.descending, self.view, self.search_text)

    def _read_order(self, order: SortOrder) -> None:
        # The rows on screen stay until the new order is in: no flash of an empty list.
        self.count_changed.emit(self._rows.count)
        reader, kind = self.reader, self.kind
        Op(self, lambda: reader.sorted_nums(kind, order.sort, descending=order.descending, view=order.view,
                                            text=order.text)).on_reader().success(
            lambda nums: self._on_order_read(order, nums)).failure(
            lambda _error: self._on_order_failed(order)).run()

    def _on_order_failed(self, order: SortOrder) -> None:
        # Logged by Op; the rows already shown stay, and the label stops saying "sorting".
        if order == self._wanted_order:
            self._wanted_order = None
            self.count_changed.emit(self._rows.count)

    def _on_order_read(self, order: SortOrder, nums: Any) -> None:
        if order != self._wanted_order:
            return  # another sort, view or search was asked for meanwhile
        self._wanted_order = None
        self.beginResetModel()
        self._rows = SortedRows(self.crm, self.kind, nums)
        self._mirrored = False
        self.endResetModel()
        self.count_changed.emit(self._rows.count)

    def column_order(self) -> tuple[str, bool] | None:
        """The column order the rep chose (store sort name, descending), or None for the default."""
        if (self.sort_column, self.descending) == (0, False):
            return None
        return self.columns[self.sort_column].sort, self.descending

    @property
    def sorting(self) -> bool:
        """Whether a column order is being read (the rows shown are the previous ones)."""
        return self._wanted_order is not None

    @property
    def total(self) -> int:
        """How many rows the list has (for search: found so far)."""
        return self._rows.count

    @property
    def more_matches(self) -> bool:
        return isinstance(self._rows, SearchRows) and not self._rows.complete

    @property
    def counted(self) -> bool:
        """Whether ``total`` is the list's real length (not just the first page)."""
        return not isinstance(self._rows, ListRows) or self._rows.counted

    def record_at(self, row: int) -> Record | None:
        """The record shown at ``row``, fetched if needed."""
        return self._rows.at(self._logical(row))

    def _logical(self, row: int) -> int:
        if self._mirrored and isinstance(self._rows, ListRows):
            return self._rows.count - 1 - row
        return row

    # -- Qt overrides --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or (self._mirrored and not self.counted):
            return 0  # descending order needs the length; the count arrives in a moment
        return self._rows.count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns)
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].title)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called ~7 times per visible cell per frame: one set and one dict lookup.
        if role not in _ROLES:
            return None
        row = index.row()
        shown = self._shown.get(row)
        if shown is None:
            if not index.isValid() or not 0 <= row < self._rows.count:
                return None
            shown = self._show_row(row)
            if shown is None:
                loading = role == _DISPLAY and index.column() == 0
                return self.tr("Loading…") if loading else None
        texts, record = shown
        if role == _DISPLAY:
            return texts[index.column()]
        return self._role_value(record, texts, index.column(), role)

    def _show_row(self, row: int) -> tuple[tuple[str, ...], Record] | None:
        record = self.record_at(row)
        if record is None:
            if isinstance(self._rows, ListRows) and self._rows.needs_nums:
                self._load_order()
            return None
        if len(self._shown) > CACHE_ROWS:
            self._shown.clear()
        if self.kind == "contact":
            self._read_account_names_near(row, record)
        texts = tuple(column.value(record, self._account_name) for column in self.columns)
        self._shown[row] = (texts, record)
        return self._shown[row]

    def _role_value(self, record: Record, texts: tuple[str, ...], column: int, role: int) -> Any:
        if role == _ACCESSIBLE:
            if column == 0 and record.pending:
                return self.tr("%1, not synced yet").replace("%1", texts[0])
            return texts[column]
        if role == RecordIdRole:
            return record.id
        if role == PendingRole:
            return record.pending
        if column != 0 or not record.pending:
            return None
        if role == _DECORATION:
            return icons.pending_icon()
        return self.tr("Not synced yet: this change waits to reach the server")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the list by a column, ascending or descending (see the module docstring)."""
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(self.columns) or (column, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = column, descending
        if self._column_order() is None and isinstance(self._rows, ListRows) and not self.sorting:
            self.beginResetModel()  # name order both ways reads the same keyset pages
            self._mirrored = descending
            self.endResetModel()
            return
        self._reload()

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self.more_matches

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._fetching or not isinstance(self._rows, SearchRows):
            return
        self._fetching = True  # the model tester and views may call back in
        try:
            first = self._rows.count
            page = self._rows.next_page()
            if page:
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.records.extend(page)
                self.endInsertRows()
                self.count_changed.emit(self._rows.count)
        finally:
            self._fetching = False

    # -- helpers -------------------------------------------------------------

    def _account_name(self, account_id: str) -> str | None:
        if account_id not in self._account_names:
            self._read_account_names({account_id})
        return self._account_names[account_id]

    def _read_account_names(self, wanted: set[str]) -> None:
        """Remember the names of these accounts (None for one gone), in one query."""
        if len(self._account_names) > 5000:
            self._account_names.clear()
        found = self.crm.names("account", sorted(wanted))
        self._account_names.update({i: found.get(i) for i in wanted})

    def _read_account_names_near(self, row: int, record: Record) -> None:
        """Read the company names of the cached rows around ``row`` in one query.

        The rows of a page arrive together; asking for their companies one by
        one cost a query per row, a fifth of a jump to the end of the list.
        """
        account_id = record.fields.get("account_id")
        if not account_id or account_id in self._account_names:
            return
        logical = self._logical(row)
        near = (self._rows.peek(r) for r in range(max(logical - _NAMES_AROUND, 0), logical + _NAMES_AROUND))
        around = {r.fields.get("account_id") for r in near if r is not None}
        self._read_account_names({str(i) for i in (account_id, *around) if i and i not in self._account_names})

    def _count_in_background(self) -> None:
        # Started just after the first page is painted, so it never competes with it.
        QTimer.singleShot(COUNT_DELAY_MS, self, self._start_count)

    def _start_count(self) -> None:
        rows = self._rows
        if isinstance(rows, ListRows) and not rows.counted and rows is not self._count_asked:
            self._count_asked = rows
            reader = self.reader

            def count_if_current() -> int | None:
                # A count of a million rows takes a second: one for a list the
                # rep has already left (a refresh, a search) is not worth it.
                return reader.count(rows.kind, rows.view) if rows is self._rows else None

            Op(self, count_if_current).on_reader().success(lambda count: self._on_counted(rows, count)).run()

    def _on_counted(self, rows: ListRows, count: int | None) -> None:
        if self._count_asked is rows:
            self._count_asked = None  # it may hold a whole order of nums: let it go
        if rows is not self._rows or count is None:
            return  # the list was refreshed meanwhile
        stale_order = rows.nums is not None
        if self._mirrored:
            self.beginResetModel()
            rows.set_count(count)
            self.endResetModel()
        elif count > rows.count:
            self.beginInsertRows(QModelIndex(), rows.count, count - 1)
            rows.set_count(count)
            self.endInsertRows()
        elif count < rows.count:
            self.beginRemoveRows(QModelIndex(), count, rows.count - 1)
            rows.set_count(count)
            self.endRemoveRows()
        rows.set_count(count)
        self.count_changed.emit(count)
        if stale_order or rows.needs_nums:  # kept from before the refresh, or rows waiting for it
            self._load_order()

    def _load_order(self) -> None:
        """Read the whole list order in the background so any row can be fetched."""
        if self._nums_loading or not isinstance(self._rows, ListRows) or not self._rows.counted:
            return
        self._nums_loading = True
        rows, reader = self._rows, self.reader
        Op(self, lambda: reader.ordered_nums(rows.kind, rows.view)).on_reader().success(
            lambda nums: self._on_order_loaded(rows, nums)).run()

    def _on_order_loaded(self, rows: ListRows, nums: Any) -> None:
        if rows is not self._rows:
            return  # the list was refreshed meanwhile
        rows.set_nums(nums)
        if self._rows.count:
            last = self.index(self._rows.count - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _DECORATION, int(Qt.ItemDataRole.ToolTipRole),
                    int(RecordIdRole), int(PendingRole)})
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
