"""Discarding a refused change against a real server: the laptop shows what the server has."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
