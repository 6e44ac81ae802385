"""The list pages: which view they open on, and the views' names in both languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

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


@pytest.fixture
def spanish(qapp: object) -> Iterator[Translations]:
    translations = Translations()
    translations.install("es")
    yield translations
    translations.install("en")


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
