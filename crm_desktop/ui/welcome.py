"""The first thing a rep sees on an empty store: three ways in.

The page only asks; the window decides what each choice does.  A choice
nobody listens to is disabled when the page is shown, so it is never a dead
button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMetaMethod, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QVBoxLayout, QWidget

_CHOICE_STYLE = """
QCommandLinkButton { border: 1px solid palette(mid); border-radius: 6px; background: palette(base);
                     padding: 8px; }
QCommandLinkButton:hover, QCommandLinkButton:focus { border: 2px solid palette(highlight); }
QCommandLinkButton:disabled { background: palette(window); }
"""


class WelcomePage(QWidget):
    """'Connect to a server', 'Import a file' or 'Load demo data'."""

    connect_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        self.title = QLabel(self.tr("Welcome to CRM Desktop"), self)
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold")
        self.subtitle = QLabel(self.tr(
            "Your accounts and contacts live on this computer, so you can work anywhere, even "
            "without a connection. How would you like to start?"), self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("font-size: 11pt")
        self.connect_button = self._choice(
            self.tr("Connect to a server"),
            self.tr("Log in to your team's server and get your accounts and contacts."),
            self._on_connect_button_clicked)
        self.import_button = self._choice(
            self.tr("Import a file"),
            self.tr("Bring in accounts and contacts from a CSV or vCard file."),
            self._on_import_button_clicked)
        self.demo_button = self._choice(
            self.tr("Load demo data"),
            self.tr("Try the app with sample companies and people. You can delete them later."),
            self._on_demo_button_clicked)
        self._lay_out()

    def _choice(self, text: str, description: str, slot: Callable[[], None]) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setMinimumHeight(72)
        button.setStyleSheet(_CHOICE_STYLE)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        button.setFont(font)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        column = QWidget(self)
        column.setMinimumWidth(560)
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(12)
        for button in (self.connect_button, self.import_button, self.demo_button):
            inner.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)  # a little above the middle reads as centred
        self.setTabOrder(self.connect_button, self.import_button)
        self.setTabOrder(self.import_button, self.demo_button)

    def showEvent(self, event: QShowEvent) -> None:
        """Disable the choices nobody handles, then focus the first one left."""
        pairs = ((self.connect_button, "connect_requested"), (self.import_button, "import_requested"),
                 (self.demo_button, "demo_requested"))
        for button, signal in pairs:
            button.setEnabled(self._is_handled(signal))
        first = next((b for b, _ in pairs if b.isEnabled()), None)
        if first is not None:
            first.setFocus()
        super().showEvent(event)

    def _is_handled(self, signal: str) -> bool:
        meta = self.metaObject()
        method: QMetaMethod = meta.method(meta.indexOfSignal(f"{signal}()"))
        return self.isSignalConnected(method)

    @Slot()
    def _on_connect_button_clicked(self) -> None:
        self.connect_requested.emit()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        self.import_requested.emit()

    @Slot()
    def _on_demo_button_clicked(self) -> None:
        self.demo_requested.emit()
