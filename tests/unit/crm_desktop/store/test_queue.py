"""Every write and its queue entry commit together, or neither does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.services import CrmService
from crm_desktop.store import Store, fts, outbox
from crm_desktop.store.writes import Writer


def _queue(store: Store) -> list[dict]:
    rows = store.conn.execute("SELECT * FROM outbox ORDER BY mutation_id").fetchall()
    return [dict(r) for r in rows]


def test_each_edit_queues_field_level_changes_with_base_version(crm: CrmService, store: Store) -> None:
    acme = crm.create_account({"name": "Acme", "phone": "555 0100 22"})
    crm.update(acme, {"phone": "555 0100 23", "industry": "Retail", "name": "Acme"})
    create, update = _queue(store)
    assert create["op"] == "create" and json.loads(create["fields"])["name"] == "Acme"
    assert update["op"] == "update"
    assert json.loads(update["fields"]) == {"phone": "555 0100 23", "industry": "Retail"}
    assert json.loads(update["base"]) == {"phone": "555 0100 22", "industry": None}
    assert update["base_version"] == 0
    assert update["mutation_id"] > create["mutation_id"]


def test_an_edit_that_changes_nothing_queues_nothing(crm: CrmService, store: Store) -> None:
    acme = crm.create_account({"name": "Acme"})
    crm.update(acme, {"name": " Acme "})
    assert len(_queue(store)) == 1


def test_a_record_with_queued_changes_is_pending_until_acknowledged(crm: CrmService, store: Store) -> None:
    from crm_core.protocol import PushResult

    acme = crm.create_account({"name": "Acme"})
    assert acme.pending
    [entry] = _queue(store)
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [PushResult(mutation_id=entry["mutation_id"], status="applied", version=1)])
    record = store.require("account", acme.id)
    assert not record.pending and record.version == 1
    assert store.pending_changes() == 0


def test_mutation_ids_are_never_reused_after_the_queue_drains(crm: CrmService, store: Store) -> None:
    crm.create_account({"name": "First"})
    first = _queue(store)[0]["mutation_id"]
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM outbox")
    crm.create_account({"name": "Second"})
    assert _queue(store)[0]["mutation_id"] > first


def test_a_failure_in_the_middle_of_a_write_leaves_neither_change_nor_queue_entry(
        crm: CrmService, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    acme = crm.create_account({"name": "Acme"})

    def broken_index(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fts, "index_account", broken_index)
    with pytest.raises(OSError):
        crm.update(acme, {"name": "Acme Renamed"})
    with pytest.raises(OSError):
        crm.create_account({"name": "Never"})
    assert store.require("account", acme.id).name == "Acme"
    assert [e["op"] for e in _queue(store)] == ["create"]
    assert store.find_by_name("account", "Never") == []


def test_a_process_killed_mid_write_leaves_neither(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open_dir(data).close()
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from crm_desktop.store import Store
        from crm_desktop.store.writes import Writer
        original = Writer.queue
        def queue_then_die(self, *args, **kwargs):
            original(self, *args, **kwargs)
            os._exit(9)  # killed after the row and its queue entry, before COMMIT
        Writer.queue = queue_then_die
        Store.open_dir(Path({str(data)!r})).create("account", {{"name": "Half"}})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9, result.stderr
    store = Store.open_dir(data)
    try:
        assert store.count("account", "all") == 0
        assert store.pending_changes() == 0
    finally:
        store.close()


def test_several_edits_in_one_block_commit_together(store: Store) -> None:
    with pytest.raises(RuntimeError), store.writing() as writer:
        assert isinstance(writer, Writer)
        writer.create("account", {"name": "One"})
        raise RuntimeError("cancelled")
    assert store.count("account", "all") == 0 and store.pending_changes() == 0


def test_make_durable_syncs_with_a_real_commit_and_puts_normal_back(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path)
    store.db.make_durable()
    assert store.get_meta("synced_to_disk")  # the write whose commit syncs the WAL
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA fullfsync").fetchone()[0] == 0
    with store.db.transaction(), pytest.raises(RuntimeError, match="inside a transaction"):
        store.db.make_durable()  # a nested commit would not reach the disk
    store.close()
