"""The contact form: fields, the parent account picker, connections."""

from __future__ import annotations

from crm_desktop.ui.forms.record_form import RecordForm


class ContactForm(RecordForm):
    """A contact with its Connections tab; the company is a picker on the General tab."""
