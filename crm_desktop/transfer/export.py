"""Accounts and contacts out of the store as CSV or vCard 4.0, page by page.

The CSV headers, English or Spanish, are words the import recognises, so an
exported file re-imports as it is, whichever delimiter it was written with.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crm_desktop.store import Record, Store
from crm_desktop.store.queries import View
from crm_desktop.transfer import vcard
from crm_desktop.transfer.csvout import write_csv
from crm_desktop.transfer.files import replacing

PAGE = 500
CONTACT_COLUMNS = (("First Name", "first_name"), ("Last Name", "last_name"), ("Job Title", "job_title"),
                   ("Company", "company"), ("E-mail", "email"), ("E-mail 2", "email2"), ("Phone", "phone"),
                   ("Mobile Phone", "mobile_phone"), ("Street", "street"), ("City", "city"),
                   ("Postal Code", "postal_code"), ("Country", "country"), ("Description", "description"),
                   ("Status", "state"))
ACCOUNT_COLUMNS = (("Name", "name"), ("Account Number", "account_number"), ("E-mail", "email"),
                   ("Phone", "phone"), ("Other Phone", "other_phone"), ("Website", "website"),
                   ("Industry", "industry"), ("Billing Street", "bill_to_street"),
                   ("Billing City", "bill_to_city"), ("Billing Postal Code", "bill_to_postal_code"),
                   ("Billing Country", "bill_to_country"), ("Shipping Street", "ship_to_street"),
                   ("Shipping City", "ship_to_city"), ("Shipping Postal Code", "ship_to_postal_code"),
                   ("Shipping Country", "ship_to_country"), ("Currency", "currency"),
                   ("Payment Terms", "payment_terms"), ("Price List", "price_list"),
                   ("Description", "description"), ("Status", "state"))

# The same columns under their Spanish names, for an export from the Spanish
# UI: each is a header the import maps back to the same field (fields.py;
# tests/unit/crm_desktop/transfer/test_export_delimiter.py holds it to that).
SPANISH_HEADERS = {"first_name": "Nombre", "last_name": "Apellidos", "job_title": "Cargo", "company": "Empresa",
                   "email": "Correo electrónico", "email2": "Correo electrónico 2", "phone": "Teléfono",
                   "mobile_phone": "Teléfono móvil", "street": "Calle", "city": "Ciudad",
                   "postal_code": "Código postal", "country": "País", "description": "Descripción",
                   "state": "Estado", "name": "Nombre", "account_number": "Número de cuenta",
                   "other_phone": "Otro teléfono", "website": "Sitio web", "industry": "Sector",
                   "bill_to_street": "Dirección de facturación", "bill_to_city": "Ciudad de facturación",
                   "bill_to_postal_code": "Código postal de facturación", "bill_to_country": "País de facturación",
                   "ship_to_street": "Dirección de envío", "ship_to_city": "Ciudad de envío",
                   "ship_to_postal_code": "Código postal de envío", "ship_to_country": "País de envío",
                   "currency": "Moneda", "payment_terms": "Condiciones de pago", "price_list": "Lista de precios"}
HEADER_LANGUAGES = ("en", "es")


def headers(entity_name: str, language: str = "en") -> list[str]:
    """The CSV header of an export of accounts or contacts, in English or Spanish."""
    columns = CONTACT_COLUMNS if entity_name == "contact" else ACCOUNT_COLUMNS
    return [SPANISH_HEADERS[name] if language == "es" else header for header, name in columns]


Order = tuple[str, bool]  # a list column's sort name (store.queries.SORTS) and descending


def records(store: Store, entity_name: str, *, search: str | None = None, view: View = "active",
            order: Order | None = None) -> Iterator[Record]:
    """Every record of a list view (or of its search), a page at a time.

    In name order by default; ``order`` exports what the rep sorted the list
    by, read whole as nums first (8 bytes a record) and then by pages.
    """
    if order is not None:
        nums = store.sorted_nums(entity_name, order[0], descending=order[1], view=view, text=search or "",
                                 own_connection=True)
        for first in range(0, len(nums), PAGE):
            yield from store.by_nums(entity_name, list(nums[first:first + PAGE]))
        return
    if search and search.strip():
        after_num = 0
        while page := store.search(entity_name, search, view=view, limit=PAGE, after_num=after_num):
            yield from page
            after_num = page[-1].num
        return
    after: tuple[str, int] | None = None
    while page := store.page(entity_name, view=view, after=after, limit=PAGE):
        yield from page
        after = (page[-1].extra.get("sort_key") or "", page[-1].num)


class _Companies:
    """Account names for contacts, read once per account."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.names: dict[str, str | None] = {}

    def of(self, record: Record) -> str | None:
        """The name of the contact's account, or None."""
        account_id = record.fields.get("account_id")
        if not account_id:
            return None
        if account_id not in self.names:
            if len(self.names) > 50_000:
                self.names.clear()
            account = self.store.get("account", account_id)
            self.names[account_id] = account.name if account else None
        return self.names[account_id]


def export_csv(store: Store, entity_name: str, path: Path, *, search: str | None = None,
               view: View = "active", order: Order | None = None, delimiter: str = ",",
               language: str = "en") -> int:
    """Write a list view as a safe CSV, its header in ``language``; returns the rows written."""
    columns = CONTACT_COLUMNS if entity_name == "contact" else ACCOUNT_COLUMNS
    companies = _Companies(store)

    def rows() -> Iterator[list[Any]]:
        """The cells of each record, in column order."""
        for record in records(store, entity_name, search=search, view=view, order=order):
            values = {**record.fields, "company": companies.of(record)}
            yield [values.get(name) for _, name in columns]

    return write_csv(path, headers(entity_name, language), rows(), delimiter=delimiter)


def export_vcard(store: Store, entity_name: str, path: Path, *, search: str | None = None,
                 view: View = "active", order: Order | None = None) -> int:
    """Write a list view as vCard 4.0 cards; returns the cards written."""
    companies = _Companies(store)
    count = 0
    with replacing(path, "utf-8") as handle:
        for record in records(store, entity_name, search=search, view=view, order=order):
            if entity_name == "contact":
                handle.write(vcard.contact_card(record.id, record.fields, companies.of(record)))
            else:
                handle.write(vcard.account_card(record.id, record.fields))
            count += 1
    return count
