"""CSV files split the way the rep's Excel splits them: ';' in Spain, ',' in the US, and they re-import."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.services.preferences import Preferences
from crm_desktop.services.spreadsheet import excel_delimiter, file_locale, system_locale
from crm_desktop.services.transfer import TransferFailed, TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import export as exporting
from crm_desktop.transfer.csvout import write_csv
from crm_desktop.transfer.fields import detect_kind, suggest_mapping

from .conftest import accounts, contacts

# Windows keeps the locale in its regional settings: LANG names nothing there.
locale_from_environment = pytest.mark.skipif(sys.platform == "win32", reason="the locale is not in the environment")

# Cells a CSV writer must quote or escape, in every delimiter.
TRICKY = {"first_name": "Ana; María", "last_name": 'Ruiz "la jefa"', "job_title": "=1+2",
          "description": "Línea 1\r\nLínea 2; con, comas\tY tab", "street": "a;=HYPERLINK(\"x\")",
          "city": "@SUM(A1)", "email": "ana@x.example", "phone": "+34 600 111 222", "country": "-España"}


def _spanish(store: Store, system: str | None = "es_ES") -> TransferService:
    Preferences(store).set_language("es")
    return TransferService(store, system_locale=lambda: system)


def _rows(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def _reimported(path: Path, tmp_path: Path, **options: Any) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    fresh = TransferService(Store.open_dir(tmp_path / "fresh"))
    try:
        report = fresh.import_file(path, **options)
        return report, contacts(fresh.store), accounts(fresh.store)
    finally:
        fresh.store.close()


@pytest.mark.parametrize(("locale", "delimiter"), [
    ("es_ES", ";"), ("de_DE", ";"), ("fr_FR", ";"), ("es_AR", ";"), ("pt_BR", ";"),
    ("es_MX", ","), ("en_US", ","), ("en_GB", ","), ("es", ";"), ("en", ","), ("xx_NOWHERE", ","), ("", ",")])
def test_the_delimiter_is_semicolon_where_decimals_are_written_with_a_comma(locale: str, delimiter: str) -> None:
    assert excel_delimiter(locale) == delimiter


@pytest.mark.parametrize(("language", "system", "locale"), [
    (None, "de_DE", "de_DE"),  # no German UI, but a German Excel
    ("es", "es_MX", "es_MX"),  # Spanish in Mexico: Mexican Excel splits on ','
    ("es", "en_US", "es_ES"),  # picked Spanish on an English system: Spain's
    ("en", "es_ES", "en_US"),  # picked English: what English means
    (None, "C", "en_US"), (None, None, "en_US"), ("es", None, "es_ES")])
def test_the_files_locale_is_the_chosen_language_in_the_systems_country(
        language: str | None, system: str | None, locale: str) -> None:
    assert file_locale(language, system) == locale


@locale_from_environment
def test_the_system_locale_is_read_as_the_c_library_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert system_locale() is None
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_NUMERIC", "es_ES.UTF-8@euro")
    assert system_locale() == "es_ES"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert system_locale() == "C"


def test_a_spanish_export_is_split_by_semicolons_and_reimports_every_tricky_cell(
        store: Store, tmp_path: Path) -> None:
    transfer = _spanish(store)
    account = store.create("account", {"name": "Iberia; Datos, S.L.", "website": "=cmd|' /C calc'!A0"})
    store.create("contact", {**TRICKY, "account_id": account.id})
    out = tmp_path / "contactos.csv"
    assert transfer.csv_delimiter() == "semicolon"
    assert transfer.export("contacts", out) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfFirst Name;Last Name;") and raw.endswith(b"\r\n")
    header, row = _rows(out, ";")
    cells = dict(zip(header, row, strict=True))
    assert cells["First Name"] == "Ana; María" and cells["Company"] == "Iberia; Datos, S.L."
    assert cells["Job Title"] == "'=1+2" and cells["Phone"] == "'+34 600 111 222" and cells["City"] == "'@SUM(A1)"
    assert '"a;=HYPERLINK(""x"")"' in raw.decode("utf-8-sig"), "a ';' in a cell is quoted: no new cell"
    report, again, _ = _reimported(out, tmp_path)
    assert (report.created, report.failed) == (1, 0)
    assert {k: again['Ruiz "la jefa"'].fields[k] for k in TRICKY} == TRICKY


def test_spanish_headers_map_back_to_the_fields_their_english_ones_do() -> None:
    for entity_name, kind in (("contact", "contacts"), ("account", "accounts")):
        spanish, english = exporting.headers(entity_name, "es"), exporting.headers(entity_name, "en")
        assert detect_kind(spanish) == detect_kind(english) == kind
        assert suggest_mapping(spanish, kind) == suggest_mapping(english, kind)
        assert "" not in suggest_mapping(spanish, kind), "every column is imported"


def test_an_export_with_spanish_headers_reimports_as_it_was(store: Store, tmp_path: Path) -> None:
    transfer = _spanish(store)
    acme = store.create("account", {"name": "Acme; S.A.", "account_number": "EXT-1", "industry": "Retail",
                                    "bill_to_city": "Logroño", "ship_to_country": "España", "currency": "EUR",
                                    "price_list": "Mayoristas", "payment_terms": "60 días",
                                    "description": "línea 1\nlínea 2", "state": "inactive"})
    store.create("contact", {"first_name": "Ana", "last_name": "Ruiz", "email2": "a2@x.example",
                             "mobile_phone": "+34 600 111 222", "account_id": acme.id, "postal_code": "26001"})
    people, companies = tmp_path / "contactos.csv", tmp_path / "cuentas.csv"
    transfer.export("contacts", people, language="es")
    transfer.export("accounts", companies, language="es", view="all")
    assert _rows(people, ";")[0][:5] == ["Nombre", "Apellidos", "Cargo", "Empresa", "Correo electrónico"]
    assert _rows(companies, ";")[0][:3] == ["Nombre", "Número de cuenta", "Correo electrónico"]
    report, _, imported = _reimported(companies, tmp_path)
    assert (report.kind, report.created, report.ignored_columns) == ("accounts", 1, [])
    original = {k: v for k, v in acme.fields.items() if v and not k.endswith("_id")}
    assert {k: imported["Acme; S.A."].fields.get(k) for k in original} == original
    report, people_again, _ = _reimported(people, tmp_path, mode="upsert")
    assert (report.kind, report.created, report.ignored_columns) == ("contacts", 1, [])
    ruiz = people_again["Ruiz"].fields
    assert (ruiz["first_name"], ruiz["email2"], ruiz["mobile_phone"], ruiz["postal_code"]) == (
        "Ana", "a2@x.example", "+34 600 111 222", "26001")


def test_an_english_export_keeps_commas_and_english_headers(store: Store, tmp_path: Path) -> None:
    transfer = TransferService(store, system_locale=lambda: "en_US")
    store.create("contact", TRICKY)
    out = tmp_path / "c.csv"
    transfer.export("contacts", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,Last Name,Job Title,Company,E-mail,")
    assert _rows(out, ",")[1][0] == "Ana; María"
    _, again, _ = _reimported(out, tmp_path)
    assert {k: again['Ruiz "la jefa"'].fields[k] for k in TRICKY} == TRICKY


def test_a_chosen_delimiter_wins_over_the_locale_and_a_tab_file_reimports(store: Store, tmp_path: Path) -> None:
    transfer = _spanish(store)
    store.create("contact", TRICKY)
    comma, tab = tmp_path / "comma.csv", tmp_path / "tab.csv"
    transfer.export("contacts", comma, delimiter="comma")
    transfer.export("contacts", tab, delimiter="tab")
    assert comma.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,Last Name,")
    assert tab.read_bytes().startswith(b"\xef\xbb\xbfFirst Name\tLast Name\t")
    _, again, _ = _reimported(tab, tmp_path)
    assert {k: again['Ruiz "la jefa"'].fields[k] for k in TRICKY} == TRICKY
    with pytest.raises(TransferFailed, match="delimiter must be one of comma, semicolon, tab, not 'pipe'"):
        transfer.export("contacts", tmp_path / "p.csv", delimiter="pipe")
    with pytest.raises(TransferFailed, match="language must be one of en, es, not 'fr'"):
        transfer.export("contacts", tmp_path / "f.csv", language="fr")


def test_failed_rows_are_saved_for_the_reps_excel_and_reimport_once_fixed(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('First Name,Last Name,Email,Notes\r\nAna,Ruiz,ana@x.example,ok\r\n'
                      '"Bo; Jr","Díaz ""B""",bo@@x.example,"=1+2; línea 1\r\nlínea 2, fin"\r\n', encoding="utf-8")
    transfer = _spanish(store)
    report = transfer.import_file(source)
    assert (report.created, report.failed) == (1, 1)
    failed = tmp_path / "failed.csv"
    transfer.save_failed_rows(report, failed)
    raw = failed.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfFirst Name;Last Name;Email;Notes;Import error\r\n")
    row = _rows(failed, ";")[1]
    assert row[:4] == ["Bo; Jr", 'Díaz "B"', "bo@@x.example", "'=1+2; línea 1\r\nlínea 2, fin"]
    failed.write_bytes(raw.replace(b"bo@@x.example", b"bo@x.example"))  # fixed in Excel, saved as it was
    again = transfer.import_file(failed)
    assert (again.created, again.failed, again.ignored_columns) == (1, 0, ["Import error"])
    fields = contacts(store)['Díaz "B"'].fields
    assert (fields["first_name"], fields["description"]) == ("Bo; Jr", "=1+2; línea 1\r\nlínea 2, fin")
    transfer.save_failed_rows(report, failed, delimiter="comma")
    assert failed.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,Last Name,")


