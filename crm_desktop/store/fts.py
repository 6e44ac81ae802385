"""Full-text search rows for contacts and accounts (FTS5, prefix indexes).

An FTS row's rowid is the record's ``num``.  Each row holds what a rep types
to find a record: names, emails, phones (as typed, in E.164 and as dialled
inside their country, so "555 12", "+1555", "622333" and "0207946" find
them) and, for contacts, the company name.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from crm_core.validation import national_forms, phone_e164, short_international

_NON_DIGITS = re.compile(r"\D+")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _phones(values: Iterable[Any]) -> str:
    tokens: dict[str, None] = {}  # ordered, and each token once: E.164 repeats the typed digits
    international: set[str] = set()  # the digits of "+..." numbers whose national forms are in
    for value in values:
        if not value:
            continue
        text = value if isinstance(value, str) else str(value)
        digits = text[1:] if text[0] == "+" else text
        if not digits.isdigit():  # typed with spaces or dashes: "555 1234" finds it by its groups
            tokens[text] = None
            digits = _NON_DIGITS.sub("", text)
        tokens[digits] = None
        if text[0] == "+" and len(digits) > 6 and digits not in international:
            international.add(digits)  # an E.164 form: also as dialled inside its country
            tokens.update(dict.fromkeys(national_forms("+" + digits)))
    return " ".join(tokens)


def _join(first: Any, second: Any) -> str:
    if first and second:
        return f"{first} {second}"
    return str(first or second or "")


def phone_columns(typed: list[Any], region: str) -> tuple[list[str | None], str]:
    """Typed phones' E.164 forms (``phone_e164``) and their search text (``_phones`` of both).

    A first sync's hot path: "+CC ..." numbers are read once for both; any
    other shape takes the two functions as they are.
    """
    e164: list[str | None] = []
    tokens: dict[str, None] = {}
    for value in typed:
        if value is None or value == "":
            e164.append(None)
            continue
        forms = short_international(value) if type(value) is str else None  # else as phone_e164 does
        if forms is None:
            e164 = [phone_e164(v, region) for v in typed]
            return e164, _phones((*typed, *e164))
        digits, national, trunk = forms
        e164.append("+" + digits)
        if not value[1:].isdigit():
            tokens[value] = None
        tokens[digits] = None
        if len(digits) > 6:
            tokens[national] = None
            if trunk:
                tokens[trunk + national] = None
    return e164, " ".join(tokens)


def contact_row(row: Mapping[str, Any], company: str | None) -> tuple[Any, ...]:
    """The FTS values of a contact row."""
    return (row["num"], *contact_text(row), company or "")


def contact_text(values: Mapping[str, Any], phones: str | None = None) -> tuple[str, str, str]:
    """A contact's name, email and phone search text (its row without num and company: a pulled record's).

    ``phones``: the phone text when the caller has it (``phone_columns``).
    """
    if phones is None:
        phones = _phones((values["phone"], values["mobile_phone"], values["phone_e164"], values["mobile_phone_e164"]))
    return _join(values["first_name"], values["last_name"]), _join(values["email"], values["email2"]), phones


def account_row(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """The FTS values of an account row."""
    return (row["num"], *account_text(row))


def account_text(values: Mapping[str, Any], phones: str | None = None) -> tuple[str, str, str, str]:
    """An account's name, email, phone and website search text (its row without num); ``phones`` as above."""
    if phones is None:
        phones = _phones((values["phone"], values["other_phone"], values["phone_e164"], values["other_phone_e164"]))
    return values["name"], values["email"] or "", phones, values["website"] or ""


def index_contact(conn: sqlite3.Connection, row: Mapping[str, Any], company: str | None) -> None:
    """Replace the contact's FTS row (or drop it for a tombstone)."""
    conn.execute("DELETE FROM contact_fts WHERE rowid = ?", (row["num"],))
    if not row["deleted"]:
        conn.execute("INSERT INTO contact_fts (rowid, name, email, phone, company) VALUES (?,?,?,?,?)",
                     contact_row(row, company))


def index_account(conn: sqlite3.Connection, row: Mapping[str, Any]) -> None:
    """Replace the account's FTS row, and its contacts' company text."""
    conn.execute("DELETE FROM account_fts WHERE rowid = ?", (row["num"],))
    if not row["deleted"]:
        conn.execute("INSERT INTO account_fts (rowid, name, email, phone, website) VALUES (?,?,?,?,?)",
                     account_row(row))


def reindex_company(conn: sqlite3.Connection, account_id: str, company: str | None) -> None:
    """After an account is renamed or deleted, its contacts' company text follows."""
    rows = conn.execute("SELECT * FROM contact WHERE account_id = ?", (account_id,)).fetchall()
    for row in rows:
        index_contact(conn, row, company)


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill both FTS tables from scratch (schema upgrade, repair)."""
    conn.execute("DELETE FROM contact_fts")
    conn.execute("DELETE FROM account_fts")
    names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM account WHERE deleted = 0")}
    conn.executemany(
        "INSERT INTO contact_fts (rowid, name, email, phone, company) VALUES (?,?,?,?,?)",
        (contact_row(r, names.get(r["account_id"])) for r in conn.execute(
            "SELECT * FROM contact WHERE deleted = 0")),
    )
    conn.executemany(
        "INSERT INTO account_fts (rowid, name, email, phone, website) VALUES (?,?,?,?,?)",
        (account_row(r) for r in conn.execute("SELECT * FROM account WHERE deleted = 0")),
    )


def match_query(text: str) -> str | None:
    """An FTS5 query matching every word of ``text`` as a prefix.

    Each word is quoted, so the user's text can never be FTS syntax (a
    stray quote, AND, NEAR, a column filter) or SQL.
    """
    words = _TOKEN.findall(text)
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words[:8])
