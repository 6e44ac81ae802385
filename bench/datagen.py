"""Deterministic, realistic CRM data for benchmarks and demos.

Names in English and Spanish (some non-ASCII), companies with domains,
emails, phones in national and international form, job titles.  The same
seed and size always give the same rows.

    build_store(data_dir, contacts=1_000_000)   # a synced 1M-contact store, cached
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FIRST = ("Ana", "José", "María", "Lucía", "Javier", "Carmen", "Pablo", "Sofía", "Diego", "Elena",
         "John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
         "Susan", "Zoë", "Chloé", "Björn", "Søren", "Łukasz", "Ngozi", "Wei", "Aiko", "Omar", "Fatima",
         "Liam", "Olivia", "Noah", "Emma", "Ava", "Mateo", "Valentina", "Hugo", "Martina", "Álvaro")
LAST = ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Martín", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
        "Wilson", "Anderson", "Taylor", "Müller", "Schmidt", "Nguyen", "Kim", "O'Brien", "Núñez",
        "Ibáñez", "Chen", "Rossi", "Dubois", "Kowalski", "Andersson", "Okafor", "Tanaka", "Haddad",
        "Silva", "Moreau", "Novak", "Jansen", "Ruiz")
PREFIX = ("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
          "Tyrell", "Cyberdyne", "Aperture", "Wonka", "Gringotts", "Oceanic", "Pied Piper", "Nakatomi",
          "Iberia Datos", "Soluciones Norte", "Cervecería Sur", "Construcciones Ebro", "Logística Tajo",
          "Bodegas Rioja", "Textil Galicia", "Nórdica", "Aurora", "Zenith", "Quantum", "Blue Harbor")
SUFFIX = ("Ltd", "Inc", "S.L.", "S.A.", "GmbH", "LLC", "Group", "Holdings", "Labs", "Systems",
          "Logistics", "Foods", "Energy", "Partners", "Consulting", "Retail", "Media", "Health")
TITLES = ("CEO", "CTO", "CFO", "Purchasing Manager", "Head of Sales", "Director de Compras",
          "Jefa de Ventas", "Office Manager", "IT Director", "Procurement Lead", "Engineer",
          "Operations Manager", "Gerente", "Responsable de Marketing", "Buyer", None, None)
CITIES = ("Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Zaragoza", "New York", "Chicago",
          "Austin", "Seattle", "London", "Berlin", "Lisboa", "México", "Bogotá")
INDUSTRIES = ("Manufacturing", "Retail", "Software", "Food & Beverage", "Construction", "Logistics",
              "Healthcare", "Energy", "Financial Services", "Media")

DATA_VERSION = 1
_ASCII = str.maketrans("áéíóúñüçøöłäåëÁÉÍÓÚÑÜÇØÖŁÄÅË' ", "aeiounucoolaaeAEIOUNUCOOLAAE--")


def _slug(text: str) -> str:
    return "".join(ch for ch in text.translate(_ASCII).lower() if ch.isalnum() or ch == "-").strip("-")


def _phone(rng: random.Random) -> tuple[str, str]:
    """(as typed, E.164) for a Spanish or US number."""
    if rng.random() < 0.5:
        digits = f"6{rng.randrange(10**7, 10**8)}"
        return f"+34 {digits[:3]} {digits[3:6]} {digits[6:]}", f"+34{digits}"
    area, rest = rng.randrange(201, 989), rng.randrange(10**6, 10**7)
    return f"({area}) {str(rest)[:3]}-{str(rest)[3:]}", f"+1{area}{rest}"


def accounts(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """n accounts with unique names, domains and phones."""
    rng = random.Random(seed)
    for i in range(n):
        name = f"{PREFIX[i % len(PREFIX)]} {SUFFIX[(i // len(PREFIX)) % len(SUFFIX)]}"
        if i >= len(PREFIX) * len(SUFFIX):
            name += f" {i // (len(PREFIX) * len(SUFFIX)) + 1}"
        domain = f"{_slug(name)}.example"
        phone, e164 = _phone(rng)
        yield {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "name": name,
               "email": f"info@{domain}", "phone": phone, "phone_e164": e164,
               "website": f"https://www.{domain}", "industry": rng.choice(INDUSTRIES),
               "bill_to_city": rng.choice(CITIES), "domain": domain}


def contacts(n: int, account_rows: list[dict[str, Any]], seed: int = 11) -> Iterator[dict[str, Any]]:
    """n contacts spread over the accounts, each with email and phones."""
    rng = random.Random(seed)
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        account = account_rows[rng.randrange(len(account_rows))] if account_rows else None
        domain = account["domain"] if account else "mail.example"
        phone, e164 = _phone(rng)
        yield {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "first_name": first,
               "last_name": last, "job_title": rng.choice(TITLES),
               "email": f"{_slug(first)}.{_slug(last)}{i}@{domain}", "phone": phone, "phone_e164": e164,
               "city": rng.choice(CITIES), "account_id": account["id"] if account else None,
               "company": account["name"] if account else None}


def build_store(data_dir: Path, contacts: int = 1_000_000, accounts: int | None = None,
                cache_dir: Path | None = None) -> Path:
    """A store in ``data_dir`` holding synced records (no queue), built once and cached."""
    from crm_desktop.store import Store
    from crm_desktop.store.migrations import SCHEMA_VERSION

    n_accounts = accounts if accounts is not None else max(1, contacts // 20)
    cache_root = cache_dir or Path(__file__).resolve().parent.parent / ".bench-data"
    cached = cache_root / f"store-v{DATA_VERSION}-s{SCHEMA_VERSION}-{contacts}-{n_accounts}"
    if not (cached / "crm.sqlite3").exists():
        tmp = cached.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        Store.open_dir(tmp).close()
        _fill(tmp / "crm.sqlite3", contacts, n_accounts)
        shutil.rmtree(cached, ignore_errors=True)
        tmp.rename(cached)
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached / "crm.sqlite3", data_dir / "crm.sqlite3")
    return data_dir


def _fill(path: Path, n_contacts: int, n_accounts: int) -> None:
    from crm_desktop.store import fts

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    stamp = "2026-01-01T00:00:00+00:00"
    account_rows = list(accounts(n_accounts))
    with conn:
        conn.executemany(
            "INSERT INTO account (id, version, owner_name, created_at, modified_at, deleted, pending, name,"
            " email, phone, phone_e164, website, industry, bill_to_city, state, sort_key) VALUES"
            " (:id, 1, 'rep', :s, :s, 0, 0, :name, :email, :phone, :phone_e164, :website, :industry,"
            " :bill_to_city, 'active', lower(:name))",
            ({**a, "s": stamp} for a in account_rows))
        conn.executemany(
            "INSERT INTO contact (id, version, owner_name, created_at, modified_at, deleted, pending,"
            " first_name, last_name, job_title, email, phone, phone_e164, city, account_id, state, sort_key)"
            " VALUES (:id, 1, 'rep', :s, :s, 0, 0, :first_name, :last_name, :job_title, :email, :phone,"
            " :phone_e164, :city, :account_id, 'active', :sort_key)",
            ({**c, "s": stamp, "sort_key": f"{c['last_name']} {c['first_name']}".casefold()}
             for c in contacts(n_contacts, account_rows)))
        conn.row_factory = sqlite3.Row
        fts.rebuild(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def csv_rows(n: int) -> Iterator[list[str]]:
    """Rows for a contacts CSV (header first): First Name, Last Name, E-mail, Phone, Company, Job Title."""
    yield ["First Name", "Last Name", "E-mail", "Phone", "Company", "Job Title"]
    account_rows = list(accounts(max(1, n // 20)))
    for c in contacts(n, account_rows, seed=23):
        yield [c["first_name"], c["last_name"], c["email"], c["phone"], c["company"] or "",
               c["job_title"] or ""]
