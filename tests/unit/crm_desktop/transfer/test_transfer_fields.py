"""Matching header rows to fields, by hand, and saved mappings."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.services.transfer import TransferFailed, TransferService
from crm_desktop.transfer.fields import detect_kind, suggest_mapping

from .conftest import contacts


@pytest.mark.parametrize(("header", "target"), [
    ("First Name", "contact.first_name"), ("Nombre", "contact.first_name"),
    ("Last Name", "contact.last_name"), ("Apellidos", "contact.last_name"),
    ("E-mail", "contact.email"), ("Correo electrónico", "contact.email"), ("CORREO ELECTRONICO", "contact.email"),
    ("Phone 1", "contact.phone"), ("Teléfono", "contact.phone"), ("Móvil", "contact.mobile_phone"),
    ("Company", "account.name"), ("Empresa", "account.name"), ("Compañía", "account.name"),
    ("Business Country/Region", "contact.country"), ("Código postal", "contact.postal_code"),
    ("  job   title ", "contact.job_title"), ("Favourite colour", ""),
])
def test_headers_match_fields_by_name_and_synonym(header: str, target: str) -> None:
    # Beside a last-name column: "Nombre" alone is the whole name (see below).
    assert suggest_mapping([header, "Surname"], "contacts")[0] == target


def test_a_second_email_or_phone_column_lands_in_the_spare_field() -> None:
    mapping = suggest_mapping(["Last Name", "Email", "Email", "Phone", "Phone"], "contacts")
    assert mapping == ["contact.last_name", "contact.email", "contact.email2", "contact.phone",
                       "contact.mobile_phone"]


def test_accounts_file_maps_plain_words_to_account_fields() -> None:
    headers = ["Nombre", "Teléfono", "Sitio web", "ID externo"]
    assert detect_kind(headers) == "accounts"
    assert suggest_mapping(headers, "accounts") == ["account.name", "account.phone", "account.website",
                                                    "account.account_number"]


@pytest.mark.parametrize("headers", [["Name", "Company", "Email"], ["Nombre", "Correo", "Empresa"]])
def test_a_name_beside_a_company_column_is_a_person(headers: list[str]) -> None:
    """An address book's "Name, Company" is people at companies, not a list of companies."""
    assert detect_kind(headers) == "contacts"
    mapping = suggest_mapping(headers, "contacts")
    assert mapping[0] == "contact.full_name" and "account.name" in mapping


def test_unmatched_column_can_be_mapped_by_hand(transfer: TransferService, tmp_path: Path,
                                                store: object) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Surname,Puesto interno,Shoe size\nRuiz,Buyer,42\n", encoding="utf-8")
    report = transfer.import_file(path, kind="contacts",
                                  mapping=["contact.last_name", "contact.job_title", ""])
    assert report.created == 1
    assert contacts(transfer.store)["Ruiz"].fields["job_title"] == "Buyer"


def test_mapping_to_an_unknown_field_is_refused(transfer: TransferService, data: Path) -> None:
    with pytest.raises(TransferFailed, match=r"cannot import into 'contact\.shoe_size'"):
        transfer.import_file(data / "lower_case_header.tsv", mapping=["contact.shoe_size"])


def test_saved_mapping_is_reused_for_the_next_file(transfer: TransferService, tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("Apellido del cliente,Etiqueta\nRuiz,VIP\n", encoding="utf-8")
    preview = transfer.preview(first)
    transfer.save_mapping(tmp_path / "map.json", preview.headers, ["contact.last_name", "contact.description"],
                          "contacts")
    second = tmp_path / "b.csv"
    second.write_text("apellido del cliente;etiqueta\nGómez;Nuevo\n", encoding="utf-8")
    kind, saved = transfer.load_mapping(tmp_path / "map.json")
    report = transfer.import_file(second, kind=kind or "auto", mapping=saved)
    assert report.created == 1
    assert contacts(transfer.store)["Gómez"].fields["description"] == "Nuevo"


def test_a_broken_mapping_file_is_a_clear_error(transfer: TransferService, tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text("[1, 2]")
    with pytest.raises(TransferFailed, match="not a saved mapping"):
        transfer.load_mapping(path)
