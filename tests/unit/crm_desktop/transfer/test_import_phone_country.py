"""An imported phone typed without "+" is read in the row's country, for the store and for duplicates."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store

from .conftest import accounts, contacts


def test_a_country_column_gives_the_region_of_the_row_phones(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "es.csv"
    path.write_text(
        "First Name,Last Name,Phone,Mobile Phone,Country\n"
        "Ana,Ruiz,912 345 678,612 34 56 78,España\n"
        "Bob,Hill,(512) 555-0100,,\n"
        "Eve,Moss,020 7946 0958,,United Kingdom\n",
        encoding="utf-8",
    )
    report = transfer.import_file(path)
    assert report.created == 3
    found = contacts(store)
    assert (found["Ruiz"].get("phone_e164"), found["Ruiz"].get("mobile_phone_e164")) == ("+34912345678", "+34612345678")
    assert found["Hill"].get("phone_e164") == "+15125550100"  # no country: the store's region, US
    assert found["Moss"].get("phone_e164") == "+442079460958"


def test_an_account_file_country_reads_the_account_phones(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,Phone,Billing Country\nBodegas Núñez,915 550 100,Spain\n", encoding="utf-8")
    assert transfer.import_file(path, kind="accounts").created == 1
    assert accounts(store)["Bodegas Núñez"].get("phone_e164") == "+34915550100"


def test_an_international_phone_is_the_national_one_of_a_row_in_spain(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    store.create("contact", {"last_name": "Ruiz", "phone": "+34 912 345 678"})
    path = tmp_path / "dupes.csv"
    path.write_text(
        "First Name,Last Name,Phone,Country\n"
        "Ana,Ruiz García,912 345 678,Spain\n"  # the stored one, written nationally
        "Eva,Gil,612 34 56 78,ES\n"
        "Eva,Gil Mora,+34 612 345 678,\n",
        encoding="utf-8",
    )  # the row above, written with +34
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (1, 2)
    assert set(contacts(store)) == {"Ruiz", "Gil"}
