"""Discarding a refused change against a real server: the laptop shows what the server has."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from crm_desktop import cli
from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def _owner(rep: Rep, record_id: str) -> str | None:
    record = rep.crm.get("account", record_id)
    assert record is not None
    return record.owner_name


def test_discarding_an_assign_to_a_mistyped_team_shows_the_owner_again(shared_server: ServerProcess,
                                                                        make_rep: MakeRep) -> None:
    ana = make_rep(shared_server, team=new_team(shared_server))
    account = ana.crm.create_account({"name": "Echo SA"})
    ana.sync.sync_now()
    assert _owner(ana, account.id) == ana.name
    ana.crm.assign(account, "team", "sale")  # no such team
    assert ana.sync.sync_now().rejected == 1
    [issue] = ana.sync.issues()
    assert "there is no team named 'sale'" in issue.message
    ana.sync.resolve(issue.id, "discard")
    ana.sync.sync_now()
    assert _owner(ana, account.id) == ana.name and ana.store.pending_changes() == 0


def test_the_connections_that_went_with_a_refused_assign_follow_its_discard(
        shared_server: ServerProcess, make_rep: MakeRep, capsys: pytest.CaptureFixture[str]) -> None:
    ana = make_rep(shared_server, team=new_team(shared_server))
    account = ana.crm.create_account({"name": "Foxtrot SL"})
    contact = ana.crm.create_contact({"first_name": "Eva", "last_name": "Mora", "account_id": account.id})
    other = ana.crm.create_account({"name": "Golf SA"})
    ana.crm.link(account, contact, "Former Employer", "Former Employee")
    ana.crm.link(other, account, "Supplier", "Customer")
    ana.sync.sync_now()
    ana.crm.assign(account, "team", "sale")  # no such team; both links go with the account
    assert ana.sync.sync_now().rejected == 3
    issues = {i.record_name: i for i in ana.sync.issues()}
    assert set(issues) == {"Foxtrot SL", "Foxtrot SL - Eva Mora", "Golf SA - Foxtrot SL"}, "links named by their ends"
    lead = issues["Foxtrot SL"]
    assert sorted(lead.followers) == sorted(i.id for i in issues.values() if i is not lead)

    assert cli.main(["--data-dir", str(ana.store.path.parent), "resolve", str(lead.id), "--discard", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer == {"resolved": lead.id, "action": "discard", "also_resolved": sorted(lead.followers)}
    assert ana.sync.issues() == []
    ana.sync.sync_now()
    links = [ana.crm.get("connection", c.id) for c in ana.crm.connections(account.id)]
    assert [link.owner_name for link in links if link] == [ana.name, ana.name]
    assert _owner(ana, account.id) == ana.name and ana.store.pending_changes() == 0


def test_a_connection_assign_refused_on_its_own_is_resolved_alone(shared_server: ServerProcess,
                                                                  make_rep: MakeRep) -> None:
    ana = make_rep(shared_server, team=new_team(shared_server))
    account = ana.crm.create_account({"name": "Hotel SA"})
    contact = ana.crm.create_contact({"first_name": "Iker", "last_name": "Sanz"})
    link = ana.crm.link(account, contact, "Former Employer", "Former Employee")
    ana.sync.sync_now()
    ana.crm.assign(link, "team", "sale")
    ana.crm.assign(account, "team", "sales-typo")  # a later assign of the account: the link stays out of it
    assert ana.sync.sync_now().rejected == 2
    by_entity = {i.entity: i for i in ana.sync.issues()}
    assert by_entity["account"].followers == ()
    assert ana.sync.resolve(by_entity["account"].id, "discard") == []
    assert [i.entity for i in ana.sync.issues()] == ["connection"]
