"""Columns an import reads nothing from are named in its report, never dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import MappingRefused, RowError, TransferService
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


def test_a_row_with_no_company_names_the_account_fields_it_could_not_import(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "First Name,Last Name,Company,Company Phone,Website,Email\n"
                          "Ana,Ruiz,Acme,555 010 0100,acme.example,ana@acme.example\n"
                          "Bob,Hill,,555 010 0199,hill.example,bob@x.example\n"  # lost: phone and website
                          "Eva,Gil,  ,,,eva@x.example\n"  # no company and nothing of one: nothing lost
                          "Tom,Lee,,,lee.example,not-an-email\n")  # failed anyway: its error says so
    report = transfer.import_file(path)
    assert (report.created, report.failed, report.accounts_created) == (3, 1, 1)
    assert report.warned_rows == [RowError(3, "Company Phone, Website: not imported: Company is empty on this "
                                              "line, so there is no account to hold them")]
    assert report.as_json()["warnings"] == ["line 3: Company Phone, Website: not imported: Company is empty on "
                                            "this line, so there is no account to hold them"]
    assert contacts(store)["Hill"].fields["account_id"] is None


def test_warned_rows_past_the_first_ones_are_counted(transfer: TransferService, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import report as report_module

    monkeypatch.setattr(report_module, "MAX_WARNED_ROWS", 2)
    rows = "".join(f"N{i},,w{i}.example\n" for i in range(5))
    report = transfer.import_file(_csv(tmp_path, "Last Name,Company,Website\n" + rows))
    assert (report.created, report.warned, [w.line for w in report.warned_rows]) == (5, 5, [2, 3])
    assert report.as_json()["warnings"][2:] == ["... and 3 more lines with warnings"]


def test_a_line_with_two_warnings_is_one_line_with_a_warning(transfer: TransferService, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import report as report_module

    monkeypatch.setattr(report_module, "MAX_WARNED_ROWS", 2)
    rows = "".join(f"N{i},n{i}@x.example,,,w{i}.example\nN{i},n{i}@x.example,Vigo,,v{i}.example\n" for i in range(3))
    report = transfer.import_file(_csv(tmp_path, "Last Name,Email,City,Company,Website\n" + rows),
                                  duplicates="update")
    # Lines 3, 5 and 7 update the contact of the line before, and have a website with no company, too.
    assert (report.created, report.warned) == (3, 6)  # was 9: lines 3, 5 and 7 counted twice
    assert [w.line for w in report.warned_rows] == [2, 3]
    assert report.warned_rows[1].reason == (
        "updated the same contact as line 2 (same email as an existing contact (n0@x.example)); the lines were "
        "applied in order, so the later values stand. Website: not imported: Company is empty on this line, so "
        "there is no account to hold them")
    assert report.as_json()["warnings"][2:] == ["... and 4 more lines with warnings"]
