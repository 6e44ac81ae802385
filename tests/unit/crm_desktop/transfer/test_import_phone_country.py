"""An imported phone typed without "+" is read in the row's country, for the store and for duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_a_company_phone_is_read_in_the_row_country_and_written_with_its_country_code(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "uk.csv"
    path.write_text(
        "First Name,Last Name,Company,Company Phone,Country,Billing Country\n"
        "Eve,Moss,Globex UK,020 7946 0958,United Kingdom,\n"  # the company has no country: the contact's
        "Ana,Ruiz,Bodegas Núñez,912 345 678,UK,España\n"  # the company's own country wins
        "Bob,Hill,Initech,(512) 555-0100,USA,\n",  # the store's region already: kept as typed
        encoding="utf-8",
    )
    assert transfer.import_file(path).accounts_created == 3
    found = accounts(store)
    globex = found["Globex UK"]
    assert (globex.get("phone"), globex.get("phone_e164")) == ("+44 20 7946 0958", "+442079460958")
    assert (found["Bodegas Núñez"].get("phone"), found["Bodegas Núñez"].get("phone_e164")) == (
        "912 345 678", "+34912345678")
    assert (found["Initech"].get("phone"), found["Initech"].get("phone_e164")) == ("(512) 555-0100", "+15125550100")
    # Written with its country code, the number stays British when the store's region changes.
    store.set_phone_region("ES")
    assert store.require("account", globex.id).get("phone_e164") == "+442079460958"


def test_a_contact_without_a_country_takes_its_company_country_for_its_phones(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    store.create("account", {"name": "Acme Ltd", "bill_to_country": "UK"})
    path = tmp_path / "people.csv"
    path.write_text(
        "First Name,Last Name,Phone,Mobile,Country,Company,Billing Country\n"
        "Ana,Ruiz,912 345 678,612 34 56 78,,Bodegas Núñez,España\n"  # a new company with a country
        "Bob,Hill,020 7946 0958,,,ACME LTD,\n"  # a stored company with a country
        "Eva,Gil,622 345 678,,Spain,Acme Ltd,\n"  # her own country first
        "Tom,Lee,(512) 555-0100,,,,\n",  # no company: the store's region
        encoding="utf-8",
    )
    assert transfer.import_file(path).created == 4
    found = contacts(store)
    assert (found["Ruiz"].get("phone_e164"), found["Ruiz"].get("mobile_phone_e164")) == (
        "+34912345678", "+34612345678")
    assert found["Ruiz"].get("phone") == "+34 912 34 56 78"
    assert found["Hill"].get("phone_e164") == "+442079460958"
    assert (found["Gil"].get("phone"), found["Gil"].get("phone_e164")) == ("622 345 678", "+34622345678")
    assert (found["Lee"].get("phone"), found["Lee"].get("phone_e164")) == ("(512) 555-0100", "+15125550100")


def test_an_update_reads_the_phone_in_the_stored_contact_country_else_the_company_country(
    transfer: TransferService, store: Store, tmp_path: Path
) -> None:
    acme = store.create("account", {"name": "Acme", "bill_to_country": "France"})
    spain = store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example", "country": "Spain"})
    nowhere = store.create("contact", {"last_name": "Hill", "email": "bob@x.example"})
    at_acme = store.create("contact", {"last_name": "Paz", "email": "eva@x.example", "account_id": acme.id})
    path = tmp_path / "upsert.csv"
    path.write_text(
        "Last Name,Email,Phone,Company\n"
        "Ruiz,ana@x.example,612 345 678,Acme\n"  # she lives in Spain: her own country
        "Hill,bob@x.example,612 345 678,Acme\n"  # no country of his own: his new company's, France
        "Paz,eva@x.example,612 345 679,\n",  # no company on the line: the one she is at, France
        encoding="utf-8",
    )
    assert transfer.import_file(path, mode="upsert").updated == 3
    assert store.require("contact", spain.id).get("phone_e164") == "+34612345678"
    assert store.require("contact", nowhere.id).get("phone_e164") == "+33612345678"
    assert store.require("contact", at_acme.id).get("phone_e164") == "+33612345679"


@pytest.mark.parametrize("chunk_rows", [20_000, 1], ids=["one chunk", "a chunk a line"])
def test_a_company_made_by_an_earlier_line_gives_its_country_wherever_the_chunks_end(
    transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk_rows: int
) -> None:
    from crm_desktop.transfer import importer

    monkeypatch.setattr(importer, "CHUNK_ROWS", chunk_rows)
    hill = store.create("contact", {"last_name": "Hill", "email": "bob@x.example"})
    path = tmp_path / "people.csv"
    path.write_text(
        "Last Name,Email,Phone,Company,Billing Country\n"
        "Ruiz,ana@x.example,020 7946 0999,Acme,United Kingdom\n"  # makes Acme, in the UK
        "Moss,eve@x.example,020 7946 0111,Acme,\n"  # the line says no country: Acme's, as made above
        "Gil,eva@x.example,020 7946 0222,ACME,France\n"  # Acme exists by then: its country, not the line's
        "Hill,bob@x.example,020 7946 0333,Acme,\n",  # an update: the same
        encoding="utf-8",
    )
    # Create only (upsert would move Acme to France: test_import_existing_accounts).
    report = transfer.import_file(path, duplicates="update")
    assert (report.created, report.updated, report.accounts_created) == (3, 1, 1)
    assert [w.line for w in report.warned_rows] == [4]  # Billing Country, France, not imported
    found = contacts(store)
    assert [found[name].get("phone_e164") for name in ("Ruiz", "Moss", "Gil")] == [
        "+442079460999", "+442079460111", "+442079460222"]
    assert store.require("contact", hill.id).get("phone_e164") == "+442079460333"


def test_a_phone_read_in_its_company_country_is_parsed_once(
    transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parse is most of an imported row's cost: a file of a company abroad must not take three per phone."""
    import phonenumbers

    rows = "".join(f"N{i},91{1000000 + 7919 * i},6{10000000 + 7907 * i},Bodegas {i % 3},Spain\n" for i in range(200))
    path = tmp_path / "es.csv"
    path.write_text("Last Name,Phone,Mobile,Company,Billing Country\n" + rows, encoding="utf-8")
    parses = 0
    real = phonenumbers.parse

    def counted(*args: object, **kwargs: object) -> phonenumbers.PhoneNumber:
        nonlocal parses
        parses += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(phonenumbers, "parse", counted)
    assert transfer.import_file(path).created == 200
    assert parses <= 400  # was 1200: read in Spain, again in the store's region, and once more to write it
    ruiz = contacts(store)["N1"]
    assert (ruiz.get("phone"), ruiz.get("phone_e164")) == ("+34 911 00 79 19", "+34911007919")
