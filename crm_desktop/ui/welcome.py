"""The first thing a rep sees on an empty store: three ways in.

The page only asks; the window decides what each choice does.  A choice
nobody listens to is disabled when the page is shown, so it is never a dead
button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMetaMethod, Qt, Signal, Slot
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
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold")
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("font-size: 11pt")
        self.connect_button = self._choice(self._on_connect_button_clicked)
        self.import_button = self._choice(self._on_import_button_clicked)
        self.demo_button = self._choice(self._on_demo_button_clicked)
        self._lay_out()
        self.retranslate()

    def _choice(self, slot: Callable[[], None]) -> QCommandLinkButton:
        button = QCommandLinkButton(self)
        button.setMinimumHeight(72)
        button.setStyleSheet(_CHOICE_STYLE)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        button.setFont(font)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """Every text again, in the current language."""
        self.setAccessibleName(self.tr("Welcome"))
        self.title.setText(self.tr("Welcome to CRM Desktop"))
        self.subtitle.setText(self.tr(
            "Your accounts and contacts live on this computer, so you can work anywhere, even "
            "without a connection. How would you like to start?"))
        choices = (
            (self.connect_button, self.tr("Connect to a server"),
             self.tr("Log in to your team's server and get your accounts and contacts.")),
            (self.import_button, self.tr("Import a file"),
             self.tr("Bring in accounts and contacts from a CSV or vCard file.")),
            (self.demo_button, self.tr("Load demo data"),
             self.tr("Try the app with sample companies and people. You can delete them later.")),
        )
        for button, text, description in choices:
            button.setText(text)
            button.setDescription(description)
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch of language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
