"""The import wizard's last two pages: the import running on a worker thread, and its report.

The import runs on its own thread (a QThread worker); progress and the
report come back through signals, and Cancel stops it between chunks.
Every string goes through ``tr()`` so the wizard can be shown in Spanish.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from crm_desktop.services.errors import KNOWN_ERRORS
from crm_desktop.services.transfer import ImportReport, RowError, TransferService
from crm_desktop.ui.import_pages import (
    PAGE_MAPPING,
    PAGE_OPTIONS,
    PAGE_PROGRESS,
    MappingPage,
    OptionsPage,
    fill_table,
    read_only_table,
)
from crm_desktop.ui.import_reasons import error_text, reason_text

if TYPE_CHECKING:  # the wizard imports these pages; the pages only need its type
    from crm_desktop.ui.import_wizard import ImportWizard

log = logging.getLogger("crm.ui")


class ImportWorker(QObject):
    """Runs one import on a worker thread and reports back through signals."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, transfer: TransferService, path: Path, options: dict[str, Any]) -> None:
        super().__init__()
        self.transfer, self.path, self.options = transfer, path, options
        self.cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        """Import the file; emits ``finished(report)`` or ``failed(message)``."""
        try:
            report = self.transfer.import_file(self.path, progress=self.progressed.emit, cancel=self.cancel,
                                               **self.options)
        except KNOWN_ERRORS as exc:
            self.failed.emit(error_text(exc))
        except Exception as exc:  # a bug: keep the trace, tell the user something went wrong
            log.exception("import of %s failed", self.path)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(report)


