"""Which column holds which field: header synonyms in English and Spanish, saved mappings.

A mapping target is ``"contact.<field>"``, ``"account.<field>"`` or
``"contact.full_name"`` (split into first and last name).  In a contacts
file the ``account.*`` columns describe the contact's company: the account
is found by name or created once, never once per row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from crm_core.entities import ACCOUNT, CONTACT
from crm_core.text import strip_accents
from crm_desktop.transfer import reasons
from crm_desktop.transfer.errors import TransferError
from crm_desktop.transfer.files import replacing

IGNORE = ""
FULL_NAME = "contact.full_name"
# Reference fields hold record ids, which no file from elsewhere has.
_NOT_IMPORTED = {"account_id", "parent_account_id", "primary_contact_id"}

_CONTACT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "first", "given name", "given", "forename", "nombre",
                   "nombre de pila", "primer nombre", "name first"),
    "last_name": ("last name", "lastname", "last", "surname", "family name", "apellidos", "apellido",
                  "primer apellido", "name last"),
    "full_name": ("full name", "name", "contact name", "contact", "display name", "nombre completo",
                  "nombre y apellidos", "contacto"),
    "job_title": ("job title", "title", "position", "role", "organization 1 title", "organization title",
                  "cargo", "puesto", "titulo", "puesto de trabajo"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "email 1", "e mail 1",
              "e mail 1 value", "email 1 value", "primary email", "work email", "correo",
              "correo electronico", "email personal", "correo electronico 1", "e mail personal",
              "direccion de correo electronico", "direccion del correo electronico"),
    "email2": ("email 2", "e mail 2", "e mail 2 address", "e mail 2 value", "email 2 value",
               "secondary email", "other email", "correo electronico 2", "otro correo",
               "direccion de correo electronico 2", "direccion del correo electronico 2"),
    "phone": ("phone", "telephone", "phone number", "phone 1", "phone 1 value", "business phone",
              "work phone", "office phone", "primary phone", "telefono", "telefono 1", "tel",
              "telefono del trabajo", "telefono fijo", "telefono de la oficina"),
    "mobile_phone": ("mobile", "mobile phone", "cell", "cell phone", "cellphone", "phone 2",
                     "phone 2 value", "movil", "telefono movil", "celular", "telefono 2", "mobile number"),
    "street": ("street", "address", "street address", "business street", "home street", "address 1 street",
               "calle", "direccion", "domicilio", "calle del trabajo", "calle del domicilio"),
    "city": ("city", "town", "business city", "home city", "address 1 city", "ciudad", "poblacion",
             "localidad", "municipio", "ciudad de trabajo", "ciudad del trabajo", "ciudad del domicilio"),
    "postal_code": ("postal code", "zip", "zip code", "postcode", "business postal code",
                    "home postal code", "address 1 postal code", "codigo postal", "cp", "c p",
                    "codigo postal del trabajo", "codigo postal del domicilio"),
    "country": ("country", "country region", "business country region", "home country region",
                "address 1 country", "pais", "pais o region", "pais o region del trabajo",
                "pais o region del domicilio"),
    "description": ("description", "notes", "note", "comments", "notas", "descripcion", "comentarios",
                    "observaciones"),
    "state": ("status", "state", "estado"),
}
_ACCOUNT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("company", "company name", "account", "account name", "organization", "organisation",
             "organization 1 name", "organization name", "business", "customer", "empresa",
             "compania", "nombre de la empresa", "nombre de empresa", "razon social", "cuenta",
             "nombre de cuenta", "organizacion", "cliente"),
    "account_number": ("account number", "account no", "account id", "external id", "externalid",
                       "customer number", "customer id", "numero de cuenta", "id externo",
                       "numero de cliente", "codigo de cliente", "codigo"),
    "website": ("website", "web site", "web", "web page", "url", "homepage", "home page", "company website",
                "sitio web", "pagina web", "web de la empresa"),
    "industry": ("industry", "sector", "industria", "actividad"),
    "email": ("company email", "account email", "correo de la empresa"),
    "phone": ("company phone", "main phone", "account phone", "telefono de la empresa",
              "telefono principal"),
    "other_phone": ("other phone", "fax", "phone 2", "otro telefono"),
    "bill_to_street": ("billing street", "bill to street", "billing address", "direccion de facturacion"),
    "bill_to_city": ("billing city", "bill to city", "ciudad de facturacion"),
    "bill_to_postal_code": ("billing postal code", "billing zip", "bill to postal code",
                            "codigo postal de facturacion"),
    "bill_to_country": ("billing country", "bill to country", "pais de facturacion"),
    "ship_to_street": ("shipping street", "ship to street", "direccion de envio"),
    "ship_to_city": ("shipping city", "ship to city", "ciudad de envio"),
    "ship_to_postal_code": ("shipping postal code", "ship to postal code", "codigo postal de envio"),
    "ship_to_country": ("shipping country", "ship to country", "pais de envio"),
    "currency": ("currency", "moneda", "divisa"),
    "payment_terms": ("payment terms", "terms", "condiciones de pago", "forma de pago"),
    "price_list": ("price list", "tarifa", "lista de precios"),
    "description": ("description", "notes", "descripcion", "notas"),
    "state": ("status", "state", "estado"),
}
# In an accounts file the plain words name the account's own fields.
_ACCOUNTS_FILE_EXTRA = {"name": ("name", "nombre"), "email": ("email", "e mail", "correo electronico",
                                                               "correo", "email address"),
                        "phone": ("phone", "telephone", "telefono", "business phone", "phone 1"),
                        "bill_to_street": ("street", "address", "calle", "direccion"),
                        "bill_to_city": ("city", "ciudad"),
                        "bill_to_postal_code": ("postal code", "zip", "codigo postal"),
                        "bill_to_country": ("country", "pais")}


def normalize_header(text: str) -> str:
    """A header as compared: no accents, no punctuation, lower case, single spaces."""
    plain = strip_accents(text.replace("\ufeff", ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain.casefold()).split())


def _index(table: dict[str, tuple[str, ...]], prefix: str) -> dict[str, str]:
    return {normalize_header(s): f"{prefix}.{name}" for name, words in table.items() for s in (name, *words)}


_CONTACTS_INDEX = {**_index(_ACCOUNT_SYNONYMS, "account"), **_index(_CONTACT_SYNONYMS, "contact")}
_ACCOUNTS_INDEX = {**_index(_ACCOUNT_SYNONYMS, "account"), **_index(_ACCOUNTS_FILE_EXTRA, "account")}


def targets(kind: str) -> list[str]:
    """Every field a column may be mapped to for a ``contacts`` or ``accounts`` import."""
    account = [f"account.{f}" for f in ACCOUNT.field_names if f not in _NOT_IMPORTED]
    if kind == "accounts":
        return account
    contact = [f"contact.{f}" for f in CONTACT.field_names if f not in _NOT_IMPORTED]
    return [*contact, FULL_NAME, *(a for a in account if a != "account.state")]


# Fields both a person and a company have, and words that name either: they
# do not tell a contacts file from an accounts file.
_SHARED = {"contact.email", "contact.phone", "contact.street", "contact.city", "contact.postal_code",
           "contact.country", "contact.description", "contact.state"}
_EITHER = {"name", "nombre"}


def detect_kind(headers: Sequence[str]) -> str:
    """``contacts`` when a column names something only a person has, else ``accounts``.

    "Name" alone may be either; beside a company column it is a person's
    ("Name, Company, Email" is an address book, not a list of companies).
    """
    keys = [normalize_header(h) for h in headers]
    for key in keys:
        target = _CONTACTS_INDEX.get(key, "")
        if target.startswith("contact.") and target not in _SHARED and key not in _EITHER:
            return "contacts"
    has_company = any(_CONTACTS_INDEX.get(k) == "account.name" for k in keys if k not in _EITHER)
    return "contacts" if has_company and any(k in _EITHER for k in keys) else "accounts"


# Headers that name a field only when no other column names it plainly:
# Outlook's "Title" is Mr./Ms. beside its "Job Title"; Salesforce's "Title"
# is the job title itself.
_WEAK = {"title"}


def suggest_mapping(headers: Sequence[str], kind: str) -> list[str]:
    """The target of each column by name and synonym (IGNORE when unknown); each target once."""
    index = _ACCOUNTS_INDEX if kind == "accounts" else _CONTACTS_INDEX
    keys = [normalize_header(h) for h in headers]
    plain = {index.get(k) for k in keys if k not in _WEAK}
    used: set[str] = set()
    out: list[str] = []
    for key in keys:
        target = index.get(key, IGNORE)
        if key in _WEAK and target in plain:
            target = IGNORE
        if target in used:
            target = _second_choice(target, used)
        used.add(target)
        out.append(target)
    if kind == "contacts" and "contact.last_name" not in used and FULL_NAME not in used:
        # "Nombre" is the first name beside "Apellidos", and the whole name alone.
        out = [FULL_NAME if t == "contact.first_name" and k in _EITHER else t for t, k in zip(out, keys, strict=True)]
    return out


def _second_choice(target: str, used: set[str]) -> str:
    # "Phone 1, Phone 2" or two e-mail columns: the second one lands in the spare field.
    spare = {"contact.email": "contact.email2", "contact.phone": "contact.mobile_phone",
             "account.phone": "account.other_phone"}.get(target, IGNORE)
    return spare if spare not in used else IGNORE


def check_mapping(mapping: Sequence[str], kind: str) -> None:
    """Refuse unknown targets and a mapping that can name no record."""
    allowed = set(targets(kind)) | {IGNORE}
    for target in mapping:
        if target not in allowed:
            choices = ", ".join(sorted(allowed - {IGNORE}))
            raise TransferError(reasons.UNKNOWN_TARGET(target=target, choices=choices))
    mapped = set(mapping)
    if mapped <= {IGNORE}:
        raise TransferError(reasons.NO_KNOWN_FIELD())
    if kind == "accounts" and "account.name" not in mapped:
        raise TransferError(reasons.NO_ACCOUNT_NAME())
    if kind == "contacts" and not mapped & {"contact.last_name", "contact.first_name", FULL_NAME}:
        raise TransferError(reasons.NO_CONTACT_NAME())


def save_mapping(path: Path, headers: Sequence[str], mapping: Sequence[str], kind: str) -> None:
    """Write a mapping as JSON (header -> target) to reuse with the next file."""
    columns = dict(zip(headers, mapping, strict=True))
    with replacing(path, "utf-8") as handle:
        handle.write(json.dumps({"kind": kind, "columns": columns}, ensure_ascii=False, indent=2) + "\n")


def load_mapping(path: Path) -> tuple[str | None, dict[str, str]]:
    """A saved mapping: its kind (or None) and header -> target."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TransferError(reasons.NOT_A_MAPPING(path=str(path), error=str(exc))) from None
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise TransferError(reasons.NO_COLUMNS(path=str(path)))
    kind = data.get("kind")
    return (kind if kind in ("accounts", "contacts") else None), {str(k): v for k, v in columns.items()}


def apply_saved(headers: Sequence[str], saved: dict[str, str], suggested: Sequence[str]) -> list[str]:
    """The saved target of each header (matched loosely), else the suggestion."""
    by_norm = {normalize_header(k): v for k, v in saved.items()}
    return [by_norm.get(normalize_header(h), s) for h, s in zip(headers, suggested, strict=True)]
