"""A retried delete says what the refused one saw, so a colleague's change since is asked about, not lost."""

from __future__ import annotations

import json
from pathlib import Path

from crm_core.protocol import PushResult
from crm_core.roles import role_id
from crm_desktop.store import Store, outbox
from crm_desktop.store.writes import Writer
from crm_desktop.sync.issues import list_issues, resolve


def _refused_delete_of_an_account_with_a_connection(tmp_path: Path) -> tuple[Store, str]:
    store = Store.open_dir(tmp_path)
    acme = store.create("account", {"name": "Acme"})
    rita = store.create("contact", {"first_name": "Rita", "last_name": "Vega"})
    with store.db.transaction() as conn:
        link = Writer(conn).create("connection", {"record1_type": "account", "record1_id": acme.id,
                                                  "role1_id": role_id("Customer"), "record2_type": "contact",
                                                  "record2_id": rita.id})
        conn.execute("UPDATE connection SET version = 4, pending = 0 WHERE id = ?", (link,))
        conn.execute("DELETE FROM outbox")  # as synced
    store.delete("account", acme.id)
    [queued] = outbox.queued(store.conn, 10)
    assert queued.seen == {link: 4}
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [PushResult(mutation_id=queued.mutation_id, status="rejected", reason="permission",
                                             message="you have no delete right on account x")])
    return store, link


def test_retry_sends_the_versions_the_refused_delete_saw(tmp_path: Path) -> None:
    store, link = _refused_delete_of_an_account_with_a_connection(tmp_path)
    # A pull since brought a colleague's change to the connection the rep deleted along with Acme.
    store.conn.execute("UPDATE connection SET version = 7 WHERE id = ?", (link,))
    [issue] = list_issues(store)
    resolve(store, issue.id, "retry")
    # was: seen None, so the server cascaded over any colleague's change with no conflict
    assert [(q.op, q.seen) for q in outbox.queued(store.conn, 10)] == [("delete", {link: 4})]
    store.close()


def test_an_issue_from_before_it_kept_them_retries_with_the_versions_held_now(tmp_path: Path) -> None:
    store, link = _refused_delete_of_an_account_with_a_connection(tmp_path)
    [row] = store.conn.execute("SELECT id, fields FROM sync_issue").fetchall()
    details = json.loads(row["fields"])
    del details["seen"]
    store.conn.execute("UPDATE sync_issue SET fields = ? WHERE id = ?", (json.dumps(details), row["id"]))
    resolve(store, row["id"], "retry")
    assert [(q.op, q.seen) for q in outbox.queued(store.conn, 10)] == [("delete", {link: 4})]
    store.close()
