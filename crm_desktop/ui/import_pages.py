"""The import wizard's first four pages: the file, its preview, the column mapping and the options.

They only read the file and collect the rep's choices; nothing is written
until the import runs (``import_run``). The page ids, the mapping targets'
labels and the read-only tables the pages share live here too.
Every string goes through ``tr()`` so the wizard can be shown in Spanish.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from crm_desktop.services.errors import KNOWN_ERRORS
from crm_desktop.services.transfer import Preview, TransferService
from crm_desktop.ui.import_fields import column_labels, field_label
from crm_desktop.ui.import_reasons import error_text

if TYPE_CHECKING:  # the wizard imports these pages; the pages only need its type
    from crm_desktop.ui.import_wizard import ImportWizard

PAGE_FILE, PAGE_PREVIEW, PAGE_MAPPING, PAGE_OPTIONS, PAGE_PROGRESS, PAGE_REPORT = range(6)
FIELD_COLUMN_WIDTH = 320  # the mapping table's Field column, at least


class FilePage(QWizardPage):
    """Choose the file; it is read at once to say what it is."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A CSV file from Excel, Outlook, Google or another CRM, or a vCard file "
                                 "from a phone or address book."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        browse = QPushButton(self.tr("Browse..."))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.path_edit.editingFinished.connect(self._on_path_edit_editing_finished)

    def set_path(self, path: str) -> None:
        """Read ``path`` and show what it is (or why it cannot be imported)."""
        self.path_edit.setText(path)
        self._wizard.preview = None
        try:
            preview = self._wizard.transfer.preview(path)
        except KNOWN_ERRORS as exc:  # empty, binary, not a table...: said in the rep's language
            self.info.setText(f"<span style='color:#b00020'>{html.escape(error_text(exc), quote=False)}</span>")
        else:
            self._wizard.preview = preview
            self.info.setText(self._describe(preview))
        self.completeChanged.emit()

    def _describe(self, preview: Preview) -> str:
        if preview.format == "vcard":
            return self.tr("vCard file ({0}): contacts, one per card.").format(preview.encoding)
        delimiter = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab"),
                     "|": self.tr("vertical bar")}.get(preview.delimiter, preview.delimiter)
        kind = self.tr("contacts") if preview.kind == "contacts" else self.tr("accounts")
        return self.tr("CSV file: encoding {0}, separated by {1}, {2} columns. It looks like {3}.").format(
            preview.encoding, delimiter, len(preview.headers), kind)

    def isComplete(self) -> bool:
        return self._wizard.preview is not None

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import file"), "",
                                              self.tr("CSV and vCard files (*.csv *.txt *.tsv *.vcf);;"
                                                      "All files (*)"))
        if path:
            self.set_path(path)

    def _on_path_edit_editing_finished(self) -> None:
        if self.path_edit.text().strip():
            self.set_path(self.path_edit.text().strip())


