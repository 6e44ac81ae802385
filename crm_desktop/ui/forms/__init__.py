"""Record forms: account and contact, each in a window of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crm_desktop.ui.forms.account_form import AccountForm
from crm_desktop.ui.forms.contact_form import ContactForm
from crm_desktop.ui.forms.record_form import RecordForm

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow

__all__ = ["AccountForm", "ContactForm", "RecordForm", "open_form"]


def open_form(window: MainWindow, kind: str, record_id: str | None,
              defaults: dict[str, Any] | None = None) -> RecordForm:
    """Show the form of a record (None: a new one) and return it."""
    record = window.crm.get(kind, record_id) if record_id else None
    form_class = AccountForm if kind == "account" else ContactForm
    form = form_class(window, kind, record, defaults)
    form.show()
    next(iter(form.fields.editors.values())).setFocus()  # type right away: name first
    return form
