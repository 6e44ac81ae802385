"""The import's reasons in the rep's language: every code has its Spanish, and the wizard shows it."""

from __future__ import annotations

import csv
import io
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from crm_core import sync_reasons, validation
from crm_core.reasons import Code, FieldName
from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import reasons
from crm_desktop.ui.i18n import TRANSLATIONS_DIR, Translations
from crm_desktop.ui.import_reasons import CONTEXT, every_code, reason_text
from crm_desktop.ui.import_wizard import FilePage, ImportWizard, ReportPage

from .conftest import run_import

DATA = Path(__file__).resolve().parents[3] / "data" / "import"


@pytest.fixture
def wizard(qtbot: QtBot, store: Store) -> ImportWizard:
    shown = ImportWizard(TransferService(store))
    qtbot.addWidget(shown)
    shown.restart()  # what show() does first; the tests need no window on screen
    return shown


def _rows(table: Any) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_reason_code_has_its_spanish_words() -> None:
    # A code added without its Spanish fails here: run resources/build_translations.py and translate it.
    tree = ET.parse(TRANSLATIONS_DIR / "crm_es.ts")
    spanish = {(m.findtext("comment"), m.findtext("source")): m.find("translation")
               for c in tree.getroot() if c.findtext("name") == CONTEXT for m in c.iter("message")}
    codes = every_code()
    assert len(codes) >= 60
    # The server's refusals are shown by the Sync issues view in the same way: checked here too.
    made = [v for v in vars(sync_reasons).values() if isinstance(v, Code)]
    made += [c for words in (sync_reasons.RIGHT_WORDS, sync_reasons.ENTITY_WORDS, sync_reasons.PRINCIPAL_WORDS)
             for c in words.values()]
    assert len(made) >= 25 and set(made) <= set(codes)
    for code in codes:
        translation = spanish.get((code.name, code.english))
        assert translation is not None, f"{code.name} is not in crm_es.ts"
        assert translation.text and translation.get("type") is None, f"{code.name} has no Spanish yet"
        assert _fields(translation.text) <= _fields(code.english) | set(code.also), (
            f"{code.name}'s Spanish names a value the reason has not")


def test_in_english_a_reason_reads_as_the_cli_prints_it(qapp: object) -> None:
    why = reasons.IN_COLUMN(column="E-mail", why=validation.BAD_EMAIL(value="x", detail="An email address must "
                                                                                        "have an @-sign."))
    same = reasons.SAME_EMAIL(whom=reasons.EXISTING_CONTACT(), email="ana@x.es")
    again = reasons.CONTACT_AGAIN(where=reasons.LINE(line=2), match=same)
    for reason in (why, again, reasons.ACCOUNT_NAME(why=validation.REQUIRED())):
        assert reason_text(reason) == str(reason)
    # A field is named in the words the mapping page shows, not by its name in the store.
    assert reason_text(reasons.IN_FIELD(field=FieldName("contact", "last_name"), why=validation.REQUIRED())) == (
        "last name: is required")


def test_a_field_no_column_holds_is_named_in_the_mapping_pages_words(spanish: Translations) -> None:
    assert str(reasons.IN_FIELD(field=FieldName("contact", "last_name"), why=validation.REQUIRED())) == (
        "last_name: is required")
    assert reason_text(reasons.IN_FIELD(field=FieldName("contact", "last_name"), why=validation.REQUIRED())) == (
        "apellidos: es obligatorio")
    assert reason_text(reasons.ACCOUNT_NAME(why=validation.TOO_LONG(limit=160))) == (
        "el nombre de la cuenta tiene más de 160 caracteres")


