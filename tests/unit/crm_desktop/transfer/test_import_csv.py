"""Importing CSV files as reps and admins actually have them."""

from __future__ import annotations

import csv
import gc
import threading
from pathlib import Path
from typing import Any

import pytest

from crm_core.validation import phone_e164
from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import dedupe, importer, names, phone_regions
from crm_desktop.transfer.reader import SourceRow

from .conftest import accounts, contacts, queued


def test_company_column_creates_each_account_once_and_links_contacts(transfer: TransferService,
                                                                     store: Store, data: Path) -> None:
    report = transfer.import_file(data / "contactos_excel_es.csv")
    assert (report.created, report.failed, report.accounts_created) == (4, 0, 2)
    by_name = accounts(store)
    assert set(by_name) == {"Iberia Datos; S.L.", "Cervecería Sur; Cádiz"}
    people = contacts(store)
    iberia = by_name["Iberia Datos; S.L."].id
    assert people["García Núñez"].fields["account_id"] == iberia
    assert people["Ibáñez"].fields["account_id"] == iberia
    assert people["Peña"].fields["account_id"] is None


def test_contacts_reuse_an_account_already_in_the_store(transfer: TransferService, store: Store,
                                                        data: Path) -> None:
    existing = store.create("account", {"name": "iberia datos;  s.l."})
    transfer.import_file(data / "contactos_excel_es.csv")
    assert contacts(store)["Ibáñez"].fields["account_id"] == existing.id
    assert len(accounts(store)) == 2


def test_quoted_fields_keep_delimiters_quotes_and_newlines(transfer: TransferService, store: Store,
                                                           data: Path) -> None:
    transfer.import_file(data / "outlook_contacts.csv")
    smith = contacts(store)["Smith"].fields
    assert smith["street"] == "1 Main St\r\nSuite 200"
    assert smith["description"] == 'Met at "SaaS Expo", booth 12'
    assert accounts(store)["Acme, Inc."].id == smith["account_id"]
    assert smith["email2"] == "js@home.example"


def test_short_row_imports_with_its_missing_cells_empty(transfer: TransferService, store: Store,
                                                        data: Path) -> None:
    report = transfer.import_file(data / "short_rows.csv")
    assert (report.created, report.failed) == (2, 0)
    assert contacts(store)["Silva"].fields["email"] is None


def test_lower_case_header_in_a_tab_file_is_matched(transfer: TransferService, store: Store,
                                                    data: Path) -> None:
    assert transfer.import_file(data / "lower_case_header.tsv").created == 1
    assert contacts(store)["taylor"].extra["phone_e164"] == "+14155550123"


def test_utf16_tab_file_from_excel_imports(transfer: TransferService, store: Store, data: Path) -> None:
    assert transfer.import_file(data / "unicode_text.txt").created == 2
    assert contacts(store)["Müller"].fields["first_name"] == "Zoë"


