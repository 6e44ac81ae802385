"""Duplicates against the store and within the file; create, upsert and the duplicate policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import RowError, TransferService
from crm_desktop.store import Store

from .conftest import accounts, contacts, queued


@pytest.mark.parametrize("name", ["contactos_excel_es.csv", "outlook_contacts.csv", "google_contacts.csv",
                                  "short_rows.csv", "phone_v21.vcf", "apple_v30.vcf", "accounts.csv"])
def test_importing_the_same_file_twice_creates_nothing_the_second_time(
        transfer: TransferService, store: Store, data: Path, name: str) -> None:
    first = transfer.import_file(data / name)
    queue = store.pending_changes()
    second = transfer.import_file(data / name)
    assert second.created == 0 and second.accounts_created == 0
    assert second.duplicates == first.created
    assert store.pending_changes() == queue


def test_duplicates_within_the_file_by_email_phone_and_similar_name(transfer: TransferService,
                                                                    store: Store, data: Path) -> None:
    report = transfer.import_file(data / "duplicates_in_file.csv")
    assert (report.created, report.duplicates) == (2, 3)
    assert set(contacts(store)) == {"Ruiz", "Gómez"}


def test_a_duplicate_names_the_line_that_made_its_record_or_says_it_was_stored(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    store.create("contact", {"last_name": "Sanz", "email": "pedro@x.example"})
    store.create("account", {"name": "Acme"})
    people = tmp_path / "people.csv"
    people.write_text("Last Name,Email,Phone\nRuiz,ana@x.example,+34 600 111 222\nRuiz Gil,ana@x.example,\n"
                      "Vega,,+34 600 111 222\nSanz Mora,pedro@x.example,\n", encoding="utf-8")
    report = transfer.import_file(people)
    assert report.duplicate_rows == [  # lines 3 and 4 were "as an existing contact": line 2 made it
        RowError(3, "same email as line 2 (ana@x.example)"), RowError(4, "same phone as line 2 (+34600111222)"),
        RowError(5, "same email as an existing contact (pedro@x.example)")]
    companies = tmp_path / "accounts.csv"
    companies.write_text("Account Name,Website\nBeta,beta.example\nBeta S.L.,\nAcme,\n", encoding="utf-8")
    report = transfer.import_file(companies, kind="accounts")
    assert report.duplicate_rows == [RowError(3, "same name as line 2 (Beta S.L.)"),
                                     RowError(4, "same name as an existing account (Acme)")]
    upsert = tmp_path / "again.csv"  # nothing new: the skip says where the record came from too
    upsert.write_text("Last Name,Email\nSoto,sol@x.example\nSoto,sol@x.example\n", encoding="utf-8")
    report = transfer.import_file(upsert, mode="upsert")
    assert report.duplicate_rows == [RowError(3, "same email as line 2 (sol@x.example), with nothing new to update")]


def test_an_email_in_other_letter_case_is_the_same_person(transfer: TransferService, store: Store,
                                                          tmp_path: Path) -> None:
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "email": "ana@acme.example"})
    store.create("contact", {"last_name": "Sanz", "email": "pedro@x.example"})
    path = tmp_path / "case.csv"
    path.write_text("First Name,Last Name,Email\nAnita,Ruiz-López,Ana@Acme.Example\n"
                    "Eva,Gil,EVA@y.example\nEva,Gil Mora,eva@Y.example\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (1, 2), "against the store and within the file"
    other = tmp_path / "loose.csv"  # no company: the same name, and the address in other case
    other.write_text("Last Name,Email\nSanz,PEDRO@x.example\n", encoding="utf-8")
    assert transfer.import_file(other).duplicates == 1
    upsert = tmp_path / "upsert.csv"
    upsert.write_text("First Name,Last Name,Email,Job Title\nAna,Ruiz,ANA@ACME.EXAMPLE,CTO\n", encoding="utf-8")
    assert transfer.import_file(upsert, mode="upsert").updated == 1
    assert contacts(store)["Ruiz"].fields["job_title"] == "CTO"


def test_duplicate_of_a_stored_contact_by_phone_in_another_format(transfer: TransferService, store: Store,
                                                                  tmp_path: Path) -> None:
    store.create("contact", {"last_name": "Vega", "phone": "+1 512 555 0100"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Phone\nVega-Luna,(512) 555-0100\n", encoding="utf-8")
    assert transfer.import_file(path).duplicates == 1


def test_similar_names_with_different_emails_are_two_people(transfer: TransferService, store: Store,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Email,Company\nAna,García,ana1@x.example,Acme\n"
                    "Ana,García,ana2@x.example,Acme\n", encoding="utf-8")
    assert transfer.import_file(path).created == 2


def test_duplicate_policy_update_fills_the_existing_record(transfer: TransferService, store: Store,
                                                           tmp_path: Path) -> None:
    old = store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "email": "ana@x.example",
                                   "job_title": "Buyer"})
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Email,Job Title,City\nAna,Ruiz,ana@x.example,,Madrid\n",
                    encoding="utf-8")
    report = transfer.import_file(path, duplicates="update")
    assert (report.created, report.updated) == (0, 1)
    fields = store.require("contact", old.id).fields
    assert (fields["city"], fields["job_title"]) == ("Madrid", "Buyer"), "empty cells never blank a field"
    update = queued(store)[-1]
    assert (update["op"], update["fields"]) == ("update", {"city": "Madrid"})


def test_an_update_from_a_guessed_match_never_renames_the_person(transfer: TransferService, store: Store,
                                                                 tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("First Name,Last Name,Company,Email,Phone\nJohn,Smith,Acme,,\nAlexandra,Fernández,Acme,,\n"
                     "Bea,Gil,,bea@x.example,555 010 0100\n", encoding="utf-8")
    assert transfer.import_file(first).created == 3
    second = tmp_path / "second.csv"  # matched by an initial, word order, a shared phone: guesses, not keys
    second.write_text("First Name,Last Name,Company,Email,Phone,Job Title\nJ.,Smith,Acme,,,CEO\n"
                      "Jane,Smith,Acme,,,CFO\nFernández,Alexandra,Acme,,,COO\n"
                      "Carla,Ruiz,,carla@x.example,555 010 0100,Reception\n", encoding="utf-8")
    report = transfer.import_file(second, duplicates="update")
    assert (report.created, report.updated) == (2, 2)
    people = {(r.fields["first_name"], r.fields["last_name"]): r.fields
              for r in store.page("contact", view="all", limit=50)}
    assert set(people) == {("John", "Smith"), ("Jane", "Smith"), ("Alexandra", "Fernández"), ("Bea", "Gil"),
                           ("Carla", "Ruiz")}, "two emails are two people, even on one switchboard number"
    assert people[("John", "Smith")]["job_title"] == "CEO" and people[("Alexandra", "Fernández")]["job_title"] == "COO"
    assert people[("Bea", "Gil")]["job_title"] is None


def test_a_shared_phone_without_an_email_still_finds_the_contact(transfer: TransferService, store: Store,
                                                                 tmp_path: Path) -> None:
    store.create("contact", {"last_name": "Gil", "email": "bea@x.example", "phone": "555 010 0100"})
    store.create("contact", {"last_name": "Paz", "phone": "555 010 0111"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,Phone\nGil Mora,,555-010-0100\nPaz,paz@x.example,5550100111\n"
                    "Sol,sol@x.example,555 010 0100\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (1, 2), "no email, or none stored: the phone decides"


def test_upsert_updates_the_contact_with_the_same_email_and_moves_it_to_a_new_company(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    old = store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,Company\nRuiz,ana@x.example,Nueva Empresa S.L.\n", encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.updated, report.accounts_created) == (0, 1, 1)
    assert store.require("contact", old.id).fields["account_id"] == accounts(store)["Nueva Empresa S.L."].id


def test_create_mode_skips_the_contact_with_the_same_email(transfer: TransferService, store: Store,
                                                           tmp_path: Path) -> None:
    store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,City\nRuiz,ana@x.example,Madrid\n", encoding="utf-8")
    report = transfer.import_file(path, mode="create")
    assert (report.created, report.updated, report.duplicates) == (0, 0, 1)


def test_failed_update_leaves_the_record_and_creates_no_account(transfer: TransferService, store: Store,
                                                                tmp_path: Path) -> None:
    old = store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example"})
    path = tmp_path / "p.csv"
    path.write_text(f"Last Name,Email,Company,Notes\nRuiz,ana@x.example,Brand New Ltd,{'n' * 5000}\n",
                    encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert report.failed == 1 and report.errors[0].reason.startswith("Notes: ")
    assert store.require("contact", old.id).fields["account_id"] is None
    assert accounts(store) == {}


def test_accounts_upsert_matches_account_number_as_the_external_id(transfer: TransferService, store: Store,
                                                                   data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "accounts.csv")
    path = tmp_path / "renamed.csv"
    path.write_text("Account Name,Account Number,Industry\nACME Incorporated,EXT-001,Robotics\n", encoding="utf-8")
    report = transfer.import_file(path, kind="accounts", mode="upsert")
    assert report.updated == 1
    assert accounts(store)["ACME Incorporated"].fields["industry"] == "Robotics"
    assert len(accounts(store)) == 3


def test_accounts_match_on_website_whatever_its_spelling(transfer: TransferService, store: Store,
                                                         data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "accounts.csv")
    path = tmp_path / "web.csv"
    path.write_text("Company,Website\nGlobex Corporation,HTTPS://WWW.GLOBEX.EXAMPLE/contact\n", encoding="utf-8")
    assert transfer.import_file(path, kind="accounts").duplicates == 1


def test_names_read_for_the_chunk_follow_an_update_made_in_it(transfer: TransferService, store: Store,
                                                              tmp_path: Path) -> None:
    acme = store.create("account", {"name": "Acme"})
    old = store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Email,Company\nAna,Ruiz,ana1@x.example,Acme\n"
                    "Ana,Ruiz,ana2@x.example,Acme\n", encoding="utf-8")
    report = transfer.import_file(path, duplicates="update")
    # The first row gives the stored Ana her email; the second, with another
    # address, is then another person, not a stale name match.
    assert (report.updated, report.created, report.duplicates) == (1, 1, 0)
    assert store.require("contact", old.id).fields["email"] == "ana1@x.example"


def test_plain_names_lose_accents_and_keep_ascii_as_is() -> None:
    from crm_desktop.transfer.dedupe import _plain

    assert _plain("ana ruíz") == _plain("ana ruíz") == "ana ruiz"
    assert _plain("ana ruiz") == "ana ruiz"
    assert _plain("søren müller ñúñez") == "søren muller nunez"


def test_chunk_reads_find_duplicates_in_the_store_an_earlier_chunk_and_the_same_chunk(
        transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import importer

    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)
    acme = store.create("account", {"name": "Acme"})
    store.create("contact", {"last_name": "Stored", "email": "stored@x.example"})
    store.create("contact", {"last_name": "Phoned", "phone": "+1 512 555 0100"})
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    store.create("contact", {"first_name": "Solo", "last_name": "Sinempresa"})
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Email,Phone,Company\n"
                    "Luis,Vega,luis@x.example,,Acme\n"  # chunk 1: new
                    "Other,Name,stored@x.example,,\n"  # chunk 1: the stored email
                    "Eva,Sanz,eva@x.example,(512) 555-0100,\n"  # chunk 1: the stored phone
                    "Ana,Ruíz,ana@x.example,,ACME\n"  # chunk 2: the stored name at the same company
                    "Solo,Sinempresa,,,\n"  # chunk 2: the stored name without a company
                    "Luis,Vega,luis@x.example,,\n"  # chunk 2: a row of chunk 1
                    "Mia,Soto,mia@x.example,+34 612 345 678,Acme\n"  # chunk 3: new
                    "Mía,Soto,,,Acme\n"  # chunk 3: a similar name in the same chunk
                    "Pol,Rey,,+34 612 345 678,\n",  # chunk 3: a phone of the same chunk
                    encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates, report.failed) == (2, 7, 0)
    assert {"Vega", "Soto"} <= set(contacts(store))
    assert "Sanz" not in contacts(store) and "Rey" not in contacts(store)


def test_a_bad_company_value_is_ignored_when_an_earlier_row_of_the_chunk_created_the_company(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Company,Company Email\nRuiz,Acme,info@acme.example\nVega,Acme,not-an-email\n"
                    "Soto,Globex,also-not-an-email\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.failed, report.accounts_created) == (2, 1, 1)
    assert report.errors[0].line == 4 and report.errors[0].reason.startswith("Company Email: ")
    people = contacts(store)
    assert people["Vega"].fields["account_id"] == people["Ruiz"].fields["account_id"] == accounts(store)["Acme"].id


def test_rows_of_a_new_company_after_a_duplicate_row_still_create_it_once(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,Company\nRuiz,ana@x.example,Nueva\nVega,luis@x.example,Nueva\n"
                    "Soto,mia@x.example,Nueva\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates, report.accounts_created) == (2, 1, 1)
    people = contacts(store)
    assert people["Vega"].fields["account_id"] == people["Soto"].fields["account_id"] == accounts(store)["Nueva"].id
    assert people["Ruiz"].fields["account_id"] is None


def test_update_policy_updates_a_row_created_earlier_in_the_same_chunk(transfer: TransferService, store: Store,
                                                                       tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,City\nRuiz,ana@x.example,\nRuiz,ana@x.example,Madrid\nVega,luis@x.example,\n",
                    encoding="utf-8")
    report = transfer.import_file(path, duplicates="update")
    assert (report.created, report.updated) == (2, 0), "Ruiz counts once, as created"
    assert [w.line for w in report.warned_rows] == [3]
    assert contacts(store)["Ruiz"].fields["city"] == "Madrid"
    assert [(e["op"], e["fields"].get("last_name"), e["fields"].get("city")) for e in queued(store)] == [
        ("create", "Ruiz", None), ("update", None, "Madrid"), ("create", "Vega", None)]


@pytest.mark.parametrize("threshold", [0, 1000], ids=["by-account-index", "by-email-index"])
def test_stored_names_are_compared_however_they_are_read(transfer: TransferService, store: Store, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, threshold: int) -> None:
    from crm_desktop.transfer import dedupe

    monkeypatch.setattr(dedupe, "NAMES_BY_EMAIL_INDEX", threshold)
    acme = store.create("account", {"name": "Acme"})
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    store.create("contact", {"first_name": "Luis", "last_name": "Vega", "email": "luis@x.example",
                             "account_id": acme.id})
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Email,Company\n"
                    "Ana,Ruíz,ana@x.example,Acme\n"  # the stored Ana has no email: the same person
                    "Luis,Vega,luis2@x.example,Acme\n"  # two addresses: two people
                    "Luís,Vega,,Acme\n", encoding="utf-8")  # no address: the stored Luis
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (1, 2)


def test_names_that_differ_in_a_short_part_are_two_people(transfer: TransferService, store: Store,
                                                          tmp_path: Path) -> None:
    # QA's report: Mario and María, Luis and Luisa were skipped as one person.
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Company\nMario,García,Acme\nMaría,García,Acme\nLuis,Martín,Acme\n"
                    "Luisa,Martín,Acme\nAna,Ruiz,Acme\nIna,Ruiz,Acme\nAntonio,Fernández,Acme\n"
                    "Antonia,Fernández,Acme\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (8, 0)


def test_numbered_names_at_a_few_companies_are_all_created(transfer: TransferService, store: Store,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Company\n" + "".join(
        f"N{i},A{i},Company {i % 3}\n" for i in range(300)), encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (300, 0)


@pytest.mark.parametrize(("first", "last"), [("Ruiz", "Ana"), ("ANA", "RUIZ"), ("Ana", "Ruíz"), ("ana ", "  ruiz"),
                                             ("A.", "Ruiz"), ("Ana", "Rúiz-Zavala")])
def test_the_same_name_written_differently_is_a_duplicate(transfer: TransferService, store: Store,
                                                          tmp_path: Path, first: str, last: str) -> None:
    acme = store.create("account", {"name": "Acme"})
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz Zavala", "account_id": acme.id})
    path = tmp_path / "p.csv"
    path.write_text(f"First Name,Last Name,Company\n{first},{last},Acme\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (0, 1)
    assert report.duplicate_rows[0].line == 2


def test_a_typo_in_a_long_name_part_is_a_duplicate_in_the_same_file(transfer: TransferService, store: Store,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("First Name,Last Name,Company\nPedro,Rodriguez,Acme\nPedro,Rodrigez,Acme\n"
                    "Pedro,Rodriguex,Acme\n", encoding="utf-8")  # the last letter: another name
    report = transfer.import_file(path)
    assert (report.created, report.duplicates) == (2, 1)
    assert [(d.line, d.reason) for d in report.duplicate_rows] == [
        (3, "a contact with a very similar name at the same company (Pedro Rodriguez)")]


def test_the_report_keeps_the_first_duplicate_rows_and_counts_them_all(
        transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import report as report_module

    monkeypatch.setattr(report_module, "MAX_DUPLICATE_ROWS", 2)
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email\n" + "Ruiz,ana@x.example\n" * 5, encoding="utf-8")
    report = transfer.import_file(path)
    assert report.duplicates == 4
    assert [d.line for d in report.duplicate_rows] == [3, 4]


def test_upsert_applies_every_line_of_one_record_in_order_and_counts_it_once(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    old = store.create("contact", {"last_name": "Ruiz", "email": "ana@x.example", "job_title": "Buyer"})
    path = tmp_path / "crm-export.csv"  # an export with one person on several lines
    path.write_text("Last Name,Email,Job Title,City\n"
                    "Ruiz,ana@x.example,CTO,\n"
                    "Ruiz,ANA@x.example,,Madrid\n"  # another address case: the same person
                    "Vega,luis@x.example,,\n"
                    "Ruiz,ana@x.example,CEO,\n"
                    "Ruiz,ana@x.example,CEO,Madrid\n",  # nothing new: a duplicate, as before
                    encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.updated, report.duplicates, report.failed) == (1, 1, 1, 0)
    assert report.processed == 5
    fields = store.require("contact", old.id).fields
    assert (fields["job_title"], fields["city"]) == ("CEO", "Madrid"), "each line's values, in file order"
    assert report.warned_rows == [
        RowError(3, "updated the same contact as line 2 (same email as an existing contact (ANA@x.example)); "
                    "the lines were applied in order, so the later values stand"),
        RowError(5, "updated the same contact as line 2 (same email as an existing contact (ana@x.example)); "
                    "the lines were applied in order, so the later values stand")]
    assert sorted(e["op"] for e in queued(store)) == ["create", "create", "update", "update", "update"]


def test_an_account_file_updating_one_account_twice_counts_it_once(transfer: TransferService, store: Store,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,Account Number,Industry,Website\nAcme,EXT-1,,\nACME Inc,EXT-1,Robotics,\n"
                    "Acme,,,acme.example\n", encoding="utf-8")
    report = transfer.import_file(path, kind="accounts", mode="upsert")
    assert (report.created, report.updated) == (1, 0)
    assert [w.line for w in report.warned_rows] == [3, 4]
    acme = accounts(store)["Acme"].fields  # each line's name in turn: the last one stands
    assert (acme["industry"], acme["website"]) == ("Robotics", "acme.example")


def test_a_record_written_by_a_line_of_an_earlier_chunk_is_counted_once(
        transfer: TransferService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import importer, written

    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    monkeypatch.setattr(written, "LINES_KEPT", 1)  # past this many records, the queue says which were written
    store.create("contact", {"last_name": "Gil", "email": "eva@x.example"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,City\nRuiz,ana@x.example,\nGil,eva@x.example,Lugo\nSoto,mia@x.example,\n"
                    "Gil,eva@x.example,Vigo\nRuiz,ana@x.example,Madrid\n", encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    assert (report.created, report.updated, report.processed) == (2, 1, 5)
    assert report.warned_rows == [
        RowError(5, "updated the same contact as an earlier line (same email as an existing contact "
                    "(eva@x.example)); the lines were applied in order, so the later values stand"),
        RowError(6, "updated the same contact as line 2 (same email as an existing contact (ana@x.example)); "
                    "the lines were applied in order, so the later values stand")]


def test_an_update_moves_a_contact_to_a_company_an_earlier_line_of_the_chunk_made(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    hill = store.create("contact", {"last_name": "Hill", "email": "bob@x.example"})
    path = tmp_path / "p.csv"
    path.write_text("Last Name,Email,Company\nRuiz,ana@x.example,Acme\nHill,bob@x.example,Acme\n", encoding="utf-8")
    report = transfer.import_file(path, mode="upsert")
    # Hill's line failed: "account_id: account ... does not exist" (Acme was not in its table yet).
    assert (report.created, report.updated, report.failed) == (1, 1, 0), report.errors
    acme = accounts(store)["Acme"]
    assert store.require("contact", hill.id).fields["account_id"] == acme.id
    assert contacts(store)["Ruiz"].fields["account_id"] == acme.id
