"""An import's reasons in the rep's language: each code's words translated, its values filled in.

The words of a code are its English text (``crm_core.reasons``), translated
in the ``ImportReasons`` context with the code's name as the disambiguation,
so two codes with the same English never share a translation.  lupdate
cannot read words kept in a registry: ``resources/build_translations.py``
lists them for it (``every_code``), and a test fails on a code whose
Spanish is missing.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from crm_core.reasons import CODES, Code, FieldName, Reason, reason_of
from crm_desktop.ui.import_fields import field_words

log = logging.getLogger("crm.ui")

CONTEXT = "ImportReasons"
# Where reasons are made: every module of these is imported before the codes are listed.
PACKAGES = ("crm_core", "crm_desktop.store", "crm_desktop.transfer", "crm_desktop.services")


FieldWords = Callable[[FieldName], str]


def reason_text(reason: Reason, *, names: Mapping[str, str] | None = None, fields: FieldWords | None = None) -> str:
    """The reason in the installed language, its values shown as they are (fields in their words).

    ``names``: record ids a value may be, and the names to show instead (the
    Sync issues view names the records a server's refusal gives by id);
    ``fields``: how to name a field (else in the import mapping page's words).
    """
    words = QCoreApplication.translate(CONTEXT, reason.code.english, reason.code.name)
    values = {name: _shown(value, names or {}, fields or _import_field) for name, value in reason.values}
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming a value the code has not
        log.warning("the translation of reason %s does not fit its values: %r", reason.code.name, words)
        return str(reason)


def error_text(error: BaseException) -> str:
    """A service's refusal as the rep reads it: its reason translated, else its own (English) words."""
    reason = reason_of(error)
    return reason_text(reason) if reason is not None else str(error)


def _shown(value: Any, names: Mapping[str, str], fields: FieldWords) -> Any:
    if isinstance(value, Reason):
        return reason_text(value, names=names, fields=fields)
    if isinstance(value, FieldName):
        return fields(value)
    if isinstance(value, str) and value in names:
        return names[value]
    return value


def _import_field(field: FieldName) -> str:
    return QCoreApplication.translate("ImportFields", field_words(f"{field.record}.{field.name}"))


def every_code() -> list[Code]:
    """Every reason code of the app, its modules imported first so each has registered its codes."""
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            importlib.import_module(module.name)
    return sorted(CODES.values(), key=lambda c: c.name)
