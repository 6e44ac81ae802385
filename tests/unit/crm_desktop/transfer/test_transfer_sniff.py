"""Encodings, delimiters and files that are no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import TransferFailed, TransferService


@pytest.mark.parametrize(("name", "encoding", "delimiter"), [
    ("contactos_excel_es.csv", "cp1252", ";"),
    ("outlook_contacts.csv", "utf-8-sig", ","),
    ("unicode_text.txt", "utf-16", "\t"),
    ("lower_case_header.tsv", "utf-8", "\t"),
])
def test_preview_detects_encoding_and_delimiter(transfer: TransferService, data: Path, name: str,
                                                encoding: str, delimiter: str) -> None:
    preview = transfer.preview(data / name)
    assert (preview.encoding, preview.delimiter) == (encoding, delimiter)
    assert preview.kind == "contacts"


def test_spanish_windows_1252_text_reads_with_its_accents(transfer: TransferService, data: Path) -> None:
    preview = transfer.preview(data / "contactos_excel_es.csv")
    assert preview.headers[2] == "Correo electrónico"
    assert preview.rows[0][:2] == ["José", "García Núñez"]


def test_semicolons_inside_quoted_company_names_stay_in_the_cell(transfer: TransferService, data: Path) -> None:
    preview = transfer.preview(data / "contactos_excel_es.csv")
    assert [row[4] for row in preview.rows[:3]] == ["Iberia Datos; S.L.", "Iberia Datos; S.L.",
                                                    "Cervecería Sur; Cádiz"]


def test_utf16_without_bom_is_recognised(transfer: TransferService, tmp_path: Path) -> None:
    path = tmp_path / "no_bom.csv"
    path.write_bytes("Last Name,Email\nRuiz,ana@x.example\n".encode("utf-16-le"))
    preview = transfer.preview(path)
    assert (preview.encoding, preview.headers) == ("utf-16-le", ["Last Name", "Email"])


def test_utf8_without_bom_is_not_mistaken_for_a_code_page(transfer: TransferService, tmp_path: Path) -> None:
    path = tmp_path / "utf8.csv"
    path.write_text("Nombre,Apellidos\nÑoño,Pérez\n", encoding="utf-8")
    assert transfer.preview(path).encoding == "utf-8"


@pytest.mark.parametrize(("name", "message"), [
    ("empty.csv", "empty"),
    ("binary.csv", "binary"),
    ("workbook.xlsx", "Excel workbook"),
])
def test_files_that_are_no_table_get_a_clear_error(transfer: TransferService, data: Path, name: str,
                                                   message: str) -> None:
    with pytest.raises(TransferFailed, match=message):
        transfer.import_file(data / name)


def test_prose_is_refused_as_not_a_table(transfer: TransferService, data: Path) -> None:
    with pytest.raises(TransferFailed, match="no column is a field we know"):
        transfer.import_file(data / "not_a_table.txt")


def test_a_missing_file_is_named_in_the_error(transfer: TransferService, tmp_path: Path) -> None:
    with pytest.raises(TransferFailed, match="no such file"):
        transfer.preview(tmp_path / "nope.csv")


def test_a_file_of_blank_lines_is_empty(transfer: TransferService, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\r\n\r\n  \r\n")
    with pytest.raises(TransferFailed, match="empty"):
        transfer.preview(path)
