"""Languages: our texts and Qt's own standard buttons follow the chosen language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from crm_desktop.ui.i18n import Translations


def _cancel_text(qtbot: QtBot) -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.add_widget(box)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")


def test_spanish_translates_qt_standard_buttons_too(qtbot: QtBot) -> None:
    translations = Translations()
    try:
        assert translations.install("es") == "es"
        assert _cancel_text(qtbot) == "Cancelar"
    finally:
        translations.install("en")
    assert _cancel_text(qtbot) == "Cancel"