class PreviewPage(QWizardPage):
    """The first rows as the import reads them."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows of the file, as they will be read."))
        self.table = read_only_table()
        QVBoxLayout(self).addWidget(self.table)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        if preview is not None:
            fill_table(self.table, column_labels(preview), preview.rows)


class MappingPage(QWizardPage):
    """Which field each column goes to; unmatched columns are ignored unless mapped by hand."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Match columns to fields"))
        self.setSubTitle(self.tr("Columns were matched by name; change any, or choose (ignore)."))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Contacts (with their companies)"), "contacts")
        self.kind.addItem(self.tr("Accounts"), "accounts")
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.table = read_only_table(["Column", "First value", "Field"])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(2, FIELD_COLUMN_WIDTH)
        self.table.setWordWrap(False)
        self.load_button = load = QPushButton(self.tr("Load mapping..."))
        self.save_button = save = QPushButton(self.tr("Save mapping..."))
        load.clicked.connect(self._on_load_clicked)
        save.clicked.connect(self._on_save_clicked)
        self.error = QLabel()
        self.error.setWordWrap(True)  # a long reason wraps instead of running off the page
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Import as:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(load)
        top.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []
        self._shown_for: Preview | None = None

    def initializePage(self) -> None:
        preview = self._wizard.preview
        if preview is None or preview is self._shown_for:
            return  # back from the preview to the same file: keep what the rep chose by hand
        self._shown_for = preview
        for widget in (self.kind, self.load_button, self.save_button):
            widget.setEnabled(preview.format == "csv")  # a vCard's fields are fixed
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(preview.kind))
        self.kind.blockSignals(False)
        self._show(preview.mapping)

    def _show(self, mapping: list[str]) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("First value"), self.tr("Field")])
        self.table.setRowCount(len(preview.headers))
        self.combos = []
        targets = preview.targets(self.kind.currentData())
        first = preview.rows[0] if preview.rows else []
        for row, header in enumerate(column_labels(preview)):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            self.table.setItem(row, 1, QTableWidgetItem(first[row] if row < len(first) else ""))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for target in targets:
                combo.addItem(field_label(target), target)
            combo.setCurrentIndex(max(combo.findData(mapping[row] if row < len(mapping) else ""), 0))
            combo.setEnabled(preview.format == "csv")
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        # Wide enough for the longest field's words (Spanish ones run longer), never cut.
        widest = max((combo.sizeHint().width() for combo in self.combos), default=0)
        self.table.setColumnWidth(2, max(FIELD_COLUMN_WIDTH, widest))
        self.completeChanged.emit()

    def mapping(self) -> list[str]:
        """The chosen target of each column."""
        return [str(c.currentData()) for c in self.combos]

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        if preview is None:
            return False
        try:
            self._wizard.transfer.mapping_for(preview, self.kind.currentData(), self.mapping())
        except KNOWN_ERRORS as exc:
            self._show_error(error_text(exc))
            return False
        self._show_error("")
        return True

    def _on_kind_current_index_changed(self, _index: int) -> None:
        preview = self._wizard.preview
        if preview is not None:
            self._show(self._wizard.transfer.mapping_for(preview, self.kind.currentData(), None)
                       if _safe_mapping(self._wizard.transfer, preview, self.kind.currentData())
                       else [""] * len(preview.headers))

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.completeChanged.emit()

    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load mapping"), "", self.tr("Mappings (*.json)"))
        preview = self._wizard.preview
        if not path or preview is None:
            return
        name = Path(path).name
        try:
            kind, saved = self._wizard.transfer.load_mapping(path)
        except KNOWN_ERRORS as exc:
            self._show_error(self.tr("{0} is not a mapping saved by this app, or cannot be read.").format(name), exc)
            return
        try:
            columns = self._wizard.transfer.mapping_for(preview, kind or self.kind.currentData(), saved)
        except KNOWN_ERRORS as exc:  # a field that does not exist, no name column left...
            self._show_error(self.tr("The mapping {0} does not fit this file; the columns keep their fields."
                                     ).format(name), exc)
            return
        if kind:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.kind.blockSignals(False)
        self._show(columns)

    def _show_error(self, message: str, details: BaseException | None = None) -> None:
        """A line in red under the table; the service's own words (in English) in its tooltip."""
        self.error.setText(f"<span style='color:#b00020'>{html.escape(message, quote=False)}</span>" if message else "")
        self.error.setToolTip(str(details) if details is not None else "")

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save mapping"), self._wizard.beside_file("mapping.json"),
                                              self.tr("Mappings (*.json)"))
        if not path or self._wizard.preview is None:
            return
        try:
            self._wizard.transfer.save_mapping(path, self._wizard.preview.headers, self.mapping(),
                                               self.kind.currentData())
        except KNOWN_ERRORS as exc:  # a folder the rep may not write to, a full disk...
            QMessageBox.warning(self, self.tr("Save mapping"), self.tr("The mapping was not saved: {0}").format(exc))


class OptionsPage(QWizardPage):
    """Create only or create-or-update, and what to do with duplicates."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Duplicates"))
        self.setSubTitle(self.tr("A row is a duplicate when its email or phone is already there, or a "
                                 "contact with a very similar name works at the same company."))
        self.create_only = QRadioButton(self.tr("Create new records only"))
        self.upsert = QRadioButton(self.tr("Create new records and update the ones with the same email, "
                                           "account number or account name"))
        self.create_only.setChecked(True)
        self.skip = QRadioButton(self.tr("Skip duplicates"))
        self.update_existing = QRadioButton(self.tr("Update the existing record with the row's values"))
        self.skip.setChecked(True)
        self.dry_run = QCheckBox(self.tr("Only check the file (write nothing)"))
        # Two choices: radio buttons of one page are otherwise one group of four.
        for pair in ((self.create_only, self.upsert), (self.skip, self.update_existing)):
            group = QButtonGroup(self)  # the page keeps it
            for button in pair:
                group.addButton(button)
        form = QFormLayout(self)
        form.addRow(self.tr("Records:"), self.create_only)
        form.addRow("", self.upsert)
        form.addRow(self.tr("Duplicates:"), self.skip)
        form.addRow("", self.update_existing)
        form.addRow("", self.dry_run)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

    def options(self) -> dict[str, Any]:
        """The import_file keywords these choices stand for."""
        return {"mode": "upsert" if self.upsert.isChecked() else "create",
                "duplicates": "update" if self.update_existing.isChecked() else "skip",
                "dry_run": self.dry_run.isChecked()}


def _safe_mapping(transfer: TransferService, preview: Preview, kind: str) -> bool:
    try:
        transfer.mapping_for(preview, kind, None)
    except KNOWN_ERRORS:
        return False
    return True


def read_only_table(headers: list[str] | None = None) -> QTableWidget:
    """An empty table the rep can read and resize but not edit."""
    table = QTableWidget(0, len(headers or []))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    """Replace ``table``'s contents with ``rows``, line breaks shown as ⏎ so each row stays one line."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row[:len(headers)]):
            table.setItem(r, c, QTableWidgetItem(value.replace("\r\n", " ⏎ ").replace("\n", " ⏎ ")))
    table.resizeColumnsToContents()
