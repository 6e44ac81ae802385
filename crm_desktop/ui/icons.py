"""Small icons drawn once in code, so they look the same on every platform."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

PENDING_COLOR = "#d9822b"


@cache
def pending_icon() -> QIcon:
    """An amber dot: this record has changes the server has not accepted yet."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(PENDING_COLOR))
    painter.drawEllipse(QRectF(4, 4, 8, 8))
    painter.end()
    return QIcon(pixmap)
