"""The sync subcommands in-process, with the service on the fake server."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.commands import sync as sync_commands
from crm_desktop.services.sync import CredentialStore, SyncService
from crm_desktop.store.store import STORE_FILE
from crm_desktop.sync.credentials import MemoryKeyring
from tests.unit.crm_desktop.sync.fake_server import FakeServer

Invoke = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        server: FakeServer) -> Invoke:
    keyring = MemoryKeyring()
    monkeypatch.setenv("CRM_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.setenv("CRM_PASSWORD", "pw")
    monkeypatch.setattr(sync_commands, "_service", lambda ctx: SyncService(
        ctx.store, credentials=CredentialStore(keyring), transport=server.transport(), timeout=2))

    def invoke(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_share_and_assign_are_queued_like_any_edit(run: Invoke, server: FakeServer) -> None:
    invoke = run
    assert invoke("account", "add", "--name", "Contoso")[0] == 0
    code, out, _ = invoke("share", "Contoso", "--team", "sales", "--rights", "read,write", "--json")
    assert code == 0 and json.loads(out)["queued"] is True
    assert invoke("assign", "Contoso", "--user", "bob")[0] == 0
    code, _, err = invoke("share", "Contoso", "--user", "bob", "--rights", "read,fly")
    assert code != 0 and "unknown right 'fly'" in err
    code, out, _ = invoke("share", "Contoso", "--user", "bob", "--rights", "")
    assert code == 0 and out.strip() == "Stopped sharing Contoso with user bob; queued for the next sync."
    invoke("contact", "add", "--first", "Ana", "--last", "Ruiz")
    link = json.loads(invoke("link", "Ana Ruiz", "Contoso", "--role", "Champion", "--json")[1])
    code, out, _ = invoke("assign", link["id"], "--team", "sales")
    assert out.strip() == "Assigned Ana Ruiz (Champion) - Contoso (Customer) to team sales; queued for the next sync."
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    code, out, _ = invoke("sync", "--json")
    assert code == 0 and json.loads(out)["pushed"] == 7  # the account, two shares, two assigns, contact, link
    assert [len(p) for p in server.pushes] == [7]


def _conflict_on_contoso(invoke: Invoke, server: FakeServer, field: str, mine: str, theirs: str) -> None:
    """Contoso synced, then edited here while the server took another value: the next sync conflicts."""
    invoke("account", "add", "--name", "Contoso", "--phone", "555 0100")
    invoke("login", "--server", "http://crm.test", "--user", "ana")
    invoke("sync")
    invoke("update", "Contoso", "--set", f"{field}={mine}")
    server.conflict_fields[2] = {field: theirs}


def test_issues_are_listed_and_resolved_from_the_command_line(run: Invoke, server: FakeServer) -> None:
    invoke = run
    _conflict_on_contoso(invoke, server, "phone", "555 0111", "555 0222")
    code, out, _ = invoke("sync", "--json")
    assert code == 0 and {k: json.loads(out)[k] for k in ("pushed", "conflicts")} == {"pushed": 0, "conflicts": 1}
    code, out, _ = invoke("sync-issues", "--json")
    [issue] = json.loads(out)
    assert {k: issue[k] for k in ("kind", "reason")} == {"kind": "conflict", "reason": "conflict"}
    assert issue["fields"] == {"phone": {"base": "555 0100", "theirs": "555 0222", "yours": "555 0111"}}
    code, out, _ = invoke("sync-issues")
    assert "yours '555 0111', theirs '555 0222'" in out
    assert " conflict conflict " not in out  # the reason column is blank when it only repeats the kind
    code, _, err = invoke("resolve", str(issue["id"]), "--retry")
    assert code != 0 and "choose --keep-mine or --take-theirs" in err
    code, out, _ = invoke("resolve", str(issue["id"]), "--keep-mine")
    assert code == 0 and out.strip() == f"Issue {issue['id']}: keep mine. 1 change queued: run `crm-desktop sync`."
    code, out, _ = invoke("sync", "--json")
    assert json.loads(out)["pushed"] == 1 and server.records[issue["record_id"]].fields["phone"] == "555 0111"
    assert json.loads(invoke("sync-issues", "--json")[1]) == []


def test_sync_says_pushed_only_for_what_the_server_took(run: Invoke, server: FakeServer) -> None:
    invoke = run
    for name in ("Contoso", "Fabrikam", "Northwind"):
        invoke("account", "add", "--name", name)
    server.reject[2] = "permission"
    server.conflict_fields[3] = {"industry": "Mining"}
    invoke("login", "--server", "http://crm.test", "--user", "ana")
    code, out, _ = invoke("sync", "--json")
    counts = json.loads(out)
    assert code == 0 and {k: counts[k] for k in ("pushed", "conflicts", "rejected")} == \
        {"pushed": 1, "conflicts": 1, "rejected": 1}
    invoke("update", "Contoso", "--set", "industry=Retail")
    code, out, _ = invoke("sync")
    assert out.startswith("Pushed 1, pulled 0; 0 conflicts, 0 rejected;")


def test_sync_says_one_conflict_in_the_singular(run: Invoke, server: FakeServer) -> None:
    invoke = run
    for name in ("Contoso", "Fabrikam"):
        invoke("account", "add", "--name", name)
    server.conflict_fields[2] = {"industry": "Mining"}
    invoke("login", "--server", "http://crm.test", "--user", "ana")
    code, out, _ = invoke("sync")
    assert code == 0 and out.startswith("Pushed 1, pulled 1; 1 conflict, 0 rejected;"), out


def test_an_expired_login_with_a_keyring_says_to_log_in_again(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke = run
    invoke("account", "add", "--name", "Contoso")
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    assert invoke("logout")[0] == 0  # the token is gone; server and user are remembered
    monkeypatch.delenv("CRM_PASSWORD")
    code, out, err = invoke("sync")
    assert code == 4 and not out
    assert err.strip() == ("crm-desktop: not logged in to http://crm.test as ana; run: crm-desktop login"
                           " --server http://crm.test --user ana")


def test_logout_says_what_is_still_queued_and_a_colleague_cannot_log_in_over_it(run: Invoke) -> None:
    invoke = run
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    invoke("account", "add", "--name", "Ana's deal")
    code, out, _ = invoke("logout")
    assert code == 0 and "1 change made as ana is still queued" in out
    code, _, err = invoke("login", "--server", "http://crm.test", "--user", "bob")
    assert code == 4 and "1 change made as ana is not synced yet; log in as ana and sync" in err
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    assert invoke("sync")[0] == 0
    assert invoke("login", "--server", "http://crm.test", "--user", "bob")[0] == 0



def test_login_without_a_password_to_read_says_so_in_one_line(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke = run
    monkeypatch.delenv("CRM_PASSWORD")

    def no_terminal(_prompt: str) -> str:
        raise EOFError  # stdin is /dev/null, or the rep pressed Ctrl-D

    monkeypatch.setattr(sync_commands.getpass, "getpass", no_terminal)
    code, out, err = invoke("login", "--server", "http://crm.test", "--user", "ana")
    assert (code, out) == (2, "")
    assert err.strip() == "crm-desktop: no password given: type it at the prompt, or set CRM_PASSWORD"
    monkeypatch.setattr(sync_commands.getpass, "getpass", lambda _prompt: "")  # Enter at the prompt
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 2


@pytest.mark.parametrize(("server", "user", "says"), [
    ("", "ana", "no server address given"),
    ("ftp://crm.test", "ana", "is not a server address"),
    ("http://crm.test", " ", "no user name given"),
])
def test_login_refuses_a_bad_address_or_user_before_asking_for_the_password(
        run: Invoke, monkeypatch: pytest.MonkeyPatch, server: str, user: str, says: str) -> None:
    monkeypatch.setattr(sync_commands.getpass, "getpass", lambda _prompt: pytest.fail("asked for a password"))
    monkeypatch.delenv("CRM_PASSWORD")
    code, _out, err = run("login", "--server", server, "--user", user)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1


def test_another_user_logging_in_here_does_not_read_the_last_ones_records(run: Invoke, server: FakeServer,
                                                                          tmp_path: Path) -> None:
    invoke = run
    server.put("account", "00000000-0000-4000-8000-0000000000b0", {"name": "Bob's private deal", "state": "active"})
    assert invoke("login", "--server", "http://crm.test", "--user", "bob")[0] == 0
    assert invoke("sync")[0] == 0
    assert "Bob's private deal" in invoke("list", "accounts")[1]
    assert invoke("logout")[0] == 0
    roles = len(json.loads(invoke("roles", "--json")[1]))
    with sqlite3.connect(tmp_path / "cli" / STORE_FILE) as raw:  # as a real server's first sync leaves them
        raw.execute("UPDATE connection_role SET version = 1")
    code, out, _ = invoke("login", "--server", "http://crm.test", "--user", "ana")
    assert code == 0 and "1 record synced as bob left this store; `crm-desktop sync` brings ana's." in out
    assert len(json.loads(invoke("roles", "--json")[1])) == roles  # the team's roles are no one's to forget
    assert "Bob's private deal" not in invoke("list", "accounts")[1]  # at once, before any sync
    assert "Syncs with:         http://crm.test as ana" in invoke("status")[1]
    assert json.loads(invoke("login", "--server", "http://crm.test", "--user", "ana", "--json")[1])[
        "records_removed"] == 0


def test_a_long_value_in_a_conflict_is_cut_in_the_table_and_whole_in_json(run: Invoke, server: FakeServer) -> None:
    invoke = run
    _conflict_on_contoso(invoke, server, "description", "mine " * 600, "theirs " * 500)
    invoke("sync")
    table = invoke("sync-issues")[1]
    assert max(len(line) for line in table.splitlines()) < 250 and "…" in table
    [issue] = json.loads(invoke("sync-issues", "--json")[1])
    assert issue["fields"]["description"]["yours"] == ("mine " * 600).strip()


def test_logout_says_whether_the_server_was_told(run: Invoke, server: FakeServer) -> None:
    invoke = run
    assert invoke("logout")[1].strip() == "Not logged in here."
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    code, out, _ = invoke("logout", "--json")
    assert code == 0 and json.loads(out)["server_told"] is True
    assert invoke("logout")[1].strip() == "No login of ana was kept here."
    assert invoke("login", "--server", "http://crm.test", "--user", "ana")[0] == 0
    server.up = False
    code, out, _ = invoke("logout")
    assert code == 0 and out.strip() == ("Logged out here; the server could not be told, so the login stays valid"
                                         " there until it expires.")


def test_take_theirs_asks_for_no_sync_even_with_other_changes_waiting(run: Invoke, server: FakeServer) -> None:
    invoke = run
    _conflict_on_contoso(invoke, server, "phone", "555 0111", "555 0222")
    invoke("sync")
    invoke("account", "add", "--name", "Fabrikam")  # waits for the next sync, whatever the choice
    [issue] = json.loads(invoke("sync-issues", "--json")[1])
    code, out, _ = invoke("resolve", str(issue["id"]), "--take-theirs")
    assert code == 0 and out.strip() == f"Issue {issue['id']}: take theirs."


def test_a_user_switch_waits_for_a_sync_of_this_store_running_elsewhere(tmp_path: Path, server: FakeServer) -> None:
    from filelock import FileLock

    from crm_desktop.services.sync import SyncBusy
    from crm_desktop.store import Store

    store = Store.open_dir(tmp_path / "rep")
    service = SyncService(store, credentials=CredentialStore(MemoryKeyring()), transport=server.transport())
    service.login("http://crm.test", "bob", "pw")
    service.sync_now()
    other = FileLock(f"{store.path}.sync-lock")
    other.acquire()  # `crm-desktop sync` of this store, still pulling bob's records
    try:
        with pytest.raises(SyncBusy):
            service.login("http://crm.test", "ana", "pw", wait=0.2)
        assert service.username == "bob"  # nothing switched
        service.login("http://crm.test", "bob", "pw", wait=0.2)  # the same user again: nothing to wait for
    finally:
        other.release()
    service.login("http://crm.test", "ana", "pw", wait=0.2)
    assert service.username == "ana"
    store.close()


def test_a_mistyped_user_or_team_is_refused_at_once_when_the_server_can_say(run: Invoke, server: FakeServer) -> None:
    invoke = run
    invoke("account", "add", "--name", "Contoso")
    invoke("login", "--server", "http://crm.test", "--user", "ana")
    code, out, err = invoke("assign", "Contoso", "--team", "sale")
    assert (code, out) == (2, "") and err.strip() == "crm-desktop: the server has no team named 'sale' (teams: sales)"
    code, _, err = invoke("share", "Contoso", "--user", "nosuch", "--rights", "read")
    assert code == 2 and "no user named 'nosuch' (users: ana)" in err
    assert invoke("assign", "Contoso", "--team", "sales")[0] == 0
    server.up = False  # offline: the name waits for the sync to be checked
    assert invoke("assign", "Contoso", "--team", "sale")[0] == 0
