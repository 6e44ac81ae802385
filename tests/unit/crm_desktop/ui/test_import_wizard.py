"""The import wizard and list export, driven with pytest-qt over a real store."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.ui import export as export_ui
from crm_desktop.ui.import_wizard import (
    PAGE_MAPPING,
    PAGE_OPTIONS,
    PAGE_REPORT,
    FilePage,
    ImportWizard,
    MappingPage,
    OptionsPage,
    ReportPage,
)

DATA = Path(__file__).resolve().parents[3] / "data" / "import"


@pytest.fixture
def wizard(qtbot: QtBot, store: Store) -> ImportWizard:
    shown = ImportWizard(TransferService(store, system_locale=lambda: None))  # CSV out with commas, whatever LANG says
    qtbot.addWidget(shown)
    shown.restart()  # what show() does first; the tests need no window on screen
    return shown


def _to_options(wizard: ImportWizard, path: Path) -> None:
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(path))
    assert page.isComplete()
    wizard.next()  # preview
    wizard.next()  # mapping
    wizard.next()  # options


def _run(qtbot: QtBot, wizard: ImportWizard) -> Any:
    with qtbot.wait_signal(wizard.import_finished, timeout=20_000) as blocker:
        wizard.next()
    qtbot.wait_until(lambda: wizard.currentId() == PAGE_REPORT)
    return blocker.args[0]


def _mapping_page(wizard: ImportWizard, path: Path) -> MappingPage:
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(path))
    wizard.next()
    wizard.next()
    mapping = wizard.page(PAGE_MAPPING)
    assert isinstance(mapping, MappingPage)
    return mapping


def test_wizard_imports_a_spanish_excel_file_and_reports(qtbot: QtBot, wizard: ImportWizard, store: Store) -> None:
    _to_options(wizard, DATA / "contactos_excel_es.csv")
    report = _run(qtbot, wizard)
    assert (report.created, report.accounts_created) == (4, 2)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.summary.text().startswith("Created: 4. Updated: 0. Skipped as duplicates: 0. Failed: 0.")
    assert store.count("contact") == 4 and store.pending_changes() == 6


def test_file_page_explains_why_a_file_cannot_be_imported(wizard: ImportWizard) -> None:
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(DATA / "workbook.xlsx"))
    assert not page.isComplete()
    assert "Excel workbook" in page.info.text()


def test_mapping_by_hand_and_ignoring_a_column(qtbot: QtBot, wizard: ImportWizard, store: Store) -> None:
    mapping = _mapping_page(wizard, DATA / "lower_case_header.tsv")
    assert mapping.mapping()[:2] == ["contact.first_name", "contact.last_name"]
    mapping.combos[4].setCurrentIndex(0)  # company: (ignore)
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("contact.job_title"))
    wizard.next()
    report = _run(qtbot, wizard)
    assert report.accounts_created == 0
    record = store.page("contact")[0]
    assert (record.fields["job_title"], record.fields["first_name"], record.fields["account_id"]) == (
        "linda", None, None)


def test_report_names_the_columns_not_imported_and_why_account_fields_were_not(
        qtbot: QtBot, wizard: ImportWizard, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Frist Name,Last Name,Email,Ext\nAna,Ruiz,ana@x.example,A-1\n", encoding="utf-8")
    mapping = _mapping_page(wizard, path)
    assert mapping.combos[0].currentText() == "(ignore)"  # the mapping page shows it ignored
    mapping.combos[3].setCurrentIndex(mapping.combos[3].findData("account.account_number"))
    wizard.next()
    report = _run(qtbot, wizard)
    assert (report.created, report.ignored_columns, store.count("account", "all")) == (1, ["Frist Name", "Ext"], 0)
    shown = wizard.currentPage()
    assert isinstance(shown, ReportPage)
    assert shown.summary.text() == (
        "Created: 1. Updated: 0. Skipped as duplicates: 0. Failed: 0. Columns not imported: Frist Name, Ext. "
        "Account fields are imported only beside a column matched to Account: name.")


def test_report_says_a_header_only_file_had_no_rows(qtbot: QtBot, wizard: ImportWizard) -> None:
    _to_options(wizard, DATA / "header_only.csv")
    _run(qtbot, wizard)
    shown = wizard.currentPage()
    assert isinstance(shown, ReportPage)
    assert shown.summary.text().endswith("Failed: 0. The file has no rows to import, only a header.")


def test_unmapped_name_column_blocks_next_with_a_reason(wizard: ImportWizard) -> None:
    mapping = _mapping_page(wizard, DATA / "lower_case_header.tsv")
    for combo in mapping.combos[:2]:
        combo.setCurrentIndex(0)
    assert not mapping.isComplete()
    assert "no column holds a contact's name" in mapping.error.text()


def test_update_policy_and_save_failed_rows(qtbot: QtBot, wizard: ImportWizard, store: Store, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store.create("contact", {"last_name": "López", "email": "carmen@wonka.example"})
    _to_options(wizard, DATA / "fails_in_the_middle.csv")
    options = wizard.page(PAGE_OPTIONS)
    assert isinstance(options, OptionsPage)
    options.update_existing.setChecked(True)
    report = _run(qtbot, wizard)
    assert (report.created, report.updated, report.failed) == (1, 1, 1)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.errors.rowCount() == 1 and page.errors.item(0, 0).text() == "3"
    target = tmp_path / "failed.csv"
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]), (str(target), ""))[1])
    page.save_button.click()
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[1][0] == "Diego"
    assert offered == [str(DATA / "fails_in_the_middle-failed-rows.csv")]  # beside the file, named after it


def _unwritable(tmp_path: Path, name: str) -> Path:
    """A path in a "folder" that cannot hold files (a plain file): as root, no folder is read-only."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    return blocker / name


