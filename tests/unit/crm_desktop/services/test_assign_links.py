"""Assigning a record takes along the connections it owns with it (cascade user-owned)."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.services import CrmService
from crm_desktop.store import Store


def _owner(store: Store, entity: str, record_id: str) -> str | None:
    record = store.get(entity, record_id)
    assert record is not None
    return record.owner_name


def test_a_link_goes_with_its_record_to_a_new_owner_and_someone_elses_stays(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path)
    crm = CrmService(store)
    acme = crm.create_account({"name": "Acme"})
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    eva = crm.create_contact({"first_name": "Eva", "last_name": "Sanz"})
    mine = crm.link(acme, ana, "Champion")
    theirs = crm.link(acme, eva, "Champion")
    with store.db.transaction() as conn:  # a colleague's link, pulled from the server
        conn.execute("UPDATE connection SET owner_id = 'u-bob', owner_name = 'bob' WHERE id = ?", (theirs.id,))
    queued = store.pending_changes()
    crm.assign(acme, "team", "sales")
    assert _owner(store, "connection", mine.id) == "sales"
    assert _owner(store, "connection", theirs.id) == "bob"
    assert store.pending_changes() == queued + 2, "the account's assign and its link's"
    crm.assign(ana, "team", "north")  # the link already went with the account: it stays with sales
    assert _owner(store, "connection", mine.id) == "sales"
    store.close()
