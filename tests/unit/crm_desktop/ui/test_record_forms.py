"""The rep's workflows through the window and the forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.services import CrmService, Record
from crm_desktop.ui.forms import AccountForm, ContactForm, RecordForm
from crm_desktop.ui.main_window import MainWindow

Wait = Callable[[], None]


def _type(form: RecordForm, field: str, text: str) -> None:
    editor = form.fields.editors[field].editor
    assert isinstance(editor, QLineEdit)
    editor.setText(text)
    editor.textEdited.emit(text)


def _save(qtbot: QtBot, form: RecordForm) -> None:
    with qtbot.wait_signal(form.saved, timeout=5000):
        form.save()


def test_create_an_account_shows_it_pending_in_the_list(qtbot: QtBot, window: MainWindow,
                                                        controller: Any) -> None:
    form = window.open_record("account", None)
    _type(form, "name", "Acme Ltd")
    _type(form, "phone", "+34 600 111 222")
    _save(qtbot, form)
    assert form.record is not None and form.record.name == "Acme Ltd"
    assert "not synced" in form.pending_label.text().lower()
    assert "not synced yet" in form.owner_label.text()
    model = window.lists["accounts"].model
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Acme Ltd"
    assert controller.local_edits == 1


def test_validation_message_shows_next_to_the_field(qtbot: QtBot, window: MainWindow, wait_ops: Wait) -> None:
    form = window.open_record("account", None)
    _type(form, "name", "Acme Ltd")
    _type(form, "email", "not an email")
    form.save()
    wait_ops()
    error = form.fields.editors["email"].error
    assert error.isVisibleTo(form) and error.text()
    assert form.record is None


def test_save_and_close_closes_the_form(qtbot: QtBot, window: MainWindow, ui_crm: CrmService) -> None:
    form = window.open_record("contact", None)
    _type(form, "last_name", "Ruiz")
    form.save_and_close()
    qtbot.wait_until(lambda: not window.forms, timeout=5000)
    assert ui_crm.count("contact") == 1


def test_closing_with_unsaved_changes_asks_first(qtbot: QtBot, window: MainWindow, monkeypatch: Any) -> None:
    asked: list[str] = []

    def cancel(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    form = window.open_record("account", None)
    _type(form, "name", "Half typed")
    assert not form.close()
    assert asked and form.isVisible()


def test_add_a_new_contact_from_the_account_form(qtbot: QtBot, window: MainWindow,
                                                 make_account: Callable[..., Record]) -> None:
    account = make_account("Acme Ltd")
    form = window.open_record("account", account.id)
    assert isinstance(form, AccountForm)
    form.contacts.new_contact()
    contact_form = window.forms[-1]
    assert isinstance(contact_form, ContactForm)
    assert contact_form.fields.editors["account_id"].value() == account.id
    _type(contact_form, "first_name", "Ana")
    _type(contact_form, "last_name", "García")
    _save(qtbot, contact_form)
    assert [c.name for c in form.contacts.model.items] == ["Ana García"]


def test_add_an_existing_contact_and_make_it_primary(qtbot: QtBot, window: MainWindow, ui_crm: CrmService,
                                                     make_account: Callable[..., Record],
                                                     make_contact: Callable[..., Record],
                                                     wait_ops: Wait) -> None:
    account = make_account("Acme Ltd")
    make_contact("Ana", "García")
    form = window.open_record("account", account.id)
    assert isinstance(form, AccountForm)
    picker = form.contacts.add_existing()
    picker.search.setText("ana")
    picker.accept()
    wait_ops()
    assert [c.name for c in form.contacts.model.items] == ["Ana García"]
    form.contacts.table.selectRow(0)
    form.contacts.set_primary()
    wait_ops()
    stored = ui_crm.get("account", account.id)
    assert stored is not None
    assert stored.fields["primary_contact_id"] == form.contacts.model.items[0].id
    assert form.contacts.model.index(0, 4).data() == "Primary contact"


def test_parent_account_picker_sets_the_parent_and_lists_sub_accounts(
        qtbot: QtBot, window: MainWindow, ui_crm: CrmService, make_account: Callable[..., Record]) -> None:
    parent = make_account("Globex Corporation")
    child = make_account("Globex Retail")
    form = window.open_record("account", child.id)
    picker = form.fields.editors["parent_account_id"].editor
    dialog = picker.choose()  # type: ignore[union-attr]
    dialog.search.setText("globex corp")
    dialog.accept()
    _save(qtbot, form)
    assert form.record is not None and form.record.fields["parent_account_id"] == parent.id
    parent_form = window.open_record("account", parent.id)
    assert isinstance(parent_form, AccountForm)
    assert [a.name for a in parent_form.sub_accounts.model.items] == ["Globex Retail"]


def test_deactivate_moves_the_record_to_the_inactive_view(qtbot: QtBot, window: MainWindow,
                                                          make_account: Callable[..., Record],
                                                          wait_ops: Wait) -> None:
    account = make_account("Old Co")
    form = window.open_record("account", account.id)
    form.toggle_active()
    wait_ops()
    assert form.record is not None and not form.record.active
    assert form.buttons["state"].text().replace("&", "") == "Activate"
    view = window.lists["accounts"]
    assert view.model.rowCount() == 0
    view.views.setCurrentIndex(view.views.findData("inactive"))
    assert view.model.index(0, 0).data() == "Old Co"


def test_delete_asks_and_removes_the_record(qtbot: QtBot, window: MainWindow, ui_crm: CrmService,
                                            make_account: Callable[..., Record], wait_ops: Wait) -> None:
    account = make_account("Gone Ltd")
    form = window.open_record("account", account.id)
    with qtbot.wait_signal(form.deleted, timeout=5000):
        form.confirm_delete()
    assert ui_crm.get("account", account.id) is None
    assert window.lists["accounts"].model.rowCount() == 0


def test_search_as_you_type_in_the_contacts_list(qtbot: QtBot, window: MainWindow,
                                                 make_contact: Callable[..., Record]) -> None:
    make_contact("Ana", "García")
    make_contact("John", "Smith")
    window.show_page("contacts")
    view = window.lists["contacts"]
    qtbot.keyClicks(view.search, "smi")
    assert view.model.rowCount() == 1
    assert view.model.index(0, 0).data() == "John Smith"
    assert view.count_label.text() == "1 match"


def test_keyboard_new_and_find(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("contacts")
    window.actions_by_name["new"].trigger()
    assert isinstance(window.forms[-1], ContactForm)
    window.actions_by_name["find"].trigger()
    assert window.actions_by_name["find"].shortcut().toString() == "Ctrl+F"
    assert window.actions_by_name["new"].shortcut().toString() == "Ctrl+N"


def test_f9_asks_sync_to_run(window: MainWindow, controller: Any) -> None:
    action = window.actions_by_name["sync"]
    assert action.shortcut().toString() == "F9"
    action.trigger()
    assert controller.sync_requests == 1


def test_opening_a_row_opens_its_form(qtbot: QtBot, window: MainWindow,
                                      make_account: Callable[..., Record]) -> None:
    make_account("Acme Ltd")
    view = window.lists["accounts"]
    view.refresh()
    view.table.activated.emit(view.model.index(0, 0))
    form = window.forms[-1]
    assert form.record is not None and form.record.name == "Acme Ltd"
    assert form.fields.editors["name"].editor.accessibleName() == "Account name"
    assert view.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Acme Ltd, not synced yet"


def test_forms_offer_assign_and_share_when_sync_is_there(window: MainWindow,
                                                         make_account: Callable[..., Record]) -> None:
    form = window.open_record("account", make_account("Acme Ltd").id)
    from crm_desktop.ui import optional

    if optional.owner_dialog_class(window.controller, "AssignDialog") is None:
        assert "assign" not in form.buttons  # no dead buttons
    else:
        assert {"assign", "share"} <= set(form.buttons)


def test_import_and_export_are_offered_when_transfer_is_there(qtbot: QtBot, ui_crm: CrmService,
                                                              context: Any) -> None:
    transfer_module = pytest.importorskip("crm_desktop.services.transfer")
    pytest.importorskip("crm_desktop.ui.import_wizard")
    main = MainWindow(ui_crm, transfer=transfer_module.TransferService(context.store))
    qtbot.add_widget(main)
    assert "import" in main.actions_by_name
    assert main.lists["accounts"].export_button is not None
    main.actions_by_name["import"].trigger()
    wizards = [w for w in main.findChildren(QWidget) if type(w).__name__ == "ImportWizard"]
    assert wizards
    wizards[0].reject()


def test_without_transfer_there_is_no_import_or_export(window: MainWindow) -> None:
    assert "import" not in window.actions_by_name
    assert window.lists["accounts"].export_button is None


def test_delete_key_in_a_list_deletes_the_selected_record_after_asking(
        qtbot: QtBot, window: MainWindow, ui_crm: CrmService, make_account: Callable[..., Record],
        wait_ops: Wait) -> None:
    make_account("Gone Ltd")
    view = window.lists["accounts"]
    view.refresh()
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    wait_ops()
    assert ui_crm.count("account", "all") == 0
    assert view.model.rowCount() == 0


def test_a_new_form_puts_the_cursor_in_its_first_field(qtbot: QtBot, window: MainWindow) -> None:
    form = window.open_record("contact", None)
    assert form.focusWidget() is form.fields.editors["first_name"].editor
    assert form.buttons["save"].toolTip() == "Save (Ctrl+S)"


def _next_tab_stop(widget: QWidget) -> QWidget:
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus) or not following.isEnabled():
        following = following.nextInFocusChain()
    return following


def test_tab_walks_the_fields_then_the_buttons(window: MainWindow) -> None:
    form = window.open_record("account", None)
    name = form.fields.editors["name"].editor
    assert _next_tab_stop(name) is form.fields.editors["account_number"].editor
    last = list(form.fields.editors.values())[-1].editor
    assert _next_tab_stop(last) is form.buttons["save"]


def test_a_bad_value_is_flagged_when_leaving_the_field(window: MainWindow) -> None:
    form = window.open_record("contact", None)
    email = form.fields.editors["email"]
    _type(form, "email", "ana@")
    email.editor.editingFinished.emit()  # type: ignore[union-attr]
    assert email.error.isVisibleTo(form) and email.error.text()
    assert email.editor.accessibleDescription() == email.error.text()
    _type(form, "email", "ana@example.com")
    email.editor.editingFinished.emit()  # type: ignore[union-attr]
    assert not email.error.isVisibleTo(form)


def test_open_forms_follow_a_language_change(window: MainWindow, make_account: Callable[..., Record]) -> None:
    from crm_desktop.ui.i18n import Translations

    form = window.open_record("account", make_account("Acme Ltd").id)
    translations = Translations()
    try:
        translations.install("es")
        window.language_changed()
        assert form.buttons["save"].text() == "&Guardar"
        assert form.tabs.tabText(form.tabs.indexOf(form.connections)) == "Conexiones"
        assert form.fields.labels["name"].text() == "Nombre de la cuenta *"
    finally:
        translations.install("en")
        window.language_changed()
    assert form.buttons["save"].text() == "&Save"


def test_opening_a_record_deleted_meanwhile_says_so(window: MainWindow, ui_crm: CrmService,
                                                    make_account: Callable[..., Record]) -> None:
    account = make_account("Gone Ltd")
    ui_crm.delete(account)
    assert window.open_record("account", account.id) is None
    assert window.forms == []


def _asked_on_delete(window: MainWindow, monkeypatch: pytest.MonkeyPatch, record: Record) -> str:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.delete_record(record)
    return asked[0]


def test_the_delete_question_says_what_goes_with_the_account(window: MainWindow, ui_crm: CrmService,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    acme = ui_crm.create_account({"name": "Acme Ltd"})
    ana = ui_crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    ui_crm.create_contact({"first_name": "Bo", "last_name": "Lund", "account_id": acme.id})
    ui_crm.link(ana, acme, "Champion")
    assert _asked_on_delete(window, monkeypatch, acme) == (
        "Delete Acme Ltd? This cannot be undone.\n\nIts connection goes with it. 2 contacts lose their account.")
    assert ui_crm.get("account", acme.id) is not None  # the rep said no
    lone = ui_crm.create_contact({"first_name": "Cy", "last_name": "Moss"})
    assert _asked_on_delete(window, monkeypatch, lone) == "Delete Cy Moss? This cannot be undone."


def test_the_delete_question_in_spanish(window: MainWindow, ui_crm: CrmService, spanish: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    acme = ui_crm.create_account({"name": "Acme Ltd"})
    ui_crm.create_account({"name": "Acme East", "parent_account_id": acme.id})
    assert _asked_on_delete(window, monkeypatch, acme) == (
        "¿Eliminar Acme Ltd? No se puede deshacer.\n\n1 cuenta pierde su cuenta primaria.")
