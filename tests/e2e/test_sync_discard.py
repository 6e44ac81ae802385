"""Discarding a refused change against a real server: the laptop shows what the server has."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass
class _Shared:
    """Ana's Acme (with a sub-account) and Rita Vega, its primary contact, linked to it; Bob may edit, not delete."""

    ana: Rep
    bob: Rep
    acme: str
    east: str
    rita: str
    link: str


def _shared_without_delete(server: ServerProcess, make_rep: MakeRep) -> _Shared:
    ana, bob = make_rep(server), make_rep(server)
    acme = ana.crm.create_account({"name": "Acme Vega"})
    east = ana.crm.create_account({"name": "Acme East", "parent_account_id": acme.id})
    rita = ana.crm.create_contact({"first_name": "Rita", "last_name": "Vega", "account_id": acme.id})
    ana.crm.set_primary_contact(acme, rita)
    link = ana.crm.link(rita, acme, "Champion")
    for record in (acme, east, rita, link):
        ana.crm.share(record, "user", bob.name, ["read", "write"])
    ana.sync.sync_now()
    bob.sync.sync_now()
    assert [c.id for c in bob.crm.connections(acme.id)] == [link.id]
    return _Shared(ana, bob, acme.id, east.id, rita.id, link.id)


def _discard_refused_delete(bob: Rep, record_id: str) -> None:
    report = bob.sync.sync_now()
    assert (report.pushed, report.rejected) == (0, 1)
    [issue] = bob.sync.issues()
    assert (issue.op, issue.reason, issue.record_id) == ("delete", "permission", record_id)
    bob.sync.resolve(issue.id, "discard")


def _assert_all_back(rep: Rep, s: _Shared) -> None:
    acme, east, rita = (rep.crm.get(e, i) for e, i in (("account", s.acme), ("account", s.east), ("contact", s.rita)))
    assert acme is not None and east is not None and rita is not None
    assert acme.fields["primary_contact_id"] == s.rita
    assert east.fields["parent_account_id"] == s.acme
    assert rita.fields["account_id"] == s.acme
    assert [c.id for c in rep.crm.connections(s.acme)] == [s.link]
    assert [r.id for r in rep.crm.search("contact", "acme vega")] == [s.rita]  # found by her company again
    assert rep.sync.issues() == [] and rep.store.pending_changes() == 0


def test_discarding_a_refused_delete_of_a_contact_brings_back_her_links(shared_server: ServerProcess,
                                                                        make_rep: MakeRep) -> None:
    s = _shared_without_delete(shared_server, make_rep)
    s.bob.crm.delete(s.rita)
    assert s.bob.crm.connections(s.acme) == []
    _discard_refused_delete(s.bob, s.rita)
    assert s.bob.crm.get("contact", s.rita) is not None
    assert [c.id for c in s.bob.crm.connections(s.acme)] == [s.link]  # at once, with no server needed
    s.bob.sync.sync_now()  # brings back what the delete cleared in other records: Acme's primary contact
    _assert_all_back(s.bob, s)
    s.ana.sync.sync_now()
    _assert_all_back(s.ana, s)


def test_discarding_a_refused_delete_of_an_account_brings_back_its_contacts_and_sub_accounts(
        shared_server: ServerProcess, make_rep: MakeRep) -> None:
    s = _shared_without_delete(shared_server, make_rep)
    s.bob.crm.delete(s.acme)
    rita = s.bob.crm.get("contact", s.rita)
    assert rita is not None and rita.fields["account_id"] is None  # the local delete cleared it
    _discard_refused_delete(s.bob, s.acme)
    assert [c.id for c in s.bob.crm.connections(s.acme)] == [s.link]
    s.bob.sync.sync_now()
    _assert_all_back(s.bob, s)
    s.ana.sync.sync_now()
    _assert_all_back(s.ana, s)


def test_a_team_record_assigned_outside_the_team_is_refused_and_the_team_keeps_it(
        shared_server: ServerProcess, make_rep: MakeRep, capsys: pytest.CaptureFixture[str]) -> None:
    team = new_team(shared_server)
    ana, bob = make_rep(shared_server, team=team), make_rep(shared_server, team=team)
    eve = make_rep(shared_server, team=new_team(shared_server))
    account = ana.crm.create_account({"name": "Kilo SA"})
    ana.crm.assign(account, "team", team)
    ana.sync.sync_now()
    bob.sync.sync_now()
    bob.crm.assign(account.id, "user", eve.name)
    assert bob.sync.sync_now().rejected == 1
    [issue] = bob.sync.issues()
    assert (issue.reason, issue.record_name) == ("permission", "Kilo SA")
    assert f"belongs to team {team}: only an admin can assign it outside the team" in issue.message
    assert cli.main(["--data-dir", str(bob.store.path.parent), "sync-issues"]) == 0
    assert f"{eve.name} is not a member of {team}" in capsys.readouterr().out
    bob.sync.resolve(issue.id, "discard")
    assert _owner(bob, account.id) == team
    for rep in (ana, bob, eve):
        rep.sync.sync_now()
    assert _owner(ana, account.id) == _owner(bob, account.id) == team
    assert eve.crm.get("account", account.id) is None
