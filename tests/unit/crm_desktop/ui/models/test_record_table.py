"""The list model: keyset pages into a bounded cache, search, views, sort."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from crm_desktop.services import CrmService, Record
from crm_desktop.ui.models import rows
from crm_desktop.ui.models.record_table import PendingRole, RecordTableModel


def _names(model: RecordTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: Any, ui_crm: CrmService,
                                       make_contact: Callable[..., Record]) -> None:
    for last in ("Ruiz", "Abad", "Zapata"):
        make_contact("Ana", last)
    model = RecordTableModel(ui_crm, "contact")
    qtmodeltester.check(model)
    model.set_search("ana")
    qtmodeltester.check(model)


def test_contacts_list_in_name_order_with_count(ui_crm: CrmService,
                                                make_contact: Callable[..., Record]) -> None:
    for first, last in (("Lucía", "Martínez"), ("Ana", "García"), ("John", "Smith")):
        make_contact(first, last)
    model = RecordTableModel(ui_crm, "contact")
    assert model.rowCount() == 3
    assert _names(model) == ["Ana García", "Lucía Martínez", "John Smith"]


def test_descending_name_order_mirrors_the_keyset(ui_crm: CrmService,
                                                  make_contact: Callable[..., Record]) -> None:
    for last in ("Abad", "Bravo", "Castro"):
        make_contact("Eva", last)
    model = RecordTableModel(ui_crm, "contact")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Eva Castro", "Eva Bravo", "Eva Abad"]


def test_search_as_you_type_narrows_the_list(ui_crm: CrmService, make_contact: Callable[..., Record]) -> None:
    make_contact("Ana", "García")
    make_contact("Andrés", "López")
    make_contact("John", "Smith")
    model = RecordTableModel(ui_crm, "contact")
    model.set_search("an")
    assert sorted(_names(model)) == ["Ana García", "Andrés López"]
    model.set_search("ana gar")
    assert _names(model) == ["Ana García"]
    model.set_search("")
    assert model.rowCount() == 3


def test_inactive_view_lists_only_deactivated_records(ui_crm: CrmService,
                                                      make_account: Callable[..., Record]) -> None:
    make_account("Acme")
    old = make_account("Old Co")
    ui_crm.set_active(old, False)
    model = RecordTableModel(ui_crm, "account")
    assert _names(model) == ["Acme"]
    model.set_view("inactive")
    assert _names(model) == ["Old Co"]


def test_rows_not_synced_yet_carry_a_pending_marker(ui_crm: CrmService,
                                                    make_account: Callable[..., Record]) -> None:
    make_account("Acme")
    model = RecordTableModel(ui_crm, "account")
    index = model.index(0, 0)
    assert index.data(PendingRole) is True
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "not synced" in index.data(Qt.ItemDataRole.ToolTipRole).lower()
    owner = model.index(0, model.columnCount() - 1)
    assert owner.data() == "not synced yet"


def test_middle_rows_load_after_the_list_order_arrives(monkeypatch: Any, qtbot: Any, ui_crm: CrmService,
                                                       make_contact: Callable[..., Record],
                                                       wait_ops: Callable[[], None]) -> None:
    monkeypatch.setattr(rows, "PAGE", 3)
    for n in range(20):
        make_contact("Ana", f"Name{n:02d}")
    model = RecordTableModel(ui_crm, "contact")
    qtbot.wait_until(lambda: model.rowCount() == 20, timeout=5000)
    assert model.index(10, 0).data() == "Loading…"
    with qtbot.wait_signal(model.dataChanged, timeout=5000):
        pass
    assert model.index(10, 0).data() == "Ana Name10"
    assert model.index(19, 0).data() == "Ana Name19"


def test_last_row_comes_from_a_backwards_page(monkeypatch: Any, qtbot: Any, ui_crm: CrmService,
                                              make_contact: Callable[..., Record]) -> None:
    monkeypatch.setattr(rows, "PAGE", 3)
    for n in range(20):
        make_contact("Ana", f"Name{n:02d}")
    model = RecordTableModel(ui_crm, "contact")
    assert model.rowCount() == 3 and not model.counted  # first page first, the count follows
    with qtbot.wait_signal(model.count_changed, timeout=5000) as counted:
        pass
    assert counted.args == [20] and model.rowCount() == 20
    assert model.index(19, 0).data() == "Ana Name19"
    assert model.index(18, 0).data() == "Ana Name18"
    assert model.index(16, 0).data() == "Ana Name16"  # before a cached neighbour


def test_search_fetches_more_matches_as_the_view_scrolls(monkeypatch: Any, ui_crm: CrmService,
                                                         make_contact: Callable[..., Record]) -> None:
    monkeypatch.setattr(rows, "SEARCH_PAGE", 4)
    for n in range(10):
        make_contact("Ana", f"Name{n:02d}")
    model = RecordTableModel(ui_crm, "contact")
    model.set_search("ana")
    assert model.rowCount() == 4
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10


def test_row_cache_stays_bounded() -> None:
    cache = rows.RowCache(limit=5)
    cache.put(0, [object()] * 8)  # type: ignore[list-item]
    assert len(cache.rows) == 5
    assert set(cache.rows) == {3, 4, 5, 6, 7}


def test_descending_order_waits_for_the_count_instead_of_showing_a_wrong_page(
        monkeypatch: Any, qtbot: Any, ui_crm: CrmService, make_contact: Callable[..., Record]) -> None:
    monkeypatch.setattr(rows, "PAGE", 3)
    for n in range(8):
        make_contact("Eva", f"Name{n}")
    model = RecordTableModel(ui_crm, "contact")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 0
    qtbot.wait_until(lambda: model.rowCount() == 8, timeout=5000)
    assert model.index(0, 0).data() == "Eva Name7"
    assert model.index(7, 0).data() == "Eva Name0"


def test_refresh_after_an_edit_keeps_the_view_where_it_was(monkeypatch: Any, qtbot: Any, ui_crm: CrmService,
                                                           make_contact: Callable[..., Record]) -> None:
    from PySide6.QtWidgets import QTableView

    monkeypatch.setattr(rows, "PAGE", 5)
    for n in range(60):
        make_contact("Ana", f"Name{n:02d}")
    model = RecordTableModel(ui_crm, "contact")
    qtbot.wait_until(lambda: model.rowCount() == 60, timeout=5000)
    table = QTableView()
    qtbot.add_widget(table)
    table.setModel(model)
    table.resize(400, 200)
    table.show()
    table.scrollTo(model.index(40, 0))
    position = table.verticalScrollBar().value()
    assert position > 0
    make_contact("Ana", "Name99")
    model.refresh()
    assert model.rowCount() == 60 and table.verticalScrollBar().value() == position
    qtbot.wait_until(lambda: model.rowCount() == 61, timeout=5000)
    qtbot.wait_until(lambda: model.index(40, 0).data() == "Ana Name40", timeout=5000)
    assert table.verticalScrollBar().value() == position


def _sorted_by(qtbot: Any, model: RecordTableModel, column: int, order: Qt.SortOrder) -> None:
    with qtbot.wait_signal(model.modelReset, timeout=5000):
        model.sort(column, order)
    assert not model.sorting


def test_any_column_sorts_both_ways_with_blanks_last(qtmodeltester: Any, qtbot: Any, ui_crm: CrmService,
                                                     make_contact: Callable[..., Record]) -> None:
    make_contact("Ana", "Abad", job_title="Sales")
    make_contact("Eva", "Bravo", job_title="ávila office")
    make_contact("Luis", "Castro")
    make_contact("Paz", "Duran", job_title="Buyer")
    model = RecordTableModel(ui_crm, "contact")
    _sorted_by(qtbot, model, 1, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["Eva Bravo", "Paz Duran", "Ana Abad", "Luis Castro"]
    qtmodeltester.check(model)
    _sorted_by(qtbot, model, 1, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Ana Abad", "Paz Duran", "Eva Bravo", "Luis Castro"]
    model.sort(0, Qt.SortOrder.AscendingOrder)  # back to the keyset order, at once
    assert _names(model) == ["Ana Abad", "Eva Bravo", "Luis Castro", "Paz Duran"]


def test_search_results_sort_by_company(qtbot: Any, ui_crm: CrmService, make_contact: Callable[..., Record],
                                        make_account: Callable[..., Record]) -> None:
    zeta, acme = make_account("Zeta"), make_account("Acme")
    make_contact("Ana", "Abad", account_id=zeta.id)
    make_contact("Ana", "Bravo", account_id=acme.id)
    make_contact("Ana", "Castro")
    make_contact("Luis", "Duran", account_id=acme.id)
    model = RecordTableModel(ui_crm, "contact")
    model.set_search("ana")
    _sorted_by(qtbot, model, 2, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["Ana Bravo", "Ana Abad", "Ana Castro"]
    assert [model.index(r, 2).data() for r in range(3)] == ["Acme", "Zeta", ""]
    with qtbot.wait_signal(model.modelReset, timeout=5000):
        model.set_search("luis")
    assert _names(model) == ["Luis Duran"]


def test_an_edit_moves_the_row_to_its_place_in_a_column_order(qtbot: Any, ui_crm: CrmService,
                                                              make_contact: Callable[..., Record]) -> None:
    first = make_contact("Ana", "Abad", job_title="Analyst")
    make_contact("Eva", "Bravo", job_title="Buyer")
    model = RecordTableModel(ui_crm, "contact")
    _sorted_by(qtbot, model, 1, Qt.SortOrder.AscendingOrder)
    ui_crm.update(first, {"job_title": "Zookeeper"})
    with qtbot.wait_signal(model.modelReset, timeout=5000):
        model.refresh()
    assert _names(model) == ["Eva Bravo", "Ana Abad"]
    assert model.index(1, 1).data() == "Zookeeper"


def test_a_column_order_of_a_long_list_fetches_rows_around_where_the_view_is(
        monkeypatch: Any, qtbot: Any, ui_crm: CrmService, make_contact: Callable[..., Record]) -> None:
    monkeypatch.setattr(rows, "PAGE", 4)
    for n in range(30):
        make_contact("Ana", f"Name{n:02d}", job_title=f"Title {29 - n:02d}")
    model = RecordTableModel(ui_crm, "contact")
    _sorted_by(qtbot, model, 1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 30
    assert model.index(29, 0).data() == "Ana Name00"
    assert model.index(15, 0).data() == "Ana Name14"
    assert model.index(0, 0).data() == "Ana Name29"


class _CountingReader:
    """The reader's CrmService, counting the background counts asked of it."""

    def __init__(self, crm: CrmService) -> None:
        self._crm = crm
        self.counts = 0

    def count(self, kind: str, view: str = "active") -> int:
        self.counts += 1
        return self._crm.count(kind, view)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._crm, name)


