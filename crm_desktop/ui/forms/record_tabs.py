"""The list tabs of a form: connections, an account's contacts and sub-accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import ConnectionView, Record
from crm_desktop.ui.forms.connection_dialog import ConnectionDialog
from crm_desktop.ui.forms.picker import PickerDialog
from crm_desktop.ui.models.small_lists import RowsModel, accounts_model, connections_model, contacts_model
from crm_desktop.ui.ops import Op

if TYPE_CHECKING:
    from crm_desktop.ui.forms.record_form import RecordForm


def _table(parent: QWidget, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    model.modelReset.connect(table.resizeColumnsToContents)
    return table


class ListTab(QWidget):
    """A table with a row of buttons over it."""

    def __init__(self, form: RecordForm, model: RowsModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.model = model
        self.table = _table(self, model)
        self.buttons: dict[str, QPushButton] = {}
        self._row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self._row)
        layout.addWidget(self.table, 1)

    def add_button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        self.buttons[name] = button
        self._row.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self._row.addStretch(1)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def run(self, fn: Any) -> Op:
        """A store write for this record, then a refresh of the form and the lists."""
        form = self.form

        def done(_result: object) -> None:
            if form.record is not None:
                fresh = form.crm.get(form.kind, form.record.id)
                form.load(fresh)
                form.window_.notify_local_edit(form.kind, form.record.id)

        return Op(self, fn).success(done).failure(form.window_.show_error).run()


class ConnectionsTab(ListTab):
    """The record's connections from its side, with Add, Edit and Remove."""

    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(form, connections_model(), parent)
        self.add_button("add", self.add)
        self.add_button("edit", self.edit)
        self.add_button("remove", self.remove)
        self.finish_buttons()
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.dialog: ConnectionDialog | None = None

    def retranslate(self) -> None:
        self.buttons["add"].setText(self.tr("&Add connection…"))
        self.buttons["edit"].setText(self.tr("&Edit…"))
        self.buttons["remove"].setText(self.tr("&Remove"))
        self.table.setAccessibleName(self.tr("Connections"))

    def reload(self) -> None:
        record = self.form.record
        self.model.set_items(self.form.crm.connections(record) if record else [])

    def add(self) -> ConnectionDialog | None:
        return self._open(None)

    def edit(self) -> ConnectionDialog | None:
        connection = self.selected()
        return self._open(connection) if connection is not None else None

    def _open(self, connection: ConnectionView | None) -> ConnectionDialog | None:
        if self.form.record is None:
            return None
        self.dialog = ConnectionDialog(self.form.crm, self.form.record, connection, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _on_dialog_accepted(self) -> None:
        if self.dialog is not None and self.dialog.write is not None:
            self.run(self.dialog.write)

    def remove(self) -> None:
        connection = self.selected()
        if connection is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove connection"),
            self.tr("Remove the connection with %1?").replace("%1", connection.other_name))
        if answer == QMessageBox.StandardButton.Yes:
            self.run(lambda: self.form.crm.unlink(connection.id))


class ContactsTab(ListTab):
    """An account's contacts: add an existing or a new one, set the primary contact."""

    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(form, contacts_model(self._primary_id), parent)
        self.add_button("add_existing", self.add_existing)
        self.add_button("new", self.new_contact)
        self.add_button("primary", self.set_primary)
        self.finish_buttons()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.picker: PickerDialog | None = None

    def _primary_id(self) -> str | None:
        record = self.form.record
        return record.fields.get("primary_contact_id") if record else None

    def retranslate(self) -> None:
        self.buttons["add_existing"].setText(self.tr("Add &existing contact…"))
        self.buttons["new"].setText(self.tr("&New contact"))
        self.buttons["primary"].setText(self.tr("Set as &primary contact"))
        self.table.setAccessibleName(self.tr("Contacts of this account"))

    def reload(self) -> None:
        record = self.form.record
        self.model.set_items(self.form.crm.contacts_of(record) if record else [])

    def add_existing(self) -> PickerDialog:
        """Pick a contact and make this account its company."""
        self.picker = PickerDialog(self.form.crm, ("contact",), self,
                                   exclude={r.id for r in self.model.items})
        self.picker.accepted.connect(self._on_picker_accepted)
        self.picker.open()
        return self.picker

    def _on_picker_accepted(self) -> None:
        account = self.form.record
        chosen = self.picker.chosen if self.picker is not None else None
        if chosen is not None and account is not None:
            self.run(lambda: self.form.crm.update(chosen, {"account_id": account.id}))

    def new_contact(self) -> None:
        if self.form.record is not None:
            self.form.window_.open_record("contact", None, defaults={"account_id": self.form.record.id})

    def set_primary(self) -> None:
        contact, account = self.selected(), self.form.record
        if contact is not None and account is not None:
            self.run(lambda: self.form.crm.set_primary_contact(account, contact))

    def _on_table_double_clicked(self, _index: Any) -> None:
        contact: Record | None = self.selected()
        if contact is not None:
            self.form.window_.open_record("contact", contact.id)


class SubAccountsTab(ListTab):
    """The accounts whose parent this account is."""

    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(form, accounts_model(), parent)
        self.add_button("new", self.new_sub_account)
        self.finish_buttons()
        self.table.doubleClicked.connect(self._on_table_double_clicked)

    def retranslate(self) -> None:
        self.buttons["new"].setText(self.tr("&New sub-account"))
        self.table.setAccessibleName(self.tr("Sub-accounts"))

    def reload(self) -> None:
        record = self.form.record
        self.model.set_items(self.form.crm.sub_accounts(record) if record else [])

    def new_sub_account(self) -> None:
        if self.form.record is not None:
            self.form.window_.open_record("account", None,
                                          defaults={"parent_account_id": self.form.record.id})

    def _on_table_double_clicked(self, _index: Any) -> None:
        account: Record | None = self.selected()
        if account is not None:
            self.form.window_.open_record("account", account.id)
