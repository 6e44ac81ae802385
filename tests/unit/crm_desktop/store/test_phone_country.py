"""A phone typed without "+" is read in its record's own country, in every path that stores it."""

from __future__ import annotations

from pathlib import Path

from crm_core.protocol import Change, Owner
from crm_desktop.store import Store, outbox

CONTACT = "00000000-0000-4000-8000-0000000000c1"
ACCOUNT = "00000000-0000-4000-8000-0000000000a1"


def _e164(store: Store, entity_name: str, record_id: str) -> tuple[str | None, ...]:
    columns = ("phone_e164", "mobile_phone_e164") if entity_name == "contact" else ("phone_e164", "other_phone_e164")
    return tuple(store.require(entity_name, record_id).get(c) for c in columns)


def test_a_contact_in_spain_gets_the_spanish_number_in_a_us_store(store: Store) -> None:
    assert store.phone_region == "US"
    ana = store.create(
        "contact", {"last_name": "Ruiz", "country": "España", "phone": "912 345 678", "mobile_phone": "612 34 56 78"}
    )
    assert _e164(store, "contact", ana.id) == ("+34912345678", "+34612345678")
    assert [r.id for r in store.search("contact", "+34912345678")] == [ana.id]


def test_without_a_country_the_store_region_applies_as_before(store: Store) -> None:
    us = store.create("contact", {"last_name": "Vega", "phone": "(512) 555-0100", "mobile_phone": "912 345 678"})
    assert _e164(store, "contact", us.id) == ("+15125550100", None)  # nine digits are no US number
    unknown = store.create("contact", {"last_name": "Oz", "country": "Narnia", "phone": "(512) 555-0100"})
    assert _e164(store, "contact", unknown.id) == ("+15125550100", None)
    typed_with_code = store.create("contact", {"last_name": "Gil", "country": "Spain", "phone": "+1 512 555 0100"})
    assert _e164(store, "contact", typed_with_code.id) == ("+15125550100", None)


def test_an_account_reads_its_phones_in_its_billing_country(store: Store) -> None:
    acme = store.create(
        "account",
        {
            "name": "Acme",
            "bill_to_country": "ESP",
            "ship_to_country": "Mexico",
            "phone": "915 550 100",
            "other_phone": "+44 20 7946 0958",
        },
    )
    assert _e164(store, "account", acme.id) == ("+34915550100", "+442079460958")
    shipped = store.create("account", {"name": "Lejos", "ship_to_country": "México", "phone": "55 1234 5678"})
    assert _e164(store, "account", shipped.id) == ("+525512345678", None)


def test_changing_only_the_country_reads_the_phones_again(store: Store) -> None:
    ana = store.create("contact", {"last_name": "Ruiz", "phone": "912 345 678", "mobile_phone": "+1 512 555 0100"})
    assert _e164(store, "contact", ana.id) == (None, "+15125550100")
    store.update("contact", ana.id, {"country": "Spain"})
    assert _e164(store, "contact", ana.id) == ("+34912345678", "+15125550100")
    assert [r.id for r in store.search("contact", "34912345678")] == [ana.id]  # the search row followed
    store.update("contact", ana.id, {"country": "Reino Unido"})
    assert _e164(store, "contact", ana.id) == ("+44912345678", "+15125550100")
    acme = store.create("account", {"name": "Acme", "phone": "020 7946 0958"})
    store.update("account", acme.id, {"bill_to_country": "UK"})
    assert _e164(store, "account", acme.id) == ("+442079460958", None)


def _pulled(country: str | None) -> list[Change]:
    owner = Owner(type="user", id="u1", name="ana")
    return [
        Change(
            seq=1,
            entity="account",
            record_id=ACCOUNT,
            version=1,
            owner=owner,
            fields={"name": "Bodegas", "bill_to_country": "Spain", "phone": "915 550 100"},
        ),
        Change(
            seq=2,
            entity="contact",
            record_id=CONTACT,
            version=1,
            owner=owner,
            fields={
                "last_name": "Ruiz",
                "country": country,
                "phone": "912 345 678",
                "mobile_phone": "+1 (512) 555-0100",
            },
        ),
    ]


def test_a_pulled_record_reads_its_phones_in_its_country_on_both_paths(tmp_path: Path) -> None:
    new, known = Store.open_dir(tmp_path / "new"), Store.open_dir(tmp_path / "known")
    with new.db.transaction() as conn:  # the bulk path of a first sync
        outbox.apply_changes(conn, _pulled("España"), "US")
    with known.db.transaction() as conn:  # records the store has: the per-row path
        outbox.apply_changes(conn, _pulled(None), "US")
        outbox.apply_changes(conn, [c.model_copy(update={"version": 2}) for c in _pulled("España")], "US")
    for store in (new, known):
        assert _e164(store, "contact", CONTACT) == ("+34912345678", "+15125550100")
        assert _e164(store, "account", ACCOUNT) == ("+34915550100", None)
        assert [r.id for r in store.search("contact", "34912345678")] == [CONTACT]
        store.close()


def test_a_new_store_region_reads_again_the_phones_that_had_no_country(store: Store) -> None:
    local = store.create("contact", {"last_name": "Ruiz", "phone": "912 345 678", "mobile_phone": "(512) 555-0100"})
    abroad = store.create("contact", {"last_name": "Vega", "country": "USA", "phone": "(512) 555-0101"})
    coded = store.create("account", {"name": "Acme", "phone": "+44 20 7946 0958", "other_phone": "915 550 100"})
    assert _e164(store, "contact", local.id) == (None, "+15125550100")

    store.set_phone_region("es")
    assert store.phone_region == "ES"
    assert _e164(store, "contact", local.id) == ("+34912345678", None)  # "(512) 555-0100" is no Spanish number
    assert _e164(store, "contact", abroad.id) == ("+15125550101", None), "its own country still decides"
    assert _e164(store, "account", coded.id) == ("+442079460958", "+34915550100")
    assert [r.id for r in store.search("contact", "+34912345678")] == [local.id], "the search row too"
    assert store.pending_changes() == 3, "a local column, not an edit to sync"


def test_the_region_is_kept_across_opening_the_store_again(tmp_path: Path) -> None:
    store = Store.open_dir(tmp_path, phone_region="GB")
    ann = store.create("contact", {"last_name": "Lee", "phone": "020 7946 0958"})
    store.close()
    again = Store.open_dir(tmp_path)
    assert again.phone_region == "GB" and _e164(again, "contact", ann.id)[0] == "+442079460958"
    again.close()
