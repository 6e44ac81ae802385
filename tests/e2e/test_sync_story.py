"""The issue's story, end to end against a real crm-server process.

A rep on a plane creates an account, a contact and a connection; nothing
reaches the server until the laptop is back online, when background sync
notices within seconds and pushes.  A colleague then sees the connection from
both sides; a phone number both changed comes back as a conflict to choose.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from crm_desktop.services import ConnectionView
from crm_desktop.services.sync import AutoSync, SyncReport
from tests.e2e.conftest import Rep, new_team
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


def test_offline_work_reaches_a_colleague_after_landing(crm_server_process: ServerProcess,
                                                         make_rep: MakeRep) -> None:
    server = crm_server_process
    team = new_team(server)
    ana, bob = make_rep(server, team=team), make_rep(server, team=team)
    ana.net.offline = True  # on the plane
    account = ana.crm.create_account({"name": "Contoso Air", "phone": "555 010 0100"})
    contact = ana.crm.create_contact({"first_name": "Maria", "last_name": "Campbell", "account_id": account.id,
                                      "phone": "555 010 0200"})
    ana.crm.link(account, contact, "Former Employer", "Former Employee")
    for record in (account, contact):
        ana.crm.assign(record, "team", team)  # the team sees them once they sync
    assert ana.store.pending_changes() == 6, "the link went with the account: three creates, three assigns"
    bob.sync.sync_now()
    assert bob.crm.count("account") == 0  # nothing reached the server

    finished: list[Any] = []
    done = threading.Event()

    def on_finished(outcome: Any) -> None:
        finished.append(outcome)
        if isinstance(outcome, SyncReport):
            done.set()

    auto = AutoSync(ana.sync, interval=300, edit_delay=0.1, max_backoff=0.5, on_finished=on_finished)
    auto.start()
    try:
        threading.Event().wait(0.3)
        assert not done.is_set()
        ana.net.offline = False  # landed
        assert done.wait(5.0), finished
    finally:
        auto.stop()
    report = finished[-1]
    assert report.pushed == 6 and report.pending_changes == 0 and report.conflicts == report.rejected == 0
    # The server's copies of the seeded roles, and the echo of ana's own three
    # records, change nothing here: not news from others.
    assert report.pulled == 0

    assert bob.sync.sync_now().pulled == 3
    assert bob.sync.sync_now().pulled == 0
    from_account = bob.crm.connections(account.id)
    from_contact = bob.crm.connections(contact.id)
    assert len(from_account) == 1 and len(from_contact) == 1
    assert _role_names(from_account[0]) == ("Former Employer", "Former Employee")
    assert _role_names(from_contact[0]) == ("Former Employee", "Former Employer")

    # Meanwhile both change the contact's phone: the rep sees both values and chooses.
    bob.crm.update(contact.id, {"phone": "555 010 0299"})
    bob.sync.sync_now()
    ana.net.offline = True
    ana.crm.update(contact.id, {"phone": "555 010 0288"})
    ana.net.offline = False
    report = ana.sync.sync_now()
    assert report.conflicts == 1
    [issue] = ana.sync.issues()
    assert issue.fields["phone"]["yours"] == "555 010 0288"
    assert issue.fields["phone"]["theirs"] == "555 010 0299"
    assert issue.fields["phone"]["base"] == "555 010 0200"
    ana.sync.resolve(issue.id, "keep_mine")
    ana.sync.sync_now()
    bob.sync.sync_now()
    seen = bob.crm.get("contact", contact.id)
    assert seen is not None and seen.fields["phone"] == "555 010 0288"
    assert ana.sync.state().sync_issues == 0 and ana.sync.state().last_sync

    # Nothing doubled: one account, one contact, one connection on the server.
    assert bob.crm.count("account") == 1 and bob.crm.count("contact") == 1
    assert len(bob.crm.connections(account.id)) == 1


def _role_names(view: ConnectionView) -> tuple[str | None, str | None]:
    return view.role, view.other_role


def test_health_probe_answers_without_login(crm_server_process: ServerProcess, make_rep: MakeRep) -> None:
    rep = make_rep(crm_server_process)
    assert rep.sync.probe() is True
    assert httpx.get(f"{crm_server_process.url}/api/v1/health", timeout=5).status_code == 200