def test_a_list_left_before_its_count_starts_is_not_counted(qtbot: Any, tasks: Any, ui_crm: CrmService) -> None:
    """Refreshes in a row (a sync, edits) must not queue one slow count each behind the reader."""
    with ui_crm.store.writing() as writer:
        for i in range(rows.PAGE + 5):
            writer.create("contact", {"first_name": "Ana", "last_name": f"Ruiz {i:04}"})
    reader = _CountingReader(ui_crm)
    model = RecordTableModel(ui_crm, "contact", reader=reader)  # type: ignore[arg-type]
    for _ in range(5):
        model.refresh()
    qtbot.wait_until(lambda: model.rowCount() == rows.PAGE + 5, timeout=5000)
    tasks.wait_idle()
    assert reader.counts == 1


def test_reads_still_queued_are_dropped_when_the_window_closes(qtbot: Any, tasks: Any) -> None:
    import threading

    from crm_desktop.ui.ops import Op

    release, ran, delivered = threading.Event(), [], []
    Op(None, lambda: release.wait(5)).on_reader().run()
    for n in range(3):
        Op(None, lambda n=n: ran.append(n)).on_reader().success(delivered.append).run()
    tasks.cancel_reads()
    release.set()
    tasks.wait_idle()
    qtbot.wait_until(lambda: not tasks.busy, timeout=5000)
    assert ran == [] and delivered == []


def test_the_companies_of_a_page_are_read_in_one_query(ui_crm: CrmService) -> None:
    with ui_crm.store.writing() as writer:
        for i in range(30):
            account = writer.create("account", {"name": f"Company {i:02}"})
            writer.create("contact", {"first_name": "Ana", "last_name": f"Ruiz {i:02}", "account_id": account})
    calls: list[int] = []
    names = ui_crm.names

    def counting(kind: str, ids: list[str]) -> dict[str, str]:
        calls.append(len(ids))
        return names(kind, ids)

    ui_crm.names = counting  # type: ignore[method-assign]
    model = RecordTableModel(ui_crm, "contact")
    company = next(c for c, column in enumerate(model.columns) if column.title == "Company")
    shown = [model.index(r, company).data() for r in range(model.rowCount())]
    assert shown == [f"Company {i:02}" for i in range(30)]
    assert calls == [30]