def _warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    return shown


def test_saving_failed_rows_where_they_cannot_be_written_says_so(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _to_options(wizard, DATA / "fails_in_the_middle.csv")
    _run(qtbot, wizard)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    target = _unwritable(tmp_path, "failed.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = _warnings_shown(monkeypatch)
    page.save_button.click()  # QA: the exception escaped into Qt and nothing was said
    assert shown == [("Save failed rows", f"The failed rows were not saved: cannot write {target}: Not a directory")]


def test_saving_a_mapping_where_it_cannot_be_written_says_so(
        wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _to_options(wizard, DATA / "fails_in_the_middle.csv")
    mapping = wizard.page(PAGE_MAPPING)
    assert isinstance(mapping, MappingPage)
    target = _unwritable(tmp_path, "mapping.json")
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]), (str(target), ""))[1])
    shown = _warnings_shown(monkeypatch)
    mapping.save_button.click()
    assert shown == [("Save mapping", f"The mapping was not saved: cannot write {target}: Not a directory")]
    assert offered == [str(DATA / "fails_in_the_middle-mapping.json")]  # beside the file, named after it


def test_report_lists_the_rows_skipped_as_duplicates_like_the_failed_ones(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.transfer import report as report_module

    monkeypatch.setattr(report_module, "MAX_DUPLICATE_ROWS", 2)
    path = tmp_path / "people.csv"
    path.write_text("First Name,Last Name,Company,Email\nMario,García,Acme,\nMaría,García,Acme,\n"
                    "MARIO,GARCIA,Acme,\nGarcía,Mario,Acme,\nMario,García,Acme,\n", encoding="utf-8")
    _to_options(wizard, path)
    report = _run(qtbot, wizard)
    assert (report.created, report.duplicates, report.failed) == (2, 3, 0)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.errors.isHidden() and page.errors_label.isHidden() and page.save_button.isHidden()
    assert not page.duplicates.isHidden()
    assert page.duplicates_label.text() == "Skipped as duplicates (the first 2 of 3):"
    assert [page.duplicates.item(r, 0).text() for r in range(page.duplicates.rowCount())] == ["4", "5"]
    assert page.duplicates.item(0, 1).text() == (
        "a contact with a very similar name at the same company (Mario García)")


def test_report_lists_the_rows_imported_with_a_warning(qtbot: QtBot, wizard: ImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Last Name,Company,Website\nRuiz,Acme,acme.example\nHill,,hill.example\n", encoding="utf-8")
    _to_options(wizard, path)
    report = _run(qtbot, wizard)
    assert (report.created, report.warned) == (2, 1)
    page = wizard.currentPage()
    assert isinstance(page, ReportPage)
    assert page.errors.isHidden() and page.duplicates.isHidden()
    assert not page.warnings.isHidden() and page.warnings_label.text() == "Imported with a warning:"
    assert [page.warnings.item(0, c).text() for c in (0, 1)] == [
        "3", "Website: not imported: Company is empty on this line, so there is no account to hold them"]


def test_cancel_stops_the_import(qtbot: QtBot, wizard: ImportWizard, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Last Name,Email\n" + "".join(f"N{i},n{i}@x.example\n" for i in range(5000)),
                    encoding="utf-8")
    _to_options(wizard, path)
    wizard.show()
    wizard.next()
    wizard.done(0)  # closing the wizard cancels between chunks, and closes it once the import stopped
    qtbot.wait_until(lambda: not wizard.isVisible(), timeout=20_000)
    assert store.count("contact") < 5000


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_cancel_during_an_import_leaves_the_window_responsive(qtbot: QtBot, wizard: ImportWizard, store: Store,
                                                             tmp_path: Path) -> None:
    import time

    from PySide6.QtWidgets import QWizard

    from crm_desktop.ui.import_wizard import PAGE_PROGRESS, ProgressPage

    path = tmp_path / "many.csv"
    path.write_text("Last Name,Email\n" + "".join(f"N{i},n{i}@x.example\n" for i in range(45000)),
                    encoding="utf-8")
    _to_options(wizard, path)
    wizard.show()
    wizard.next()
    progress = wizard.page(PAGE_PROGRESS)
    assert isinstance(progress, ProgressPage)
    qtbot.wait(300)
    started = time.perf_counter()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    # QA: Cancel waited for the rows in progress on the GUI thread: the window froze for seconds
    assert time.perf_counter() - started < 0.3
    assert wizard.isVisible() and progress.label.text() == "Cancelling after the rows in progress..."
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    with qtbot.wait_signal(wizard.finished, timeout=20_000):
        pass
    assert not wizard.isVisible() and store.count("contact") < 45000


def test_export_list_writes_the_view_to_the_chosen_file(qtbot: QtBot, store: Store, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    transfer = TransferService(store)
    transfer.import_file(DATA / "contactos_excel_es.csv")
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    export_ui.export_list(parent, transfer, "contacts", "iberia", "active")
    qtbot.wait_until(lambda: bool(shown), timeout=10_000)
    assert shown == [f"Exported 2 records to {target}."]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_export_that_cannot_be_written_says_so_and_names_the_file(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    transfer = TransferService(store)
    transfer.import_file(DATA / "contactos_excel_es.csv")
    target = _unwritable(tmp_path, "out.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)"))
    shown = _warnings_shown(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    export_ui.export_list(parent, transfer, "contacts", None, "active")
    qtbot.wait_until(lambda: bool(shown), timeout=10_000)
    assert shown == [("Export", f"The export failed: cannot write {target}: Not a directory")]


def test_every_mapping_target_is_listed_for_translation() -> None:
    from crm_desktop.transfer.fields import FULL_NAME, targets
    from crm_desktop.ui.import_fields import FIELD_WORDS, field_words

    words = {field_words(t) for kind in ("contacts", "accounts") for t in targets(kind) if t != FULL_NAME}
    assert words <= set(FIELD_WORDS), sorted(words - set(FIELD_WORDS))


def test_the_mapping_targets_read_in_spanish(qapp: object) -> None:
    from crm_desktop.transfer.fields import targets
    from crm_desktop.ui.i18n import Translations
    from crm_desktop.ui.import_fields import field_label

    translations = Translations()
    translations.install("es")
    try:
        assert field_label("contact.first_name") == "Contacto: nombre"
        assert field_label("account.bill_to_city") == "Cuenta: ciudad de facturación"
        english_words = ("name", "phone", "street", "city", "email", "billing", "shipping")
        for target in targets("contacts") + targets("accounts"):
            label = field_label(target)
            assert not any(word in label.split() for word in english_words), label
    finally:
        translations.install("en")


def test_a_column_mapped_by_hand_stays_mapped_after_going_back_to_the_preview(wizard: ImportWizard) -> None:
    mapping = _mapping_page(wizard, DATA / "lower_case_header.tsv")
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("contact.job_title"))
    chosen = mapping.mapping()
    wizard.back()  # QA: a look back at the preview put every column back as it was matched
    wizard.next()
    assert mapping.mapping() == chosen


def test_another_file_gets_its_own_mapping(wizard: ImportWizard, tmp_path: Path) -> None:
    mapping = _mapping_page(wizard, DATA / "lower_case_header.tsv")
    mapping.combos[0].setCurrentIndex(0)
    wizard.back()
    wizard.back()
    other = tmp_path / "people.csv"
    other.write_text("First Name,Last Name\nAna,Ruiz\n", encoding="utf-8")
    assert _mapping_page(wizard, other) is mapping
    assert mapping.mapping() == ["contact.first_name", "contact.last_name"]


def test_the_field_column_shows_the_longest_field_whole_in_spanish(spanish: Any, qtbot: QtBot,
                                                                  store: Store) -> None:
    shown = ImportWizard(TransferService(store, system_locale=lambda: None))  # CSV out with commas, whatever LANG says
    qtbot.addWidget(shown)
    shown.restart()
    page = shown.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(DATA / "phone_v21.vcf"))
    shown.next()
    shown.next()
    mapping = shown.page(PAGE_MAPPING)
    assert isinstance(mapping, MappingPage)
    full_name = next(c for c in mapping.combos if c.currentData() == "contact.full_name")
    assert full_name.currentText().startswith("Contacto: nombre completo (")
    # QA: "Contacto: nombre completo (separado en nombr" was cut at 320 pixels
    assert mapping.table.columnWidth(2) >= full_name.sizeHint().width()


def test_a_second_email_reads_as_words() -> None:
    from crm_desktop.ui.import_fields import field_label

    assert field_label("contact.email2") == "Contact: email 2"  # QA: read "Contact: email2"


def test_a_vcards_columns_read_in_spanish(spanish: Any, qtbot: QtBot, store: Store) -> None:
    from crm_desktop.transfer import vcard
    from crm_desktop.ui.import_fields import VCARD_COLUMNS
    from crm_desktop.ui.import_pages import PAGE_PREVIEW, PreviewPage

    assert set(vcard.COLUMNS) <= set(VCARD_COLUMNS)
    shown = ImportWizard(TransferService(store, system_locale=lambda: None))  # CSV out with commas, whatever LANG says
    qtbot.addWidget(shown)
    shown.restart()
    page = shown.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(DATA / "phone_v21.vcf"))
    shown.next()
    preview = shown.page(PAGE_PREVIEW)
    assert isinstance(preview, PreviewPage)
    # QA: "First Name", "Company", "Mobile Phone" in an otherwise Spanish wizard
    headers = [preview.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Nombre", "Apellidos", "Nombre completo", "Empresa"]
    shown.next()
    mapping = shown.page(PAGE_MAPPING)
    assert isinstance(mapping, MappingPage)
    assert mapping.table.item(8, 0).text() == "Teléfono móvil"


def test_closing_the_window_during_an_import_stops_it_first(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui.import_wizard import PAGE_PROGRESS, ProgressPage

    path = tmp_path / "many.csv"
    path.write_text("Last Name,Email\n" + "".join(f"N{i},n{i}@x.example\n" for i in range(30000)),
                    encoding="utf-8")
    window.attach_transfer(TransferService(window.crm.store))
    window.actions_by_name["import"].trigger()
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())
    progress = wizard.page(PAGE_PROGRESS)
    assert isinstance(progress, ProgressPage)
    try:
        _to_options(wizard, path)
        wizard.next()
        assert progress._thread is not None and progress._thread.isRunning()
        window.close()  # Ctrl+Q while importing
        # QA: the window went and the wizard with it, its import thread still running: the app aborted
        assert progress._thread is None
    finally:
        wizard.done(0)


class _SlowTransfer:
    """A transfer service whose export takes as long as the test says."""

    def __init__(self) -> None:
        import threading

        self.release = threading.Event()

    def export(self, *_args: Any, **_kwargs: Any) -> int:
        self.release.wait(10)
        return 3

    def csv_delimiter(self) -> str:
        return "comma"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_long_export_shows_its_progress_under_a_title(qtbot: QtBot, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    transfer = _SlowTransfer()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.csv"), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    export_ui.export_list(parent, transfer, "contacts", None, "active")  # type: ignore[arg-type]
    try:
        # QA: nothing showed for the whole of a 3-second export (the dialog waited for a first value)
        qtbot.wait_until(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=3000)
        dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
        assert dialog.windowTitle() == "Export" and dialog.isModal()
    finally:
        transfer.release.set()
    qtbot.wait_until(lambda: not any(d.isVisible() for d in parent.findChildren(QProgressDialog)))


def test_closing_the_window_during_an_export_lets_it_finish_first(qtbot: QtBot, window: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from PySide6.QtCore import QThread

    transfer = _SlowTransfer()
    window.attach_transfer(transfer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.csv"), ""))
    window.current_list().export_button.click()
    threads = [t for t in window.findChildren(QThread)] + [
        getattr(o, "thread_", None) for o in window.current_list().children() if hasattr(o, "thread_")]
    running = [t for t in threads if t is not None and t.isRunning()]
    assert running
    threading.Timer(0.3, transfer.release.set).start()  # the file takes a while to write
    try:
        window.close()  # QA: the window went, the export's thread still running: the app aborted
        assert not any(t.isRunning() for t in running)
    finally:
        transfer.release.set()
        for thread in running:
            thread.wait()


@pytest.mark.parametrize(("content", "words"), [
    ("{not json", "is not a mapping saved by this app"),
    ('{"kind": "contacts", "columns": {"Email": "contact.nonsense"}}', "does not fit this file"),
])
def test_a_mapping_that_cannot_be_used_says_so_in_a_line_that_fits(
        wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, words: str) -> None:
    mapping = _mapping_page(wizard, DATA / "fails_in_the_middle.csv")
    chosen = mapping.mapping()
    saved = tmp_path / "saved.json"
    saved.write_text(content, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    mapping.load_button.click()
    # QA: the service's line ran off the page ("...choose one of: account.account_number, account.bill_to_...")
    assert words in mapping.error.text() and "saved.json" in mapping.error.text()
    assert "account.bill_to_city" not in mapping.error.text() and mapping.error.wordWrap()
    assert mapping.error.toolTip()  # the details, for whoever wrote the file
    assert mapping.mapping() == chosen


def test_the_records_and_duplicates_choices_are_two_separate_choices(wizard: ImportWizard) -> None:
    _to_options(wizard, DATA / "fails_in_the_middle.csv")
    options = wizard.page(PAGE_OPTIONS)
    assert isinstance(options, OptionsPage)
    options.update_existing.click()
    # QA: the four radio buttons were one group: choosing "Update the existing record" unchecked
    # "Create new records only" (no Records choice left) and left "Skip duplicates" checked too
    names = ("create_only", "upsert", "skip", "update_existing")
    checked = {name: getattr(options, name).isChecked() for name in names}
    assert checked == {"create_only": True, "upsert": False, "skip": False, "update_existing": True}
    options.upsert.click()
    options.skip.click()
    assert options.options() == {"mode": "upsert", "duplicates": "skip", "dry_run": False}
    assert (options.create_only.isChecked(), options.update_existing.isChecked()) == (False, False)
    options.update_existing.click()  # QA: this unchecked the upsert, and the import ran create-only
    assert options.options() == {"mode": "upsert", "duplicates": "update", "dry_run": False}