def test_every_imported_record_is_queued_like_an_edit(transfer: TransferService, store: Store,
                                                      data: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    entries = queued(store)
    assert [e["entity"] for e in entries].count("contact") == 4
    assert [e["entity"] for e in entries].count("account") == 2
    assert {e["op"] for e in entries} == {"create"}
    account_ids = [e["record_id"] for e in entries if e["entity"] == "account"]
    first_contact = next(i for i, e in enumerate(entries) if e["entity"] == "contact")
    assert all(entries.index(e) < first_contact for e in entries if e["record_id"] in account_ids), \
        "an account is queued before the contacts that point at it"
    assert all(r.pending for r in contacts(store).values())
    garcia = next(e for e in entries if e["fields"].get("last_name") == "García Núñez")
    assert garcia["fields"]["email"] == "jose.garcia@iberia-datos.es"


def test_imported_contacts_are_found_by_search_on_company(transfer: TransferService, store: Store,
                                                          data: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    assert {r.fields["last_name"] for r in store.search("contact", "iberia")} == {"García Núñez", "Ibáñez"}
    assert [r.name for r in store.search("account", "cerveceria")] == ["Cervecería Sur; Cádiz"]


def test_row_failing_in_the_middle_leaves_nothing_of_that_row(transfer: TransferService, store: Store,
                                                              data: Path) -> None:
    report = transfer.import_file(data / "fails_in_the_middle.csv")
    assert (report.created, report.failed) == (2, 1)
    assert report.errors[0].line == 3 and report.errors[0].reason.startswith("Email: ")
    assert set(contacts(store)) == {"López", "Martín"}
    assert set(accounts(store)) == {"Wonka Foods"}
    assert not [e for e in queued(store) if "Only On The Bad Row Ltd" in str(e["fields"])]
    assert len(queued(store)) == 3


def test_failed_rows_are_saved_to_fix_and_reimport(transfer: TransferService, store: Store, data: Path,
                                                   tmp_path: Path) -> None:
    report = transfer.import_file(data / "fails_in_the_middle.csv")
    saved = tmp_path / "failed.csv"
    report.save_failed_rows(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(saved.open(encoding="utf-8-sig")))
    assert rows[0] == ["First Name", "Last Name", "Email", "Company", "Import error"]
    assert rows[1][:4] == ["Diego", "Sánchez", "diego@@broken", "Only On The Bad Row Ltd"]
    assert rows[1][4].startswith("line 3: Email:")
    saved.write_text(saved.read_text(encoding="utf-8-sig").replace("diego@@broken", "diego@wonka.example"),
                     encoding="utf-8-sig")
    again = transfer.import_file(saved)
    assert (again.created, again.failed) == (1, 0)
    assert contacts(store)["Sánchez"].fields["email"] == "diego@wonka.example"


def test_huge_field_fails_its_row_only(transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f"Last Name,Notes\nRuiz,{'x' * 1_000_000}\nGómez,ok\n", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.failed) == (1, 1)
    assert report.errors[0].reason == "Notes: is longer than 4000 characters"


def test_unclosed_quote_swallowing_the_file_is_a_clear_error(transfer: TransferService,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "unclosed.csv"
    path.write_text('Last Name,Notes\nRuiz,"never closed\n' + "x" * (17 * 1024 * 1024), encoding="utf-8")
    with pytest.raises(Exception, match="line 2: cannot read the file"):
        transfer.import_file(path)


def test_nul_byte_fails_its_row_naming_the_column(transfer: TransferService, store: Store, data: Path) -> None:
    report = transfer.import_file(data / "nul_byte.csv")
    assert report.created == 1
    assert [(e.line, e.reason) for e in report.errors] == [
        (2, "Last Name: contains a NUL character"),
        (4, "the row has 4 cells but the header has 3; is a delimiter inside a value without quotes?")]


def test_row_in_another_encoding_than_the_file_fails_instead_of_importing_mojibake(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    # UTF-8 accents all through, so one Windows-1252 row past the sniffed head is a stray.
    filler = "".join(f"Peña{i},person{i}@x.example\n" for i in range(3000))
    path.write_bytes(("Last Name,Email\n" + filler).encode("utf-8") + "Núñez,n@x.example\n".encode("cp1252"))
    report = transfer.import_file(path)
    assert report.created == 3000
    assert report.errors[0].line == 3002
    assert "not valid in this file's encoding" in report.errors[0].reason


def test_formula_and_sql_text_is_stored_verbatim(transfer: TransferService, store: Store, data: Path) -> None:
    report = transfer.import_file(data / "hostile_cells.csv")
    assert report.created == 2
    people = contacts(store)
    assert people["Smith"].fields["first_name"] == '=HYPERLINK("http://evil.example")'
    assert people["Smith"].fields["job_title"] == "@SUM(A1:A2)"
    assert people["Tables"].fields["first_name"] == "Robert'); DROP TABLE contact;--"
    assert set(accounts(store)) == {"=1+2", "Little Bobby' OR '1'='1"}
    assert store.count("contact") == 2


def test_header_only_file_imports_nothing_and_says_so(transfer: TransferService, data: Path) -> None:
    assert transfer.import_file(data / "header_only.csv").as_json() == {
        "created": 0, "updated": 0, "duplicates": 0, "failed": 0, "errors": [], "duplicate_rows": [],
        "kind": "contacts", "accounts_created": 0, "accounts_updated": 0, "dry_run": False, "ignored_columns": [],
        "warnings": ["header_only.csv: no rows to import; the file has a header only"]}


def test_dry_run_reports_but_writes_nothing(transfer: TransferService, store: Store, data: Path) -> None:
    report = transfer.import_file(data / "contactos_excel_es.csv", dry_run=True)
    assert (report.created, report.accounts_created) == (4, 2)
    assert store.count("contact", "all") == 0 and store.count("account", "all") == 0
    assert store.pending_changes() == 0


def _many_rows(path: Path, n: int) -> Path:
    lines = ["First Name,Last Name,Email,Company"]
    lines += [f"P{i},Person{i},p{i}@bulk.example,Company {i % 7}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_large_file_imports_in_chunks_with_progress(transfer: TransferService, store: Store,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    seen: list[tuple[int, int]] = []
    report = transfer.import_file(_many_rows(tmp_path / "many.csv", 450), progress=lambda d, t: seen.append((d, t)))
    assert (report.created, report.accounts_created) == (450, 7)
    assert store.pending_changes() == 457
    assert [d for d, _ in seen] == [100, 200, 300, 400, 450, 450]
    assert seen[-1] == (450, 450)


def test_cancel_keeps_whole_chunks_and_stops(transfer: TransferService, store: Store, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    cancel = threading.Event()
    report = transfer.import_file(_many_rows(tmp_path / "many.csv", 450), cancel=cancel,
                                  progress=lambda done, total: cancel.set() if done >= 200 else None)
    assert report.cancelled
    assert report.created == 200
    assert store.count("contact") == 200


def test_one_file_with_contacts_and_their_companies_fills_the_new_accounts(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "both.csv"
    path.write_text("First Name,Last Name,Company,Website,Industry,Account Number\n"
                    "Ana,Ruiz,Acme,acme.example,Retail,EXT-9\nLuis,Vega,Acme,acme.example,Retail,EXT-9\n",
                    encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.kind, report.created, report.accounts_created) == ("contacts", 2, 1)
    acme = accounts(store)["Acme"].fields
    assert (acme["website"], acme["industry"], acme["account_number"]) == ("acme.example", "Retail", "EXT-9")


def test_the_collector_is_paused_during_the_import_and_left_as_it_was(transfer: TransferService, store: Store,
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    during: list[bool] = []
    original = importer.Importer._prepare

    def spy(self: importer.Importer, chunk: importer._Chunk, row: SourceRow) -> importer._Prepared:
        during.append(gc.isenabled())
        return original(self, chunk, row)

    monkeypatch.setattr(importer.Importer, "_prepare", spy)
    assert gc.isenabled()
    assert transfer.import_file(_many_rows(tmp_path / "many.csv", 250)).created == 250
    assert gc.isenabled() and not any(during) and len(during) == 250
    gc.disable()
    try:
        transfer.import_file(_many_rows(tmp_path / "again.csv", 10))
        assert not gc.isenabled(), "a caller's paused collector stays paused"
    finally:
        gc.enable()


def test_the_paused_collector_runs_a_young_pass_every_few_chunks_and_at_the_end(
        transfer: TransferService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    monkeypatch.setattr(importer, "COLLECT_EVERY", 2)
    passes: list[tuple[int, ...]] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: passes.append(args) or collect(*args))
    assert transfer.import_file(_many_rows(tmp_path / "many.csv", 450)).created == 450
    assert passes == [(1,), (1,), (1,)]  # after chunks 2 and 4 of 5, then at the end


def test_import_leaves_no_staging_tables_and_the_caches_as_they_were(transfer: TransferService, store: Store,
                                                                     data: Path) -> None:
    caches = [store.conn.execute(f"PRAGMA {s}.cache_size").fetchone()[0] for s in ("main", "temp")]
    transfer.import_file(data / "contactos_excel_es.csv")
    assert [store.conn.execute(f"PRAGMA {s}.cache_size").fetchone()[0] for s in ("main", "temp")] == caches
    assert store.conn.execute("SELECT name FROM sqlite_temp_master WHERE name LIKE 'crm_bulk%'").fetchall() == []


def test_a_file_error_in_a_later_chunk_keeps_the_chunks_before_it(transfer: TransferService, store: Store,
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    path = _many_rows(tmp_path / "many.csv", 250)
    path.write_text(path.read_text(encoding="utf-8") + 'Last,"never closed\n' + "x" * (17 * 1024 * 1024),
                    encoding="utf-8")
    with pytest.raises(Exception, match="line 252: cannot read the file"):
        transfer.import_file(path)
    assert store.count("contact") == 200
    assert store.pending_changes() == 207


def test_an_import_on_a_worker_thread_pauses_the_collector_and_never_runs_a_pass_there(
        transfer: TransferService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The window imports on a worker: automatic passes there stalled the window,
    # and an explicit one there finalised the GUI thread's Qt objects mid-use.
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    monkeypatch.setattr(importer, "COLLECT_EVERY", 1)
    during: list[bool] = []
    original = importer.Importer._prepare

    def spy(self: importer.Importer, chunk: importer._Chunk, row: SourceRow) -> importer._Prepared:
        during.append(gc.isenabled())
        return original(self, chunk, row)

    monkeypatch.setattr(importer.Importer, "_prepare", spy)
    passes: list[str] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: passes.append(threading.current_thread().name)
                        or collect(*args))
    created: list[int] = []
    worker = threading.Thread(target=lambda: created.append(
        transfer.import_file(_many_rows(tmp_path / "many.csv", 250)).created), name="import-worker")
    worker.start()
    worker.join()
    assert created == [250] and not any(during) and len(during) == 250
    assert passes == [] and gc.isenabled()


def test_the_importer_lets_go_of_each_chunk_once_it_is_written(transfer: TransferService, store: Store,
                                                               tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A chunk kept after the loop was 200k objects for the first collection to walk;
    # one dropped whole freed them in one cascade holding the GIL (store.release).
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    seen: list[importer._Chunk] = []
    original = importer.Importer._import_chunk

    def spy(self: importer.Importer, chunk: importer._Chunk, *args: Any) -> Any:
        seen.append(chunk)
        following = original(self, chunk, *args)
        assert self._chunk is None
        return following

    monkeypatch.setattr(importer.Importer, "_import_chunk", spy)
    assert transfer.import_file(_many_rows(tmp_path / "many.csv", 250)).created == 250
    assert [(len(c.rows), len(c.prepared), len(c.contacts), len(c.bulk.lookup.known)) for c in seen] == [
        (0, 0, 0, 0)] * 3
    assert store.count("contact") == 250


def test_the_import_empties_the_value_caches_its_file_filled(transfer: TransferService, tmp_path: Path) -> None:
    # Left full, their tuples were walked by the first collection after the import.
    path = tmp_path / "people.csv"
    path.write_text("First Name,Last Name,Company,Business Phone\n"
                    "Ana,Ruiz,Acme S.L.,+34 912 345 678\nLuis,Vega,Globex,(415) 555-0100\n", encoding="utf-8")
    assert transfer.import_file(path).created == 2
    caches = (phone_e164, phone_regions._with_country_code, names.name_parts, dedupe.name_key, dedupe._plain)
    assert [cached.cache_info().currsize for cached in caches] == [0] * len(caches)


def test_excel_sep_line_names_the_delimiter_and_is_not_the_header(transfer: TransferService, store: Store,
                                                                    data: Path) -> None:
    """Excel files may start with ``sep=;``; the header is the line after it."""
    report = transfer.import_file(data / "excel_sep_line_es.csv")
    assert (report.created, report.failed) == (1, 1)
    assert report.errors[0].line == 4, "lines are the file's, the sep= line counted"
    lucia = contacts(store)["Martínez"].fields
    assert lucia["first_name"] == "Lucía" and lucia["email"] == "lucia@bodegas.example"
    assert set(accounts(store)) == {"Bodegas; Hijos S.L."}


def test_old_mac_line_endings_a_lone_cr_ends_each_record(transfer: TransferService, store: Store,
                                                          data: Path) -> None:
    """Excel for Mac's "CSV (Macintosh)" ends lines with CR alone."""
    report = transfer.import_file(data / "mac_cr_only.csv")
    assert (report.created, report.failed) == (3, 0)
    assert contacts(store)["Ruiz"].fields["description"] == "line one\rline two"
    assert set(contacts(store)) == {"Ruiz", "Email", "Sanz"}


def test_google_phone_labels_and_multiple_values(transfer: TransferService, store: Store, data: Path) -> None:
    """Google's "Phone N - Label" says which number is the mobile; " ::: " joins several values."""
    report = transfer.import_file(data / "google_labels.csv")
    assert (report.created, report.failed) == (2, 0)
    carla = contacts(store)["Méndez"].fields
    assert (carla["mobile_phone"], carla["phone"]) == ("+351 912 345 678", "+351 21 123 4567"), "fax left out"
    assert (carla["email"], carla["email2"]) == ("carla@initech.example", "carla.m@gmail.example")
    assert carla["job_title"] == "Account Manager"
    dan = contacts(store)["Wu"].fields
    assert (dan["mobile_phone"], dan["phone"]) == ("+1 650-555-0111", "+1 650-555-0112")


def test_outlook_title_is_not_the_job_title_and_spanish_outlook_headers_map(tmp_path: Path) -> None:
    from crm_desktop.transfer.fields import suggest_mapping

    english = suggest_mapping(["Title", "First Name", "Last Name", "Job Title"], "contacts")
    assert english == ["", "contact.first_name", "contact.last_name", "contact.job_title"]
    assert suggest_mapping(["Title", "Last Name"], "contacts")[0] == "contact.job_title", "Salesforce's Title"
    spanish = suggest_mapping(["Dirección de correo electrónico", "Dirección del correo electrónico 2",
                               "Calle del trabajo", "Ciudad de trabajo", "Código postal del trabajo",
                               "País o región del trabajo"], "contacts")
    assert spanish == ["contact.email", "contact.email2", "contact.street", "contact.city",
                       "contact.postal_code", "contact.country"]


def test_one_company_written_several_ways_is_one_account(transfer: TransferService, store: Store,
                                                         data: Path) -> None:
    """Accents, punctuation, spacing and the legal form (S.L., SL, Ltd.) do not make a new company."""
    store.create("account", {"name": "Pinturas del Norte"})
    report = transfer.import_file(data / "company_spellings_es.csv")
    assert (report.created, report.accounts_created) == (4, 1)
    by_name = accounts(store)
    assert set(by_name) == {"Pinturas Núñez S.L.", "Pinturas del Norte"}, "the first spelling names it"
    people = contacts(store)
    assert {people[n].fields["account_id"] for n in ("Ibáñez", "Gil", "Sanz")} == {by_name["Pinturas Núñez S.L."].id}
    assert people["Mora"].fields["account_id"] == by_name["Pinturas del Norte"].id
