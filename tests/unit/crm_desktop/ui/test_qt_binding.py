"""The Qt binding itself, where the app depends on it behaving."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class _OneCell(QAbstractTableModel):
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return "cell" if role == Qt.ItemDataRole.DisplayRole else None


def test_qt_reading_a_model_answer_of_none_keeps_nones_references(qapp: object) -> None:
    # Every model answers None for the roles it does not fill, and views ask
    # for them on each paint.  PySide6 6.12.0 dropped a reference to None each
    # time; on Python 3.11 None was then freed and the app aborted
    # ("none_dealloc") in the middle of scrolling a long list.
    model = _OneCell()  # kept: an index does not keep its model alive
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        index.data(Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) - before > -100
