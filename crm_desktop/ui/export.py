"""Export of a list view: ask where, then write the file off the GUI thread.

A CSV is split the way the rep's Excel splits it (';' in Spain, see
services/spreadsheet.py), or by the other separator when the rep picks
that file type, and is headed in the app's language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from crm_desktop.services import View
from crm_desktop.services.errors import KNOWN_ERRORS
from crm_desktop.services.transfer import TransferService

log = logging.getLogger("crm.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


@dataclass(frozen=True)
class ExportFile:
    """Where the rep chose to export, and as what."""

    path: Path
    fmt: str  # csv or vcard
    delimiter: str | None = None  # comma, semicolon, tab; None: the one of the rep's Excel


def ui_language() -> str:
    """The app's language as the export's headers take it (i18n sets the default locale)."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


class ExportWorker(QObject):
    """Writes one export on a worker thread."""

    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, transfer: TransferService, kind: str, chosen: ExportFile, search: str | None,
                 view: View, order: tuple[str, bool] | None = None) -> None:
        super().__init__()
        self.transfer, self.kind, self.chosen, self.path = transfer, kind, chosen, chosen.path
        self.search, self.view, self.order = search, view, order
        self.language = ui_language()  # read here, on the GUI thread

    @Slot()
    def run(self) -> None:
        """Export; emits ``finished(rows)`` or ``failed(message)``."""
        try:
            sort, descending = self.order or (None, False)
            count = self.transfer.export(self.kind, self.path, fmt=self.chosen.fmt, search=self.search,
                                         view=self.view, sort=sort, descending=descending,
                                         delimiter=self.chosen.delimiter, language=self.language)
        except KNOWN_ERRORS as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the trace, tell the user
            log.exception("export to %s failed", self.path)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(count)


def choose_file(parent: QWidget, kind: str, excel_delimiter: str = "comma") -> ExportFile | None:
    """Ask where to save and as what; None when the rep cancels.

    "CSV for Excel" has ``excel_delimiter`` (the one of the rep's Excel); the
    other separator is offered too, for a program or colleague that wants it.
    """
    csv_filter, vcard_filter = _tr("CSV for Excel (*.csv)"), _tr("vCard (*.vcf)")
    other = "comma" if excel_delimiter != "comma" else "semicolon"
    other_filter = _tr("CSV separated by commas (*.csv)") if other == "comma" else _tr(
        "CSV separated by semicolons (*.csv)")
    filters = [csv_filter, other_filter] + ([vcard_filter] if kind in ("contact", "contacts") else [])
    name = _tr("contacts") if kind in ("contact", "contacts") else _tr("accounts")
    path, chosen = QFileDialog.getSaveFileName(parent, _tr("Export"), f"{name}.csv", ";;".join(filters))
    if not path:
        return None
    if chosen == vcard_filter or path.lower().endswith(".vcf"):
        return ExportFile(Path(path), "vcard")
    return ExportFile(Path(path), "csv", other if chosen == other_filter else None)


class _ExportRun(QObject):
    """One export in flight: its thread, its delayed progress dialog, and the message at the end.

    Lives on the GUI thread, so the worker's signals reach its slots queued.
    """

    done = Signal()

    def __init__(self, parent: QWidget, worker: ExportWorker) -> None:
        super().__init__(parent)
        self.parent_widget, self.worker = parent, worker
        self.thread_ = QThread()
        worker.moveToThread(self.thread_)
        self.progress = QProgressDialog(_tr("Exporting..."), "", 0, 0, parent)
        self.progress.setWindowTitle(_tr("Export"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)  # one export at a time
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(600)  # quick exports never flash a dialog
        self.thread_.started.connect(worker.run)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)

    def start(self) -> None:
        """Start writing the file."""
        self.progress.setValue(0)  # starts its clock: without a first value it never showed at all
        self.thread_.start()

    def finish_before_close(self) -> None:
        """The window is closing: let the file be written whole (its thread must not outlive it)."""
        self.thread_.quit()  # ends once the export returns; the finished message has nowhere to go
        self.thread_.wait()

    @Slot(int)
    def _on_worker_finished(self, count: int) -> None:
        self._stop()
        QMessageBox.information(self.parent_widget, _tr("Export"),
                                _tr("Exported {0} records to {1}.").format(count, self.worker.path))
        self.done.emit()

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self._stop()
        QMessageBox.warning(self.parent_widget, _tr("Export"), _tr("The export failed: {0}").format(message))
        self.done.emit()

    def _stop(self) -> None:
        self.progress.cancel()  # also stops its timer: a finished export never shows the dialog
        self.thread_.quit()
        self.thread_.wait()


def export_list(parent: QWidget, transfer: TransferService, kind: str, search: str | None, view: str,
                order: tuple[str, bool] | None = None) -> None:
    """Export what a list view shows (its view, search and column order) to a file the user picks."""
    chosen = choose_file(parent, kind, transfer.csv_delimiter())
    if chosen is None:
        return
    view_name: View = view if view in ("mine", "active", "inactive", "all") else "active"  # type: ignore[assignment]
    worker = ExportWorker(transfer, kind if kind.endswith("s") else f"{kind}s", chosen, search, view_name, order)
    # The run is a child of ``parent``, which keeps it, its thread and its worker
    # alive; deleting them from their own finished slot would free the sender
    # of the signal being delivered.
    _ExportRun(parent, worker).start()
