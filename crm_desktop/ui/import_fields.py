"""The import wizard's words for mapping targets and a vCard's columns, in the rep's language.

``field_label`` makes a target's words from its field name ("bill_to_city"
is "billing city"), which lupdate cannot read: so the words are listed here
for it.  A test fails when a field is added without its words here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm_desktop.services.transfer import Preview

FIELD_WORDS = (
    QT_TRANSLATE_NOOP("ImportFields", "account number"),
    QT_TRANSLATE_NOOP("ImportFields", "billing city"),
    QT_TRANSLATE_NOOP("ImportFields", "billing country"),
    QT_TRANSLATE_NOOP("ImportFields", "billing postal code"),
    QT_TRANSLATE_NOOP("ImportFields", "billing street"),
    QT_TRANSLATE_NOOP("ImportFields", "city"),
    QT_TRANSLATE_NOOP("ImportFields", "country"),
    QT_TRANSLATE_NOOP("ImportFields", "currency"),
    QT_TRANSLATE_NOOP("ImportFields", "description"),
    QT_TRANSLATE_NOOP("ImportFields", "email"),
    QT_TRANSLATE_NOOP("ImportFields", "email 2"),
    QT_TRANSLATE_NOOP("ImportFields", "first name"),
    QT_TRANSLATE_NOOP("ImportFields", "industry"),
    QT_TRANSLATE_NOOP("ImportFields", "job title"),
    QT_TRANSLATE_NOOP("ImportFields", "last name"),
    QT_TRANSLATE_NOOP("ImportFields", "mobile phone"),
    QT_TRANSLATE_NOOP("ImportFields", "name"),
    QT_TRANSLATE_NOOP("ImportFields", "other phone"),
    QT_TRANSLATE_NOOP("ImportFields", "payment terms"),
    QT_TRANSLATE_NOOP("ImportFields", "phone"),
    QT_TRANSLATE_NOOP("ImportFields", "postal code"),
    QT_TRANSLATE_NOOP("ImportFields", "price list"),
    QT_TRANSLATE_NOOP("ImportFields", "shipping city"),
    QT_TRANSLATE_NOOP("ImportFields", "shipping country"),
    QT_TRANSLATE_NOOP("ImportFields", "shipping postal code"),
    QT_TRANSLATE_NOOP("ImportFields", "shipping street"),
    QT_TRANSLATE_NOOP("ImportFields", "state"),
    QT_TRANSLATE_NOOP("ImportFields", "street"),
    QT_TRANSLATE_NOOP("ImportFields", "website"),
)


def field_words(target: str) -> str:
    """A target's field as words, untranslated: "account.bill_to_city" is "billing city", "email2" "email 2"."""
    name = re.sub(r"(?<=[a-z])(?=\d)", " ", target.partition(".")[2])
    return name.replace("_", " ").replace("bill to", "billing").replace("ship to", "shipping")


# A vCard has no header row: the reader names its columns (transfer/vcard.py),
# in English; the rep reads them in the wizard's language.
VCARD_COLUMNS = (
    QT_TRANSLATE_NOOP("VCardColumns", "First Name"),
    QT_TRANSLATE_NOOP("VCardColumns", "Last Name"),
    QT_TRANSLATE_NOOP("VCardColumns", "Full Name"),
    QT_TRANSLATE_NOOP("VCardColumns", "Company"),
    QT_TRANSLATE_NOOP("VCardColumns", "Job Title"),
    QT_TRANSLATE_NOOP("VCardColumns", "E-mail"),
    QT_TRANSLATE_NOOP("VCardColumns", "E-mail 2"),
    QT_TRANSLATE_NOOP("VCardColumns", "Phone"),
    QT_TRANSLATE_NOOP("VCardColumns", "Mobile Phone"),
    QT_TRANSLATE_NOOP("VCardColumns", "Street"),
    QT_TRANSLATE_NOOP("VCardColumns", "City"),
    QT_TRANSLATE_NOOP("VCardColumns", "Postal Code"),
    QT_TRANSLATE_NOOP("VCardColumns", "Country"),
    QT_TRANSLATE_NOOP("VCardColumns", "Notes"),
)


def column_labels(preview: Preview) -> list[str]:
    """The file's column names as shown: a CSV's own header, a vCard's in the rep's language."""
    if preview.format != "vcard":
        return list(preview.headers)
    return [QCoreApplication.translate("VCardColumns", header) for header in preview.headers]


def field_label(target: str) -> str:
    """A mapping target as the rep reads it: "Contact: first name", "Account: website"."""
    record = target.partition(".")[0]
    if target == "contact.full_name":
        return QCoreApplication.translate("ImportWizard", "Contact: full name (split into first and last)")
    words = QCoreApplication.translate("ImportFields", field_words(target))
    if record == "account":
        return QCoreApplication.translate("ImportWizard", "Account: {0}").format(words)
    return QCoreApplication.translate("ImportWizard", "Contact: {0}").format(words)
