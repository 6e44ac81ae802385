"""Import and export use cases: what the CLI's import/export and the GUI's wizard call.

Files are sniffed (encoding, delimiter, CSV or vCard), their columns mapped
to fields by name and synonym (or by a saved or hand-made mapping), and
their rows imported through the store's batch path: every record lands in
the outbox and syncs like any edit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from crm_core.reasons import Reason
from crm_desktop.services import spreadsheet
from crm_desktop.services.errors import ServiceError
from crm_desktop.services.preferences import Preferences
from crm_desktop.store import Store
from crm_desktop.store.queries import SORTS, View
from crm_desktop.transfer import export as exporting
from crm_desktop.transfer import fields, reasons, vcard
from crm_desktop.transfer.errors import TransferError
from crm_desktop.transfer.importer import Importer, ImportOptions
from crm_desktop.transfer.mapper import RowMapper
from crm_desktop.transfer.reader import preview_rows
from crm_desktop.transfer.report import ERROR_COLUMN, ImportReport, RowError
from crm_desktop.transfer.sniff import FileKind, sniff
from crm_desktop.transfer.source import open_source

log = logging.getLogger("crm.transfer")

KINDS = ("auto", "accounts", "contacts")
MODES = ("create", "upsert")
DUPLICATES = ("skip", "update")
FORMATS = ("csv", "vcard")
ColumnMapping = Sequence[str] | Mapping[str, str]

__all__ = ["SORTS", "ImportReport", "MappingRefused", "Preview", "RowError", "TransferFailed", "TransferService"]


class TransferFailed(ServiceError):
    """A file or mapping the import or export refuses (empty, binary, not a table...).

    ``reason`` is the refusal's code and values when it has them (see crm_core.reasons).
    """

    def __init__(self, message: str | Reason) -> None:
        super().__init__(str(message))
        self.reason = message if isinstance(message, Reason) else None


class MappingRefused(TransferFailed):
    """No usable column mapping: no column is a known field, none holds a name, or a target is unknown."""

    def __init__(self, message: str | Reason, headers: Sequence[str]) -> None:
        super().__init__(message)
        self.headers = list(headers)


@dataclass(frozen=True)
class Preview:
    """What the wizard shows before importing: how the file reads and how it would map."""

    path: Path
    format: str
    encoding: str
    delimiter: str
    headers: list[str]
    rows: list[list[str]]
    kind: str
    mapping: list[str]

    def targets(self, kind: str | None = None) -> list[str]:
        """The fields a column may be mapped to (``""`` means ignore the column)."""
        return fields.targets(kind or self.kind)


class TransferService:
    """Import files into the store and export list views out of it.

    CSV files are written with the delimiter of the rep's Excel, worked out
    from the language preference and ``system_locale()`` (the GUI passes Qt's).
    """

    def __init__(self, store: Store, *,
                 system_locale: Callable[[], str | None] = spreadsheet.system_locale) -> None:
        self.store = store
        self.system_locale = system_locale

    def csv_delimiter(self) -> str:
        """The name (comma, semicolon) of the delimiter the rep's Excel splits a CSV file on."""
        locale = spreadsheet.file_locale(Preferences(self.store).language, self.system_locale())
        return spreadsheet.DELIMITER_NAMES[spreadsheet.excel_delimiter(locale)]

    def _delimiter(self, name: str | None) -> str:
        """The character of a delimiter named by the caller, or of the rep's Excel for None."""
        if name is None:
            name = self.csv_delimiter()
        _check_choice("delimiter", name, tuple(spreadsheet.DELIMITERS))
        return spreadsheet.DELIMITERS[name]

    def preview(self, path: str | Path, *, limit: int = 20, encoding: str | None = None) -> Preview:
        """Sniff a file: encoding, delimiter, header, first rows, detected kind, suggested mapping."""
        path = Path(path)
        try:
            kind = sniff(path, encoding)
            if kind.format == "vcard":
                return self._vcard_preview(path, kind, limit)
            headers, rows = preview_rows(path, kind, limit)
        except TransferError as exc:
            raise TransferFailed(exc.reason) from None
        detected = fields.detect_kind(headers)
        return Preview(path, kind.format, kind.encoding, kind.delimiter, headers, rows, detected,
                       fields.suggest_mapping(headers, detected))

    def _vcard_preview(self, path: Path, kind: FileKind, limit: int) -> Preview:
        source = open_source(path, kind)
        try:
            rows = [r.cells for _, r in zip(range(limit), source.rows(), strict=False)]
        finally:
            source.close()
        return Preview(path, "vcard", kind.encoding, "", list(vcard.COLUMNS), rows, "contacts",
                       list(vcard.MAPPING))

    def import_file(self, path: str | Path, *, kind: str = "auto", mode: str = "create",
                    mapping: ColumnMapping | None = None, duplicates: str = "skip", dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None, encoding: str | None = None) -> ImportReport:
        """Import a CSV or vCard file; ``progress(rows done, rows expected)`` after each chunk.

        ``mapping`` is a target per column (see ``Preview.targets``) or a
        saved ``{header: target}``; unmapped columns are ignored, and the
        report names them.  Rows that fail are reported with their line and
        reason and written nowhere.
        """
        _check_choice("kind", kind, KINDS)
        _check_choice("mode", mode, MODES)
        _check_choice("duplicates", duplicates, DUPLICATES)
        preview = self.preview(path, limit=0, encoding=encoding)
        chosen = preview.kind if kind == "auto" else kind
        columns = self._columns(preview, chosen, mapping)
        report = ImportReport(kind=chosen, headers=preview.headers, dry_run=dry_run)
        mapper = RowMapper(preview.headers, columns)
        _note_unused_columns(report, mapper, columns)
        try:
            self._run(preview, mapper, ImportOptions(chosen, mode, duplicates, dry_run), report, progress, cancel)
        except TransferError as exc:
            raise TransferFailed(exc.reason) from None
        if not report.processed and not report.cancelled:
            report.warnings.append(f"{preview.path.name}: no rows to import; the file has a header only")
        log.info("imported %s: %d created, %d updated, %d duplicates, %d failed%s", preview.path.name,
                 report.created, report.updated, report.duplicates, report.failed,
                 " (dry run)" if dry_run else "")
        return report

    def _columns(self, preview: Preview, kind: str, mapping: ColumnMapping | None) -> list[str]:
        if preview.format == "vcard":
            if kind != "contacts":
                raise TransferFailed(reasons.VCARD_HOLDS_CONTACTS())
            return list(vcard.MAPPING)
        suggested = fields.suggest_mapping(preview.headers, kind)
        if mapping is None:
            columns = suggested
        elif isinstance(mapping, Mapping):
            columns = fields.apply_saved(preview.headers, dict(mapping), suggested)
        else:
            columns = list(mapping) + [fields.IGNORE] * (len(preview.headers) - len(mapping))
        try:
            fields.check_mapping(columns, kind)
        except TransferError as exc:
            raise MappingRefused(reasons.IN_FILE(file=preview.path.name, why=exc.reason), preview.headers) from None
        return columns

    def _run(self, preview: Preview, mapper: RowMapper, options: ImportOptions, report: ImportReport,
             progress: Callable[[int, int], None] | None, cancel: threading.Event | None) -> None:
        source = open_source(preview.path, FileKind(preview.format, preview.encoding, preview.delimiter))
        try:
            importer = Importer(self.store, mapper, options, report)

            def tick() -> None:
                """Rows done and the rows the bytes read so far promise."""
                if progress is not None:
                    done = report.processed
                    expected = max(done, round(done * source.size / max(source.position(), 1)))
                    progress(done, expected)

            importer.run(source.rows(), progress=tick, cancel=cancel)
            if progress is not None:
                progress(report.processed, report.processed)
        finally:
            source.close()

    # -- mappings --------------------------------------------------------------

    def load_mapping(self, path: str | Path) -> tuple[str | None, dict[str, str]]:
        """A saved mapping: its kind (or None) and header -> field."""
        try:
            return fields.load_mapping(Path(path))
        except TransferError as exc:
            raise TransferFailed(exc.reason) from None

    def save_mapping(self, path: str | Path, headers: Sequence[str], mapping: Sequence[str], kind: str) -> None:
        """Save a column mapping to reuse with the next file from the same place."""
        try:
            fields.save_mapping(Path(path), headers, mapping, kind)
        except OSError as exc:
            raise TransferFailed(f"cannot write {path}: {exc.strerror or exc}") from None

    def save_failed_rows(self, report: ImportReport, path: str | Path, *, delimiter: str | None = None,
                         error_column: str = ERROR_COLUMN, words: Callable[[RowError], str] | None = None,
                         extra_column: str = "Column {n}") -> int:
        """Write an import's failed rows as a CSV to fix and import again; returns the rows written.

        ``delimiter`` (comma, semicolon, tab) defaults to the rep's Excel's, where the rows get fixed;
        ``error_column``, ``words`` and ``extra_column`` word the added columns (``ImportReport.save_failed_rows``).
        """
        character = self._delimiter(delimiter)
        try:
            return report.save_failed_rows(Path(path), delimiter=character, error_column=error_column, words=words,
                                           extra_column=extra_column)
        except OSError as exc:
            raise TransferFailed(f"cannot write {path}: {exc.strerror or exc}") from None

    def mapping_for(self, preview: Preview, kind: str, mapping: ColumnMapping | None) -> list[str]:
        """The target of each column that an import with these arguments would use."""
        return self._columns(preview, preview.kind if kind == "auto" else kind, mapping)

    # -- export ----------------------------------------------------------------

    def export(self, kind: str, path: str | Path, *, fmt: str = "csv", search: str | None = None,
               view: View = "active", sort: str | None = None, descending: bool = False,
               delimiter: str | None = None, language: str = "en") -> int:
        """Write a list view (accounts or contacts, maybe searched) as CSV or vCard; returns rows.

        Rows come in name order, or by the list column ``sort`` (as the rep sorted the list).
        A CSV is split by ``delimiter`` (comma, semicolon, tab; default: the rep's Excel's)
        and headed in ``language`` (en, es: words the import maps back to the same fields).
        """
        entity_name = kind.removesuffix("s")
        if entity_name not in ("account", "contact"):
            raise TransferFailed(f"cannot export {kind!r}; use accounts or contacts")
        _check_choice("format", fmt, FORMATS)
        _check_choice("view", view, ("mine", "active", "inactive", "all"))
        sort = sort or ("name" if descending else None)
        if sort is not None:
            _check_choice("sort", sort, tuple(SORTS[entity_name]))
        order = (sort, descending) if sort is not None and (sort, descending) != ("name", False) else None
        try:
            if fmt == "csv":
                _check_choice("language", language, exporting.HEADER_LANGUAGES)
                count = exporting.export_csv(self.store, entity_name, Path(path), search=search, view=view,
                                             order=order, delimiter=self._delimiter(delimiter), language=language)
            else:
                count = exporting.export_vcard(self.store, entity_name, Path(path), search=search, view=view,
                                               order=order)
        except OSError as exc:
            raise TransferFailed(f"cannot write {path}: {exc.strerror or exc}") from None
        log.info("exported %d %s to %s", count, kind, path)
        return count


def _note_unused_columns(report: ImportReport, mapper: RowMapper, columns: Sequence[str]) -> None:
    """Name in the report the columns nothing is read from, and why when they were mapped."""
    unused = mapper.unused_columns()
    names = {i: report.headers[i] or f"Column {i + 1}" for i in unused}
    report.ignored_columns = list(names.values())
    orphans = [names[i] for i in unused if columns[i] != fields.IGNORE]
    if orphans:
        report.warnings.append(f"{', '.join(orphans)}: not imported: no column holds the company's name, so "
                               "no account is made for these account fields (map one to account.name)")


def _check_choice(name: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise TransferFailed(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
