"""Pulled records carry the server's creation and change times, not the time of the pull."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from crm_server.core.config import load_settings
from crm_server.core.db import make_engine
from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]

CREATED = "2025-03-04T05:06:07.891011Z"
MODIFIED = "2025-06-07T08:09:10.111213Z"


def _server_stamps(server: ServerProcess, record_id: str, created: str | None = None,
                   modified: str | None = None) -> tuple[str, str]:
    """The record's stamps on the server, after setting them when given (a record made months ago)."""
    engine = make_engine(load_settings(server.database_url, server.data_dir).database_url)
    try:
        with engine.begin() as conn:
            if created and modified:
                conn.execute(text("UPDATE record SET created_at = :c, modified_at = :m WHERE id = :id"),
                             {"c": created, "m": modified, "id": record_id})
            row = conn.execute(text("SELECT created_at, modified_at FROM record WHERE id = :id"),
                               {"id": record_id}).one()
    finally:
        engine.dispose()
    return str(row[0]), str(row[1])


def _local(stamp: str) -> str:
    return stamp[:19] + "+00:00"


def test_a_colleagues_first_sync_keeps_when_records_were_made(crm_server_process: ServerProcess,
                                                              make_rep: MakeRep) -> None:
    server = crm_server_process
    team = new_team(server)
    ana, bob = make_rep(server, team=team), make_rep(server, team=team)
    account = ana.crm.create_account({"name": "Old Customer Ltd"})
    contact = ana.crm.create_contact({"first_name": "Ada", "last_name": "Byron", "account_id": account.id})
    for record in (account, contact):
        ana.crm.assign(record, "team", team)
    ana.sync.sync_now()
    created, modified = _server_stamps(server, account.id)
    made = ana.crm.get("account", account.id)  # its maker takes the server's times too: one creation time for all
    assert made is not None and (made.created_at, made.modified_at) == (_local(created), _local(modified))
    _server_stamps(server, account.id, CREATED, MODIFIED)

    bob.sync.sync_now()  # a first sync: the bulk path
    pulled = bob.crm.get("account", account.id)
    assert pulled is not None
    assert (pulled.created_at, pulled.modified_at) == (_local(CREATED), _local(MODIFIED))
    created, modified = _server_stamps(server, contact.id)
    pulled_contact = bob.crm.get("contact", contact.id)
    assert pulled_contact is not None
    assert (pulled_contact.created_at, pulled_contact.modified_at) == (_local(created), _local(modified))


def test_a_pulled_change_keeps_its_time_and_a_queued_edit_stays_newer(crm_server_process: ServerProcess,
                                                                     make_rep: MakeRep) -> None:
    server = crm_server_process
    team = new_team(server)
    ana, bob = make_rep(server, team=team), make_rep(server, team=team)
    account = ana.crm.create_account({"name": "Fabrikam"})
    ana.crm.assign(account, "team", team)
    ana.sync.sync_now()
    bob.sync.sync_now()

    ana.crm.update(account.id, {"phone": "555 010 0100"})
    ana.sync.sync_now()
    _server_stamps(server, account.id, CREATED, MODIFIED)
    bob.sync.sync_now()  # the record is known: the careful per-record path
    seen = bob.crm.get("account", account.id)
    assert seen is not None and seen.get("phone") == "555 010 0100"
    assert seen.modified_at == _local(MODIFIED)

    bob.net.offline = True
    bob.crm.update(account.id, {"website": "fabrikam.example"})
    edited = bob.crm.get("account", account.id)
    assert edited is not None and edited.modified_at > _local(MODIFIED)
    ana.crm.update(account.id, {"phone": "555 010 0199"})
    ana.sync.sync_now()
    _server_stamps(server, account.id, CREATED, MODIFIED)  # an older stamp than bob's queued edit
    bob.net.offline = False
    bob.sync.sync_now()
    merged = bob.crm.get("account", account.id)
    assert merged is not None and merged.get("phone") == "555 010 0199"
    assert merged.get("website") == "fabrikam.example"
    assert merged.modified_at >= edited.modified_at
