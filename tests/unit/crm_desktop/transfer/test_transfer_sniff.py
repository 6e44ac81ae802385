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


_STRAY = "First Name,Last Name,Email\nJosé,Núñez,j@x.example\n".encode() + b"Bad\xff\xfe,Byte\x80s,b@x.example\n"


def test_a_utf8_file_with_a_few_bad_bytes_stays_utf8_and_only_their_row_fails(
        transfer: TransferService, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_bytes(_STRAY)  # QA: read as Windows-1252, "JosÃ© NÃºÃ±ez"
    assert transfer.preview(path).encoding == "utf-8"
    report = transfer.import_file(path)
    assert (report.created, report.failed) == (1, 1)
    assert [(e.line, e.reason.split(":")[0]) for e in report.errors] == [(3, "First Name")]
    assert contacts(store)["Núñez"].fields["first_name"] == "José"


@pytest.mark.parametrize(("sample", "expected"), [
    (_STRAY, "utf-8"),
    # One name of valid UTF-8, then rows from elsewhere: a few bad bytes per valid character still is UTF-8.
    ("Nombre;Apellidos\r\nÑoño;Pérez\r\n".encode() + "Begoña;Ibáñez\r\n".encode("cp1252"), "utf-8"),
    # Windows-1252 whose upper-case accent happens to form UTF-8 before a symbol ("Ú»" is U+06BB).
    ("Nombre;Apellidos\r\nJosé;García Núñez\r\nBegoña;Ibáñez «SEGÚN»\r\nMaría;Peña\r\n".encode("cp1252"),
     "cp1252"),
    ("Nombre;Apellidos\r\nJosé;García\r\n".encode("cp1252"), "cp1252"),
])
def test_valid_utf8_sequences_outweigh_a_few_invalid_bytes(sample: bytes, expected: str) -> None:
    assert detect_encoding(sample) == expected


@pytest.mark.parametrize(("encoding", "message"), [
    ("utf-16", "ascii.csv: cannot be read as utf-16: the file is not UTF-16 text"),
    ("utf-32", "ascii.csv: cannot be read as utf-32: the file is not UTF-32 text"),
    ("nope", "ascii.csv: unknown encoding 'nope' (try utf-8, cp1252 or utf-16)"),
    ("hex", "ascii.csv: 'hex' is not a text encoding (try utf-8, cp1252 or utf-16)"),
    ("rot13", "ascii.csv: 'rot13' is not a text encoding (try utf-8, cp1252 or utf-16)"),
])
def test_an_encoding_that_cannot_read_the_file_is_named_in_one_line(
        transfer: TransferService, store: Store, tmp_path: Path, encoding: str, message: str) -> None:
    path = tmp_path / "ascii.csv"
    path.write_text("Last Name,Email\nRuiz,ana@x.example\n", encoding="ascii")
    with pytest.raises(TransferFailed) as failed:
        transfer.import_file(path, encoding=encoding)
    assert str(failed.value) == message
    assert store.count("contact") == 0


def test_utf16_named_for_a_file_without_bom_says_which_utf16_to_name(transfer: TransferService,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "no_bom.csv"
    path.write_bytes("Last Name,Email\nRuiz,ana@x.example\n".encode("utf-16-le"))
    with pytest.raises(TransferFailed, match=r"^no_bom\.csv: cannot be read as utf-16: .*BOM \(name "
                                             r"utf-16-le or utf-16-be instead\)$"):
        transfer.preview(path, encoding="utf-16")
    assert transfer.preview(path, encoding="utf-16-le").headers == ["Last Name", "Email"]
    with pytest.raises(TransferFailed, match=r"^no_bom\.csv: cannot be read as utf-8: it reads as binary"):
        transfer.preview(path, encoding="utf-8")
