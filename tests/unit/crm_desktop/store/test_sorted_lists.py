"""Lists sorted by a column other than the name: the order the rep clicked for."""

from __future__ import annotations

import pytest

from crm_desktop.services import CrmService
from crm_desktop.store.queries import SORTS


@pytest.fixture
def team(crm: CrmService) -> CrmService:
    zeta = crm.create_account({"name": "Zeta Foods", "bill_to_city": "Ávila", "account_number": "A-3"})
    acme = crm.create_account({"name": "Acme", "bill_to_city": "madrid", "account_number": "A-1"})
    crm.create_account({"name": "Bravo", "bill_to_city": "Barcelona"})
    crm.create_contact({"first_name": "Ana", "last_name": "Ruiz", "job_title": "buyer", "account_id": zeta.id})
    crm.create_contact({"first_name": "Luis", "last_name": "Alba", "job_title": "Ópera manager",
                        "account_id": acme.id})
    crm.create_contact({"first_name": "Eva", "last_name": "Cano", "job_title": "Director"})
    crm.create_contact({"first_name": "Paz", "last_name": "Díaz", "job_title": "buyer", "account_id": acme.id})
    return crm


def _names(crm: CrmService, kind: str, sort: str, **kwargs: object) -> list[str]:
    nums = crm.sorted_nums(kind, sort, **kwargs)  # type: ignore[arg-type]
    return [r.name for r in crm.by_nums(kind, list(nums))]


def test_accounts_sort_by_city_ignoring_case_and_accents_with_blanks_last(team: CrmService) -> None:
    team.create_account({"name": "No City"})
    assert _names(team, "account", "bill_to_city") == ["Zeta Foods", "Bravo", "Acme", "No City"]
    assert _names(team, "account", "bill_to_city", descending=True) == ["Acme", "Bravo", "Zeta Foods", "No City"]


def test_contacts_sort_by_company_name_through_the_account(team: CrmService) -> None:
    assert _names(team, "contact", "company") == ["Luis Alba", "Paz Díaz", "Ana Ruiz", "Eva Cano"]


def test_ties_keep_a_stable_order_and_the_name_sort_is_the_list_order(team: CrmService) -> None:
    assert _names(team, "contact", "job_title") == ["Ana Ruiz", "Paz Díaz", "Eva Cano", "Luis Alba"]
    assert _names(team, "contact", "name") == ["Luis Alba", "Eva Cano", "Paz Díaz", "Ana Ruiz"]
    assert _names(team, "contact", "name", descending=True) == ["Ana Ruiz", "Paz Díaz", "Eva Cano", "Luis Alba"]


def test_sorting_keeps_to_the_view_and_the_search(team: CrmService) -> None:
    ana = next(r for r in team.search("contact", "ana"))
    team.set_active(ana, False)
    assert _names(team, "contact", "job_title") == ["Paz Díaz", "Eva Cano", "Luis Alba"]
    assert _names(team, "contact", "job_title", view="inactive") == ["Ana Ruiz"]
    assert _names(team, "contact", "company", view="all", text="acme") == ["Luis Alba", "Paz Díaz"]
    assert _names(team, "contact", "job_title", text="x' OR 1=1 --") == []


def test_every_list_column_has_a_sort_and_nothing_else_does(team: CrmService) -> None:
    for kind, sorts in SORTS.items():
        for sort in sorts:
            assert len(team.sorted_nums(kind, sort, view="all")) == team.count(kind, "all")
    with pytest.raises(KeyError):
        team.sorted_nums("contact", "num; DROP TABLE contact")


def test_a_sort_on_its_own_connection_reads_the_same_without_the_store_lock(team: CrmService) -> None:
    import threading

    store = team.store
    expected = store.sorted_nums("contact", "company")
    got: list[object] = []
    with store.db.lock:  # held by another thread's work, as the GUI's reads would be
        reader = threading.Thread(target=lambda: got.append(
            store.sorted_nums("contact", "company", own_connection=True)))
        reader.start()
        reader.join(timeout=10)
    assert got == [expected]
