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


def test_every_text_has_its_spanish_translation() -> None:
    from pathlib import Path

    source = Path(__file__).resolve().parents[4] / "resources" / "translations" / "crm_es.ts"
    text = source.read_text("utf-8")
    assert 'type="unfinished"' not in text, "run resources/build_translations.py and translate the new texts"
