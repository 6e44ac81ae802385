"""The editable fields of a form, each with its inline validation message.

Every field of DESIGN.md's Account and Contact has an editor here.  A typed
value is checked with the shared rules as soon as the rep leaves the field,
and a service's ValidationError lands next to the field it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_core.entities import entity
from crm_core.validation import ValidationError, clean_value
from crm_desktop.services import CrmService
from crm_desktop.ui.forms.picker import RecordPicker
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class FieldSpec:
    """One field on a form: its name, label (source text) and editor kind."""

    name: str
    label: str
    editor: str = "line"  # line, text, account


def _f(name: str, label: str, editor: str = "line") -> FieldSpec:
    return FieldSpec(name, label, editor)


_T = "FormFields"
ACCOUNT_SECTIONS: tuple[tuple[str, tuple[FieldSpec, ...]], ...] = (
    (QT_TRANSLATE_NOOP("FormFields", "Account information"), (
        _f("name", QT_TRANSLATE_NOOP("FormFields", "Account name *")),
        _f("account_number", QT_TRANSLATE_NOOP("FormFields", "Account number")),
        _f("parent_account_id", QT_TRANSLATE_NOOP("FormFields", "Parent account"), "account"),
        _f("phone", QT_TRANSLATE_NOOP("FormFields", "Main phone")),
        _f("other_phone", QT_TRANSLATE_NOOP("FormFields", "Other phone")),
        _f("email", QT_TRANSLATE_NOOP("FormFields", "Email")),
        _f("website", QT_TRANSLATE_NOOP("FormFields", "Website")),
        _f("industry", QT_TRANSLATE_NOOP("FormFields", "Industry")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Billing"), (
        _f("price_list", QT_TRANSLATE_NOOP("FormFields", "Price list")),
        _f("currency", QT_TRANSLATE_NOOP("FormFields", "Currency")),
        _f("payment_terms", QT_TRANSLATE_NOOP("FormFields", "Payment terms")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Bill to address"), (
        _f("bill_to_street", QT_TRANSLATE_NOOP("FormFields", "Street")),
        _f("bill_to_city", QT_TRANSLATE_NOOP("FormFields", "City")),
        _f("bill_to_postal_code", QT_TRANSLATE_NOOP("FormFields", "Postal code")),
        _f("bill_to_country", QT_TRANSLATE_NOOP("FormFields", "Country")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Ship to address"), (
        _f("ship_to_street", QT_TRANSLATE_NOOP("FormFields", "Street")),
        _f("ship_to_city", QT_TRANSLATE_NOOP("FormFields", "City")),
        _f("ship_to_postal_code", QT_TRANSLATE_NOOP("FormFields", "Postal code")),
        _f("ship_to_country", QT_TRANSLATE_NOOP("FormFields", "Country")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Description"), (
        _f("description", QT_TRANSLATE_NOOP("FormFields", "Description"), "text"),
    )),
)

CONTACT_SECTIONS: tuple[tuple[str, tuple[FieldSpec, ...]], ...] = (
    (QT_TRANSLATE_NOOP("FormFields", "Contact information"), (
        _f("first_name", QT_TRANSLATE_NOOP("FormFields", "First name")),
        _f("last_name", QT_TRANSLATE_NOOP("FormFields", "Last name *")),
        _f("job_title", QT_TRANSLATE_NOOP("FormFields", "Job title")),
        _f("account_id", QT_TRANSLATE_NOOP("FormFields", "Company"), "account"),
        _f("email", QT_TRANSLATE_NOOP("FormFields", "Email")),
        _f("email2", QT_TRANSLATE_NOOP("FormFields", "Email 2")),
        _f("phone", QT_TRANSLATE_NOOP("FormFields", "Business phone")),
        _f("mobile_phone", QT_TRANSLATE_NOOP("FormFields", "Mobile phone")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Address"), (
        _f("street", QT_TRANSLATE_NOOP("FormFields", "Street")),
        _f("city", QT_TRANSLATE_NOOP("FormFields", "City")),
        _f("postal_code", QT_TRANSLATE_NOOP("FormFields", "Postal code")),
        _f("country", QT_TRANSLATE_NOOP("FormFields", "Country")),
    )),
    (QT_TRANSLATE_NOOP("FormFields", "Description"), (
        _f("description", QT_TRANSLATE_NOOP("FormFields", "Description"), "text"),
    )),
)

SECTIONS = {"account": ACCOUNT_SECTIONS, "contact": CONTACT_SECTIONS}


def tr(text: str) -> str:
    return QCoreApplication.translate(_T, text)


class FieldEditor(QWidget):
    """An editor and, under it, the message saying what is wrong with the value."""

    edited = Signal()

    def __init__(self, crm: CrmService, kind: str, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.spec = spec
        self.editor: QLineEdit | QPlainTextEdit | RecordPicker
        if spec.editor == "text":
            self.editor = QPlainTextEdit(self)
            self.editor.setFixedHeight(90)
            self.editor.setTabChangesFocus(True)
            self.editor.textChanged.connect(self.edited)
        elif spec.editor == "account":
            self.editor = RecordPicker(crm, ("account",), self)
            self.editor.changed.connect(self.edited)
        else:
            self.editor = QLineEdit(self)
            self.editor.textEdited.connect(self.edited)
            self.editor.editingFinished.connect(self.check)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        self.setFocusProxy(self.editor)

    def value(self) -> str | None:
        if isinstance(self.editor, RecordPicker):
            return self.editor.record_id
        text = self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()
        return text.strip() or None

    def set_value(self, value: Any, display: str | None = None) -> None:
        if isinstance(self.editor, RecordPicker):
            self.editor.set_record(value, display)
        elif isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(value or "")
        else:
            self.editor.setText(value or "")
        self.show_error(None)

    def show_error(self, message: str | None) -> None:
        """Show (or with None, clear) the message under the field."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")

    def check(self) -> bool:
        """Check the typed value with the shared rules; show what is wrong."""
        try:
            clean_value(entity(self.kind), self.spec.name, self.value())
        except ValidationError as exc:
            self.show_error(exc.message)
            return False
        self.show_error(None)
        return True


