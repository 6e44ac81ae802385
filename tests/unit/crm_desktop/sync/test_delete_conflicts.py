"""A delete answered with a conflict: the record is back while the rep decides, and each choice settles it.
A delete refused for want of the right: Discard brings the record back as a conflict's Take theirs does.

The server's answer is recorded straight into the store here, with no pull
after it, as when the network drops between push and pull.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from crm_core.protocol import PushResult
from crm_desktop.services import CrmService
from crm_desktop.store import Store, outbox
from crm_desktop.sync import issues

SERVER_VERSION = 7


@dataclass
class _Synced:
    """Acme and Rita (its primary contact), a connection between them, and another to Bo: all synced at version 2."""

    acme: str
    rita: str
    link: str
    bo_link: str
    bo: str


def _synced(crm: CrmService, store: Store) -> _Synced:
    acme = crm.create_account({"name": "Acme Vega"})
    rita = crm.create_contact({"first_name": "Rita", "last_name": "Vega", "job_title": "Buyer",
                               "account_id": acme.id})
    bo = crm.create_contact({"first_name": "Bo", "last_name": "Lund"})
    crm.set_primary_contact(acme, rita)
    link = crm.link(rita, acme, "Champion")
    bo_link = crm.link(rita, bo, "Colleague")
    with store.db.transaction() as conn:  # as after a sync: nothing queued, every record at version 2
        conn.execute("DELETE FROM outbox")
        for name in ("account", "contact", "connection"):
            conn.execute(f"UPDATE {name} SET version = 2, pending = 0")
    return _Synced(acme.id, rita.id, link.id, bo_link.id, bo.id)


def _delete_conflict(store: Store, theirs: dict[str, str]) -> None:
    """The server's answer to the one queued delete: a conflict on ``theirs``."""
    [row] = store.conn.execute("SELECT * FROM outbox").fetchall()
    conflicts = {k: {"base": json.loads(row["base"]).get(k), "theirs": v, "yours": None} for k, v in theirs.items()}
    result = PushResult.model_validate({"mutation_id": row["mutation_id"], "status": "conflict",
                                        "version": SERVER_VERSION, "conflicts": conflicts})
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [result])


def _found(crm: CrmService, text: str) -> list[str]:
    return [r.id for r in crm.search("contact", text)]


def _resync_asked(store: Store) -> bool:
    return store.get_meta(outbox.RESYNC_KEY) is not None


def test_a_delete_carries_the_records_values_as_its_base(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    [row] = store.conn.execute("SELECT * FROM outbox").fetchall()
    base = json.loads(row["base"])
    assert (row["op"], row["base_version"], json.loads(row["fields"])) == ("delete", 2, {})
    assert base["job_title"] == "Buyer" and base["account_id"] == t.acme and base["email"] is None


def test_a_conflicting_delete_brings_the_record_back_as_the_server_has_it(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.unlink(t.bo_link)
    crm.delete(t.bo)
    with store.db.transaction() as conn:  # Bo's delete and the unlink went ahead (answered, not pulled yet)
        conn.execute("DELETE FROM outbox")
    crm.delete(t.rita)
    assert crm.get("contact", t.rita) is None and crm.connections(t.acme) == []

    _delete_conflict(store, {"job_title": "CEO"})
    rita = crm.get("contact", t.rita)
    assert rita is not None and rita.fields["job_title"] == "CEO" and rita.version == SERVER_VERSION
    assert rita.pending and store.pending_changes() == 0
    assert _found(crm, "rita") == [t.rita]
    assert [c.id for c in crm.connections(t.acme)] == [t.link]
    assert crm.get("connection", t.bo_link) is None  # its own delete, and its other end's, went ahead
    [issue] = issues.list_issues(store)
    assert (issue.kind, issue.op, issue.record_name) == ("conflict", "delete", "Rita Vega")
    assert issue.fields == {"job_title": {"base": "Buyer", "theirs": "CEO", "yours": None}}


def test_keep_mine_deletes_it_again_over_the_servers_version(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_conflict(store, {"job_title": "CEO"})
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "keep_mine")

    assert crm.get("contact", t.rita) is None and _found(crm, "rita") == []
    assert crm.connections(t.acme) == []
    [row] = store.conn.execute("SELECT * FROM outbox").fetchall()
    assert (row["op"], row["base_version"]) == ("delete", SERVER_VERSION)
    assert json.loads(row["base"])["job_title"] == "CEO"  # the rep has now seen the server's value
    tombstone = store.get("contact", t.rita, deleted=True)
    assert tombstone is not None and tombstone.pending
    assert issues.list_issues(store) == [] and not _resync_asked(store)


def test_take_theirs_keeps_it_queues_nothing_and_asks_for_the_links_again(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_conflict(store, {"job_title": "CEO"})
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "take_theirs")

    rita = crm.get("contact", t.rita)
    assert rita is not None and rita.fields["job_title"] == "CEO" and not rita.pending
    assert _found(crm, "rita vega") == [t.rita] and store.pending_changes() == 0
    assert issues.list_issues(store) == []
    acme = crm.get("account", t.acme)
    assert acme is not None and acme.fields["primary_contact_id"] is None  # cleared here; the re-sync brings it
    assert _resync_asked(store)


def test_take_theirs_of_a_contact_no_account_had_as_primary_needs_no_resync(crm: CrmService,
                                                                            store: Store) -> None:
    t = _synced(crm, store)
    crm.set_primary_contact(t.acme, None)
    store.conn.execute("DELETE FROM outbox")
    crm.delete(t.bo)
    _delete_conflict(store, {"last_name": "Lund-Berg"})
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "take_theirs")
    bo = crm.get("contact", t.bo)
    assert bo is not None and bo.fields["last_name"] == "Lund-Berg" and not _resync_asked(store)


def test_take_theirs_of_an_account_asks_for_its_contacts_again(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.acme)
    _delete_conflict(store, {"industry": "Retail"})
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")  # Discard of a conflict takes theirs
    acme = crm.get("account", t.acme)
    assert acme is not None and acme.fields["industry"] == "Retail" and not acme.pending
    assert [c.id for c in crm.connections(t.acme)] == [t.link]
    assert _resync_asked(store)


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_a_delete_made_again_while_the_issue_was_open_goes_ahead(crm: CrmService, store: Store,
                                                                 choice: issues.Action) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_conflict(store, {"job_title": "CEO"})
    crm.delete(t.rita)  # the rep saw it back and deleted it again
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, choice)
    assert crm.get("contact", t.rita) is None
    assert [r["op"] for r in store.conn.execute("SELECT op FROM outbox")] == ["delete"]
    assert not _resync_asked(store)


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_a_record_deleted_on_the_server_since_settles_with_nothing_to_do(crm: CrmService, store: Store,
                                                                        choice: issues.Action) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_conflict(store, {"job_title": "CEO"})
    with store.db.transaction() as conn:  # a pull brought someone else's delete of it
        conn.execute("DELETE FROM contact WHERE id = ?", (t.rita,))
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, choice)
    assert issues.list_issues(store) == [] and store.pending_changes() == 0


