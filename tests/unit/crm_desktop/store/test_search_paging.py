"""Prefix search and keyset pages."""

from __future__ import annotations

import pytest

from crm_desktop.services import CrmService
from crm_desktop.store import Store


@pytest.fixture
def people(crm: CrmService) -> CrmService:
    acme = crm.create_account({"name": "Acme Ibérica", "website": "https://acme.example"})
    crm.create_contact({"first_name": "José", "last_name": "Núñez", "email": "jose@acme.example",
                        "phone": "+34 912 345 678", "account_id": acme.id})
    crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "email": "ana.ruiz@globex.example",
                        "mobile_phone": "(206) 555-0100"})
    crm.create_contact({"first_name": "Anabel", "last_name": "Smith"})
    crm.create_contact({"first_name": "Oliver", "last_name": "Hughes", "phone": "+44 20 7946 0000"})
    return crm


def _names(records) -> list[str]:
    return sorted(r.name for r in records)


@pytest.mark.parametrize(("text", "expected"), [
    ("an", ["Ana Ruiz", "Anabel Smith"]),
    ("jose", ["José Núñez"]),          # accents don't matter
    ("NUÑ", ["José Núñez"]),
    ("ana ru", ["Ana Ruiz"]),          # every word must match
    ("globex", ["Ana Ruiz"]),          # email
    ("acme", ["José Núñez"]),          # company and email
    ("ibér", ["José Núñez"]),          # company
    ("912 345", ["José Núñez"]),       # phone as typed
    ("+3491234", ["José Núñez"]),      # E.164
    ("2065550", ["Ana Ruiz"]),         # digits of a formatted number
    ("912345678", ["José Núñez"]),     # as dialled in Spain, without +34
    ("1206555", ["Ana Ruiz"]),         # with the US trunk prefix
    ("02079460", ["Oliver Hughes"]),   # as written on a London card, trunk 0 and all
    ("zz", []),
])
def test_prefix_search_over_names_emails_phones_and_company(people: CrmService, text: str,
                                                            expected: list[str]) -> None:
    assert _names(people.search("contact", text)) == expected


@pytest.mark.parametrize(("text", "found"), [
    ('"', 4), ("*", 4), ("🙂", 4),  # no words: the whole list, not an FTS error
    ("AND", 0), ("a OR b", 0), ("name:x", 0), ("x' OR 1=1 --", 0), ("NEAR(a b)", 0),
])
def test_search_text_is_never_query_syntax(people: CrmService, text: str, found: int) -> None:
    assert len(people.search("contact", text)) == found


def test_search_follows_renames_of_the_company(people: CrmService) -> None:
    [acme] = people.list_records("account")
    people.update(acme, {"name": "Zenith Labs"})
    assert _names(people.search("contact", "zenith")) == ["José Núñez"]
    assert people.search("contact", "ibér") == []


def test_inactive_and_deleted_records_leave_the_default_search(people: CrmService) -> None:
    [ana] = people.search("contact", "ana ruiz")
    people.set_active(ana, False)
    assert _names(people.search("contact", "ana")) == ["Anabel Smith"]
    assert _names(people.search("contact", "ana", view="inactive")) == ["Ana Ruiz"]
    [anabel] = people.search("contact", "anabel")
    people.delete(anabel)
    assert people.search("contact", "anabel", view="all") == []


def test_keyset_pages_walk_the_whole_list_in_name_order(crm: CrmService, store: Store) -> None:
    for i in range(57):
        crm.create_contact({"first_name": f"P{i:02d}", "last_name": f"Person{i % 7}"})
    seen, after = [], None
    while True:
        page = store.page("contact", after=after, limit=10)
        if not page:
            break
        seen += page
        after = (page[-1].get("sort_key"), page[-1].num)
    keys = [(r.get("sort_key"), r.num) for r in seen]
    assert len(seen) == 57 and keys == sorted(keys)
    last = store.page("contact", from_end=True, limit=5)
    assert [r.id for r in last] == [r.id for r in seen[-5:]]
    before = store.page("contact", before=(seen[10].get("sort_key"), seen[10].num), limit=3)
    assert [r.id for r in before] == [r.id for r in seen[7:10]]
    assert list(store.ordered_nums("contact")) == [r.num for r in seen]
    assert [r.id for r in store.by_nums("contact", [seen[3].num, seen[1].num])] == [seen[3].id, seen[1].id]


def test_lists_never_use_offset() -> None:
    from pathlib import Path

    import crm_desktop.store as package

    source = "\n".join(p.read_text() for p in Path(package.__file__).parent.glob("*.py"))
    assert " OFFSET " not in source.upper()


def test_my_view_holds_what_i_own_and_what_has_not_synced_yet(crm: CrmService, store: Store) -> None:
    mine = crm.create_account({"name": "Made here"})
    theirs = crm.create_account({"name": "Bo's"})
    synced_mine = crm.create_account({"name": "Synced mine"})
    with store.db.transaction() as conn:
        conn.execute("UPDATE account SET owner_id = 'u1', owner_name = 'bo' WHERE id = ?", (theirs.id,))
        conn.execute("UPDATE account SET owner_id = 'u2', owner_name = 'ana' WHERE id = ?", (synced_mine.id,))
    store.set_meta("sync_username", "ana")
    assert _names(store.page("account", view="mine")) == ["Made here", "Synced mine"]
    assert store.count("account", "mine") == 2
    assert _names(store.search("account", "s", view="mine")) == ["Synced mine"]
    assert mine.id in {r.id for r in store.page("account", view="mine")}
