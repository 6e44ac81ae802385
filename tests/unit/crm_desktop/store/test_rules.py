"""The record rules, enforced once in the store's write path."""

from __future__ import annotations

import pytest

from crm_core.roles import role_id
from crm_core.validation import ValidationError
from crm_desktop.services import CrmService
from crm_desktop.store import RecordNotFound, Store


@pytest.fixture
def acme(crm: CrmService):
    return crm.create_account({"name": "Acme Ltd"})


def test_primary_contact_must_be_a_contact_of_that_account(crm: CrmService, acme) -> None:
    other = crm.create_account({"name": "Globex"})
    outsider = crm.create_contact({"first_name": "Olga", "last_name": "Out", "account_id": other.id})
    with pytest.raises(ValidationError, match="must be a contact of this account"):
        crm.set_primary_contact(acme, outsider)
    assert crm.get("account", acme.id).get("primary_contact_id") is None


def test_setting_another_primary_contact_replaces_it(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    bo = crm.create_contact({"first_name": "Bo", "last_name": "Berg", "account_id": acme.id})
    crm.set_primary_contact(acme, ana)
    updated = crm.set_primary_contact(acme, bo)
    assert updated.get("primary_contact_id") == bo.id


def test_deactivating_the_primary_contact_clears_it(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    crm.set_primary_contact(acme, ana)
    crm.set_active(ana, False)
    assert crm.get("account", acme.id).get("primary_contact_id") is None


def test_moving_the_primary_contact_to_another_account_clears_it(crm: CrmService, acme) -> None:
    other = crm.create_account({"name": "Globex"})
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    crm.set_primary_contact(acme, ana)
    crm.update(ana, {"account_id": other.id})
    assert crm.get("account", acme.id).get("primary_contact_id") is None


def test_an_inactive_contact_cannot_become_primary(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    crm.set_active(ana, False)
    with pytest.raises(ValidationError, match="inactive"):
        crm.set_primary_contact(acme, ana)


def test_parent_accounts_refuse_a_cycle(crm: CrmService) -> None:
    top = crm.create_account({"name": "Top"})
    mid = crm.create_account({"name": "Mid", "parent_account_id": top.id})
    low = crm.create_account({"name": "Low", "parent_account_id": mid.id})
    with pytest.raises(ValidationError, match="cycle"):
        crm.update(top, {"parent_account_id": low.id})
    with pytest.raises(ValidationError, match="cycle"):
        crm.update(top, {"parent_account_id": top.id})
    assert [a.name for a in crm.sub_accounts(top)] == ["Mid"]


def _link(crm: CrmService, one, two, role: str, role2: str | None = None):
    return crm.link(one, two, role, role2)


def test_a_connection_is_seen_from_both_sides_with_each_role(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz"})
    _link(crm, ana, acme, "Champion")
    [from_ana] = crm.connections(ana)
    [from_acme] = crm.connections(acme)
    assert (from_ana.other_name, from_ana.role, from_ana.other_role) == ("Acme Ltd", "Champion", "Customer")
    assert (from_acme.other_name, from_acme.role, from_acme.other_role) == ("Ana Ruiz", "Customer", "Champion")
    assert from_ana.pending and from_ana.id == from_acme.id


def test_role2_must_match_role1_and_symmetric_roles_match_themselves(crm: CrmService) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz"})
    bo = crm.create_contact({"first_name": "Bo", "last_name": "Berg"})
    with pytest.raises(ValidationError, match="does not match"):
        _link(crm, ana, bo, "Manager", "Manager")
    colleague = _link(crm, ana, bo, "Colleague")
    assert colleague.get("role2_id") == role_id("Colleague")
    managed = _link(crm, ana, bo, "Manager")
    assert managed.get("role2_id") == role_id("Employee")


def test_the_store_itself_refuses_a_role2_that_does_not_match(store: Store) -> None:
    a = store.create("contact", {"last_name": "A"})
    b = store.create("contact", {"last_name": "B"})
    values = {"record1_type": "contact", "record1_id": a.id, "role1_id": role_id("Parent"),
              "record2_type": "contact", "record2_id": b.id, "role2_id": role_id("Colleague")}
    with pytest.raises(ValidationError, match="role2_id"):
        store.create("connection", values)


def test_a_record_cannot_connect_to_itself_nor_twice(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz"})
    with pytest.raises(ValidationError, match="itself"):
        _link(crm, ana, ana, "Colleague")
    _link(crm, ana, acme, "Champion")
    with pytest.raises(ValidationError, match="already connected"):
        _link(crm, ana, acme, "Champion")
    with pytest.raises(ValidationError, match="already connected"):
        _link(crm, acme, ana, "Customer", "Champion")


def test_a_connection_cannot_end_before_it_starts(crm: CrmService, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz"})
    with pytest.raises(ValidationError, match="valid_to: ends on 2026-01-01, before it starts on 2026-12-01"):
        crm.link(ana, acme, "Champion", valid_from="2026-12-01", valid_to="2026-01-01")
    link = crm.link(ana, acme, "Champion", valid_from="2026-12-01", valid_to="2026-12-01")  # one day
    with pytest.raises(ValidationError, match="ends on 2026-11-30"):
        crm.update_connection(link.id, {"valid_to": "2026-11-30"})
    with pytest.raises(ValidationError, match="ends on 2026-01-01, before it starts on 2026-12-01"):
        crm.update_connection(link.id, {"valid_to": "20260101"})  # another ISO form, compared as a date
    assert crm.update_connection(link.id, {"valid_to": "20261231"}).fields["valid_to"] == "2026-12-31"
    open_start = crm.update_connection(link.id, {"valid_from": None, "valid_to": "2026-11-30"})
    assert open_start.fields["valid_to"] == "2026-11-30"


def test_a_connection_needs_both_records_active_and_existing(crm: CrmService, store: Store, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz"})
    crm.set_active(ana, False)
    with pytest.raises(ValidationError, match="inactive"):
        _link(crm, acme, ana, "Customer", "Champion")
    values = {"record1_type": "account", "record1_id": acme.id, "role1_id": role_id("Partner"),
              "record2_type": "account", "record2_id": "0f0f0f0f-0000-4000-8000-000000000000",
              "role2_id": role_id("Partner")}
    with pytest.raises(ValidationError, match="does not exist"):
        store.create("connection", values)


def test_deleting_a_record_leaves_a_tombstone_and_drops_its_connections(
        crm: CrmService, store: Store, acme) -> None:
    ana = crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "account_id": acme.id})
    crm.set_primary_contact(acme, ana)
    _link(crm, ana, acme, "Champion")
    crm.delete(ana)
    tomb = store.get("contact", ana.id, deleted=True)
    assert tomb is not None and tomb.deleted and tomb.pending
    assert store.get("contact", ana.id) is None
    assert crm.connections(acme) == []
    assert crm.get("account", acme.id).get("primary_contact_id") is None
    with pytest.raises(RecordNotFound):
        crm.update(tomb, {"job_title": "x"})


def test_deactivate_and_activate_round_trip(crm: CrmService, acme) -> None:
    assert crm.set_active(acme, False).get("state") == "inactive"
    assert [a.name for a in crm.list_records("account", view="inactive")] == ["Acme Ltd"]
    assert crm.set_active(acme, True).get("state") == "active"
