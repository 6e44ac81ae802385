"""The list's Export and the wizard's failed rows write CSV the rep's Excel splits into columns."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.services.preferences import Preferences
from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.ui import export as export_ui
from crm_desktop.ui import optional
from crm_desktop.ui.import_wizard import PAGE_REPORT, FilePage, ImportWizard, ReportPage

DATA = Path(__file__).resolve().parents[3] / "data" / "import"


def _export(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, transfer: TransferService, kind: str,
            target: Path, pick: int = 0) -> list[str]:
    """Export through the file dialog, picking its ``pick``-th file type; returns the types offered."""
    offered: list[str] = []

    def save_as(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        offered.extend(args[3].split(";;"))
        return str(target), offered[pick]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    export_ui.export_list(parent, transfer, kind, None, "active")
    qtbot.wait_until(lambda: bool(shown), timeout=10_000)
    return offered


def _reimport(path: Path, tmp_path: Path) -> tuple[int, list[str]]:
    fresh = TransferService(Store.open_dir(tmp_path / "fresh"))
    try:
        report = fresh.import_file(path)
        return report.created, report.ignored_columns
    finally:
        fresh.store.close()


def test_a_spanish_rep_exports_semicolons_under_spanish_headers(qtbot: QtBot, store: Store, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                spanish: None) -> None:
    transfer = TransferService(store, system_locale=lambda: "es_ES")
    transfer.import_file(DATA / "contactos_excel_es.csv")
    target = tmp_path / "contactos.csv"
    offered = _export(qtbot, monkeypatch, transfer, "contacts", target)
    assert offered == ["CSV para Excel (*.csv)", "CSV separado por comas (*.csv)", "vCard (*.vcf)"]
    raw = target.read_bytes()
    assert raw.startswith("\ufeffNombre;Apellidos;Cargo;Empresa;Correo electrónico;".encode()) and b"\r\n" in raw
    rows = list(csv.reader(target.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    assert len(rows) == 5 and all(len(row) == len(rows[0]) for row in rows)
    assert "Iberia Datos; S.L." in rows[1]
    assert _reimport(target, tmp_path) == (4, [])


def test_the_other_csv_type_writes_commas_for_programs_that_want_them(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: None) -> None:
    transfer = TransferService(store, system_locale=lambda: "es_ES")
    transfer.import_file(DATA / "accounts.csv")
    target = tmp_path / "cuentas.csv"
    offered = _export(qtbot, monkeypatch, transfer, "accounts", target, pick=1)
    assert offered == ["CSV para Excel (*.csv)", "CSV separado por comas (*.csv)"], "accounts have no vCard"
    assert target.read_bytes().startswith("\ufeffNombre,Número de cuenta,".encode())
    assert _reimport(target, tmp_path) == (3, [])


def test_an_english_rep_exports_commas_under_english_headers(qtbot: QtBot, store: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    transfer = TransferService(store, system_locale=lambda: "en_GB")
    transfer.import_file(DATA / "contactos_excel_es.csv")
    target = tmp_path / "contacts.csv"
    offered = _export(qtbot, monkeypatch, transfer, "contacts", target)
    assert offered[:2] == ["CSV for Excel (*.csv)", "CSV separated by semicolons (*.csv)"]
    assert target.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,Last Name,Job Title,Company,")


def test_the_wizards_failed_rows_are_saved_for_the_reps_excel(qtbot: QtBot, store: Store, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    Preferences(store).set_language("es")
    wizard = ImportWizard(TransferService(store, system_locale=lambda: None))
    qtbot.addWidget(wizard)
    wizard.restart()
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(DATA / "fails_in_the_middle.csv"))
    for _ in range(3):
        wizard.next()  # preview, mapping, options
    with qtbot.wait_signal(wizard.import_finished, timeout=20_000):
        wizard.next()
    qtbot.wait_until(lambda: wizard.currentId() == PAGE_REPORT)
    report_page = wizard.currentPage()
    assert isinstance(report_page, ReportPage)
    target = tmp_path / "failed.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    report_page.save_button.click()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfFirst Name;Last Name;Email;Company;Import error\r\n")
    target.write_bytes(raw.replace(b"diego@@broken", b"diego@wonka.example"))
    assert TransferService(store).import_file(target).created == 1


def test_the_apps_transfer_service_reads_the_system_locale_through_qt(store: Store) -> None:
    transfer = optional.transfer_service(store)
    assert transfer.system_locale() == QLocale.system().name()
