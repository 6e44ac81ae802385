"""What an import's update of a stored contact keeps of it: who they are, and where their phones are read.

Both read the contact as stored; ``placing`` applies them to a duplicate's
changes before writing them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from crm_desktop.store import Store
from crm_desktop.transfer.phone_regions import has_national_phone, in_region, own_region

# What says who a contact is: an import that only guessed the person keeps them.
_IDENTITY = ("first_name", "last_name", "email")


def keep_identity(conn: sqlite3.Connection, record_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """A row matched by phone or a similar name fills the contact's name and email, never rewrites them.

    Only an email says the row is this person; "J. Smith" matching John
    Smith must not rename him, nor a shared switchboard number give one
    colleague another's email.
    """
    row = conn.execute(f"SELECT {', '.join(_IDENTITY)} FROM contact WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return changes
    stored = dict(zip(_IDENTITY, row, strict=True))
    return {k: v for k, v in changes.items() if k not in stored or not stored[k]}


def phones_where_they_are(store: Store, record_id: str, changes: dict[str, Any],
                          company_region: str | None) -> dict[str, Any]:
    """An updated contact's national phones, read in its own country (the row's, else the stored
    one), else in its company's (the row's, else the stored contact's); see ``phone_regions``."""
    if own_region("contact", changes) or not has_national_phone("contact", changes):
        return changes
    row = store.conn.execute("SELECT c.country, a.bill_to_country, a.ship_to_country FROM contact c"
                             " LEFT JOIN account a ON a.id = c.account_id AND a.deleted = 0"
                             " WHERE c.id = ?", (record_id,)).fetchone()
    if row is None or own_region("contact", {"country": row[0]}):
        return changes
    if "account_id" not in changes:  # the row names no company: the contact stays at its own
        company_region = own_region("account", {"bill_to_country": row[1], "ship_to_country": row[2]})
    return in_region("contact", changes, company_region, store.phone_region)
