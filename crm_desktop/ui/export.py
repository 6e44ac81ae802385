"""Export of a list view: ask where, then write the file off the GUI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from crm_desktop.services import View
from crm_desktop.services.errors import KNOWN_ERRORS
from crm_desktop.services.transfer import TransferService

log = logging.getLogger("crm.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


class ExportWorker(QObject):
    """Writes one export on a worker thread."""

    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, transfer: TransferService, kind: str, path: Path, fmt: str, search: str | None,
                 view: View, order: tuple[str, bool] | None = None) -> None:
        super().__init__()
        self.transfer, self.kind, self.path, self.fmt = transfer, kind, path, fmt
        self.search, self.view, self.order = search, view, order

    @Slot()
    def run(self) -> None:
        """Export; emits ``finished(rows)`` or ``failed(message)``."""
        try:
            sort, descending = self.order or (None, False)
            count = self.transfer.export(self.kind, self.path, fmt=self.fmt, search=self.search, view=self.view,
                                         sort=sort, descending=descending)
        except KNOWN_ERRORS as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the trace, tell the user
            log.exception("export to %s failed", self.path)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(count)


def choose_file(parent: QWidget, kind: str) -> tuple[Path, str] | None:
    """Ask where to save; returns the path and format (csv or vcard), or None."""
    csv_filter, vcard_filter = _tr("CSV for Excel (*.csv)"), _tr("vCard (*.vcf)")
    filters = csv_filter if kind in ("account", "accounts") else f"{csv_filter};;{vcard_filter}"
    name = _tr("contacts") if kind in ("contact", "contacts") else _tr("accounts")
    path, chosen = QFileDialog.getSaveFileName(parent, _tr("Export"), f"{name}.csv", filters)
    if not path:
        return None
    fmt = "vcard" if chosen == vcard_filter or path.lower().endswith(".vcf") else "csv"
    return Path(path), fmt


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
    chosen = choose_file(parent, kind)
    if chosen is None:
        return
    path, fmt = chosen
    view_name: View = view if view in ("mine", "active", "inactive", "all") else "active"  # type: ignore[assignment]
    worker = ExportWorker(transfer, kind if kind.endswith("s") else f"{kind}s", path, fmt, search, view_name, order)
    # The run is a child of ``parent``, which keeps it, its thread and its worker
    # alive; deleting them from their own finished slot would free the sender
    # of the signal being delivered.
    _ExportRun(parent, worker).start()