class FieldsPanel(QWidget):
    """The record's fields in titled sections; knows which ones changed."""

    edited = Signal()

    def __init__(self, crm: CrmService, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.groups: list[tuple[QGroupBox, str]] = []
        self._loaded: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        for title, specs in SECTIONS[kind]:
            layout.addWidget(self._section(crm, title, specs))
        layout.addStretch(1)
        self.retranslate()

    def _section(self, crm: CrmService, title: str, specs: tuple[FieldSpec, ...]) -> QGroupBox:
        group = QGroupBox(self)
        self.groups.append((group, title))
        form = QFormLayout(group)
        for spec in specs:
            editor = FieldEditor(crm, self.kind, spec, group)
            editor.edited.connect(self.edited)
            label = QLabel(group)
            label.setBuddy(editor.editor)
            form.addRow(label, editor)
            self.editors[spec.name] = editor
            self.labels[spec.name] = label
        return group

    def retranslate(self) -> None:
        for group, title in self.groups:
            group.setTitle(tr(title))
        for name, editor in self.editors.items():
            text = tr(editor.spec.label)
            self.labels[name].setText(text)
            editor.editor.setAccessibleName(text.rstrip(" *"))

    def load(self, values: dict[str, Any], names: dict[str, str | None]) -> None:
        """Show a record's values; ``names`` names the records its ids point at."""
        self._loaded = {name: values.get(name) for name in self.editors}
        for name, editor in self.editors.items():
            display = names.get(name.removesuffix("_id") + "_name")
            editor.set_value(values.get(name), display)

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the loaded record."""
        out = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if value != (self._loaded.get(name) or None):
                out[name] = value
        return out

    def show_error(self, field: str, message: str) -> bool:
        """Show a service's message next to its field; False if no such field here."""
        editor = self.editors.get(field)
        if editor is None:
            return False
        editor.show_error(message)
        editor.setFocus()
        return True

    def clear_errors(self) -> None:
        for editor in self.editors.values():
            editor.show_error(None)
