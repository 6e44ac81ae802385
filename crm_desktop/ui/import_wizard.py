"""The import wizard: pick a file, preview it, map its columns, choose the policy, import, report.

This module holds the wizard itself; its pages are split by what they do:
``import_pages`` has the pages that read the file and collect the choices,
``import_run`` the worker thread that imports and the progress and report
pages. Everything is re-exported here, the import path the app and tests use.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from crm_desktop.services.transfer import ImportReport, Preview, TransferService
from crm_desktop.ui.import_fields import field_label
from crm_desktop.ui.import_pages import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_OPTIONS,
    PAGE_PREVIEW,
    PAGE_PROGRESS,
    PAGE_REPORT,
    FilePage,
    MappingPage,
    OptionsPage,
    PreviewPage,
)
from crm_desktop.ui.import_run import ImportWorker, ProgressPage, ReportPage

__all__ = [
    "PAGE_FILE", "PAGE_MAPPING", "PAGE_OPTIONS", "PAGE_PREVIEW", "PAGE_PROGRESS", "PAGE_REPORT",
    "FilePage", "ImportWizard", "ImportWorker", "MappingPage", "OptionsPage", "PreviewPage", "ProgressPage",
    "ReportPage", "field_label",
]


class ImportWizard(QWizard):
    """Import accounts or contacts from a CSV or vCard file."""

    import_finished = Signal(object)

    def __init__(self, transfer: TransferService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transfer = transfer
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self._closing: int | None = None  # the rep closed the wizard while importing: close when stopped
        self.setWindowTitle(self.tr("Import accounts and contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(760, 520)
        for page_id, page in ((PAGE_FILE, FilePage(self)), (PAGE_PREVIEW, PreviewPage(self)),
                              (PAGE_MAPPING, MappingPage(self)), (PAGE_OPTIONS, OptionsPage(self)),
                              (PAGE_PROGRESS, ProgressPage(self)), (PAGE_REPORT, ReportPage(self))):
            self.setPage(page_id, page)

    def beside_file(self, name: str) -> str:
        """Where Save dialogs start: next to the imported file, named after it ("clients-failed-rows.csv")."""
        if self.preview is None:
            return name
        return str(self.preview.path.with_name(f"{self.preview.path.stem}-{name}"))

    def done(self, result: int) -> None:
        """Closing the wizard while importing cancels the import, and closes once it has stopped.

        The rows in progress take up to a few seconds: waiting for them here
        froze the window, so the wizard stays open, saying it is cancelling.
        """
        progress = self.page(PAGE_PROGRESS)
        if isinstance(progress, ProgressPage) and progress.running():
            self._closing = result
            progress.cancel()
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().done(result)

    def import_stopped(self) -> None:
        """The import ended (done, failed or cancelled): close if the rep asked to, else show the report."""
        if self._closing is not None:
            super().done(self._closing)
        else:
            self.next()

    def finish_before_close(self) -> None:
        """The window is closing: stop the import, waiting for the rows in progress, and close."""
        progress = self.page(PAGE_PROGRESS)
        if isinstance(progress, ProgressPage):
            progress.stop()
        super().done(QDialog.DialogCode.Rejected.value)
