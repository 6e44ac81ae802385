"""Columns an import reads nothing from are named in its report, never dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import MappingRefused, TransferService
from crm_desktop.store import Store

from .conftest import accounts, contacts


def _csv(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_header_is_named_as_ignored(transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Frist Name,Last Name,Email\nAna,Ruiz,ana@x.example\n")  # QA: first names lost
    report = transfer.import_file(path)
    assert (report.created, report.ignored_columns, report.warnings) == (1, ["Frist Name"], [])
    assert report.as_json()["ignored_columns"] == ["Frist Name"]
    assert contacts(store)["Ruiz"].fields["first_name"] is None


def test_a_dry_run_names_the_ignored_columns_too(transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Last Name,Shoe Size,,Email\nRuiz,42,x,ana@x.example\n")
    report = transfer.import_file(path, dry_run=True)
    assert (report.created, report.ignored_columns) == (1, ["Shoe Size", "Column 3"])
    assert store.count("contact", "all") == 0


def test_google_phone_labels_are_read_so_not_ignored(transfer: TransferService, data: Path) -> None:
    report = transfer.import_file(data / "google_labels.csv")
    # The phone labels place the numbers; only the e-mail's label is not read.
    assert report.ignored_columns == ["E-mail 1 - Label"]


def test_account_fields_without_a_company_column_are_reported_not_lost(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "First Name,Last Name,Ext\nAna,Ruiz,A-1\n")
    report = transfer.import_file(path, mapping={"Ext": "account.account_number"})
    assert (report.created, report.accounts_created, store.count("account", "all")) == (1, 0, 0)
    assert report.ignored_columns == ["Ext"]
    assert report.warnings == ["Ext: not imported: no column holds the company's name, so no account is made "
                               "for these account fields (map one to account.name)"]


def test_account_fields_beside_a_company_column_are_imported(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "First Name,Last Name,Company,Ext\nAna,Ruiz,Acme,A-1\n")
    report = transfer.import_file(path, mapping={"Ext": "account.account_number"})
    assert (report.ignored_columns, report.warnings, report.accounts_created) == ([], [], 1)
    assert accounts(store)["Acme"].fields["account_number"] == "A-1"


def test_rows_of_blank_lines_only_are_no_rows_to_import(transfer: TransferService, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Last Name,Email\n\n , \n", name="blank_rows.csv")
    report = transfer.import_file(path)
    assert (report.processed, report.warnings) == (0, ["blank_rows.csv: no rows to import; the file has a "
                                                       "header only"])


def test_a_file_with_no_known_header_is_refused_with_its_headers(transfer: TransferService,
                                                                 tmp_path: Path) -> None:
    path = _csv(tmp_path, "foo,bar\n1,2\n", name="nohdr.csv")
    with pytest.raises(MappingRefused, match=r"^nohdr\.csv: no column is a field we know") as refused:
        transfer.import_file(path)
    assert refused.value.headers == ["foo", "bar"]
