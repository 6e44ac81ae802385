"""The import wizard's report page on what a contacts file did to the companies it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.ui.import_wizard import ImportWizard, ReportPage

from .conftest import run_import


@pytest.fixture
def wizard(qtbot: QtBot, store: Store) -> ImportWizard:
    shown = ImportWizard(TransferService(store))
    qtbot.addWidget(shown)
    shown.restart()  # what show() does first; the tests need no window on screen
    return shown


def test_report_counts_the_companies_an_upsert_updated(qtbot: QtBot, wizard: ImportWizard, store: Store,
                                                       tmp_path: Path) -> None:
    store.create("account", {"name": "Acme", "website": "old.example"})
    path = tmp_path / "people.csv"
    path.write_text("Last Name,Company,Website\nRuiz,Acme,new.example\nHill,Acme,new.example\n", encoding="utf-8")
    report = run_import(qtbot, wizard, path, upsert=True)
    assert (report.created, report.accounts_updated) == (2, 1)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.summary.text() == ("Created: 2. Updated: 0. Skipped as duplicates: 0. Failed: 0. Accounts "
                                   "updated with the contacts' company values: 1.")
    assert page.warnings.isHidden()


def test_report_lists_the_company_values_create_only_left_out(qtbot: QtBot, wizard: ImportWizard, store: Store,
                                                              tmp_path: Path) -> None:
    store.create("account", {"name": "Acme", "website": "old.example"})
    path = tmp_path / "people.csv"
    path.write_text("Last Name,Company,Website\nRuiz,Acme,new.example\nHill,Acme,new.example\n", encoding="utf-8")
    run_import(qtbot, wizard, path, upsert=False)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.summary.text() == "Created: 2. Updated: 0. Skipped as duplicates: 0. Failed: 0."
    assert page.warnings.rowCount() == 1
    assert [page.warnings.item(0, c).text() for c in (0, 1)] == [
        "2", "Acme exists, so Website was not imported (create only; --mode upsert updates it)"]
