"""Languages: English and Spanish through Qt translation files.

The app follows the system locale unless the rep picked a language in
View > Language or Edit > Preferences (kept by ``services/preferences.py``).
Compiled ``.qm`` files live in ``resources/translations``;
``resources/build_translations.py`` refreshes the ``.ts`` sources with pyside6-lupdate and compiles them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
    """The installed translators (ours and Qt's own); switching languages replaces them."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str | None) -> str:
        """Install ``language`` (None: the system's); returns the language used."""
        app = QCoreApplication.instance()
        wanted = language if language in LANGUAGES else system_language()
        if app is not None:
            for translator in self._translators:
                app.removeTranslator(translator)
        self._translators = []
        self.language = wanted
        QLocale.setDefault(QLocale(QLocale.Language.Spanish if wanted == "es" else QLocale.Language.English))
        if wanted == "en" or app is None:
            return wanted
        ours = self._load(app, TRANSLATIONS_DIR / f"crm_{wanted}.qm")
        if ours is None:
            log.warning("no translation file %s; showing English", TRANSLATIONS_DIR / f"crm_{wanted}.qm")
            return wanted
        # Qt's own texts (OK, Cancel, Yes, No in dialogs and message boxes) come with PySide6.
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        if self._load(app, qt_dir / f"qtbase_{wanted}.qm") is None:
            log.info("no Qt translation for %s in %s; standard buttons stay in English", wanted, qt_dir)
        return wanted

    def _load(self, app: QCoreApplication, path: Path) -> QTranslator | None:
        translator = QTranslator(app)
        if not translator.load(str(path)):
            return None
        app.installTranslator(translator)
        self._translators.append(translator)
        return translator
