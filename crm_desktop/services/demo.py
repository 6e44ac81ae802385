"""Demo data: a small, believable book of business to try the app with.

Everything goes through ``CrmService``, so every demo record is a queued
local change like any other (and shows as pending until synced).
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from crm_desktop.services.crm import CrmService

log = logging.getLogger("crm.services")


@dataclass(frozen=True)
class DemoAccount:
    name: str
    industry: str
    city: str
    country: str
    phone: str
    website: str
    parent: str | None = None


ACCOUNTS = (
    DemoAccount("Iberia Datos S.A.", "Software", "Madrid", "Spain", "+34 912 345 678", "iberiadatos.es"),
    DemoAccount("Iberia Datos Levante", "Software", "Valencia", "Spain", "+34 963 111 222",
                "levante.iberiadatos.es", parent="Iberia Datos S.A."),
    DemoAccount("Iberia Datos Norte", "Software", "Bilbao", "Spain", "+34 944 222 333",
                "norte.iberiadatos.es", parent="Iberia Datos S.A."),
    DemoAccount("Bodegas Rioja Alta", "Food & Beverage", "Logroño", "Spain", "+34 941 310 346",
                "bodegasriojaalta.es"),
    DemoAccount("Cervecería del Sur", "Food & Beverage", "Sevilla", "Spain", "+34 954 987 654",
                "cerveceriadelsur.es"),
    DemoAccount("Construcciones Ebro S.L.", "Construction", "Zaragoza", "Spain", "+34 976 555 010",
                "construccionesebro.es"),
    DemoAccount("Logística Tajo", "Logistics", "Toledo", "Spain", "+34 925 200 300", "logisticatajo.es"),
    DemoAccount("Textil Galicia", "Manufacturing", "A Coruña", "Spain", "+34 981 404 505",
                "textilgalicia.es"),
    DemoAccount("Acme Supplies Ltd", "Retail", "London", "United Kingdom", "+44 20 7946 0101",
                "acmesupplies.co.uk"),
    DemoAccount("Globex Corporation", "Energy", "Chicago", "United States", "+1 312 555 0143",
                "globex.example.com"),
    DemoAccount("Globex Retail", "Retail", "Austin", "United States", "+1 512 555 0190",
                "retail.globex.example.com", parent="Globex Corporation"),
    DemoAccount("Blue Harbor Foods", "Food & Beverage", "Seattle", "United States", "+1 206 555 0175",
                "blueharborfoods.example.com"),
    DemoAccount("Nórdica Energía", "Energy", "Oviedo", "Spain", "+34 985 600 700", "nordicaenergia.es"),
    DemoAccount("Aurora Health Partners", "Health", "Lisboa", "Portugal", "+351 21 300 4000",
                "aurorahealth.pt"),
    DemoAccount("Zenith Media Group", "Media", "Ciudad de México", "Mexico", "+52 55 5555 0100",
                "zenithmedia.mx"),
    DemoAccount("Quantum Labs GmbH", "Software", "Berlin", "Germany", "+49 30 1234 5678",
                "quantumlabs.de"),
)

# first, last, job title, account (None: no company)
CONTACTS = (
    ("Ana", "García López", "Directora de Compras", "Iberia Datos S.A."),
    ("Javier", "Fernández", "CTO", "Iberia Datos S.A."),
    ("Lucía", "Martínez Ruiz", "Jefa de Ventas", "Iberia Datos Levante"),
    ("Álvaro", "Núñez", "Gerente", "Iberia Datos Norte"),
    ("Carmen", "Sánchez", "Enóloga", "Bodegas Rioja Alta"),
    ("Pablo", "Ibáñez", "Director Financiero", "Bodegas Rioja Alta"),
    ("Sofía", "Gómez", "Responsable de Marketing", "Cervecería del Sur"),
    ("Diego", "Pérez", "Jefe de Obra", "Construcciones Ebro S.L."),
    ("Elena", "Rodríguez", "Directora General", "Construcciones Ebro S.L."),
    ("María", "López", "Operations Manager", "Logística Tajo"),
    ("Hugo", "Martín", "Comprador", "Textil Galicia"),
    ("Martina", "Silva", "Office Manager", "Textil Galicia"),
    ("John", "Smith", "Purchasing Manager", "Acme Supplies Ltd"),
    ("Mary", "O'Brien", "CFO", "Acme Supplies Ltd"),
    ("James", "Johnson", "Head of Sales", "Globex Corporation"),
    ("Patricia", "Williams", "CEO", "Globex Corporation"),
    ("Robert", "Brown", "Store Manager", "Globex Retail"),
    ("Jennifer", "Davis", "Procurement Lead", "Blue Harbor Foods"),
    ("Michael", "Wilson", "IT Director", "Blue Harbor Foods"),
    ("Valentina", "Ruiz", "Ingeniera", "Nórdica Energía"),
    ("Mateo", "González", "Director Técnico", "Nórdica Energía"),
    ("Zoë", "Moreau", "Clinical Lead", "Aurora Health Partners"),
    ("Omar", "Haddad", "Buyer", "Aurora Health Partners"),
    ("Chloé", "Dubois", "Creative Director", "Zenith Media Group"),
    ("Björn", "Andersson", "Engineer", "Quantum Labs GmbH"),
    ("Wei", "Chen", "Head of Research", "Quantum Labs GmbH"),
    ("Linda", "Taylor", "Consultant", None),
    ("Søren", "Jansen", "Freelance Engineer", None),
)

# record 1, role 1, record 2, role 2, description
CONNECTIONS = (
    ("Ana García López", "Decision Maker", "Iberia Datos S.A.", "Customer", "Signs every renewal"),
    ("Javier Fernández", "Technical Buyer", "Iberia Datos S.A.", "Customer", None),
    ("Ana García López", "Manager", "Lucía Martínez Ruiz", "Employee", None),
    ("Javier Fernández", "Colleague", "Álvaro Núñez", "Colleague", "Met at the Bilbao fair"),
    ("Carmen Sánchez", "Champion", "Bodegas Rioja Alta", "Customer", "Loves the new tasting app"),
    ("Iberia Datos S.A.", "Supplier", "Bodegas Rioja Alta", "Customer", None),
    ("Patricia Williams", "Economic Buyer", "Globex Corporation", "Customer", None),
    ("James Johnson", "Influencer", "Globex Retail", "Customer", None),
    ("Patricia Williams", "Friend", "Mary O'Brien", "Friend", "Old university friends"),
    ("Linda Taylor", "Referrer", "Jennifer Davis", "Referral", "Introduced us to Blue Harbor"),
    ("Mateo González", "End User", "Nórdica Energía", "Customer", None),
    ("Wei Chen", "Former Employee", "Globex Corporation", "Former Employer", None),
    ("Acme Supplies Ltd", "Partner", "Logística Tajo", "Partner", "Joint delivery in Toledo"),
)

PRIMARY_CONTACTS = {
    "Iberia Datos S.A.": "Ana García López",
    "Bodegas Rioja Alta": "Carmen Sánchez",
    "Globex Corporation": "Patricia Williams",
    "Acme Supplies Ltd": "John Smith",
    "Nórdica Energía": "Valentina Ruiz",
}


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isalnum())[:12] or "x"


def _load_accounts(crm: CrmService) -> dict[str, str]:
    ids: dict[str, str] = {}
    for account in ACCOUNTS:
        record = crm.create_account({
            "name": account.name, "industry": account.industry, "phone": account.phone,
            "website": account.website, "email": f"info@{account.website}",
            "bill_to_city": account.city, "bill_to_country": account.country,
            "parent_account_id": ids.get(account.parent) if account.parent else None,
            "currency": "USD" if account.country == "United States" else "EUR",
            "payment_terms": "Net 30",
        })
        ids[account.name] = record.id
    return ids


def _load_contacts(crm: CrmService, accounts: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for number, (first, last, title, account) in enumerate(CONTACTS):
        domain = next((a.website for a in ACCOUNTS if a.name == account), "example.com")
        record = crm.create_contact({
            "first_name": first, "last_name": last, "job_title": title,
            "email": f"{_slug(first)}.{_slug(last)}@{domain}",
            "phone": f"+34 600 {100 + number:03d} {200 + number:03d}",
            "account_id": accounts.get(account) if account else None,
        })
        ids[f"{first} {last}"] = record.id
    return ids


def load(crm: CrmService) -> int:
    """Create the demo accounts, contacts and connections; returns how many records."""
    accounts = _load_accounts(crm)
    contacts = _load_contacts(crm, accounts)
    for account, contact in PRIMARY_CONTACTS.items():
        crm.set_primary_contact(accounts[account], contacts[contact])
    by_name = {**accounts, **contacts}
    for one, role1, two, role2, description in CONNECTIONS:
        crm.link(by_name[one], by_name[two], role1, role2, description=description)
    crm.set_active(contacts["Søren Jansen"], False)
    log.info("loaded demo data: %d accounts, %d contacts, %d connections",
             len(accounts), len(contacts), len(CONNECTIONS))
    return len(accounts) + len(contacts) + len(CONNECTIONS)


def load_sync_issues(crm: CrmService) -> int:
    """Queue two demo edits and answer them as a server would: one conflict, one rejection.

    Goes through the same acknowledgement path a real push answer takes, so
    the Sync issues view shows exactly what a rep would see; for tours and
    screenshots only.
    """
    from crm_core.protocol import FieldConflict, PushResult
    from crm_desktop.store import outbox

    account = crm.resolve("Iberia Datos S.A.", ("account",))
    contact = crm.resolve("Ana García López", ("contact",))
    old_phone = account.get("phone")
    crm.update(account, {"phone": "+34 910 000 222"})
    crm.update(contact, {"job_title": "Directora General"})
    with crm.store.db.transaction() as conn:
        queued = {(m.record_id, m.op): m.mutation_id for m in outbox.queued(conn, 10_000)}
        conflict = FieldConflict(base=old_phone, theirs="+34 910 000 111", yours="+34 910 000 222")
        outbox.acknowledge(conn, [
            PushResult(mutation_id=queued[(account.id, "update")], status="conflict", version=3,
                       conflicts={"phone": conflict}),
            PushResult(mutation_id=queued[(contact.id, "update")], status="rejected", reason="permission",
                       message="you may not change this contact"),
        ])
    return 2