def _delete_refused(store: Store) -> None:
    """The server's answer to the one queued delete: no right to delete."""
    [row] = store.conn.execute("SELECT * FROM outbox").fetchall()
    result = PushResult(mutation_id=row["mutation_id"], status="rejected", reason="permission",
                        message="you have no delete right")
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [result])


def test_discarding_a_refused_delete_brings_back_the_record_its_connections_and_asks_for_its_links(
        crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_refused(store)
    assert crm.get("contact", t.rita) is None  # refused, but still deleted here until the rep decides
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")

    rita = crm.get("contact", t.rita)
    assert rita is not None and not rita.pending and store.pending_changes() == 0
    assert _found(crm, "rita vega") == [t.rita]
    assert [c.id for c in crm.connections(t.acme)] == [t.link]
    assert {c.id for c in crm.connections(t.rita)} == {t.link, t.bo_link}
    assert _resync_asked(store)  # Acme's primary contact, cleared here, comes back with it


def test_discarding_a_refused_delete_of_a_record_a_pull_brought_back_brings_its_connections(
        crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    _delete_refused(store)
    with store.db.transaction() as conn:  # someone edited her on the server: the pull brought her (alone) back
        conn.execute("UPDATE contact SET deleted = 0, version = 3 WHERE id = ?", (t.rita,))
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")
    assert {c.id for c in crm.connections(t.rita)} == {t.link, t.bo_link}


def test_discarding_a_delete_refused_as_already_deleted_leaves_it_gone(crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.rita)
    [row] = store.conn.execute("SELECT * FROM outbox").fetchall()
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [PushResult(mutation_id=row["mutation_id"], status="rejected", reason="deleted")])
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")
    assert crm.get("contact", t.rita) is None and crm.connections(t.acme) == []
    assert not _resync_asked(store)


def test_discarding_a_refused_delete_of_a_record_deleted_on_the_server_since_asks_for_nothing(
        crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.delete(t.acme)
    _delete_refused(store)
    with store.db.transaction() as conn:  # an admin deleted it meanwhile: the pull dropped it
        conn.execute("DELETE FROM account WHERE id = ?", (t.acme,))
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")
    assert issues.list_issues(store) == [] and not _resync_asked(store)


def test_discarding_a_refused_delete_leaves_gone_a_connection_whose_own_delete_went_ahead(
        crm: CrmService, store: Store) -> None:
    t = _synced(crm, store)
    crm.unlink(t.link)  # Rita - Acme, then Rita herself
    crm.delete(t.rita)
    unlink, delete = store.conn.execute("SELECT mutation_id, op FROM outbox ORDER BY mutation_id").fetchall()
    assert (unlink["op"], delete["op"]) == ("delete", "delete")
    with store.db.transaction() as conn:  # the server took the unlink and refused her delete; no pull yet
        outbox.acknowledge(conn, [
            PushResult(mutation_id=unlink["mutation_id"], status="applied", version=3),
            PushResult(mutation_id=delete["mutation_id"], status="rejected", reason="permission",
                       message="you have no delete right")])
    [issue] = issues.list_issues(store)
    issues.resolve(store, issue.id, "discard")
    assert crm.get("contact", t.rita) is not None
    assert [c.id for c in crm.connections(t.rita)] == [t.bo_link]  # the server has no Rita - Acme any more
    assert crm.connections(t.acme) == []
