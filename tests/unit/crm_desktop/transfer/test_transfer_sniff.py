"""Encodings, delimiters and files that are no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import TransferFailed, TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import sniff
from crm_desktop.transfer.sniff import detect_encoding

from .conftest import accounts, contacts


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


def _semicolon_file(path: Path, rows: int, late: bytes) -> Path:
    """A Spanish Excel export: ASCII rows with quoted ``;`` in the company, then ``late``."""
    lines = "".join(f'N{i};A{i};"Emp; {i % 3}"\r\n' for i in range(rows))
    path.write_bytes(b"Nombre;Apellidos;Empresa\r\n" + lines.encode("ascii") + late)
    return path


_BEGONA = 'Begoña;Ibáñez;"Café; S.A."\r\n'


def test_windows_1252_accents_late_in_the_file_are_not_read_as_a_cjk_encoding(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _semicolon_file(tmp_path / "late.csv", 500, _BEGONA.encode("cp1252"))  # QA: read as johab
    assert transfer.preview(path).encoding == "cp1252"
    report = transfer.import_file(path)
    assert (report.created, report.failed) == (501, 0)
    assert contacts(store)["Ibáñez"].fields["first_name"] == "Begoña"
    assert "Café; S.A." in accounts(store)


def test_semicolon_file_with_windows_1252_past_the_sniffed_head_keeps_quoted_semicolons(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = _semicolon_file(tmp_path / "big.csv", 5000, _BEGONA.encode("cp1252"))
    assert path.stat().st_size > sniff.SAMPLE_BYTES
    preview = transfer.preview(path)
    assert (preview.encoding, preview.delimiter, preview.rows[0]) == ("cp1252", ";", ["N0", "A0", "Emp; 0"])
    report = transfer.import_file(path)
    assert (report.created, report.failed) == (5001, 0)
    names = store.conn.execute("SELECT first_name FROM contact WHERE last_name = 'Ibáñez'").fetchall()
    assert [row[0] for row in names] == ["Begoña"]
    assert set(accounts(store)) == {"Emp; 0", "Emp; 1", "Emp; 2", "Café; S.A."}


def test_utf8_past_the_sniffed_head_is_not_read_as_windows_1252(transfer: TransferService,
                                                                tmp_path: Path) -> None:
    path = _semicolon_file(tmp_path / "late_utf8.csv", 5000, _BEGONA.encode("utf-8"))
    assert transfer.preview(path).encoding == "utf-8"


def test_a_character_cut_by_the_sniffed_head_is_read_whole(transfer: TransferService, tmp_path: Path) -> None:
    head = b"Last Name,Email\n" + b"x" * (sniff.SAMPLE_BYTES - 17)
    path = tmp_path / "cut.csv"
    path.write_bytes(head + "ñ,a@x.example\n".encode() * 3)  # the head ends inside the ñ
    assert transfer.preview(path).encoding == "utf-8"


def test_the_scan_for_late_accents_stops_at_its_limit(transfer: TransferService, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "SCAN_BYTES", 1024 * 1024)
    path = _semicolon_file(tmp_path / "huge.csv", 120_000, _BEGONA.encode("cp1252"))
    assert path.stat().st_size > sniff.SAMPLE_BYTES + 2 * 1024 * 1024
    assert transfer.preview(path).encoding == "utf-8"  # the stray row then fails instead of mojibake


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("Фамилия;Имя\r\nИванов;Пётр\r\n", "cp1251", "cp1251"),
    ("姓,名,会社\r\n山田,太郎,株式会社テスト\r\n", "shift_jis", "cp932"),
    ("Prénom,Nom\r\nFrançoise,Lefèvre “SA”\r\n", "cp1252", "cp1252"),
    ("Vorname;Nachname\r\nJürgen;Müßig\r\n", "cp1252", "cp1252"),
])
def test_another_script_is_recognised_only_when_whole_words_are_non_ascii(
        text: str, encoding: str, expected: str) -> None:
    assert detect_encoding(text.encode(encoding)) == expected


def test_bytes_windows_1252_leaves_undefined_read_as_latin_1() -> None:
    assert detect_encoding("Nombre\r\nJos\x81 Peña\r\n".encode("latin-1")) == "latin-1"


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
