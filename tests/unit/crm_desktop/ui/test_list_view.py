"""The list pages: which view they open on, and the views' names in both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.services import AppContext, CrmService, Record
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.list_view import RecordListView


def _names(view: RecordListView) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def _hand_over(context: AppContext, record: Record, owner: str) -> None:
    """What a pull does when the server says someone owns the record."""
    with context.store.db.transaction() as conn:
        conn.execute(f"UPDATE {record.entity} SET owner_id = ?, owner_name = ? WHERE id = ?",
                     (f"id-{owner}", owner, record.id))


@pytest.mark.parametrize(("kind", "title"), [("account", "My active accounts"),
                                             ("contact", "My active contacts")])
def test_lists_open_on_my_active_records(qtbot: QtBot, ui_crm: CrmService, kind: str, title: str) -> None:
    view = RecordListView(ui_crm, kind)
    qtbot.add_widget(view)
    assert view.views.currentText() == title
    assert view.views.currentData() == "mine"
    assert view.model.view == "mine"


def test_my_accounts_leave_out_what_a_colleague_owns(qtbot: QtBot, context: AppContext, ui_crm: CrmService,
                                                     make_account: Callable[..., Record]) -> None:
    make_account("Made here")
    _hand_over(context, make_account("Bo's client"), "bo")
    _hand_over(context, make_account("Ana's client"), "ana")
    context.store.set_meta("sync_username", "ana")
    view = RecordListView(ui_crm, "account")
    qtbot.add_widget(view)
    assert _names(view) == ["Ana's client", "Made here"]
    view.views.setCurrentIndex(view.views.findData("active"))
    assert _names(view) == ["Ana's client", "Bo's client", "Made here"]


def test_my_views_are_named_in_spanish(qtbot: QtBot, ui_crm: CrmService, spanish: Translations) -> None:
    accounts, contacts = RecordListView(ui_crm, "account"), RecordListView(ui_crm, "contact")
    qtbot.add_widget(accounts)
    qtbot.add_widget(contacts)
    assert accounts.views.itemText(0) == "Mis cuentas activas"
    assert contacts.views.itemText(0) == "Mis contactos activos"


def test_clicking_a_column_header_sorts_by_that_column(qtbot: QtBot, ui_crm: CrmService,
                                                       make_account: Callable[..., Record], tmp_path) -> None:
    from PySide6.QtCore import QPoint, Qt

    for name, city in (("Acme", "Zaragoza"), ("Bravo", "Ávila"), ("Cobre", "madrid"), ("Delta", None)):
        make_account(name, bill_to_city=city)
    view = RecordListView(ui_crm, "account")
    qtbot.add_widget(view)
    view.resize(900, 300)
    view.show()
    header = view.table.horizontalHeader()
    city = 3
    with qtbot.wait_signal(view.model.modelReset, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(city) + 20, header.height() // 2))
    assert header.sortIndicatorSection() == city
    assert _names(view) == ["Bravo", "Cobre", "Acme", "Delta"]
    assert view.count_label.text() == "4 accounts"
    view.grab().save(str(tmp_path / "sorted-by-city.png"))
    with qtbot.wait_signal(view.model.modelReset, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(city) + 20, header.height() // 2))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _names(view) == ["Acme", "Cobre", "Bravo", "Delta"]


def test_the_count_says_sorting_while_a_column_order_is_read(qtbot: QtBot, ui_crm: CrmService,
                                                             make_account: Callable[..., Record]) -> None:
    from PySide6.QtCore import Qt

    make_account("Acme")
    view = RecordListView(ui_crm, "account")
    qtbot.add_widget(view)
    texts: list[str] = []
    view.model.count_changed.connect(lambda _n: texts.append(view.count_label.text()))
    with qtbot.wait_signal(view.model.modelReset, timeout=5000):
        view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert texts[0] == "Sorting…" and view.count_label.text() == "1 account"


def test_view_sort_by_menu_sorts_the_shown_list_from_the_keyboard(qtbot: QtBot, window,
                                                                   make_contact: Callable[..., Record]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    from crm_desktop.ui.menus import fill_sort_menu

    make_contact("Ana", "Abad", job_title="Sales")
    make_contact("Eva", "Bravo", job_title="Buyer")
    window.show_page("contacts")
    contacts = window.lists["contacts"]
    menu = QMenu(window)
    fill_sort_menu(window, menu)
    titles = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert titles[:3] == ["Full name", "Job title", "Company"] and titles[-1] == "&Descending"
    assert menu.actions()[0].isChecked()
    with qtbot.wait_signal(contacts.model.modelReset, timeout=5000):
        menu.actions()[1].trigger()
    assert contacts.table.horizontalHeader().sortIndicatorSection() == 1
    assert _names(contacts) == ["Eva Bravo", "Ana Abad"]
    fill_sort_menu(window, menu)
    assert menu.actions()[1].isChecked()
    with qtbot.wait_signal(contacts.model.modelReset, timeout=5000):
        menu.actions()[-1].trigger()  # Descending
    assert contacts.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _names(contacts) == ["Ana Abad", "Eva Bravo"]


def test_export_gets_the_lists_view_search_and_column_order(qtbot: QtBot, ui_crm: CrmService,
                                                            make_contact: Callable[..., Record]) -> None:
    from PySide6.QtCore import Qt

    make_contact("Ana", "Abad", job_title="Sales")
    asked: list[tuple[object, ...]] = []
    view = RecordListView(ui_crm, "contact", export=lambda *args: asked.append(args[1:]))
    qtbot.add_widget(view)
    assert view.export_button is not None
    view.export_button.click()
    with qtbot.wait_signal(view.model.modelReset, timeout=5000):
        view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    view.search.setText("ana")
    qtbot.wait_until(lambda: not view.model.sorting, timeout=5000)
    view.export_button.click()
    assert asked == [("contact", "", "mine", None), ("contact", "ana", "mine", ("job_title", True))]