# -- the command line ------------------------------------------------------------------------------------


def _cli(data_dir: Path, *args: str | Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_NUMERIC", "LANG")}
    return subprocess.run([sys.executable, "-m", "crm_desktop.cli", "--data-dir", str(data_dir), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
                          env={**env, "LANG": lang})


@locale_from_environment
def test_the_cli_exports_for_the_locales_excel_unless_told_otherwise(tmp_path: Path, data: Path) -> None:
    data_dir = tmp_path / "d"
    _cli(data_dir, "import", data / "contactos_excel_es.csv", lang="C.UTF-8")
    spanish = _cli(data_dir, "export", "contacts", lang="es_ES.UTF-8")
    assert spanish.stdout.startswith("\ufeffFirst Name;Last Name;"), "the CLI's headers stay English"
    assert _cli(data_dir, "export", "contacts", lang="en_US.UTF-8").stdout.startswith("\ufeffFirst Name,Last")
    told = _cli(data_dir, "export", "contacts", "--delimiter", "comma", lang="es_ES.UTF-8")
    assert told.stdout.startswith("\ufeffFirst Name,Last Name,")
    out = tmp_path / "tab.csv"
    assert _cli(data_dir, "export", "accounts", "-o", out, "--delimiter", "tab", lang="C").returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfName\tAccount Number\t")
    store = Store.open_dir(data_dir)
    Preferences(store).set_language("es")  # the app's language, chosen in the GUI
    store.close()
    assert _cli(data_dir, "export", "contacts", lang="C").stdout.startswith("\ufeffFirst Name;Last Name;")


@locale_from_environment
def test_the_clis_failed_rows_file_follows_the_locale_or_delimiter(tmp_path: Path, data: Path) -> None:
    failed = tmp_path / "failed.csv"
    done = _cli(tmp_path / "d", "import", data / "fails_in_the_middle.csv", "--failed-csv", failed,
                lang="es_ES.UTF-8")
    assert done.returncode == 8
    assert failed.read_bytes().startswith(b"\xef\xbb\xbfFirst Name;Last Name;Email;Company;Import error\r\n")
    done = _cli(tmp_path / "e", "import", data / "fails_in_the_middle.csv", "--failed-csv", failed,
                "--delimiter", "comma", lang="es_ES.UTF-8")
    assert done.returncode == 8
    assert failed.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,Last Name,Email,Company,Import error\r\n")


@pytest.mark.parametrize(("args", "message"), [
    (("export", "contacts", "--delimiter", "pipe"),
     "crm-desktop export: error: argument --delimiter: invalid choice: 'pipe' (choose from "),
    (("export", "contacts", "--format", "vcard", "--delimiter", "tab"),
     "crm-desktop: --delimiter is for --format csv; a vCard file has none\n"),
    (("import", "in.csv", "--delimiter", "semicolon"),
     "crm-desktop: --delimiter is the delimiter of the --failed-csv file; name one with --failed-csv (the file "
     "being imported is read with whichever delimiter it has)\n")])
def test_a_delimiter_the_cli_cannot_use_is_refused_in_one_line(tmp_path: Path, args: tuple[str, ...],
                                                               message: str) -> None:
    (tmp_path / "in.csv").write_text("Last Name\nRuiz\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "crm_desktop.cli", "--data-dir", str(tmp_path / "d"), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines()[-1].startswith(message.rstrip("\n")), done.stderr


@pytest.mark.parametrize("written_with", [",", ";", "\t"])
def test_a_file_opened_in_a_spreadsheet_set_for_another_separator_runs_no_formula(
        tmp_path: Path, written_with: str) -> None:
    # A Spanish rep's ';' file mailed to a US colleague is split on ',' there.
    hostile = ["x,=1+2", "y;=HYPERLINK(\"http://evil\")", "z\t+SUM(A1)", "w,@cmd", "v;-2+3", "plain"]
    out = tmp_path / "c.csv"
    write_csv(out, ["Name", "Notes"], [[cell, "ok"] for cell in hostile], delimiter=written_with)
    for opened_with in (",", ";", "\t"):
        cells = [cell for row in _rows(out, opened_with) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))], (written_with, opened_with)
    assert [row[0] for row in _rows(out, written_with)[1:]] == hostile  # and the file's own reader gets them back
    assert out.read_bytes().splitlines()[-1] == f"plain{written_with}ok".encode()  # plain cells stay unquoted
