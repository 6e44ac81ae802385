"""Connections: linked with roles, seen from both sides, edited and removed offline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from crm_desktop.services import CrmService, Record
from crm_desktop.ui.forms import RecordForm
from crm_desktop.ui.forms.connection_dialog import ConnectionDialog
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.models.small_lists import connections_model

Wait = Callable[[], None]


def _pick_role(combo: Any, name: str) -> None:
    index = combo.findText(name)
    assert index >= 0, f"{name} not offered"
    combo.setCurrentIndex(index)


def _link(form: RecordForm, other: str, role1: str, role2: str) -> ConnectionDialog:
    dialog = form.connections.add()
    assert dialog is not None
    chooser = dialog.other.choose()
    chooser.search.setText(other)
    chooser.accept()
    _pick_role(dialog.role1, role1)
    _pick_role(dialog.role2, role2)
    dialog.description.setText("Met at the fair")
    dialog.accept()
    return dialog


def test_link_two_records_and_see_it_from_both_sides(qtbot: QtBot, window: MainWindow,
                                                     make_account: Callable[..., Record],
                                                     make_contact: Callable[..., Record],
                                                     wait_ops: Wait) -> None:
    ana = make_contact("Ana", "García")
    boss = make_contact("Lucía", "Martínez")
    form = window.open_record("contact", ana.id)
    _link(form, "lucía", "Employee", "Manager")
    wait_ops()
    mine = form.connections.model
    assert mine.rowCount() == 1
    assert [mine.index(0, c).data() for c in (0, 2, 3, 4)] == ["Lucía Martínez", "Employee", "Manager",
                                                               "Met at the fair"]
    assert mine.index(0, 7).data() == "Not synced yet"
    other = window.open_record("contact", boss.id)
    theirs = other.connections.model
    assert [theirs.index(0, c).data() for c in (0, 2, 3)] == ["Ana García", "Manager", "Employee"]


def test_role_two_offers_only_the_matches_of_role_one(window: MainWindow,
                                                      make_contact: Callable[..., Record]) -> None:
    form = window.open_record("contact", make_contact("Ana", "García").id)
    dialog = form.connections.add()
    assert dialog is not None
    _pick_role(dialog.role1, "Manager")
    assert [dialog.role2.itemText(i) for i in range(dialog.role2.count())] == ["Employee"]
    _pick_role(dialog.role1, "Colleague")
    assert [dialog.role2.itemText(i) for i in range(dialog.role2.count())] == ["Colleague"]
    dialog.reject()


def test_a_bad_date_keeps_the_dialog_open_with_a_message(window: MainWindow,
                                                        make_contact: Callable[..., Record]) -> None:
    form = window.open_record("contact", make_contact("Ana", "García").id)
    make_contact("Lucía", "Martínez")
    dialog = form.connections.add()
    assert dialog is not None
    chooser = dialog.other.choose()
    chooser.search.setText("lucía")
    chooser.accept()
    dialog.valid_from.setText("31/12/2026")
    dialog.accept()
    assert dialog.write is None and dialog.error.text()
    dialog.reject()


def test_edit_a_connection_from_the_second_side_keeps_sides_right(
        qtbot: QtBot, window: MainWindow, ui_crm: CrmService, make_contact: Callable[..., Record],
        make_account: Callable[..., Record], wait_ops: Wait) -> None:
    ana = make_contact("Ana", "García")
    acme = make_account("Acme Ltd")
    ui_crm.link(ana, acme, "Champion", "Customer")
    form = window.open_record("account", acme.id)
    form.connections.table.selectRow(0)
    dialog = form.connections.edit()
    assert dialog is not None
    assert dialog.role1.currentText() == "Customer" and dialog.role2.currentText() == "Champion"
    _pick_role(dialog.role1, "Customer")
    _pick_role(dialog.role2, "Decision Maker")
    dialog.accept()
    wait_ops()
    seen = ui_crm.connections(ana)[0]
    assert (seen.role, seen.other_role) == ("Decision Maker", "Customer")


def test_remove_a_connection(qtbot: QtBot, window: MainWindow, ui_crm: CrmService,
                             make_contact: Callable[..., Record], wait_ops: Wait) -> None:
    ana, bob = make_contact("Ana", "García"), make_contact("Bob", "Smith")
    ui_crm.link(ana, bob, "Colleague")
    form = window.open_record("contact", ana.id)
    form.connections.table.selectRow(0)
    form.connections.remove()
    wait_ops()
    assert form.connections.model.rowCount() == 0
    assert ui_crm.connections(bob) == []


def test_connections_model_passes_the_model_tester(qtmodeltester: Any, ui_crm: CrmService,
                                                   make_contact: Callable[..., Record]) -> None:
    ana, bob = make_contact("Ana", "García"), make_contact("Bob", "Smith")
    ui_crm.link(ana, bob, "Colleague")
    model = connections_model()
    model.set_items(ui_crm.connections(ana))
    qtmodeltester.check(model)


def test_the_picker_never_offers_the_record_itself(window: MainWindow,
                                                   make_contact: Callable[..., Record]) -> None:
    ana = make_contact("Ana", "García")
    make_contact("Ana", "Ruiz")
    form = window.open_record("contact", ana.id)
    dialog = form.connections.add()
    assert dialog is not None
    chooser = dialog.other.choose()
    chooser.search.setText("ana")
    names = [chooser.results.item(i).text() for i in range(chooser.results.count())]
    assert names == ["Ana Ruiz  ·  Contact"]
    chooser.reject()
    dialog.reject()
