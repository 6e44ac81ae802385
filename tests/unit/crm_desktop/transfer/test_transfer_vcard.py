"""vCard 2.1, 3.0 and 4.0 in; vCard 4.0 out."""

from __future__ import annotations

import io
from pathlib import Path

from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import vcard

from .conftest import accounts, contacts


def test_vcard_21_file_with_two_cards(transfer: TransferService, store: Store, data: Path) -> None:
    report = transfer.import_file(data / "phone_v21.vcf")
    assert (report.created, report.failed) == (2, 0)
    lucia = contacts(store)["Fernández"].fields
    assert lucia["first_name"] == "Lucía", "quoted-printable in Windows-1252"
    assert (lucia["phone"], lucia["mobile_phone"]) == ("+34 941 123 456", "+34 611 222 333")
    assert lucia["description"] == "Primera línea\nsegunda línea", "soft line break joined, CRLF as \\n"
    assert lucia["account_id"] == accounts(store)["Bodegas Rioja"].id
    assert contacts(store)["Smith"].fields["account_id"] is None


def test_outlook_quoted_printable_line_breaks_are_stored_as_newlines(transfer: TransferService, store: Store,
                                                                     tmp_path: Path) -> None:
    card = ("BEGIN:VCARD", "VERSION:2.1", "N;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Ib=C3=A1=C3=B1ez;Marta",
            # Outlook: a note of three lines, written across two physical lines with a soft break ("=").
            "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Llamar los lunes.=0D=0A=0D=0APrefiere correo =",
            "electr=C3=B3nico.",
            "ADR;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:;;Pol=C3=ADgono Norte, nave 4=0D=0ACalle B;Le=C3=B3n;;"
            "24009;Espa=C3=B1a",
            "END:VCARD")
    path = tmp_path / "outlook.vcf"
    path.write_bytes(("\r\n".join(card) + "\r\n").encode("ascii"))
    assert transfer.import_file(path).created == 1
    marta = contacts(store)["Ibáñez"].fields  # QA: stored with "\r\n"
    assert marta["description"] == "Llamar los lunes.\n\nPrefiere correo electrónico."
    assert (marta["street"], marta["city"], marta["country"]) == ("Polígono Norte, nave 4\nCalle B", "León", "España")


def test_apple_vcard_30_groups_escapes_and_several_emails(transfer: TransferService, store: Store,
                                                          data: Path) -> None:
    transfer.import_file(data / "apple_v30.vcf")
    chloe = contacts(store)["O'Brien"].fields
    assert (chloe["email"], chloe["email2"]) == ("chloe@norte.example", "chloe.obrien@home.example")
    assert (chloe["mobile_phone"], chloe["phone"]) == ("+34 622 333 444", "+34 944 555 666")
    assert chloe["street"] == "Gran Vía 1, 3º" and chloe["country"] == "España"
    assert chloe["description"] == "Línea uno\nLínea dos; con punto y coma, y coma y barra \\ final"
    assert set(accounts(store)) == {"Soluciones Norte, S.A."}, "ORG's first part is the account"


def test_apple_labels_name_the_kind_of_grouped_phones() -> None:
    """Contacts.app labels a phone with ``itemN.X-ABLabel`` instead of a TYPE."""
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vidal;Marta;;;\r\n"
            "item1.TEL:+34 944 000 111\r\nitem1.X-ABLabel:_$!<WorkFAX>!$_\r\n"
            "item2.TEL;type=pref:+34 944 555 666\r\nitem2.X-ABLabel:_$!<Work>!$_\r\n"
            "item3.TEL:+34 622 333 444\r\nitem3.X-ABLabel:_$!<Mobile>!$_\r\n"
            "END:VCARD\r\n")
    cells = dict(zip(vcard.COLUMNS, next(vcard.card_rows(io.StringIO(text))).cells, strict=True))
    assert cells["Mobile Phone"] == "+34 622 333 444", "the Mobile label, though listed last"
    assert cells["Phone"] == "+34 944 555 666", "the fax is not taken as the work phone"


def test_vcard_40_folded_note_and_tel_uri(transfer: TransferService, store: Store, data: Path) -> None:
    transfer.import_file(data / "google_v40.vcf")
    omar = contacts(store)["Haddad"].fields
    assert omar["mobile_phone"] == "+1-312-555-0175"
    assert omar["description"].endswith("across two lines.")


def test_card_with_only_a_formatted_name_is_split() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz García\nEND:VCARD\n"
    rows = list(vcard.card_rows(io.StringIO(text)))
    assert rows[0].line == 1
    assert rows[0].cells[vcard.COLUMNS.index("Full Name")] == "Ana Ruiz García"


def test_exported_vcard_40_reimports_to_the_same_contacts(transfer: TransferService, store: Store,
                                                          data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "apple_v30.vcf")
    out = tmp_path / "out.vcf"
    assert transfer.export("contacts", out, fmt="vcard") == 1
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert "ORG:Soluciones Norte\\, S.A.\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    fresh = TransferService(Store.open_dir(tmp_path / "other"))
    fresh.import_file(out)
    again = contacts(fresh.store)["O'Brien"].fields
    original = contacts(store)["O'Brien"].fields
    same = ("first_name", "email", "email2", "phone", "mobile_phone", "street", "city", "description")
    assert {k: again[k] for k in same} == {k: original[k] for k in same}
    fresh.store.close()


def test_long_values_fold_without_splitting_a_character() -> None:
    folded = vcard.fold("NOTE:" + "ñ" * 100)
    lines = folded.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "".join(line[1:] if i else line for i, line in enumerate(lines)) == "NOTE:" + "ñ" * 100


def test_a_card_cut_short_fails_with_its_line_and_the_others_import(transfer: TransferService, store: Store,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "cut.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lost;Luis;;;\r\n"  # END missing before the next card
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Sanz;Eva;;;\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Trunc;Tom;;;\r\nEMAIL:tom@x.exa", encoding="utf-8")
    report = transfer.import_file(path)
    assert (report.created, report.failed) == (2, 2)
    assert [(e.line, e.reason) for e in report.errors] == [
        (5, "the card has no END:VCARD; is the file cut short?"),
        (12, "the card has no END:VCARD; is the file cut short?")]
    assert set(contacts(store)) == {"Doe", "Sanz"}


def test_quoted_printable_without_a_charset_falls_back_to_windows_1252() -> None:
    """Outlook writes 2.1 quoted-printable in its code page and names no CHARSET."""
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
            "N;ENCODING=QUOTED-PRINTABLE:Ib=E1=F1ez;Luc=EDa\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 y m=E1s\r\nEND:VCARD\r\n")
    cells = dict(zip(vcard.COLUMNS, next(vcard.card_rows(io.StringIO(text))).cells, strict=True))
    assert (cells["First Name"], cells["Last Name"]) == ("Lucía", "Ibáñez")
    assert cells["Notes"] == "CafÃ© y más", "not UTF-8 as a whole: the code page, byte for byte"
