"""Small record set-ups the store and sync tests share."""

from __future__ import annotations

from crm_core.roles import role_id
from crm_desktop.store import Store
from crm_desktop.store.writes import Writer


def account_with_a_connection(store: Store, *, version: int = 4) -> tuple[str, str, str]:
    """Acme, Rita Vega and a connection between them held at ``version``; (acme, rita, link) ids."""
    acme = store.create("account", {"name": "Acme"})
    rita = store.create("contact", {"first_name": "Rita", "last_name": "Vega"})
    with store.db.transaction() as conn:
        link = Writer(conn).create("connection", {"record1_type": "account", "record1_id": acme.id,
                                                  "role1_id": role_id("Customer"), "record2_type": "contact",
                                                  "record2_id": rita.id})
        conn.execute("UPDATE connection SET version = ? WHERE id = ?", (version, link))
    return acme.id, rita.id, link
