"""The account form: fields, its contacts (with the primary contact), sub-accounts."""

from __future__ import annotations

from crm_desktop.ui.forms.picker import RecordPicker
from crm_desktop.ui.forms.record_form import RecordForm
from crm_desktop.ui.forms.record_tabs import ContactsTab, SubAccountsTab


class AccountForm(RecordForm):
    """An account with its Contacts, Sub-accounts and Connections tabs."""

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

    def reload_tabs(self) -> None:
        self.contacts.reload()
        self.sub_accounts.reload()
        picker = self.fields.editors["parent_account_id"].editor
        if self.record is not None and isinstance(picker, RecordPicker):
            picker.exclude = {self.record.id}  # an account cannot be its own parent
