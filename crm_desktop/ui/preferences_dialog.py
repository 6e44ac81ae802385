"""Edit > Preferences…: the language and how often to sync, in one place.

The dialog only collects the choices; the window hands them to the app,
which keeps them (``services/preferences.py``) and applies them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.preferences import SYNC_INTERVAL_RANGE
from crm_desktop.ui.i18n import LANGUAGES

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow


class PreferencesDialog(QDialog):
    """Language and sync interval; ``preferences_chosen`` when the rep presses OK."""

    preferences_chosen = Signal(object, int)  # language ("en", "es", None: the system's), minutes

    def __init__(self, language: str | None, sync_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleName(self.tr("Language"))
        self.sync_interval = QSpinBox(self)
        self.sync_interval.setRange(*SYNC_INTERVAL_RANGE)
        self.sync_interval.setValue(sync_minutes)
        self.sync_interval.setSuffix(self.tr(" minutes"))
        self.sync_interval.setAccessibleName(self.tr("Minutes between automatic syncs"))
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Sync every:"), self.sync_interval)
        hint = QLabel(self.tr("Your changes are also sent a few seconds after each edit, "
                              "and F9 syncs at any time."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen_language(self) -> str | None:
        """The language picked: a code, or None to follow the system."""
        code = self.language.currentData()
        return code if isinstance(code, str) else None

    def accept(self) -> None:
        """OK: announce the choices, then close."""
        self.preferences_chosen.emit(self.chosen_language(), self.sync_interval.value())
        super().accept()


def open_preferences(window: MainWindow) -> PreferencesDialog | None:
    """Edit > Preferences…: the dialog over the window, never exec()'d; None without preferences."""
    preferences = window.preferences
    if preferences is None:
        return None
    dialog = PreferencesDialog(preferences.language, preferences.sync_interval_minutes, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.preferences_chosen.connect(window.apply_preferences)
    dialog.open()
    return dialog
