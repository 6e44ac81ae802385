"""The account form: fields, its contacts (with the primary contact), sub-accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from crm_desktop.ui.forms.picker import RecordPicker
from crm_desktop.ui.forms.record_form import RecordForm
from crm_desktop.ui.forms.record_tabs import ContactsTab, SubAccountsTab


class AccountForm(RecordForm):
    """An account with its Contacts, Sub-accounts and Connections tabs."""

    def header_widgets(self) -> list[QWidget]:
        self.primary_label = QLabel(self)
        return [self.primary_label]

    def add_tabs(self) -> None:
        self.contacts = ContactsTab(self, self)
        self.sub_accounts = SubAccountsTab(self, self)
        self.tabs.addTab(self.contacts, "")
        self.tabs.addTab(self.sub_accounts, "")

    def retranslate(self) -> None:
        super().retranslate()
        self.tabs.setTabText(self.tabs.indexOf(self.contacts), self.tr("Contacts"))
        self.tabs.setTabText(self.tabs.indexOf(self.sub_accounts), self.tr("Sub-accounts"))
        self.contacts.retranslate()
        self.sub_accounts.retranslate()
        self._show_primary_contact()

    def reload_tabs(self) -> None:
        self._show_primary_contact()
        self.contacts.reload()
        self.sub_accounts.reload()
        picker = self.fields.editors["parent_account_id"].editor
        if self.record is not None and isinstance(picker, RecordPicker):
            picker.exclude = {self.record.id}  # an account cannot be its own parent

    def _show_primary_contact(self) -> None:
        primary_id = self.record.fields.get("primary_contact_id") if self.record else None
        primary = self.crm.get("contact", primary_id) if primary_id else None
        text = self.tr("Primary contact: %1").replace("%1", primary.name) if primary else ""
        self.primary_label.setText(text)
        self.primary_label.setAccessibleName(text)
