"""Which delimiter the rep's spreadsheet expects in a CSV file.

Excel splits a double-clicked CSV on the list separator of the locale it
runs in, and that separator is ';' wherever the decimal separator is ','
(Spain, Germany, France, Argentina...), ',' elsewhere (the US, the UK,
Mexico).  The locale is the rep's system locale, unless they picked the
app's language: then that language, in their own country if their system
speaks it (Spanish on a Mexican system is es_MX, on an English one es_ES).
"""

from __future__ import annotations

import locale
import os
import sys

DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
DELIMITER_NAMES = {value: name for name, value in DELIMITERS.items()}
# The locale a language means on its own, where the system does not say the country.
_LANGUAGE_LOCALES = {"en": "en_US", "es": "es_ES"}


def system_locale() -> str | None:
    """The system's locale for numbers ("es_ES"), or None when it names none ("C", unset)."""
    if sys.platform == "win32":  # Windows keeps it in the regional settings, not the environment
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultLCID()
        return locale.windows_locale.get(lcid)
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(name, "")
        if value:  # the first one set wins, as in the C library; "C" and "POSIX" name no country
            code = value.split(".")[0].split("@")[0]
            return code or None
    return None


def file_locale(language: str | None, system: str | None) -> str:
    """The locale a CSV file is written for: the rep's chosen ``language`` (or None) and the ``system``'s."""
    if system in ("C", "POSIX"):  # what Qt and the C library say when nothing names a locale
        system = None
    system_language = (system or "").replace("-", "_").split("_")[0]
    if system and (language is None or language == system_language):
        return system
    return _LANGUAGE_LOCALES.get(language or "en", "en_US")


def excel_delimiter(locale_name: str) -> str:
    """';' where ``locale_name`` writes decimals with a comma, as Excel there expects; ',' elsewhere."""
    from babel import UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        decimal = get_decimal_symbol(locale_name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ","
    return ";" if decimal == "," else ","
