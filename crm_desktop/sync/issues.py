"""Sync issues: the conflicts and rejections the server reported, and
what the rep does about each.

Keep mine re-queues the rep's values on the server's current version; Take
theirs (and Discard of a conflict) puts the server's values back locally;
Retry re-queues a rejected change with the record as it is now (after the
rep fixed it); Discard drops a rejected change and undoes it locally (a
refused assign shows the server's owner again; a refused delete brings the
record back as Take theirs of a delete conflict does, below).

A conflicting update whose record is gone here since (a pull dropped it:
deleted on the server; or the rep deleted it, or its account, locally) has
nothing left to keep: Keep mine, like Take theirs, closes the issue and the
delete wins, as a delete queued after a conflicting edit drops the edit's
merged fields (``outbox._requeue_merged``).  (A record whose delete the
server refused is back here by then: the pull after the push brought the
change the update conflicted with, over the tombstone.)  Retry of a refused
delete of a record the server deleted since closes it: the record is gone,
as the rep asked.

A delete conflicts when someone changed the record on the server since the
rep last synced it: the server kept the record, and it is back here, with
the connections the local delete tombstoned, while the rep decides
(``outbox.acknowledge``).  Keep mine ("Delete anyway") deletes it again
here, with the same local cascade, and queues the delete on the server's
version.  Take theirs keeps it as the server has it and queues nothing.
The local delete had tombstoned only the record and its connections
(queueing no deletes of them: the server makes its own cascade) and cleared
the links other records had to it: an account's primary contact, and for
an account its contacts' account and its sub-accounts' parent.  The server
still has those links but this store no longer knows which they were, so
Take theirs asks the next sync for a full re-sync, which brings them back;
for a contact only when its account here shows no primary contact, the one
link its delete can have cleared.  A delete of the record queued since
stays either way, like a later edit over a conflicting update.

A delete also conflicts when the server's cascade would take a connection
someone else changed or added since the rep last synced it (the delete says
which versions it saw, ``Writer.delete``); the issue names those
connections (``dependants``).  The pull after the push brings them here as
the server has them.  Delete anyway queues the delete again saying it saw
them, so they go with it; Take theirs keeps the record and them.  A delete
conflict of such a connection the rep had deleted on its own, answered in
the same push, follows the record's choice (``_deleted_with_it``).
A connection the rep cannot read (another rep's private one) conflicts the
same way, but the issue knows only that it is there (``hidden``): no pull
brings it, Delete anyway sends its version on all the same.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal

from crm_core.entities import ENTITIES, entity
from crm_core.reasons import Reason
from crm_core.sync_reasons import reason_from_json
from crm_desktop.store import Store, fts
from crm_desktop.store.dependants import dependant_name, seen_versions
from crm_desktop.store.outbox import RESYNC_KEY, refresh_pending
from crm_desktop.store.records import record_name
from crm_desktop.store.undelete import undelete
from crm_desktop.store.writes import Writer, held_dependants, local_columns, now_iso, reindex, table

Action = Literal["keep_mine", "take_theirs", "retry", "discard"]


class IssueNotResolvable(Exception):
    """The action does not fit the issue (or the record is gone); the message says why."""


@dataclass(frozen=True)
class SyncIssueView:
    """One conflict or rejection as the rep sees it.

    ``fields``: for a conflict ``{field: {"base", "theirs", "yours"}}``; for a
    rejection ``{field: {"yours": value}}``.
    """

    id: int
    kind: str
    entity: str
    record_id: str
    record_name: str
    op: str
    reason: str
    message: str
    fields: dict[str, dict[str, Any]]
    created_at: str = ""  # when the server's answer came back (UTC, ISO)
    followers: tuple[int, ...] = ()  # issues resolved with this one (see resolve)
    # Names of the records its links and the server's message point at, by id, for
    # the rep to read instead of ids ("account 8abf1354-..." is "Acme Ltd").
    linked_names: dict[str, str] = field(default_factory=dict)
    # A delete conflict's connections that its cascade would take, changed or added on the server since.
    dependants: tuple[ChangedDependant, ...] = ()
    # Why the server refused it as a code and values (``message`` in the rep's language); None when the
    # server said none (an older server, an issue kept before schema 8) or this app does not know its code.
    why: Reason | None = None


@dataclass(frozen=True)
class ChangedDependant:
    """A connection a conflicting delete would have taken with it (``crm_desktop.store.dependants``).

    ``created``: someone added it since the rep last synced (``fields`` is
    then empty); else ``fields`` are its changed fields, base / theirs.
    ``hidden``: the rep cannot read it (another rep's); it has no name and no fields.
    """

    entity: str
    record_id: str
    name: str
    created: bool
    fields: dict[str, dict[str, Any]]
    hidden: bool = False


def list_issues(store: Store) -> list[SyncIssueView]:
    """Every open issue, oldest first."""
    with store.db.lock:
        rows = store.conn.execute("SELECT * FROM sync_issue ORDER BY id").fetchall()
        return [_view(store.conn, row) for row in rows]


def _view(conn: sqlite3.Connection, row: sqlite3.Row) -> SyncIssueView:
    details = json.loads(row["fields"])
    if row["kind"] == "conflict":
        fields = {k: dict(v) for k, v in details.items()}
    else:
        fields = {k: {"yours": v} for k, v in details.get("fields", {}).items()}
    dependants = tuple(_dependant(conn, d) for d in json.loads(row["dependants"]))
    names = _linked_names(conn, row["entity"], fields, row["message"] or "")
    for dependant in dependants:
        names |= _linked_names(conn, dependant.entity, dependant.fields, "")
    return SyncIssueView(id=row["id"], kind=row["kind"], entity=row["entity"], record_id=row["record_id"],
                         record_name=_record_name(conn, row), op=row["op"],
                         reason=row["reason"], message=row["message"], fields=fields,
                         created_at=row["created_at"], followers=tuple(f["id"] for f in _followers(conn, row)),
                         linked_names=names, dependants=dependants, why=_why(row["why"]))


def _dependant(conn: sqlite3.Connection, kept: dict[str, Any]) -> ChangedDependant:
    """One of a delete conflict's dependants as the issue kept it, named as this store knows it now."""
    if kept.get("hidden"):
        return ChangedDependant(entity=kept["entity"], record_id=kept["record_id"], name="", created=False,
                                fields={}, hidden=True)
    name = dependant_name(conn, kept["entity"], kept["values"], whole=True) or kept["name"]
    return ChangedDependant(entity=kept["entity"], record_id=kept["record_id"], name=name,
                            created=bool(kept["created"]), fields=kept["fields"])


def _why(kept: str | None) -> Reason | None:
    """The server's reason as the issue kept it (``crm_core.sync_reasons``), if any and readable."""
    if not kept:
        return None
    try:
        return reason_from_json(json.loads(kept))
    except ValueError:
        return None


_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_NAMED = ("account", "contact", "connection", "connection_role")


def _linked_names(conn: sqlite3.Connection, entity_name: str, fields: dict[str, dict[str, Any]],
                  message: str) -> dict[str, str]:
    """The names of the records an issue's link fields and message name by id (tombstones' too)."""
    references = entity(entity_name).references if entity_name in ENTITIES else {}
    wanted: dict[str, tuple[str, ...]] = {record_id: _NAMED for record_id in _UUID.findall(message)}
    for name, values in fields.items():
        for value in values.values():
            if name in references and isinstance(value, str) and value:
                wanted.setdefault(value, references[name])
    names = {}
    for record_id, kinds in wanted.items():
        found = next((n for kind in kinds if (n := record_name(conn, kind, record_id))), "")
        if found:
            names[record_id] = found
    return names


def _record_name(conn: sqlite3.Connection, row: sqlite3.Row) -> str:
    """The record's name as it is now, or as it was when the server answered (it may be gone since)."""
    entity_name, record_id = row["entity"], row["record_id"]
    # A connection whose end has gone since is better named as it was than half by a short id.
    name = (record_name(conn, entity_name, record_id, whole=True) or row["record_name"]
            or record_name(conn, entity_name, record_id))
    return name or record_id[:8]  # shown beside the entity ("contact 50f5f4f3"), so not named twice


def resolve(store: Store, issue_id: int, action: Action) -> list[int]:
    """Apply the rep's choice to one issue, in one local transaction.

    Returns the ids of the other issues resolved with it: an account's or
    contact's refused assign takes along the refused assigns of the
    connections that followed it to the new owner (CrmService.assign).
    """
    with store.db.transaction() as conn:
        row = conn.execute("SELECT * FROM sync_issue WHERE id = ?", (issue_id,)).fetchone()
        if row is None:
            raise IssueNotResolvable(f"there is no sync issue {issue_id}")
        handler = _HANDLERS.get((row["kind"], action))
        if handler is None:
            gone = row["kind"] == "rejected" and row["op"] != "delete" and _gone_here(conn, row)
            raise IssueNotResolvable(_GONE_CHOICE.format(issue_id) if gone else _CHOICES[row["kind"]].format(issue_id))
        followers = _followers(conn, row)
        writer = Writer(conn, store.phone_region)
        for issue in (row, *followers):
            if issue is row or not (row["op"] == "delete" and action == "keep_mine"):
                handler(writer, issue)  # a connection's delete conflict: its record's delete takes it anyway
            conn.execute("DELETE FROM sync_issue WHERE id = ?", (issue["id"],))
            refresh_pending(conn, issue["entity"], issue["record_id"])
        return [f["id"] for f in followers]


def _followers(conn: sqlite3.Connection, row: sqlite3.Row) -> list[sqlite3.Row]:
    """The refused assigns of connections that went with this refused assign of their account or contact.

    They were queued right after it, in the same edit, asking for the same owner.
    And the delete conflicts of connections a delete conflict names (``_deleted_with_it``).
    """
    if row["kind"] == "conflict" and row["op"] == "delete":
        return _deleted_with_it(conn, row)
    if row["kind"] != "rejected" or row["op"] != "assign" or row["entity"] not in ("account", "contact"):
        return []
    later = conn.execute("SELECT min(mutation_id) FROM sync_issue WHERE record_id = ? AND mutation_id > ?",
                         (row["record_id"], row["mutation_id"])).fetchone()[0]
    asked = json.loads(row["fields"]).get("fields")
    candidates = conn.execute(
        "SELECT i.* FROM sync_issue i JOIN connection c ON c.id = i.record_id"
        " WHERE i.kind = 'rejected' AND i.op = 'assign' AND i.entity = 'connection' AND i.reason = ?"
        " AND (c.record1_id = ? OR c.record2_id = ?) AND i.mutation_id > ? AND i.mutation_id < ?"
        " ORDER BY i.id",
        (row["reason"], row["record_id"], row["record_id"], row["mutation_id"], later or 2**62)).fetchall()
    return [c for c in candidates if json.loads(c["fields"]).get("fields") == asked]


def _deleted_with_it(conn: sqlite3.Connection, row: sqlite3.Row) -> list[sqlite3.Row]:
    """The delete conflicts of the connections this delete conflict names, answered before it.

    A rep who deleted a connection and then its account, over a colleague's
    edit of the connection, gets both back as conflicts, and one choice
    settles both: Delete anyway deletes the account and, with it, the
    connection; Take theirs keeps both.
    """
    ids = [d["record_id"] for d in json.loads(row["dependants"])]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return conn.execute(f"SELECT * FROM sync_issue WHERE kind = 'conflict' AND op = 'delete' AND mutation_id < ?"
                        f" AND record_id IN ({marks}) ORDER BY id", (row["mutation_id"], *ids)).fetchall()


def _gone(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    found = conn.execute(f"SELECT 1 FROM {table(row['entity'])} WHERE id = ?", (row["record_id"],))
    return found.fetchone() is None


def _current(conn: sqlite3.Connection, row: sqlite3.Row, *, live: bool = True) -> sqlite3.Row:
    where = " AND deleted = 0" if live else ""
    found = conn.execute(f"SELECT * FROM {table(row['entity'])} WHERE id = ?{where}",
                         (row["record_id"],)).fetchone()
    if found is None:
        raise IssueNotResolvable(f"{row['entity']} {row['record_id'][:8]} no longer exists here;"
                                 " discard this issue")
    return found  # type: ignore[no-any-return]


def _keep_mine(writer: Writer, row: sqlite3.Row) -> None:
    if row["op"] == "delete":
        _delete_anyway(writer, row)
        return
    conflicts = json.loads(row["fields"])
    yours = {name: c.get("yours") for name, c in conflicts.items()}
    record = writer.conn.execute(f"SELECT * FROM {table(row['entity'])} WHERE id = ?",
                                 (row["record_id"],)).fetchone()
    if record is None or record["deleted"]:
        return  # deleted on the server since, or here since: the delete wins (module docstring)
    before = writer.conn.execute("SELECT coalesce(max(mutation_id), 0) FROM outbox").fetchone()[0]
    if not writer.update(row["entity"], row["record_id"], yours):
        # Locally the record already shows the rep's values: queue them anyway.
        theirs = {name: c.get("theirs") for name, c in conflicts.items()}
        writer.queue(row["entity"], row["record_id"], "update", yours, theirs, record["version"])
    writer.conn.execute("UPDATE outbox SET base_version = max(base_version, ?) WHERE mutation_id > ?",
                        (row["server_version"], before))


def _take_theirs(writer: Writer, row: sqlite3.Row) -> None:
    if row["op"] == "delete":
        _keep_record(writer, row)
        return
    current = writer.conn.execute(f"SELECT version FROM {table(row['entity'])} WHERE id = ?",
                                  (row["record_id"],)).fetchone()
    if current is None or current["version"] >= row["server_version"]:
        return  # a pull already brought the server's values (maybe newer than the conflict's)
    conflicts = json.loads(row["fields"])
    _restore(writer, row, {name: c.get("theirs") for name, c in conflicts.items()})


def _delete_anyway(writer: Writer, row: sqlite3.Row) -> None:
    """Keep mine on a delete conflict: delete the record again, over the server's version."""
    conn = writer.conn
    record = conn.execute(f"SELECT * FROM {table(row['entity'])} WHERE id = ?", (row["record_id"],)).fetchone()
    if record is None or _delete_queued(conn, row):
        return  # deleted on the server since (a pull dropped it), or deleted again here: nothing more to send
    before = conn.execute("SELECT coalesce(max(mutation_id), 0) FROM outbox").fetchone()[0]
    # The changed connections the issue showed are seen now: they go with it (even those no pull brought here).
    # At the version the issue showed, even where a pull since holds a newer one: a change made after the
    # issue was never shown to the rep, so the server asks about it again rather than delete over it.
    shown = seen_versions(json.loads(row["dependants"]))
    if record["deleted"]:  # still tombstoned here (it did not come back): only the delete to send
        base = {name: record[name] for name in entity(row["entity"]).field_names}
        seen = {**held_dependants(conn, row["entity"], row["record_id"]), **shown}
        writer.queue(row["entity"], row["record_id"], "delete", {}, base, record["version"], seen=seen)
    else:
        writer.delete(row["entity"], row["record_id"], also_seen=shown)
    conn.execute("UPDATE outbox SET base_version = max(base_version, ?) WHERE mutation_id > ?",
                 (row["server_version"], before))


def _keep_record(writer: Writer, row: sqlite3.Row) -> None:
    """Take theirs on a delete conflict: the record stays, as the server has it (module docstring)."""
    theirs = {name: c.get("theirs") for name, c in json.loads(row["fields"]).items()}
    _bring_back(writer, row, theirs)


def _bring_back(writer: Writer, row: sqlite3.Row, values: dict[str, Any]) -> None:
    """Undo the local delete of a record the server kept (module docstring).

    The record and its connections come back at once; the links the delete
    cleared in other records come back with the next sync.
    """
    conn = writer.conn
    record = conn.execute(f"SELECT 1 FROM {table(row['entity'])} WHERE id = ?", (row["record_id"],)).fetchone()
    if record is None or _delete_queued(conn, row):
        return  # deleted on the server since, or deleted again here: that later delete goes ahead
    undelete(conn, row["entity"], row["record_id"], values, int(row["server_version"]), writer.region)
    if _links_may_be_cleared(conn, row):
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (RESYNC_KEY,))


def _delete_queued(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    found = conn.execute("SELECT 1 FROM outbox WHERE record_id = ? AND op = 'delete'", (row["record_id"],))
    return found.fetchone() is not None


def _links_may_be_cleared(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """Whether the local delete may have cleared links other records had to this one."""
    if row["entity"] == "account":
        return True  # its contacts' account and sub-accounts' parent: which ones is not known here
    if row["entity"] != "contact":
        return False  # a connection: nothing points at it
    # Only a contact of the account can be its primary contact (crm_core.validation).
    found = conn.execute("SELECT 1 FROM contact c JOIN account a ON a.id = c.account_id"
                         " WHERE c.id = ? AND a.deleted = 0 AND a.primary_contact_id IS NULL",
                         (row["record_id"],)).fetchone()
    return found is not None


def _restore(writer: Writer, row: sqlite3.Row, values: dict[str, Any]) -> None:
    """Put values back locally without queueing (fields a later queued edit sets keep that edit)."""
    conn = writer.conn
    current = conn.execute(f"SELECT * FROM {table(row['entity'])} WHERE id = ?",
                           (row["record_id"],)).fetchone()
    if current is None:
        return
    queued: set[str] = set()
    for entry in conn.execute("SELECT fields FROM outbox WHERE record_id = ? AND op IN ('create', 'update')",
                              (row["record_id"],)):
        queued |= set(json.loads(entry["fields"]))
    names = entity(row["entity"]).field_names
    values = {k: v for k, v in values.items() if k in names and k not in queued}
    if not values:
        return
    merged = {**{n: current[n] for n in names}, **values}
    columns = {**values, **local_columns(row["entity"], merged, set(values), writer.region)}
    sets = ", ".join(f"{k} = ?" for k in columns)
    conn.execute(f"UPDATE {table(row['entity'])} SET {sets}, modified_at = ? WHERE id = ?",
                 (*columns.values(), now_iso(), row["record_id"]))
    if row["entity"] in ("account", "contact"):
        reindex(conn, row["entity"], row["record_id"], renamed=row["entity"] == "account")


def _retry(writer: Writer, row: sqlite3.Row) -> None:
    details = json.loads(row["fields"])
    op = row["op"]
    if op == "delete" and _gone(writer.conn, row):
        return  # deleted on the server since (a pull dropped it): what the rep asked for
    record = _current(writer.conn, row, live=op != "delete")
    names = entity(row["entity"]).field_names
    if op == "create":
        fields = {n: record[n] for n in names if record[n] is not None}
    elif op == "update":
        fields = {n: record[n] for n in details.get("fields", {}) if n in names}
    else:
        fields = details.get("fields", {})
    version = max(int(record["version"]), int(row["server_version"]))
    seen = _retried_seen(writer.conn, row, details) if op == "delete" else None
    writer.queue(row["entity"], row["record_id"], op, fields, details.get("base", {}), version, seen=seen)


def _retried_seen(conn: sqlite3.Connection, row: sqlite3.Row, details: dict[str, Any]) -> dict[str, int]:
    """What a retried delete says it saw: what the refused one said (kept with the issue).

    Not the versions held now: a pull since may have brought a colleague's
    change to a connection this rep deleted along with the record, which
    they never saw; the server must ask about it again.  An issue recorded
    before it kept them has only the versions held now.
    """
    seen = details.get("seen")
    if isinstance(seen, dict):
        return {str(k): int(v) for k, v in seen.items()}
    return held_dependants(conn, row["entity"], row["record_id"])


def _discard(writer: Writer, row: sqlite3.Row) -> None:
    conn = writer.conn
    details = json.loads(row["fields"])
    if row["op"] == "create":
        _forget(conn, row)
    elif row["op"] == "update":
        _restore(writer, row, details.get("base", {}))
    elif row["op"] == "delete":
        _undelete(writer, row)
    elif row["op"] == "assign":
        _unassign(conn, row, details)
    # A refused share changed nothing here but the pending mark, which resolve recomputes.


def _unassign(conn: sqlite3.Connection, row: sqlite3.Row, details: dict[str, Any]) -> None:
    """Show again the owner the record had before the refused assign (the server never changed it)."""
    refused = details.get("fields", {}).get("owner")
    before = details.get("base", {})
    if "owner_name" not in before:  # queued by a version that did not keep the owner it replaced
        before = _owner_elsewhere(conn, row)
    if before is None:
        return
    _hand_on_owner(conn, row, refused, before)
    queued = conn.execute("SELECT 1 FROM outbox WHERE record_id = ? AND op = 'assign'",
                          (row["record_id"],)).fetchone()
    if queued:
        return  # a later assign, still to be sent, decides the owner shown here
    # Only while the refused owner still shows: a pull or a later assign may have replaced it.
    conn.execute(f"UPDATE {table(row['entity'])} SET owner_id = ?, owner_name = ?, modified_at = ?"
                 " WHERE id = ? AND owner_name IS ?",
                 (before.get("owner_id"), before.get("owner_name"), now_iso(), row["record_id"], refused))


def _hand_on_owner(conn: sqlite3.Connection, row: sqlite3.Row, refused: Any, before: dict[str, Any]) -> None:
    """Later assigns made over the refused owner, which the server never had, replace ``before``.

    Everything still queued, and every issue answered after this one, came later.
    """
    for entry in conn.execute("SELECT mutation_id, base FROM outbox WHERE record_id = ? AND op = 'assign'",
                              (row["record_id"],)).fetchall():
        if json.loads(entry["base"]).get("owner_name") == refused:
            conn.execute("UPDATE outbox SET base = ? WHERE mutation_id = ?",
                         (json.dumps(before), entry["mutation_id"]))
    for issue in conn.execute("SELECT id, fields FROM sync_issue WHERE record_id = ? AND op = 'assign'"
                              " AND kind = 'rejected' AND id > ?", (row["record_id"], row["id"])).fetchall():
        later = json.loads(issue["fields"])
        if later.get("base", {}).get("owner_name") == refused:
            later["base"] = before
            conn.execute("UPDATE sync_issue SET fields = ? WHERE id = ?", (json.dumps(later), issue["id"]))


def _owner_elsewhere(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any] | None:
    """The owner's name as records with no assign of their own in flight show it, or None.

    An assign changes only the name here: the id is still the server's owner.
    """
    name = table(row["entity"])
    found = conn.execute(
        f"SELECT o.owner_id, o.owner_name FROM {name} r JOIN {name} o ON o.owner_id = r.owner_id"
        " WHERE r.id = ? AND o.id != r.id AND o.owner_name IS NOT NULL"
        " AND o.id NOT IN (SELECT record_id FROM outbox WHERE op = 'assign')"
        " AND o.id NOT IN (SELECT record_id FROM sync_issue WHERE op = 'assign') LIMIT 1",
        (row["record_id"],)).fetchone()
    return None if found is None else {"owner_id": found["owner_id"], "owner_name": found["owner_name"]}


def _undelete(writer: Writer, row: sqlite3.Row) -> None:
    """The server kept the record (no right to delete it): show it again here, with what its delete cleared."""
    if row["reason"] in ("deleted", "missing"):
        return  # gone on the server too; the pull drops it
    _bring_back(writer, row, {})  # the server's values come with the pull, as for any record


def _forget(conn: sqlite3.Connection, row: sqlite3.Row) -> None:
    """A create the server refused: the record exists nowhere else, so it goes, queue and all."""
    found = conn.execute(f"SELECT num FROM {table(row['entity'])} WHERE id = ?",
                         (row["record_id"],)).fetchone()
    conn.execute("DELETE FROM outbox WHERE record_id = ?", (row["record_id"],))
    if found is None:
        return
    conn.execute(f"DELETE FROM {table(row['entity'])} WHERE id = ?", (row["record_id"],))
    if row["entity"] == "contact":
        conn.execute("DELETE FROM contact_fts WHERE rowid = ?", (found["num"],))
    elif row["entity"] == "account":
        conn.execute("DELETE FROM account_fts WHERE rowid = ?", (found["num"],))
        fts.reindex_company(conn, row["record_id"], None)


# Said as the resolve command's flags: only the command line can ask for an action that does not fit
# (the window shows just the buttons that do).
_CHOICES = {
    "conflict": "issue {} is a conflict; choose --keep-mine or --take-theirs",
    "rejected": "issue {} is a rejected change; choose --retry or --discard",
}
_GONE_CHOICE = "issue {} is a rejected change to a record no longer here; choose --discard"


def _gone_here(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """Whether the issue's record is gone or deleted here (a retry has nothing to send)."""
    found = conn.execute(f"SELECT deleted FROM {table(row['entity'])} WHERE id = ?", (row["record_id"],)).fetchone()
    return found is None or bool(found[0])

_HANDLERS = {
    ("conflict", "keep_mine"): _keep_mine,
    ("conflict", "take_theirs"): _take_theirs,
    ("conflict", "discard"): _take_theirs,
    ("rejected", "retry"): _retry,
    ("rejected", "discard"): _discard,
}