class ProgressPage(QWizardPage):
    """The import running: rows done, and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("Every imported record is queued and syncs like any edit."))
        self.bar = QProgressBar()
        self.label = QLabel(self.tr("Starting..."))
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self._thread: QThread | None = None
        self.worker: ImportWorker | None = None
        self.message: str | None = None

    def initializePage(self) -> None:
        wizard = self._wizard
        mapping_page, options_page = wizard.page(PAGE_MAPPING), wizard.page(PAGE_OPTIONS)
        assert wizard.preview is not None
        assert isinstance(mapping_page, MappingPage) and isinstance(options_page, OptionsPage)
        options = {**options_page.options(), "kind": mapping_page.kind.currentData(),
                   "mapping": mapping_page.mapping(), "encoding": wizard.preview.encoding}
        self.worker = ImportWorker(wizard.transfer, wizard.preview.path, options)
        self._thread = QThread(self)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        self.bar.setRange(0, 0)
        self._thread.start()

    def isComplete(self) -> bool:
        return self._wizard.report is not None or self.message is not None

    def running(self) -> bool:
        """Whether an import is running on the worker thread."""
        return self._thread is not None and self._thread.isRunning()

    def cancel(self) -> None:
        """Ask the import to stop after the rows in progress; the report follows as usual."""
        if self.worker is not None:
            self.worker.cancel.set()
            self.label.setText(self.tr("Cancelling after the rows in progress..."))
            self.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """Cancel a running import and wait for its thread."""
        if self.worker is not None:
            self.worker.cancel.set()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if self.worker is None or not self.worker.cancel.is_set():  # "Cancelling..." stays until it stops
            self.label.setText(self.tr("{0} of about {1} rows").format(done, total))

    def _on_worker_finished(self, report: ImportReport) -> None:
        self._wizard.report = report
        self._done()
        self._wizard.import_finished.emit(report)

    def _on_worker_failed(self, message: str) -> None:
        self.message = message
        self._done()

    def _done(self) -> None:
        self.stop()
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self._wizard.import_stopped()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()


class ReportPage(QWizardPage):
    """What was created, updated, skipped; why rows failed and which were skipped as duplicates."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import report"))
        self.setSubTitle(self.tr("What happened to the rows of the file. Failed rows were not imported at all."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors_label = QLabel(self.tr("Failed rows:"))
        self.errors = read_only_table()
        self.save_button = QPushButton(self.tr("Save failed rows..."))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.duplicates_label = QLabel()
        self.duplicates_label.setWordWrap(True)
        self.duplicates = read_only_table()
        self.warnings_label = QLabel()
        self.warnings = read_only_table()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        for widget in self._row_widgets():
            layout.addWidget(widget)

    def _row_widgets(self) -> tuple[QWidget, ...]:
        return (self.errors_label, self.errors, self.save_button, self.duplicates_label, self.duplicates,
                self.warnings_label, self.warnings)

    def initializePage(self) -> None:
        report = self._wizard.report
        progress = self._wizard.page(PAGE_PROGRESS)
        if report is None:
            message = progress.message if isinstance(progress, ProgressPage) else None
            self.summary.setText(self.tr("The import stopped: {0}").format(message or ""))
            for widget in self._row_widgets():
                widget.hide()
            return
        self.summary.setText(self.summary_text(report))
        self._show_rows(self.errors_label, self.errors, report.errors)
        self.save_button.setVisible(bool(report.failed))
        shown = len(report.duplicate_rows)
        self.duplicates_label.setText(
            self.tr("Skipped as duplicates:") if shown == report.duplicates else
            self.tr("Skipped as duplicates (the first {0} of {1}):").format(shown, report.duplicates))
        self._show_rows(self.duplicates_label, self.duplicates, report.duplicate_rows)
        shown = len(report.warned_rows)
        self.warnings_label.setText(
            self.tr("Imported with a warning:") if shown == report.warned else
            self.tr("Imported with a warning (the first {0} of {1}):").format(shown, report.warned))
        self._show_rows(self.warnings_label, self.warnings, report.warned_rows)

    def _show_rows(self, label: QLabel, table: QTableWidget, rows: list[RowError]) -> None:
        # Failed and duplicate rows alike: a table of line and reason (in the rep's language), under its label.
        reasons = [reason_text(r.why) if r.why is not None else r.reason for r in rows]
        fill_table(table, [self.tr("Line"), self.tr("Reason")],
                   [[str(r.line), reason] for r, reason in zip(rows, reasons, strict=True)])
        _wrap_reasons(table, reasons)
        label.setVisible(bool(rows))
        table.setVisible(bool(rows))

    def summary_text(self, report: ImportReport) -> str:
        """One paragraph on what the import did."""
        text = self.tr("Created: {0}. Updated: {1}. Skipped as duplicates: {2}. Failed: {3}.").format(
            report.created, report.updated, report.duplicates, report.failed)
        if report.accounts_created:
            text += " " + self.tr("Accounts created for the contacts' companies: {0}.").format(
                report.accounts_created)
        if report.accounts_updated:
            text += " " + self.tr("Accounts updated with the contacts' company values: {0}.").format(
                report.accounts_updated)
        if report.ignored_columns:
            text += " " + self.tr("Columns not imported: {0}.").format(", ".join(report.ignored_columns))
            if self._account_fields_without_account(report):
                text += " " + self.tr("Account fields are imported only beside a column matched to "
                                      "Account: name.")
        if not report.processed and not report.cancelled:
            text += " " + self.tr("The file has no rows to import, only a header.")
        if report.dry_run:
            text = self.tr("Nothing was written (check only).") + " " + text
        if report.cancelled:
            text += " " + self.tr("You cancelled the import; the rows before that point were imported.")
        return text

    def _account_fields_without_account(self, report: ImportReport) -> bool:
        """Whether the rep matched an ignored column to an account's field (with no company column)."""
        mapping_page, preview = self._wizard.page(PAGE_MAPPING), self._wizard.preview
        if not isinstance(mapping_page, MappingPage) or preview is None:
            return False
        chosen = dict(zip(preview.headers, mapping_page.mapping(), strict=False))
        return any(chosen.get(header, "").startswith("account.") for header in report.ignored_columns)

    def _error_words(self, error: RowError) -> str:
        """A failed row's error in the saved file, in the rep's language, as the report shows it."""
        reason = reason_text(error.why) if error.why is not None else error.reason
        return self.tr("line {line}: {reason}").format(line=error.line, reason=reason)

    def _on_save_button_clicked(self) -> None:
        report = self._wizard.report
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save failed rows"),
                                              self._wizard.beside_file("failed-rows.csv"),
                                              self.tr("CSV files (*.csv)"))
        if not path or report is None:
            return
        try:
            self._wizard.transfer.save_failed_rows(report, path, error_column=self.tr("Import error"),
                                                   words=self._error_words, extra_column=self.tr("Column {n}"))
        except KNOWN_ERRORS as exc:  # a folder the rep may not write to, a full disk...
            QMessageBox.warning(self, self.tr("Save failed rows"),
                                self.tr("The failed rows were not saved: {0}").format(exc))


# Up to this many rows a long reason wraps onto more lines, its row as tall as
# it needs; sizing rows by their text costs too much past it (a failed file
# may list 100,000 rows), so those stay one line, the whole reason in a tooltip.
WRAPPED_ROWS = 1000


def _wrap_reasons(table: QTableWidget, reasons: list[str]) -> None:
    """The reason column as wide as the page allows, each reason whole (wrapped) and in its tooltip."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for row, reason in enumerate(reasons):
        item = table.item(row, 1)
        if item is not None:
            item.setToolTip(reason)
    wrap = len(reasons) <= WRAPPED_ROWS
    table.setWordWrap(wrap)
    table.verticalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Interactive)
