"""The batch write path makes the same rows, queue entries and search rows as one-by-one edits."""

from __future__ import annotations

import json
import random

import pytest

from crm_core.validation import ValidationError, parse_e164, phone_e164
from crm_desktop.store import Store
from crm_desktop.store.bulk import BulkWriter

_VALUES = {"first_name": "Ana", "last_name": "Ruiz", "email": "Ana@Example.COM", "phone": "(512) 555-0100"}


def _row(store: Store, record_id: str) -> dict[str, object]:
    row = store.conn.execute("SELECT * FROM contact WHERE id = ?", (record_id,)).fetchone()
    return {k: v for k, v in dict(row).items() if k not in ("num", "id", "created_at", "modified_at")}


def test_bulk_create_matches_a_single_create(store: Store) -> None:
    single = store.create("contact", _VALUES)
    with store.writing() as writer:
        bulk = BulkWriter(writer.conn, store.phone_region)
        record = bulk.new_record("contact", _VALUES)
        bulk.create_many("contact", [record])
    assert _row(store, record.id) == _row(store, single.id)
    queue = store.conn.execute("SELECT record_id, op, fields, base_version FROM outbox ORDER BY mutation_id")
    (_, op1, fields1, v1), (rid2, op2, fields2, v2) = queue.fetchall()
    assert (op1, json.loads(fields1), v1) == (op2, json.loads(fields2), v2) and rid2 == record.id
    assert [r.id for r in store.search("contact", "555 01")] == [single.id, record.id]


def test_bulk_check_refuses_like_a_single_create_and_writes_nothing(store: Store) -> None:
    with store.writing() as writer, pytest.raises(ValidationError, match="email"):
        BulkWriter(writer.conn).new_record("contact", {"last_name": "Ruiz", "email": "nope"})
    with store.writing() as writer, pytest.raises(ValidationError, match="account_id"):
        BulkWriter(writer.conn).new_record("contact", {"last_name": "Ruiz",
                                                       "account_id": "6f1c3c8e-1c1b-4c8e-9a53-3d1e2c0b9f00"})
    assert store.pending_changes() == 0 and store.count("contact", "all") == 0


def test_an_account_remembered_in_the_chunk_can_be_pointed_at_before_insert(store: Store) -> None:
    with store.writing() as writer:
        bulk = BulkWriter(writer.conn)
        account = bulk.new_record("account", {"name": "Acme"})
        bulk.remember(account)
        contact = bulk.new_record("contact", {"last_name": "Ruiz", "account_id": account.id})
        bulk.create_many("account", [account])
        bulk.create_many("contact", [contact], {account.id: "Acme"})
    assert [r.name for r in store.search("contact", "acme")] == ["Ruiz"]


def test_fast_phone_answer_agrees_with_phonenumbers_everywhere() -> None:
    rng = random.Random(7)
    samples = ["(512) 555-0100", "512-555-0100", "512.555.0100", "512 555 0100", "5125550100", "(512)555-0100",
               "+1 512 555 0100", "+1-512-555-0100", "+1 (512) 555-0100", "+15125550100", "(112) 555-0100",
               "(012) 555-0100", "+1 112 555 0100", "+34 612 345 678", "+34612345678", "+34 91 234 56 78",
               "+34 512 345 678", "+34 012 345 678", "(512 555-0100", "512) 555-0100", "+1 512 555 010",
               "+34 612 345 67", "512-555-01000", "٥١٢-٥٥٥-٠١٠٠", "(512) 555-0100 x12", " 512-555-0100"]
    separators = ["", " ", "-", ".", "  ", "/", "(", ")"]
    for _ in range(3000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 10, 11])))
        cut = sorted(rng.sample(range(1, len(digits)), 2))
        body = rng.choice(separators).join([digits[:cut[0]], digits[cut[0]:cut[1]], digits[cut[1]:]])
        samples.append(rng.choice(["", "+", "+1 ", "+34 ", "+1", "+34", "(", "00"]) + body)
    for text in samples:
        for region in ("US", "CA", "ES", "GB"):
            assert phone_e164(text, region) == parse_e164(text, region), (text, region)


def test_fast_phone_answer_is_cached_and_repeats_the_first_answer() -> None:
    phone_e164.cache_clear()
    assert phone_e164("+44 20 7946 0958", "GB") == parse_e164("+44 20 7946 0958", "GB")
    assert phone_e164("+44 20 7946 0958", "GB") == "+442079460958"
    assert phone_e164.cache_info().hits == 1
    assert phone_e164("", "US") is None and phone_e164(None, "US") is None


def test_batches_staged_one_after_another_are_each_written_once(store: Store) -> None:
    with store.writing() as writer:
        bulk = BulkWriter(writer.conn)
        acme = bulk.new_record("account", {"name": "Acme"})
        bulk.remember(acme)
        ruiz = bulk.new_record("contact", {"last_name": "Ruiz", "account_id": acme.id})
        bulk.stage("account", [acme])
        bulk.stage("contact", [ruiz], {acme.id: "Acme"})
        bulk.write_staged()
        bulk.create_many("contact", [bulk.new_record("contact", {"last_name": "Vega"})])
    with store.writing() as writer:
        bulk = BulkWriter(writer.conn)
        bulk.create_many("contact", [bulk.new_record("contact", {"last_name": "Soto"})])
    queue = store.conn.execute("SELECT entity, fields FROM outbox ORDER BY mutation_id").fetchall()
    assert [(e, json.loads(f).get("last_name") or json.loads(f)["name"]) for e, f in queue] == [
        ("account", "Acme"), ("contact", "Ruiz"), ("contact", "Vega"), ("contact", "Soto")]
    assert store.count("contact") == 3
    nums = [r[0] for r in store.conn.execute("SELECT num FROM contact ORDER BY num")]
    assert nums == [1, 2, 3]
    assert [r.name for r in store.search("contact", "acme")] == ["Ruiz"]
    assert [r.name for r in store.search("contact", "soto")] == ["Soto"]


def test_a_linked_record_queues_and_indexes_its_new_reference(store: Store) -> None:
    with store.writing() as writer:
        bulk = BulkWriter(writer.conn)
        acme = bulk.new_record("account", {"name": "Acme"})
        bulk.remember(acme)
        draft = bulk.prepare("contact", {"last_name": "Ruiz", "phone": "(512) 555-0100"})
        linked = bulk.link("contact", draft, "account_id", acme.id)
        bulk.check("contact", linked)
        bulk.create_many("account", [acme])
        bulk.create_many("contact", [linked], {acme.id: "Acme"})
    fields = json.loads(store.conn.execute("SELECT fields FROM outbox WHERE entity = 'contact'").fetchone()[0])
    assert fields["account_id"] == acme.id and draft.fields["account_id"] is None
    assert [r.name for r in store.search("contact", "acme 555")] == ["Ruiz"]
