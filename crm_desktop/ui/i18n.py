"""Languages: English and Spanish through Qt translation files.

The app follows the system locale unless the rep picked a language in
View > Language or Edit > Preferences (kept by ``services/preferences.py``).
Compiled ``.qm`` files live in ``resources/translations``;
``resources/build_translations.py`` refreshes the ``.ts`` sources with pyside6-lupdate and compiles them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger("crm.ui")

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"en": "English", "es": "Español"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; translate it where it is shown."""
    return text


def system_language() -> str:
    """The system locale's language if we ship it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


class Translations:
    """The installed translator; switching languages replaces it."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = "en"

    def install(self, language: str | None) -> str:
        """Install ``language`` (None: the system's); returns the language used."""
        app = QCoreApplication.instance()
        wanted = language if language in LANGUAGES else system_language()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = wanted
        QLocale.setDefault(QLocale(QLocale.Language.Spanish if wanted == "es" else QLocale.Language.English))
        if wanted == "en" or app is None:
            return wanted
        translator = QTranslator(app)
        path = TRANSLATIONS_DIR / f"crm_{wanted}.qm"
        if translator.load(str(path)):
            app.installTranslator(translator)
            self._translator = translator
        else:
            log.warning("no translation file %s; showing English", path)
        return wanted
