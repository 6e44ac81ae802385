"""A contact whose account comes after it in the server's log is still found by the company's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def _found(rep: Rep, text: str) -> list[str]:
    return sorted(r.fields["last_name"] for r in rep.crm.search("contact", text))


def test_a_first_sync_after_a_compacted_log_finds_contacts_by_company(shared_server: ServerProcess,
                                                                     make_rep: MakeRep) -> None:
    team = new_team(shared_server)
    ana, bob = make_rep(shared_server, team=team), make_rep(shared_server, team=team)
    acme = ana.crm.create_account({"name": "Zyxwidgets"})
    ana.crm.assign(acme, "team", team)
    lee = ana.crm.create_contact({"first_name": "Lee", "last_name": "Park", "account_id": acme.id})
    ana.crm.assign(lee, "team", team)
    ana.sync.sync_now()
    ana.crm.update(acme.id, {"phone": "555 010 7777"})  # the account's newest change now follows the contact's
    ana.sync.sync_now()
    assert "dropped" in shared_server.cli("compact-log")  # the admin's routine compaction
    bob.sync.pull_limit = 1  # a page each, as with thousands of records between them
    bob.sync.sync_now()
    assert _found(bob, "Zyxwidgets") == _found(ana, "Zyxwidgets") == ["Park"]
