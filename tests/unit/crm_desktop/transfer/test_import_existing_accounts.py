"""A contacts row's account values when its company exists: upsert updates the account, create warns."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import RowError, TransferService
from crm_desktop.store import Store

from .conftest import accounts, contacts, queued

HEADER = "First Name,Last Name,Email,Company,Website,Company Phone,Account Number,Billing City\n"


def _csv(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def _acme(store: Store) -> str:
    return store.create("account", {"name": "Acme", "website": "old.example", "account_number": "A-1",
                                     "bill_to_city": "Madrid"}).id


def _account_updates(store: Store) -> list[dict[str, str]]:
    return [q["fields"] for q in queued(store) if q["entity"] == "account" and q["op"] == "update"]


def test_upsert_updates_the_stored_account_with_the_rows_values(transfer: TransferService, store: Store,
                                                                 tmp_path: Path) -> None:
    _acme(store)
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,ACME,new.example,555 010 0100,A-1,\n")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.accounts_created, report.accounts_updated, report.warned) == (1, 0, 1, 0)
    fields = accounts(store)["Acme"].fields
    assert (fields["name"], fields["website"], fields["phone"]) == ("Acme", "new.example", "555 010 0100")
    assert fields["bill_to_city"] == "Madrid", "an empty cell never blanks a field"
    assert _account_updates(store) == [{"website": "new.example", "phone": "555 010 0100"}]
    assert report.as_json()["accounts_updated"] == 1
    assert report.as_json()["accounts_created"] == 0
    assert contacts(store)["Ruiz"].fields["account_id"] == accounts(store)["Acme"].id


def test_upsert_applies_two_lines_of_one_company_in_order_and_counts_it_once(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    _acme(store)
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,second.example,,,\n"
                          "Bob,Hill,bob@x.example,Acme,third.example,,,Vigo\n"
                          "Eva,Gil,eva@x.example,Acme,third.example,,,Vigo\n")  # nothing new: no warning
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.accounts_updated) == (3, 1)
    fields = accounts(store)["Acme"].fields
    assert (fields["website"], fields["bill_to_city"]) == ("third.example", "Vigo")
    assert report.warned_rows == [RowError(3, "updated the same account (Acme) as line 2; the lines were "
                                              "applied in order, so the later values stand")]
    assert len(_account_updates(store)) == 2


def test_upsert_updates_a_company_an_earlier_line_made_which_counts_as_created(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,first.example,,,\n"
                          "Bob,Hill,bob@x.example,Acme,second.example,555 010 0100,,\n")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.accounts_created, report.accounts_updated) == (2, 1, 0)
    fields = accounts(store)["Acme"].fields
    assert (fields["website"], fields["phone"]) == ("second.example", "555 010 0100")
    assert report.warned_rows == [RowError(3, "updated the same account (Acme) as line 2; the lines were "
                                              "applied in order, so the later values stand")]
    assert store.count("account", "all") == 1


def test_create_only_leaves_the_account_and_warns_once_naming_the_differing_columns(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    _acme(store)
    queue = store.pending_changes()
    path = _csv(tmp_path, "Eva,Gil,eva@x.example,Acme,old.example,, A-1 ,Madrid\n"  # same as stored: no warning
                          "Ana,Ruiz,ana@x.example,Acme,new.example,555 010 0100,A-1,\n"
                          "Bob,Hill,bob@x.example,acme,other.example,555 010 0199,,\n")
    report = transfer.import_file(path)
    assert (report.created, report.accounts_updated, report.warned) == (3, 0, 1)
    assert report.warned_rows == [RowError(3, "Acme exists, so Website, Company Phone were not imported "
                                              "(create only; --mode upsert updates it)")]
    assert accounts(store)["Acme"].fields["website"] == "old.example"
    assert store.pending_changes() == queue + 3
    assert _account_updates(store) == []


def test_create_only_warns_again_of_a_column_no_earlier_warning_named(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    _acme(store)
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,new.example,,,\n"
                          "Bob,Hill,bob@x.example,Acme,other.example,,,\n"  # Website again: said already
                          "Eva,Gil,eva@x.example,Acme,new.example,,,Sevilla\n"  # the city is news
                          "Leo,Paz,leo@x.example,Acme,,,,Bilbao\n")  # so was the city
    report = transfer.import_file(path)
    assert report.warned_rows == [  # was: line 2 alone, and the city never mentioned
        RowError(2, "Acme exists, so Website was not imported (create only; --mode upsert updates it)"),
        RowError(4, "Acme exists, so Billing City was not imported (create only; --mode upsert updates it)")]
    assert accounts(store)["Acme"].fields["bill_to_city"] == "Madrid"


def test_create_only_warns_of_a_company_an_earlier_line_made(transfer: TransferService, store: Store,
                                                             tmp_path: Path) -> None:
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,first.example,,,\n"
                          "Bob,Hill,bob@x.example,Acme,second.example,,,\n"
                          "Eva,Gil,eva@x.example,Acme,third.example,,,\n")
    report = transfer.import_file(path)
    assert (report.accounts_created, report.accounts_updated) == (1, 0)
    assert report.warned_rows == [RowError(3, "Acme exists, so Website was not imported (create only; "
                                              "--mode upsert updates it)")]
    assert accounts(store)["Acme"].fields["website"] == "first.example"


def test_a_dry_run_reports_the_account_update_and_writes_nothing(transfer: TransferService, store: Store,
                                                                 tmp_path: Path) -> None:
    _acme(store)
    queue = store.pending_changes()
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,new.example,,,\n")
    report = transfer.import_file(path, mode="upsert", dry_run=True)
    assert (report.created, report.accounts_updated, report.dry_run) == (1, 1, True)
    assert accounts(store)["Acme"].fields["website"] == "old.example"
    assert store.pending_changes() == queue
    warned = transfer.import_file(path, dry_run=True)
    assert [w.line for w in warned.warned_rows] == [2]


def test_a_failed_row_updates_no_account(transfer: TransferService, store: Store, tmp_path: Path) -> None:
    _acme(store)
    path = _csv(tmp_path, "Ana,Ruiz,not-an-email,Acme,new.example,555 010 0100,,\n"  # the contact fails
                          "Bob,Hill,bob@x.example,Acme,,,,Vigo\n")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.failed, report.accounts_updated) == (1, 1, 1)
    fields = accounts(store)["Acme"].fields
    assert (fields["website"], fields["phone"], fields["bill_to_city"]) == ("old.example", None, "Vigo")
    assert _account_updates(store) == [{"bill_to_city": "Vigo"}]


def test_a_row_whose_account_values_fail_is_not_imported(transfer: TransferService, store: Store,
                                                         tmp_path: Path) -> None:
    _acme(store)
    path = tmp_path / "bad.csv"
    path.write_text("Last Name,Email,Company,Company Email\nRuiz,ana@x.example,Acme,not-an-email\n",
                    encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.failed, report.accounts_updated) == (0, 1, 0)
    assert "Company Email" in report.errors[0].reason
    assert store.count("contact", "all") == 0


def test_an_upserted_contact_and_its_account_are_written_together(transfer: TransferService, store: Store,
                                                                  tmp_path: Path) -> None:
    account = _acme(store)
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "email": "ana@x.example",
                             "account_id": account})
    path = _csv(tmp_path, "Ana,Ruiz,ana@x.example,Acme,new.example,,,\n")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.updated, report.duplicates, report.accounts_updated) == (0, 0, 1, 1)
    assert accounts(store)["Acme"].fields["website"] == "new.example"


@pytest.mark.parametrize("chunk_rows", [20_000, 1], ids=["one chunk", "a chunk a line"])
def test_an_upserted_country_is_where_the_companys_phones_are_read_from_its_line_on(
        transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        chunk_rows: int) -> None:
    from crm_desktop.transfer import importer

    monkeypatch.setattr(importer, "CHUNK_ROWS", chunk_rows)
    store.create("account", {"name": "Acme", "bill_to_country": "United Kingdom"})
    path = tmp_path / "moved.csv"
    path.write_text("Last Name,Email,Phone,Company,Billing Country\n"
                    "Ruiz,ana@x.example,020 7946 0999,Acme,\n"  # Acme's country: the UK
                    "Gil,eva@x.example,01 42 68 53 00,ACME,France\n"  # moves Acme: read in France
                    "Moss,eve@x.example,01 42 68 53 01,Acme,\n",  # Acme is in France now
                    encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.accounts_updated, report.warned) == (3, 1, 0)
    assert accounts(store)["Acme"].fields["bill_to_country"] == "France"
    found = contacts(store)
    assert [found[name].get("phone_e164") for name in ("Ruiz", "Gil", "Moss")] == [
        "+442079460999", "+33142685300", "+33142685301"]


def test_a_contact_update_that_fails_takes_its_account_update_back(
        transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_core.validation import ValidationError
    from crm_desktop.store import bulk

    account = _acme(store)
    store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example", "account_id": account})
    update = bulk.Writer.update

    def refuse_contacts(self: bulk.Writer, entity_name: str, record_id: str, changes: dict[str, str]) -> bool:
        if entity_name == "contact":
            raise ValidationError("job_title", "is refused by the test")
        return update(self, entity_name, record_id, changes)

    monkeypatch.setattr(bulk.Writer, "update", refuse_contacts)
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,Job Title,Company,Website\nRuiz,ana@x.example,CTO,Acme,new.example\n",
                    encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.updated, report.failed, report.accounts_updated) == (0, 1, 0)
    assert accounts(store)["Acme"].fields["website"] == "old.example"
    assert _account_updates(store) == []


def test_a_row_skipped_as_a_duplicate_leaves_its_company_as_it_is(transfer: TransferService, store: Store,
                                                                   tmp_path: Path) -> None:
    account = _acme(store)
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "account_id": account})
    path = _csv(tmp_path, "Ana,Ruiz,,Acme,new.example,,,\n")  # the same name at Acme: not a key, so skipped
    for mode in ("upsert", "create"):
        report = transfer.import_file(path, mode=mode)
        assert (report.duplicates, report.accounts_updated, report.warned) == (1, 0, 0)
    assert accounts(store)["Acme"].fields["website"] == "old.example"
