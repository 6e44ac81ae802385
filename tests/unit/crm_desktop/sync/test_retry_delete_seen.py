"""A retried delete says what the refused one saw, so a colleague's change since is asked about, not lost."""

from __future__ import annotations

import json
from pathlib import Path

from crm_core.protocol import PushResult
from crm_desktop.store import Store, outbox
from crm_desktop.sync.issues import list_issues, resolve
from tests.helpers.records import account_with_a_connection


def _refused_delete_of_an_account_with_a_connection(tmp_path: Path) -> tuple[Store, str]:
    store = Store.open_dir(tmp_path)
    acme, _rita, link = account_with_a_connection(store)
    with store.db.transaction() as conn:
        conn.execute("UPDATE connection SET pending = 0 WHERE id = ?", (link,))
        conn.execute("DELETE FROM outbox")  # as synced
    store.delete("account", acme)
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