def test_the_report_gives_each_reason_in_spanish_with_its_line_and_values(
        spanish: Translations, qtbot: QtBot, wizard: ImportWizard) -> None:
    report = run_import(qtbot, wizard, DATA / "messy_for_the_report.csv")
    assert (report.created, report.duplicates, report.failed, report.warned) == (5, 3, 4, 2)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert _rows(page.errors) == [
        ("3", "Email: el correo electrónico 'bad-email' no es válido"),
        ("4", "Phone: 'abc!!' no es un número de teléfono"),
        ("5", "Last Name: es obligatorio"),
        ("12", "la fila tiene 7 celdas pero el encabezado tiene 6; ¿hay un separador dentro de un valor sin "
               "comillas?")]
    assert _rows(page.duplicates) == [
        ("6", "mismo correo electrónico que la línea 2 (ana@x.es)"),
        ("7", "mismo teléfono que la línea 2 (+34622333444)"),
        ("9", "un contacto con un nombre muy parecido en la misma empresa (Mario García)")]
    assert _rows(page.warnings) == [
        ("10", "Acme ya existe, así que no se importó Website (la importación solo crea registros nuevos; elija "
               "también actualizar para cambiar la cuenta)"),
        ("11", "Website: no se importó: Company está vacío en esta línea, así que no hay ninguna cuenta donde "
               "guardarlo")]
    # The report itself keeps the English, for the saved failed rows and the CLI.
    assert report.errors[2].reason == "Last Name: is required"


def test_failed_rows_saved_from_the_spanish_wizard_say_why_in_spanish(
        spanish: Translations, qtbot: QtBot, wizard: ImportWizard, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    run_import(qtbot, wizard, DATA / "messy_for_the_report.csv")
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    target = tmp_path / "fallidas.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.save_button.click()
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), csv.Sniffer().sniff(text.splitlines()[0], ",;\t")))
    # was: "Import error" and "line 5: Last Name: is required" in the Spanish rep's file
    assert rows[0][-2:] == ["Columna 7", "Error de importación"]  # line 12 has a cell more than the header
    assert [r[-1] for r in rows[1:]][:3] == ["línea 3: Email: el correo electrónico 'bad-email' no es válido",
                                             "línea 4: Phone: 'abc!!' no es un número de teléfono",
                                             "línea 5: Last Name: es obligatorio"]
    again = TransferService(store).import_file(target)  # still imports, the error column left out
    assert again.ignored_columns == ["Columna 7", "Error de importación"]


def test_a_line_updated_again_names_the_earlier_line_in_spanish(spanish: Translations, qtbot: QtBot,
                                                                wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("Last Name,Email,Job Title\nRuiz,ana@x.es,Buyer\nRuiz,ana@x.es,Manager\n", encoding="utf-8")
    run_import(qtbot, wizard, path, upsert=True)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert _rows(page.warnings) == [("3", "actualizó el mismo contacto que la línea 2 (mismo correo electrónico "
                                          "que un contacto existente (ana@x.es)); las líneas se aplicaron en "
                                          "orden, así que quedan los valores de la posterior")]


def test_a_long_reason_wraps_and_is_whole_in_its_tooltip(spanish: Translations, qtbot: QtBot,
                                                         wizard: ImportWizard) -> None:
    run_import(qtbot, wizard, DATA / "messy_for_the_report.csv")
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.warnings.wordWrap()
    assert page.warnings.item(0, 1).toolTip() == page.warnings.item(0, 1).text()


@pytest.mark.parametrize(("name", "spanish_words"), [
    ("workbook.xlsx", "workbook.xlsx: es un libro de Excel u otro archivo zip (.xlsx), no un archivo CSV o vCard"),
    ("no_such_file.csv", "el archivo no existe"),
])
def test_the_file_page_says_why_a_file_is_refused_in_spanish(spanish: Translations, wizard: ImportWizard,
                                                             name: str, spanish_words: str) -> None:
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(DATA / name))
    assert not page.isComplete()
    assert spanish_words in page.info.text()


def test_an_empty_file_is_refused_in_spanish(spanish: Translations, wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "vacío.csv"
    path.write_text("\n\n", encoding="utf-8")
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(path))
    assert "vacío.csv: el archivo está vacío" in page.info.text()
